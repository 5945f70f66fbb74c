import { describe, expect, it } from 'vitest';
import { organizationKeyOf } from '@/lib/azure/organization-key';

describe('organizationKeyOf', () => {
  it('gives a cloud organization one key whichever form names it', () => {
    for (const url of ['https://dev.azure.com/Contoso', 'https://dev.azure.com/contoso/', 'https://contoso.visualstudio.com', 'https://Contoso.visualstudio.com/DefaultCollection']) {
      expect(organizationKeyOf(url)).toBe('https://dev.azure.com/contoso');
    }
  });

  it('keys a Server collection by its own base URL, lower-cased, without a trailing slash', () => {
    expect(organizationKeyOf('https://tfs.contoso.test/tfs/DefaultCollection/')).toBe('https://tfs.contoso.test/tfs/defaultcollection');
    expect(organizationKeyOf('http://tfs:8080/tfs/Fabrikam')).toBe('http://tfs:8080/tfs/fabrikam');
  });

  it('maps a key to itself', () => {
    for (const key of ['https://dev.azure.com/contoso', 'https://tfs.contoso.test/tfs/defaultcollection']) expect(organizationKeyOf(key)).toBe(key);
  });
});
