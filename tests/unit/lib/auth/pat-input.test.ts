import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPatFormat, parseHostInput, type PatTarget } from '@/lib/auth/pat-input';
import { PAT_SCOPES_BY_FEATURE } from '@/lib/auth/pat-scopes';
import { basic } from '../../../fake-ado/fixtures/basic';

const cloud = (organization: string): PatTarget => ({
  kind: 'cloud',
  organization,
  baseUrl: `https://dev.azure.com/${organization}`,
  tokenPageUrl: `https://dev.azure.com/${organization}/_usersSettings/tokens`,
});
const server = (origin: string, path: string, collection: string): PatTarget => ({
  kind: 'server',
  collection,
  baseUrl: `${origin}/${path}`,
  origin,
  tokenPageUrl: `${origin}/${path}/_usersSettings/tokens`,
});

const CONTOSO = cloud('contoso');
const TFS = server('https://tfs.contoso.test', 'tfs/DefaultCollection', 'DefaultCollection');

const accepted: [string, PatTarget][] = [
  ['dev.azure.com/contoso', CONTOSO],
  ['dev.azure.com/contoso/', CONTOSO],
  ['https://dev.azure.com/contoso', CONTOSO],
  ['https://dev.azure.com/contoso/', CONTOSO],
  ['  https://dev.azure.com/contoso  \n', CONTOSO],
  ['HTTPS://DEV.AZURE.COM/contoso', CONTOSO],
  ['http://dev.azure.com/contoso', CONTOSO],
  ['https://dev.azure.com/Contoso-Labs', cloud('Contoso-Labs')],
  ['https://dev.azure.com/contoso/Platform', CONTOSO],
  ['https://dev.azure.com/contoso/Platform/_git/web-portal', CONTOSO],
  ['https://dev.azure.com/contoso/Platform/_git/web-portal?path=/README.md&version=GBmain', CONTOSO],
  ['https://dev.azure.com/contoso/Platform/_git/web-portal/pullrequest/12', CONTOSO],
  ['https://dev.azure.com/contoso/_git/Mobile%20App', CONTOSO],
  ['dev.azure.com/contoso/Platform/_git/web-portal', CONTOSO],
  ['https://contoso@dev.azure.com/contoso/Platform/_git/web-portal', CONTOSO],
  ['https://contoso@dev.azure.com/contoso', CONTOSO],
  ['https://dev.azure.com/contoso/_usersSettings/tokens', CONTOSO],
  ['https://dev.azure.com/contoso/_settings/organizationPolicy', CONTOSO],
  ['https://vssps.dev.azure.com/contoso/', CONTOSO],
  ['git@ssh.dev.azure.com:v3/contoso/Platform/web-portal', CONTOSO],
  ['ssh://git@ssh.dev.azure.com/v3/contoso/Platform/web-portal', CONTOSO],
  ['git@ssh.dev.azure.com:v3/contoso', CONTOSO],
  ['ssh://git@ssh.dev.azure.com:22/v3/contoso', CONTOSO],
  ['contoso.visualstudio.com', CONTOSO],
  ['contoso.visualstudio.com/', CONTOSO],
  ['https://contoso.visualstudio.com', CONTOSO],
  ['https://Contoso.VisualStudio.com/DefaultCollection', CONTOSO],
  ['contoso.visualstudio.com/DefaultCollection/', CONTOSO],
  ['https://contoso.visualstudio.com/DefaultCollection/Platform/_git/web-portal', CONTOSO],
  ['https://contoso.visualstudio.com/Platform/_git/web-portal', CONTOSO],
  ['https://contoso.vssps.visualstudio.com/', CONTOSO],
  ['contoso@vs-ssh.visualstudio.com:v3/contoso/Platform/web-portal', CONTOSO],
  ['https://tfs.contoso.test/tfs/DefaultCollection', TFS],
  ['https://tfs.contoso.test/tfs/DefaultCollection/', TFS],
  ['tfs.contoso.test/tfs/DefaultCollection', TFS],
  [basic.orgs.server.url, TFS],
  ['https://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app', TFS],
  ['https://tfs.contoso.test/tfs/DefaultCollection/_usersSettings/tokens', TFS],
  ['https://tfs.contoso.test/tfs/DefaultCollection/_settings', TFS],
  ['http://server:8080/tfs/DefaultCollection', server('http://server:8080', 'tfs/DefaultCollection', 'DefaultCollection')],
  ['http://server:8080/tfs/DefaultCollection/', server('http://server:8080', 'tfs/DefaultCollection', 'DefaultCollection')],
  ['https://devops.fabrikam.test/Fabrikam', server('https://devops.fabrikam.test', 'Fabrikam', 'Fabrikam')],
  ['https://ado.example.test:8443/My%20Collection', server('https://ado.example.test:8443', 'My%20Collection', 'My Collection')],
  ['https://ado.example.test:443/Coll', server('https://ado.example.test', 'Coll', 'Coll')],
  ['http://10.0.0.5/tfs/Main', server('http://10.0.0.5', 'tfs/Main', 'Main')],
  ['ssh://tfs.contoso.test:22/tfs/DefaultCollection/Legacy/_git/legacy-app', TFS],
];

