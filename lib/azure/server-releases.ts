import { compareApiVersions } from './api-version';

/**
 * The newest REST api-version of each Azure DevOps Server release, newest first
 * (docs/azure-devops-rest.md#server-releases, from Microsoft Learn's versioning table, which names no
 * release for 7.1). Team Foundation Server releases before them are left unnamed: their versions are
 * said without a release name.
 */
const SERVER_RELEASES: readonly (readonly [apiVersion: string, year: string])[] = [
  ['7.0', '2022'],
  ['6.0', '2020'],
  ['5.0', '2019'],
];

const named = (release: readonly [string, string] | undefined) => (release ? `Azure DevOps Server ${release[1]}` : null);

/** The oldest release whose REST API reaches `apiVersion` (`6.0` → Azure DevOps Server 2020); null when none in the table does. */
export function oldestServerReleaseFor(apiVersion: string): string | null {
  return named(SERVER_RELEASES.filter(([newest]) => compareApiVersions(newest, apiVersion) >= 0).at(-1));
}

/** The release whose newest api-version is `apiVersion` (what a server that supports at most it runs); null when it is none of the table's. */
export function serverReleaseOf(apiVersion: string): string | null {
  return named(SERVER_RELEASES.find(([newest]) => compareApiVersions(newest, apiVersion) === 0));
}
