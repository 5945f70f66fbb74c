import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { POLICY_KEYS, parseManagedPolicy } from '@/lib/policy/managed-policy';
import { isPreapprovedForPageActions, organizationRefusal, serverPageActionsRefusal, toPolicyView } from '@/lib/policy/policy-rules';
import { parseHostInput, type PatTarget } from '@/lib/auth/pat-input';
import { DESKTOP_CLIENTS } from '@/lib/clients/desktop-clients';

const schema = JSON.parse(readFileSync('public/managed-schema.json', 'utf8')) as { properties: Record<string, { enum?: string[] }> };

function target(input: string): PatTarget {
  const host = parseHostInput(input);
  if (!host.ok) throw new Error(host.message);
  return host.target;
}

describe('lib/policy/managed-policy', () => {
  it('keeps every key of a valid policy, with organizations and hosts in one form', () => {
    const policy = parseManagedPolicy({
      entraClientId: '11111111-2222-3333-4444-555555555555',
      entraTenant: 'contoso.onmicrosoft.com',
      allowedOrganizations: ['Contoso', 'https://dev.azure.com/Fabrikam', 'tailspin.visualstudio.com', 'https://tfs.contoso.test/tfs/DefaultCollection'],
      allowedServerHosts: ['TFS.contoso.test', 'https://build.contoso.test:8443'],
      pageActionServerHosts: ['tfs.contoso.test'],
      allowPatSignIn: false,
      defaultClient: 'vscode',
      cloneProtocol: 'ssh',
    });
    expect(policy).toEqual({
      entraClientId: '11111111-2222-3333-4444-555555555555',
      entraTenant: 'contoso.onmicrosoft.com',
      allowedOrganizations: ['https://dev.azure.com/contoso', 'https://dev.azure.com/fabrikam', 'https://dev.azure.com/tailspin', 'https://tfs.contoso.test/tfs/defaultcollection'],
      allowedServerHosts: ['tfs.contoso.test', 'build.contoso.test:8443'],
      pageActionServerHosts: ['tfs.contoso.test'],
      allowPatSignIn: false,
      defaultClient: 'vscode',
      cloneProtocol: 'ssh',
    });
  });

  it('ignores a value it cannot take with a note in the console, and keeps the other keys', () => {
    const note = vi.fn();
    const policy = parseManagedPolicy(
      { allowPatSignIn: 'no', defaultClient: 'notepad', cloneProtocol: 'ftp', allowedOrganizations: ['contoso', 'not an address'], entraClientId: '', entraTenant: 'organizations' },
      note,
    );
    expect(policy).toEqual({ entraTenant: 'organizations' });
    expect(note).toHaveBeenCalledTimes(5);
    expect(note.mock.calls.map(([text]) => text as string)).toContainEqual(expect.stringContaining('"allowPatSignIn"'));
  });

  it('is no policy when managed storage holds nothing or something that is no object', () => {
    expect(parseManagedPolicy(undefined)).toEqual({});
    expect(parseManagedPolicy(['allowPatSignIn'])).toEqual({});
    expect(parseManagedPolicy({ somethingElse: true })).toEqual({});
  });

  it('declares the same keys and client ids in public/managed-schema.json as the code reads', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...POLICY_KEYS].sort());
    expect(schema.properties.defaultClient!.enum).toEqual(DESKTOP_CLIENTS.map((c) => c.id));
    expect(schema.properties.cloneProtocol!.enum).toEqual(['https', 'ssh']);
  });
});

describe('lib/policy/policy-rules', () => {
  it('allows every organization when the policy lists none', () => {
    expect(organizationRefusal({}, target('dev.azure.com/contoso'))).toBeNull();
    expect(organizationRefusal({ allowPatSignIn: false }, target('https://tfs.contoso.test/tfs/DefaultCollection'))).toBeNull();
  });

  it('refuses a cloud organization the policy does not list, naming the policy', () => {
    const policy = parseManagedPolicy({ allowedOrganizations: ['contoso'] });
    expect(organizationRefusal(policy, target('https://dev.azure.com/Contoso'))).toBeNull();
    expect(organizationRefusal(policy, target('dev.azure.com/fabrikam'))?.message).toBe(
      "Your organization's policy does not allow ADO Companion to connect to fabrikam. Ask your IT department to add it to the allowed organizations.",
    );
  });

  it('allows a Server collection by its URL or its host, and refuses another host naming the Server hosts policy', () => {
    const byCollection = parseManagedPolicy({ allowedOrganizations: ['https://tfs.contoso.test/tfs/DefaultCollection'] });
    expect(organizationRefusal(byCollection, target('https://tfs.contoso.test/tfs/DefaultCollection'))).toBeNull();
    expect(organizationRefusal(byCollection, target('https://tfs.contoso.test/tfs/Other'))?.message).toContain('connect to Other');

    const byHost = parseManagedPolicy({ allowedServerHosts: ['tfs.contoso.test'] });
    expect(organizationRefusal(byHost, target('https://tfs.contoso.test/tfs/Other'))).toBeNull();
    expect(organizationRefusal(byHost, target('dev.azure.com/contoso'))?.message).toContain('connect to contoso');
    expect(organizationRefusal(byHost, target('https://evil.example.test/tfs/DefaultCollection'))?.message).toBe(
      "Your organization's policy does not allow ADO Companion to connect to the Azure DevOps Server at evil.example.test. Ask your IT department to add it to the allowed Server hosts.",
    );
  });

  it('counts a host pre-approved for page actions as allowed and says so for its origin only', () => {
    const policy = parseManagedPolicy({ allowedOrganizations: ['contoso'], pageActionServerHosts: ['tfs.contoso.test:8080'] });
    expect(organizationRefusal(policy, target('https://tfs.contoso.test:8080/tfs/DefaultCollection'))).toBeNull();
    expect(isPreapprovedForPageActions(policy, 'https://tfs.contoso.test:8080')).toBe(true);
    expect(isPreapprovedForPageActions(policy, 'https://tfs.contoso.test')).toBe(false);
    expect(isPreapprovedForPageActions({}, 'https://tfs.contoso.test:8080')).toBe(false);
  });

  it('allows page actions on a visited Server when the policy names its host or a collection on it, and refuses another naming the policy', () => {
    expect(serverPageActionsRefusal({}, 'https://tfs.contoso.test')).toBeNull();
    const policy = parseManagedPolicy({ allowedOrganizations: ['contoso', 'https://tfs.contoso.test/tfs/DefaultCollection'], allowedServerHosts: ['ado.contoso.test:8443'] });
    expect(serverPageActionsRefusal(policy, 'https://tfs.contoso.test')).toBeNull();
    expect(serverPageActionsRefusal(policy, 'https://ado.contoso.test:8443')).toBeNull();
    expect(serverPageActionsRefusal(policy, 'https://ado.contoso.test')?.message).toBe(
      "Your organization's policy does not allow ADO Companion on the Azure DevOps Server at ado.contoso.test. Ask your IT department to add it to the allowed Server hosts.",
    );
  });

  it('tells the popup which settings the policy fixes', () => {
    expect(toPolicyView({})).toEqual({ patSignIn: true, defaultClient: null, cloneProtocol: null, organizationsLimited: false, pageActionServerHosts: [] });
    expect(toPolicyView(parseManagedPolicy({ allowPatSignIn: false, defaultClient: 'fork', cloneProtocol: 'ssh', allowedServerHosts: ['tfs.contoso.test'] }))).toEqual({
      patSignIn: false,
      defaultClient: 'fork',
      cloneProtocol: 'ssh',
      organizationsLimited: true,
      pageActionServerHosts: [],
    });
  });
});