const rejected: [string, RegExp][] = [
  ['', /^Enter the address of your Azure DevOps organization/],
  ['   \n\t', /^Enter the address of your Azure DevOps organization/],
  ['dev.azure.com', /^Add your organization: dev\.azure\.com\/your-org$/],
  ['https://dev.azure.com/', /^Add your organization: dev\.azure\.com\/your-org$/],
  ['dev.azure.com/_usersSettings/tokens', /^Add your organization/],
  ['https://dev.azure.com/my org', /not an organization name/],
  ['https://dev.azure.com/-contoso', /not an organization name/],
  ['https://dev.azure.com:8443/contoso', /no port number/],
  ['https://github.com/contoso/web-portal', /^That is a GitHub address, not Azure DevOps/],
  ['github.com/contoso', /^That is a GitHub address/],
  ['git@github.com:contoso/web-portal.git', /^That is a GitHub address/],
  ['https://gitlab.com/contoso/web', /^That is a GitLab address/],
  ['https://bitbucket.org/contoso/web', /^That is a Bitbucket address/],
  ['https://dev.azure.com.evil.example/contoso', /only looks like Azure DevOps/],
  ['https://dev.azure.com@evil.example/contoso', /only looks like Azure DevOps/],
  ['https://contoso.visualstudio.com.evil.example/', /only looks like Azure DevOps/],
  ['https://dev-azure.com/contoso', /only looks like Azure DevOps/],
  ['https://devazure.com/contoso', /only looks like Azure DevOps/],
  ['https://dev.azure.co/contoso', /only looks like Azure DevOps/],
  ['https://evil.example/dev.azure.com/contoso', /only looks like Azure DevOps/],
  ['https://portal.azure.com/', /Microsoft address, but not Azure DevOps/],
  ['https://login.microsoftonline.com/common', /Microsoft address, but not Azure DevOps/],
  ['https://app.vssps.visualstudio.com/_apis/profile', /visualstudio\.com address is not an organization/],
  ['https://www.visualstudio.com/', /visualstudio\.com address is not an organization/],
  ['https://marketplace.visualstudio.com/items', /visualstudio\.com address is not an organization/],
  ['https://a.b.contoso.visualstudio.com/', /visualstudio\.com address is not an organization/],
  ['https://status.dev.azure.com/', /dev\.azure\.com address is not an organization/],
  ['vs-ssh.visualstudio.com', /SSH address/],
  ['ssh://git@ssh.dev.azure.com:2222/v3/contoso', /SSH address/],
  ['https://ssh.dev.azure.com/v3/contoso', /SSH address/],
  ['ssh.dev.azure.com', /SSH address/],
  ['ftp://dev.azure.com/contoso', /web address/],
  ['https://', /not a web address/],
  ['https://exa mple.test/tfs/Coll', /not a web address/],
  ['http://[::1', /not a web address/],
  ['contoso', /^Enter the whole address/],
  ['https://tfs.contoso.test', /^Add the collection/],
  ['https://tfs.contoso.test/', /^Add the collection/],
  ['https://tfs.contoso.test/tfs', /^Add the collection/],
  ['https://tfs.contoso.test/_settings', /^Add the collection/],
  ['https://tfs.contoso.test/%E0%A4%A', /not a web address/],
  [basic.pats.janeContoso, /looks like a Personal Access Token/],
  [basic.pats.janeContosoLegacy, /looks like a Personal Access Token/],
];

