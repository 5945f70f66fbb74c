/**
 * Identity search for the reviewer picker (docs/azure-devops-rest.md#identity-picker):
 *  A. POST {org}/_apis/IdentityPicker/Identities — prefix match on display name words and mail,
 *     `localId` = VSS identity id (absent for directory users who are not org members).
 *  B. GET vssps/{org}/_apis/identities?searchFilter=General&filterValue= — exact-ish match.
 *  C. POST vssps/{org}/_apis/graph/subjectquery and GET graph/storagekeys/{descriptor}.
 */
import { badRequest, notFound } from '../errors';
import type { FixtureGroup, FixtureUser } from '../fixture-types';
import { body, json, list, org, queryParam, type Ctx } from '../http';
import type { Route } from '../router';
import { accountName, groupDisplayName, identity, isMsa, subjectDescriptor, userFromDescriptor } from '../shapes';
import { sha1 } from '../state';

function prefixMatch(user: FixtureUser, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return false;
  const words = user.displayName.toLowerCase().split(/\s+/);
  return (
    user.displayName.toLowerCase().startsWith(q) ||
    words.some((w) => w.startsWith(q)) ||
    user.email.toLowerCase().startsWith(q)
  );
}

/** Users the picker can see: org members ("ims"), plus same-tenant directory users with "source". */
function candidates(ctx: Ctx, scopes: string[]): { user: FixtureUser; member: boolean }[] {
  const o = org(ctx);
  const withSource = scopes.some((s) => s.toLowerCase() === 'source');
  return ctx.state.data.users
    .map((user) => ({ user, member: ctx.state.isMember(o, user.id) }))
    .filter(({ user, member }) => member || (withSource && o.kind === 'cloud' && user.tenantId === o.tenantId));
}

function pickerIdentity(ctx: Ctx, user: FixtureUser, member: boolean) {
  const o = org(ctx);
  const directory = o.kind === 'server' ? 'ad' : isMsa(user) ? 'msa' : 'aad';
  const [mailNickname = ''] = user.email.split('@');
  const nameParts = user.displayName.split(/\s+/);
  return {
    entityId: `vss.ds.v1.${directory}.user.${sha1(user.id).slice(0, 32)}`,
    entityType: 'User',
    originDirectory: directory,
    originId: user.memberId,
    localDirectory: member ? 'vsd' : null,
    ...(member ? { localId: user.id } : {}),
    displayName: user.displayName,
    scopeName: o.kind === 'server' ? o.name : 'Microsoft Entra ID',
    samAccountName: mailNickname,
    active: true,
    subjectDescriptor: member ? subjectDescriptor(user, o) : null,
    department: null,
    jobTitle: null,
    mail: user.email,
    mailNickname,
    physicalDeliveryOfficeName: null,
    signInAddress: o.kind === 'server' ? accountName(user, o) : user.email,
    surname: nameParts[nameParts.length - 1] ?? null,
    guest: false,
    telephoneNumber: null,
    description: null,
    isMru: false,
  };
}

/** Groups and teams of the organization (identity store "ims"), matched on the words of their name. */
function groupMatch(group: FixtureGroup, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return false;
  return group.name.toLowerCase().startsWith(q) || group.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q));
}

/** A group or team as the picker returns it: entityType Group, localId = its identity id. */
function pickerGroup(ctx: Ctx, group: FixtureGroup) {
  const o = org(ctx);
  return {
    entityId: `vss.ds.v1.ims.group.${sha1(group.id).slice(0, 32)}`,
    entityType: 'Group',
    originDirectory: 'vsd',
    originId: group.id,
    localDirectory: 'vsd',
    localId: group.id,
    displayName: groupDisplayName(o, group),
    scopeName: group.project ?? o.name,
    samAccountName: group.name,
    active: true,
    subjectDescriptor: `vssgp.${Buffer.from(group.id, 'utf8').toString('base64url')}`,
    department: null,
    jobTitle: null,
    mail: null,
    mailNickname: null,
    physicalDeliveryOfficeName: null,
    signInAddress: null,
    surname: null,
    guest: false,
    telephoneNumber: null,
    description: group.description ?? null,
    isMru: false,
  };
}

function identityPicker(ctx: Ctx) {
  const input = body<{ query?: string; identityTypes?: string[]; operationScopes?: string[]; options?: { MaxResults?: number } }>(ctx);
  const query = input.query ?? '';
  const types = (input.identityTypes ?? ['user']).map((t) => t.toLowerCase());
  const max = input.options?.MaxResults ?? 40;
  const users = types.includes('user')
    ? candidates(ctx, input.operationScopes ?? ['ims'])
        .filter(({ user }) => prefixMatch(user, query))
        .sort((a, b) => Number(b.member) - Number(a.member) || a.user.displayName.localeCompare(b.user.displayName))
        .map(({ user, member }) => pickerIdentity(ctx, user, member))
    : [];
  const groups = types.includes('group')
    ? (org(ctx).groups ?? [])
        .filter((g) => groupMatch(g, query))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((g) => pickerGroup(ctx, g))
    : [];
  return json(200, {
    results: [{ queryToken: query, identities: [...users, ...groups].slice(0, max), pagingToken: null }],
  });
}

