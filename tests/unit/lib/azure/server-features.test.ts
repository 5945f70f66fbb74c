// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { missingServerFeature } from '@/lib/azure/server-features';

describe('lib/azure/server-features', () => {
  it('says which REST version drafts need, with its Server release, when the server is older', () => {
    expect(missingServerFeature('draftPullRequests', 'tfs.contoso.test', '4.1')).toEqual({
      kind: 'server-version',
      message: 'Draft pull requests need REST API version 5.0 (Azure DevOps Server 2019 or later), and tfs.contoso.test supports 4.1. Ask your administrator to update Azure DevOps Server.',
      details: { latestApiVersion: '4.1', requestedApiVersion: '5.0' },
    });
  });

  it('names no release for a version Microsoft names none for (forks, 4.1)', () => {
    expect(missingServerFeature('forks', 'tfs.contoso.test', '4.0')?.message).toBe(
      'Forks need REST API version 4.1, and tfs.contoso.test supports 4.0. Ask your administrator to update Azure DevOps Server.',
    );
  });

  it('says nothing when the server has the feature, or never refused a version', () => {
    expect(missingServerFeature('draftPullRequests', 'tfs.contoso.test', '5.0')).toBeNull();
    expect(missingServerFeature('draftPullRequests', 'tfs.contoso.test', '6.0')).toBeNull();
    expect(missingServerFeature('forks', 'tfs.contoso.test', '4.1')).toBeNull();
    expect(missingServerFeature('draftPullRequests', 'dev.azure.com', undefined)).toBeNull();
  });
});