describe('parseHostInput', () => {
  it.each(accepted)('accepts %j', (input, target) => {
    expect(parseHostInput(input)).toMatchObject({ ok: true, target });
    expect(parseHostInput(input)).toEqual(expect.objectContaining({ target }));
  });

  it.each(rejected)('rejects %j', (input, message) => {
    const result = parseHostInput(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('never repeats a pasted token or password in its message', () => {
    const secret = 'p4ssw0rd-secret-value';
    for (const input of [`https://user:${secret}@github.com/x`, `https://${secret}@dev.azure.com`, `https://user:${secret}@evil.example.dev.azure.com.x/`, basic.pats.janeContoso]) {
      const result = parseHostInput(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message).not.toContain(secret);
        expect(result.message).not.toContain(basic.pats.janeContoso);
      }
    }
  });

  it('never throws and answers a sentence for any text', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const result = parseHostInput(input);
        return result.ok ? result.target.baseUrl.startsWith('http') : /\.$|your-org$/.test(result.message);
      }),
    );
  });

  it('accepts an http:// server only with a warning that the token would travel in clear', () => {
    const result = parseHostInput('http://server:8080/tfs/DefaultCollection');
    expect(result).toMatchObject({ ok: true, warning: { kind: 'insecure', message: expect.stringMatching(/server:8080 is reached over http.*in clear/) } });
    expect(parseHostInput('https://server:8080/tfs/DefaultCollection')).not.toHaveProperty('warning');
  });

  it('shows the punycode name of a look-alike server (dev.аzure.com with a Cyrillic а) and warns', () => {
    const result = parseHostInput('https://dev.\u0430zure.com/tfs/DefaultCollection');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.target.kind).toBe('server');
    expect(result.warning?.kind).toBe('lookalike');
    expect(result.warning?.message).toContain('dev.xn--zure-');
  });

  it.each([
    ['http://tfs.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app', 'insecure'],
    ['https://dev.\u0430zure.com/contoso/Platform/_git/web-portal', 'lookalike'],
    ['https://t\u0192s.contoso.test/tfs/DefaultCollection/Legacy/_git/legacy-app', 'lookalike'],
  ])('warns when a pasted repository URL %j names a risky server', (input, kind) => {
    const result = parseHostInput(input);
    expect(result).toMatchObject({ ok: true, target: { kind: 'server' }, warning: { kind } });
  });

  it('names the address a look-alike imitates when its letters only look Latin', () => {
    const result = parseHostInput('https://dev.\u0430zure.com/tfs/DefaultCollection');
    expect(result.ok && result.warning?.message).toMatch(/^dev\.xn--zure-[a-z0-9]+\.com is not dev\.azure\.com: .*Connect only if you trust this server\.$/);
  });

  it('also says the token would travel in clear when a look-alike server is plain http', () => {
    const result = parseHostInput('http://dev.\u0430zure.com/tfs/DefaultCollection');
    expect(result).toMatchObject({ ok: true, warning: { kind: 'lookalike' } });
    expect(result.ok && result.warning?.message).toMatch(/dev\.xn--zure-.*in clear/);
  });

  it('takes no https cloud or plain server address as risky', () => {
    for (const input of ['dev.azure.com/contoso', 'contoso.visualstudio.com', 'https://tfs.contoso.test/tfs/DefaultCollection']) {
      expect(parseHostInput(input), input).not.toHaveProperty('warning');
    }
  });

  it('accepts every well-formed organization name on both cloud hosts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,30}$/), (org) => {
        const modern = parseHostInput(`https://dev.azure.com/${org}`);
        const legacy = parseHostInput(`${org}.visualstudio.com`);
        return (
          modern.ok && modern.target.kind === 'cloud' && modern.target.organization === org &&
          (!legacy.ok || (legacy.target.kind === 'cloud' && legacy.target.organization === org.toLowerCase()))
        );
      }),
    );
  });
});