/** B: exact-ish match on mail, account or display name; only identities the org knows. */
function searchIdentities(ctx: Ctx) {
  const o = org(ctx);
  const members = ctx.state.data.users.filter((u) => ctx.state.isMember(o, u.id));
  const ids = queryParam(ctx, 'identityIds');
  if (ids) {
    const wanted = ids.split(',').map((s) => s.trim().toLowerCase());
    const groups = (o.groups ?? []).filter((g) => wanted.includes(g.id.toLowerCase())).map((g) => groupIdentity(ctx, g));
    return list([...members.filter((u) => wanted.includes(u.id.toLowerCase())).map((u) => identity(ctx, u)), ...groups]);
  }
  const filter = queryParam(ctx, 'searchFilter');
  const value = (queryParam(ctx, 'filterValue') ?? '').trim().toLowerCase();
  if (!filter || !value) throw badRequest('searchFilter and filterValue are required (or identityIds).', 'ArgumentNullException');
  const byMail = (u: FixtureUser) => u.email.toLowerCase() === value;
  const byAccount = (u: FixtureUser) => accountName(u, o).toLowerCase() === value || u.email.split('@')[0]!.toLowerCase() === value;
  const byName = (u: FixtureUser) => u.displayName.toLowerCase() === value;
  const test: Record<string, (u: FixtureUser) => boolean> = {
    general: (u) => byMail(u) || byAccount(u) || byName(u),
    mailaddress: byMail,
    accountname: byAccount,
    directoryalias: byAccount,
    displayname: byName,
    localgroupname: () => false,
  };
  const predicate = test[filter.toLowerCase()];
  if (!predicate) throw badRequest(`The searchFilter '${filter}' is not valid.`);
  return list(members.filter(predicate).map((u) => identity(ctx, u)));
}

/** A group or team as an Identity: a container, named like the web UI names it. */
function groupIdentity(ctx: Ctx, group: FixtureGroup) {
  return {
    id: group.id,
    descriptor: `Microsoft.TeamFoundation.Identity;S-1-9-${parseInt(sha1(group.id).slice(0, 8), 16)}`,
    subjectDescriptor: `vssgp.${Buffer.from(group.id, 'utf8').toString('base64url')}`,
    providerDisplayName: groupDisplayName(org(ctx), group),
    isActive: true,
    isContainer: true,
    members: [],
    memberOf: [],
    memberIds: [],
    masterId: group.id,
    metaTypeId: 255,
    properties: { Account: { $type: 'System.String', $value: groupDisplayName(org(ctx), group) } },
    resourceVersion: 2,
  };
}

function graphUser(ctx: Ctx, user: FixtureUser) {
  const descriptor = subjectDescriptor(user, ctx.org);
  return {
    subjectKind: 'user',
    domain: isMsa(user) ? 'Windows Live ID' : user.tenantId,
    principalName: user.email,
    mailAddress: user.email,
    origin: isMsa(user) ? 'msa' : 'aad',
    originId: user.memberId,
    displayName: user.displayName,
    url: `${ctx.base}/_apis/Graph/Users/${descriptor}`,
    descriptor,
  };
}

function subjectQuery(ctx: Ctx) {
  const input = body<{ query?: string; subjectKind?: string[] }>(ctx);
  const o = org(ctx);
  const kinds = (input.subjectKind ?? ['User']).map((k) => k.toLowerCase());
  const users = kinds.includes('user')
    ? ctx.state.data.users.filter((u) => ctx.state.isMember(o, u.id) && prefixMatch(u, input.query ?? '')).slice(0, 100)
    : [];
  return list(users.map((u) => graphUser(ctx, u)));
}

function storageKey(ctx: Ctx, descriptor: string) {
  const user = userFromDescriptor(ctx.state, descriptor);
  if (!user || !ctx.state.isMember(org(ctx), user.id)) throw notFound(`storage key for ${descriptor}`);
  return json(200, { value: user.id, _links: { descriptor: { href: `${ctx.base}/_apis/Graph/Descriptors/${user.id}` } } });
}

export const identityRoutes: Route[] = [
  { method: 'POST', path: '_apis/IdentityPicker/Identities', resource: 'IdentityPicker/Identities', project: 'none', scope: 'vso.identity', handler: identityPicker },
  { method: 'GET', path: '_apis/identities', resource: 'ims/identities', project: 'none', sites: ['vssps'], scope: 'vso.identity', handler: searchIdentities },
  { method: 'POST', path: '_apis/graph/subjectquery', resource: 'graph/subjectQuery', project: 'none', sites: ['vssps'], scope: 'vso.graph', handler: subjectQuery },
  {
    method: 'GET',
    path: '_apis/graph/storagekeys/:descriptor', resource: 'graph/storageKeys',
   
    project: 'none',
    sites: ['vssps'],
    scope: 'vso.graph',
    handler: (ctx, p) => storageKey(ctx, p.descriptor!),
  },
];
