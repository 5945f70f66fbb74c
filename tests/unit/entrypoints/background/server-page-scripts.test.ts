import { describe, expect, it } from 'vitest';
import { planServerPageScripts, serverPagePattern } from '@/entrypoints/background/server-page-scripts';

const TFS = 'https://tfs.contoso.test';
const registration = (origin: string) => ({
  id: `server-page:${origin}`,
  matches: [serverPagePattern(origin)],
  js: ['azure-devops-server.js'],
  runAt: 'document_idle',
  persistAcrossSessions: true,
});

describe('background/server-page-scripts', () => {
  it('registers the page script for a granted Server host with an account', () => {
    expect(planServerPageScripts([TFS], [])).toEqual({ register: [registration(TFS)], unregister: [] });
  });

  it('changes nothing when the registrations are already what is wanted', () => {
    expect(planServerPageScripts([TFS], [registration(TFS)])).toEqual({ register: [], unregister: [] });
  });

  it('unregisters a host whose permission or last account went, and leaves registrations not ours alone', () => {
    const other = { id: 'someone-else', matches: ['https://example.test/*'], js: ['x.js'] };
    expect(planServerPageScripts([], [registration(TFS), other])).toEqual({ register: [], unregister: [`server-page:${TFS}`] });
  });

  it('registers again a host whose registration names another file (an update renamed it)', () => {
    const stale = { ...registration(TFS), js: ['old-name.js'] };
    expect(planServerPageScripts([TFS], [stale])).toEqual({ register: [registration(TFS)], unregister: [`server-page:${TFS}`] });
  });

  it('matches every port of the host: match patterns name none, the permission and the script check the origin', () => {
    expect(serverPagePattern('https://tfs.contoso.test:8443')).toBe('https://tfs.contoso.test/*');
    expect(serverPagePattern('http://tfs:8080')).toBe('http://tfs/*');
  });
});
