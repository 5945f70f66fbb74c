/**
 * Request enums arrive either as the service's camelCase names ("active", "squash") or, from
 * azure-devops-node-api (which sends its TypeScript enums unconverted), as numbers ("1", 2).
 * ASP.NET binds both; so does the fake.
 */
import { badRequest } from './errors';

function parseEnum<T extends string>(name: string, value: unknown, byNumber: Record<number, T>): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' || /^\d+$/.test(String(value))) {
    const found = byNumber[Number(value)];
    if (found) return found;
  } else {
    const lower = String(value).toLowerCase();
    const found = Object.values(byNumber).find((v) => v.toLowerCase() === lower);
    if (found) return found;
  }
  throw badRequest(`The value '${String(value)}' is not valid for ${name}.`);
}

export const pullRequestStatus = (v: unknown) =>
  parseEnum('PullRequestStatus', v, { 0: 'notSet', 1: 'active', 2: 'abandoned', 3: 'completed', 4: 'all' } as const);

export const mergeStrategy = (v: unknown) =>
  parseEnum('GitPullRequestMergeStrategy', v, { 1: 'noFastForward', 2: 'squash', 3: 'rebase', 4: 'rebaseMerge' } as const);

/** VersionControlChangeType is a flags enum; a push uses one of these per change. */
export const changeType = (v: unknown) =>
  parseEnum('VersionControlChangeType', v, { 1: 'add', 2: 'edit', 8: 'rename', 16: 'delete' } as const);

export const contentType = (v: unknown) => parseEnum('ItemContentType', v, { 0: 'rawText', 1: 'base64Encoded' } as const);

export const errorPolicy = (v: unknown) => parseEnum('WorkItemErrorPolicy', v, { 1: 'fail', 2: 'omit' } as const);


/** GitVersionType of a version descriptor (branch is the default). */
export const versionType = (v: unknown) => parseEnum('GitVersionType', v, { 0: 'branch', 1: 'tag', 2: 'commit' } as const);
