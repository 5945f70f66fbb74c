/** Every REST route of the fake, one area per file. */
import type { Route } from '../router';
import { coreRoutes } from './core';
import { gitRoutes } from './git';
import { identityRoutes } from './identities';
import { locationRoutes } from './location';
import { policyRoutes } from './policy';
import { profileRoutes } from './profile';
import { pullRequestRoutes } from './pull-requests';
import { sshKeyRoutes } from './ssh-keys';
import { teamRoutes } from './teams';
import { workItemRoutes } from './work-items';

export const apiRoutes: Route[] = [
  ...locationRoutes,
  ...coreRoutes,
  ...teamRoutes,
  ...gitRoutes,
  ...pullRequestRoutes,
  ...policyRoutes,
  ...identityRoutes,
  ...workItemRoutes,
  ...sshKeyRoutes,
  ...profileRoutes,
];
