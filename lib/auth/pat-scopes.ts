// Apart from pat-input.ts: the accounts screen lists these and must not bring the token checks with it.

/** Which part of ADO Companion a PAT scope unlocks (keys of the account's feature access, plus projects). */
export type PatFeatureKey = 'browse' | 'createRepository' | 'pullRequests' | 'reviewers' | 'workItems' | 'projects';

/** A PAT scope the popup lists under "Generate a token on Azure DevOps", per feature (docs/azure-devops-rest.md#personal-access-tokens). */
export interface PatScopeRequirement {
  key: PatFeatureKey;
  /** What the user gets, as the popup names it. */
  feature: string;
  /** The scope as the Azure DevOps "New Token" page labels it, e.g. `Code: Read`. */
  scope: string;
  /** The scope id, e.g. `vso.code`. */
  scopeId: string;
}

export const PAT_SCOPES_BY_FEATURE: readonly PatScopeRequirement[] = [
  { key: 'browse', feature: 'Browse and clone', scope: 'Code: Read', scopeId: 'vso.code' },
  { key: 'createRepository', feature: 'Create repositories & forks', scope: 'Code: Read, write & manage', scopeId: 'vso.code_manage' },
  { key: 'pullRequests', feature: 'Pull requests', scope: 'Code: Read & write', scopeId: 'vso.code_write' },
  { key: 'reviewers', feature: 'Reviewer search', scope: 'Identity: Read', scopeId: 'vso.identity' },
  { key: 'workItems', feature: 'Work items', scope: 'Work Items: Read', scopeId: 'vso.work' },
  { key: 'projects', feature: 'Projects', scope: 'Project and Team: Read', scopeId: 'vso.project' },
];
