import { compareApiVersions } from './api-version';

/**
 * The newest REST api-version of each Azure DevOps Server (and Team Foundation Server) release,
 * newest first (docs/azure-devops-rest.md#server-releases, from Microsoft Learn's versioning table,
 * which names no release for 7.1: such a version is said without a release name).
 */
export const SERVER_RELEASES: readonly (readonly [apiVersion: string, release: string])[] = [
  ['7.0', 'Azure DevOps Server 2022'],
  ['6.0', 'Azure DevOps Server 2020'],
  ['5.0', 'Azure DevOps Server 2019'],
  ['4.0', 'Team Foundation Server 2018'],
  ['3.0', 'Team Foundation Server 2017'],
  ['2.0', 'Team Foundation Server 2015'],
];

/** The oldest release whose REST API reaches `apiVersion` (`6.0` → Azure DevOps Server 2020); null when none in the table does. */
export function oldestServerReleaseFor(apiVersion: string): string | null {
  const fits = SERVER_RELEASES.filter(([newest]) => compareApiVersions(newest, apiVersion) >= 0);
  return fits.at(-1)?.[1] ?? null;
}

/** The release whose newest api-version is `apiVersion` (what a server that supports at most it runs); null when it is none of the table's. */
export function serverReleaseOf(apiVersion: string): string | null {
  return SERVER_RELEASES.find(([newest]) => compareApiVersions(newest, apiVersion) === 0)?.[1] ?? null;
}
