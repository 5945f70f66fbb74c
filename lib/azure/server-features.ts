import type { AppErrorValue } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import { compareApiVersions } from './api-version';
import { serverReleaseOf } from './server-releases';

/**
 * Features that came with a REST api-version (docs/azure-devops-rest.md#server-features, from
 * Microsoft's REST specifications: `isDraft` first in 5.0, the fork routes first in 4.1). An older
 * server does not refuse them: it ignores `isDraft` (the pull request is published, its reviewers
 * notified) and `parentRepository` (a plain repository is made). So the extension says it first.
 */
const SERVER_FEATURES = {
  draftPullRequests: { name: 'Draft pull requests', since: '5.0' },
  forks: { name: 'Forks', since: '4.1' },
} as const;

export type ServerFeature = keyof typeof SERVER_FEATURES;

/**
 * Why the server at `host` lacks `feature`, given the newest api-version it said it takes (learned
 * from a refused request); null when it has the feature, or when no version was ever refused
 * (Azure DevOps Services, and a Server as new as the versions sent).
 */
export function missingServerFeature(feature: ServerFeature, host: string, newest: string | undefined): AppErrorValue | null {
  const { name, since } = SERVER_FEATURES[feature];
  if (!newest || compareApiVersions(newest, since) >= 0) return null;
  return appErrors.serverFeatureMissing(name, since, serverReleaseOf(since), host, newest);
}
