/**
 * Branch policies (docs/azure-devops-rest.md#branch-policies): `GET {project}/_apis/policy/configurations`,
 * filtered by `policyType`. Only the "Required reviewers" policy exists in the fake, built from each
 * repository's fixture `policies`: scope = that repository and one exact branch.
 */
import { json, list, queryParam, type Ctx } from '../http';
import type { Params, Route } from '../router';
import { projectParam } from './git';
import { sha1 } from '../state';

export const REQUIRED_REVIEWERS_POLICY_TYPE = 'fd2167ab-b0be-447a-8ec8-39368250530e';

function listConfigurations(ctx: Ctx, p: Params) {
  const project = projectParam(ctx, p);
  const type = queryParam(ctx, 'policyType')?.toLowerCase();
  if (!project) return json(404, { message: 'A project is required.' });
  if (type && type !== REQUIRED_REVIEWERS_POLICY_TYPE) return list([]);
  const base = `${ctx.base}/${encodeURIComponent(project.id)}/_apis/policy/configurations`;
  const configurations = project.repositories.flatMap((repo) =>
    (repo.policies ?? []).map((policy) => {
      const id = parseInt(sha1(`${repo.id}|${policy.refName}`).slice(0, 6), 16);
      return {
        id,
        revision: 1,
        isEnabled: true,
        isBlocking: policy.isBlocking !== false,
        isDeleted: false,
        type: { id: REQUIRED_REVIEWERS_POLICY_TYPE, displayName: 'Required reviewers', url: `${ctx.base}/${project.id}/_apis/policy/types/${REQUIRED_REVIEWERS_POLICY_TYPE}` },
        settings: {
          requiredReviewerIds: policy.requiredReviewerIds,
          minimumApproverCount: 1,
          creatorVoteCounts: false,
          scope: [{ refName: policy.refName, matchKind: 'Exact', repositoryId: repo.id }],
        },
        url: `${base}/${id}`,
      };
    }),
  );
  return list(configurations);
}

export const policyRoutes: Route[] = [{ method: 'GET', path: '_apis/policy/configurations', resource: 'policy/configurations', scope: 'vso.code', handler: listConfigurations }];
