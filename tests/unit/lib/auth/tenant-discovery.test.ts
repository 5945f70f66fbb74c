// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discoverTenant, tenantFromHeaders } from '@/lib/auth/tenant-discovery';
import { startFakeAdo, type FakeAdo } from '../../../fake-ado/server';
import { basic } from '../../../fake-ado/fixtures/basic';
import { hostRoutedFetch, rejectionOf } from './fake-entra-browser';

process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

const ZERO = '00000000-0000-0000-0000-000000000000';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER = 'bbdbc7c6-a980-4fa8-bcbb-cea61429ca55';

let fake: FakeAdo;
beforeAll(async () => {
  fake = await startFakeAdo({ port: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.control.reset());

describe('discoverTenant', () => {
  it('finds the Entra tenant of contoso with an unauthenticated HEAD', async () => {
    expect(await discoverTenant(`${fake.origin}/contoso`, fetch)).toEqual({ tenantId: basic.tenants.contoso, msa: false, exists: true });
    const [request] = fake.control.requests({ pathIncludes: '/contoso' });
    expect(request).toMatchObject({ method: 'HEAD', auth: 'none', status: 401 });
  });

  it('finds the same tenant at https://dev.azure.com/{org} and for fabrikam', async () => {
    const routed = hostRoutedFetch(fake);
    expect(await discoverTenant('https://dev.azure.com/contoso', routed)).toEqual({ tenantId: basic.tenants.contoso, msa: false, exists: true });
    expect(await discoverTenant('https://fabrikam.visualstudio.com/', routed)).toEqual({ tenantId: basic.tenants.contoso, msa: false, exists: true });
  });

  it('recognises the Microsoft-account org adatum (all-zero tenant)', async () => {
    expect(await discoverTenant(`${fake.origin}/adatum`, fetch)).toEqual({ tenantId: null, msa: true, exists: true });
  });

  it('says an organization that does not exist does not, and names no tenant', async () => {
    expect(await discoverTenant(`${fake.origin}/no-such-org`, fetch)).toEqual({ tenantId: null, msa: false, exists: false });
  });

  it('is offline when Azure DevOps cannot be reached', async () => {
    fake.control.setFailures({ offline: true });
    expect(await rejectionOf(discoverTenant(`${fake.origin}/contoso`, fetch))).toMatchObject({ kind: 'offline' });
  });

  it('refuses an address that is not a web address', async () => {
    expect(await rejectionOf(discoverTenant('dev.azure.com/contoso', fetch))).toMatchObject({ kind: 'invalid-input' });
    expect(await rejectionOf(discoverTenant('ftp://dev.azure.com/contoso', fetch))).toMatchObject({ kind: 'invalid-input' });
  });
});

describe('tenantFromHeaders', () => {
  const cases: [string, Record<string, string>, { tenantId: string | null; msa: boolean }][] = [
    ['the Bearer authorization_uri', { 'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${TENANT}, Basic realm="x"` }, { tenantId: TENANT, msa: false }],
    ['a quoted authorization_uri, upper case', { 'WWW-Authenticate': `Bearer authorization_uri="https://login.microsoftonline.com/${TENANT.toUpperCase()}"` }, { tenantId: TENANT, msa: false }],
    ['the challenge over X-VSS-ResourceTenant', { 'WWW-Authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${TENANT}`, 'X-VSS-ResourceTenant': OTHER }, { tenantId: TENANT, msa: false }],
    ['X-VSS-ResourceTenant alone', { 'X-VSS-ResourceTenant': TENANT }, { tenantId: TENANT, msa: false }],
    ['the first non-empty GUID of a list', { 'X-VSS-ResourceTenant': ` , ${ZERO}, ${OTHER}, ${TENANT}` }, { tenantId: OTHER, msa: false }],
    ['only the all-zero GUID', { 'X-VSS-ResourceTenant': ZERO }, { tenantId: null, msa: true }],
    ['a challenge naming no tenant GUID', { 'WWW-Authenticate': 'Bearer authorization_uri=https://login.microsoftonline.com/common', 'X-VSS-ResourceTenant': TENANT }, { tenantId: TENANT, msa: false }],
    ['Basic and TFS-Federated only', { 'WWW-Authenticate': 'Basic realm="https://tfsprodweu5.visualstudio.com/", TFS-Federated' }, { tenantId: null, msa: false }],
    ['garbage', { 'WWW-Authenticate': 'Bearer authorization_uri=::::', 'X-VSS-ResourceTenant': 'not-a-guid' }, { tenantId: null, msa: false }],
    ['nothing', {}, { tenantId: null, msa: false }],
  ];
  it.each(cases)('reads %s', (_name, headers, expected) => {
    expect(tenantFromHeaders(new Headers(headers))).toEqual(expected);
  });
});