const LEGACY = 'a'.repeat(52);
const MODERN = `${'B'.repeat(76)}AZDO${'c'.repeat(4)}`;

describe('checkPatFormat', () => {
  const accepted: [string, string][] = [
    [LEGACY, LEGACY],
    [MODERN, MODERN],
    [`  ${LEGACY}\n`, LEGACY],
    [`\r\n${MODERN}\r\n`, MODERN],
    [`\u200B${LEGACY}\uFEFF`, LEGACY],
    [basic.pats.janeContoso, basic.pats.janeContoso],
    [basic.pats.janeContosoLegacy, basic.pats.janeContosoLegacy],
    [basic.pats.janeServer, basic.pats.janeServer],
  ];
  it.each(accepted)('accepts %j', (raw, token) => {
    expect(checkPatFormat(raw)).toEqual({ ok: true, token });
  });

  const rejected: [string, RegExp][] = [
    ['', /^Paste your Personal Access Token\.$/],
    ['   \n ', /^Paste your Personal Access Token\.$/],
    [`Basic ${LEGACY}`, /without "Basic " or "Bearer "/],
    [`Bearer ${MODERN}`, /without "Basic " or "Bearer "/],
    [`${LEGACY.slice(0, 26)} ${LEGACY.slice(26)}`, /spaces or line breaks/],
    [`${MODERN.slice(0, 40)}\n${MODERN.slice(40)}`, /spaces or line breaks/],
    ['eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiI0OTliODRhYyJ9.c2ln', /^That looks like an Entra access token, not a Personal Access Token/],
    [`${'é'.repeat(52)}`, /characters Azure DevOps tokens never have/],
  ];
  it.each(rejected)('rejects %j', (raw, message) => {
    const result = checkPatFormat(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  const unusual: [string, RegExp][] = [
    ['a'.repeat(51), /^Azure DevOps tokens are 52 or 84 characters; this one has 51 — was it copied whole\?$/],
    ['a'.repeat(53), /this one has 53/],
    ['a'.repeat(84), /this one has 84/],
    [`${'B'.repeat(76)}AZDX${'c'.repeat(4)}`, /this one has 84/],
    ['https://dev.azure.com/contoso', /this one has 29/],
  ];
  it.each(unusual)('still accepts %j, with a hint for when Azure DevOps refuses it', (raw, hint) => {
    const result = checkPatFormat(raw);
    expect(result).toMatchObject({ ok: true, token: raw });
    if (result.ok) expect(result.shapeHint).toMatch(hint);
  });

  it('never repeats the pasted text in its message', () => {
    for (const raw of [`Bearer ${MODERN}`, `${LEGACY} ${LEGACY}`, 'eyJhbGciOi.secret-part.sig']) {
      const result = checkPatFormat(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).not.toContain(raw.slice(-20));
    }
  });
});

describe('PAT_SCOPES_BY_FEATURE', () => {
  it('lists the scope each feature needs, as the New Token page labels it', () => {
    expect(PAT_SCOPES_BY_FEATURE.map(({ feature, scope, scopeId }) => [feature, scope, scopeId])).toEqual([
      ['Browse and clone', 'Code: Read', 'vso.code'],
      ['Create repositories & forks', 'Code: Read, write & manage', 'vso.code_manage'],
      ['Pull requests', 'Code: Read & write', 'vso.code_write'],
      ['Reviewer search', 'Identity: Read', 'vso.identity'],
      ['Work items', 'Work Items: Read', 'vso.work'],
      ['Projects', 'Project and Team: Read', 'vso.project'],
    ]);
    expect(new Set(PAT_SCOPES_BY_FEATURE.map((row) => row.key)).size).toBe(PAT_SCOPES_BY_FEATURE.length);
  });
});
