import { z } from 'zod/mini';
import type { AccountView, AvailableOrganization, OrganizationView } from '../auth/account-views';
import type { OrganizationSelection, SignInProgressView } from '../auth/oauth-sign-in';
import type { RepositoryListView, RepositoryView } from '../repositories/repository-cache';
import type { CreatedRepositoryView, ProjectView } from '../new-repository/create-repository';
import type { MyPullRequestsView } from '../pull-requests/my-pull-requests';
import type { ForkCopyStatus, ForkView } from '../forks/forks';
import type { BranchComparison, BranchPullRequest, CreatedPullRequest, NewPullRequestContext, Reviewer, WorkItemSummary } from '../pull-requests/new-pull-request';
import { GITIGNORE_IDS, LICENSE_IDS } from '../new-repository/templates';
import { PAGE_UI_NAMES } from '../page-ui/page-ui-scripts';
import type { InboxView } from '../inbox/inbox-view';
import { MAX_PERIOD_MINUTES, MIN_PERIOD_MINUTES } from '../inbox/inbox-state';
import type { PolicyView } from '../policy/policy-rules';

/**
 * The single catalogue of messages between extension pages / content scripts and the background.
 * Each message names its request schema and who may send it. Content scripts may only ask for what
 * a page action needs; they never receive a token or the account list.
 */
export type SenderKind = 'extension-page' | 'content-script';

/** What the background answers to each message. Requests are typed by their schemas below. */
export interface ResponseMap {
  ping: { pong: true; version: string };
  'accounts.list': { accounts: AccountView[]; organizations: OrganizationView[]; signIn: SignInProgressView | null };
  'accounts.connectPat': { account: AccountView; organization: OrganizationView };
  'accounts.signInOAuth': { account: AccountView; available: AvailableOrganization[] };
  'accounts.availableOrganizations': { account: AccountView; available: AvailableOrganization[] };
  'accounts.selectOrganizations': { results: OrganizationSelection[] };
  'accounts.dismissSignIn': Record<string, never>;
  'accounts.recheckFeatures': { account: AccountView };
  'accounts.signOut': { removedOrganizations: number };
  'organizations.check': { displayName: string; email: string; checkedAt: number };
  'repositories.list': RepositoryListView;
  'repositories.refresh': RepositoryListView;
  /** The repositories asked about whose last change could be learnt. */
  'repositories.updatedAt': { updatedAt: Record<string, string | null> };
  'repositories.projects': { projects: ProjectView[] };
  'repositories.create': CreatedRepositoryView;
  'pullRequests.mine': MyPullRequestsView;
  'forks.list': { forks: ForkView[] };
  'forks.create': { forkId: string; operationId: number; status: ForkCopyStatus };
  'forks.copyStatus': { status: ForkCopyStatus; repository: RepositoryView | null };
  'sshKeys.add': { organization: string; validTo: string };
  'pageUi.load': Record<string, never>;
  'newPullRequest.openConnect': Record<string, never>;
  'newPullRequest.context': { status: 'ready'; context: NewPullRequestContext } | { status: 'connect'; organization: string };
  'newPullRequest.compare': BranchComparison;
  'newPullRequest.searchReviewers': { reviewers: Reviewer[] };
  'newPullRequest.checkWorkItems': { workItems: WorkItemSummary[] };
  'newPullRequest.create': CreatedPullRequest;
  /** Null when no account serves the page's organization: the indicator stays away. */
  'pullRequests.fromBranch': { pullRequests: BranchPullRequest[] | null };
  // The pull request inbox behind the toolbar badge (docs/pull-request-inbox.md).
  'inbox.view': InboxView;
  'inbox.refresh': InboxView;
  'inbox.setOptions': InboxView;
  /** The settings the organization's managed policy fixes (docs/managed-configuration.md). */
  'policy.view': PolicyView;
  /** Whether the Server page script is registered for that origin (docs/azure-devops-hosts.md#server-page-offer). */
  'serverPages.status': { enabled: boolean };
  'serverPages.enable': { enabled: boolean };
}

const empty = z.strictObject({});
const id = z.string().check(z.minLength(1), z.maxLength(100));
// Generous bounds: enough for any real host or token, small enough to refuse junk.
const text = (max: number) => z.string().check(z.maxLength(max));
// `https://tfs.contoso.com[:port]`: an origin, nothing after the host.
const webOrigin = z.string().check(z.maxLength(300), z.regex(/^https?:\/\/[^/?#\s]+$/i));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXTENSION_PAGE: readonly SenderKind[] = ['extension-page'];
/** Page actions: asked for by the content script, always about the organization of the page it runs in. */
const CONTENT_SCRIPT: readonly SenderKind[] = ['content-script'];
// Names as Azure DevOps allows them (docs/azure-devops-rest.md#repositories): bounded, one line.
const adoName = z.string().check(z.minLength(1), z.maxLength(256), z.regex(/^[^\r\n]+$/));
const branchName = z.string().check(z.minLength(1), z.maxLength(400), z.regex(/^[^\s~^:?*[\\]+$/));
const repositoryAt = { project: adoName, repository: adoName };
const identityId = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[0-9a-zA-Z._:-]+$/));
const workItemId = z.number().check(z.int(), z.minimum(1), z.maximum(999_999_999));
/**
 * One `ssh-rsa` public key line (a 16384-bit key is ~2,800 characters). A private key, or anything on
 * more than one line, does not fit: the private key never leaves the popup.
 */
/** One line of text: no line breaks or other control characters. */
const ONE_LINE = /^[^\p{Cc}]*$/u;
const SSH_RSA_PUBLIC_KEY = /^ssh-rsa AAAAB3NzaC1yc2E[A-Za-z0-9+/]+={0,2}(?: [^\r\n]*)?$/;

/** Each message's request schema (the request type is derived from it) and who may send it. */
export const protocol = {
  ping: { request: empty, senders: ['extension-page', 'content-script'] },
  'accounts.list': { request: empty, senders: EXTENSION_PAGE },
  'accounts.connectPat': {
    // `acceptedWarning`: the user confirmed the warning parseHostInput gave for this host.
    request: z.strictObject({ host: text(2048), token: text(4096), acceptedWarning: z.optional(z.enum(['lookalike', 'insecure'])) }),
    senders: EXTENSION_PAGE,
  },
  'accounts.signInOAuth': {
    request: z.strictObject({ accountId: z.optional(id), tenantId: z.optional(z.string().check(z.regex(GUID))) }),
    senders: EXTENSION_PAGE,
  },
  'accounts.availableOrganizations': { request: z.strictObject({ accountId: id }), senders: EXTENSION_PAGE },
  'accounts.selectOrganizations': {
    request: z.strictObject({
      accountId: id,
      baseUrls: z.array(text(2048)).check(z.maxLength(500)),
      takeOver: z.optional(z.array(text(2048)).check(z.maxLength(500))),
    }),
    senders: EXTENSION_PAGE,
  },
  'accounts.dismissSignIn': { request: empty, senders: EXTENSION_PAGE },
  'accounts.recheckFeatures': { request: z.strictObject({ accountId: id }), senders: EXTENSION_PAGE },
  'accounts.signOut': { request: z.strictObject({ accountId: id }), senders: EXTENSION_PAGE },
  'organizations.check': { request: z.strictObject({ key: text(2048) }), senders: EXTENSION_PAGE },
  'repositories.list': { request: empty, senders: EXTENSION_PAGE },
  'repositories.refresh': { request: empty, senders: EXTENSION_PAGE },
  // The rows a user has in view: a screenful, not thousands.
  'repositories.updatedAt': { request: z.strictObject({ ids: z.array(z.string().check(z.regex(GUID))).check(z.minLength(1), z.maxLength(30)) }), senders: EXTENSION_PAGE },
  'repositories.projects': { request: z.strictObject({ orgKey: text(2048) }), senders: EXTENSION_PAGE },
  'repositories.create': {
    // Choices only: the background builds the files from its packaged templates.
    request: z.strictObject({
      orgKey: text(2048),
      projectId: z.string().check(z.regex(GUID)),
      // The name rules themselves are checked by the handler, which explains a refusal.
      name: z.string().check(z.minLength(1), z.maxLength(64)),
      readme: z.boolean(),
      gitignore: z.optional(z.enum(GITIGNORE_IDS)),
      license: z.optional(z.enum(LICENSE_IDS)),
      holder: z.optional(z.string().check(z.maxLength(200), z.regex(ONE_LINE))),
    }),
    senders: EXTENSION_PAGE,
  },
  'pullRequests.mine': { request: empty, senders: EXTENSION_PAGE },
  'forks.list': { request: z.strictObject({ orgKey: text(2048), repositoryId: z.string().check(z.regex(GUID)) }), senders: EXTENSION_PAGE },
  'forks.create': {
    request: z.strictObject({
      orgKey: text(2048),
      repositoryId: z.string().check(z.regex(GUID)),
      projectId: z.string().check(z.regex(GUID)),
      // The name rules themselves are checked by the handler, which explains a refusal.
      name: z.string().check(z.minLength(1), z.maxLength(64)),
    }),
    senders: EXTENSION_PAGE,
  },
  'forks.copyStatus': {
    request: z.strictObject({ orgKey: text(2048), forkId: z.string().check(z.regex(GUID)), operationId: z.number().check(z.int(), z.minimum(1)) }),
    senders: EXTENSION_PAGE,
  },
  'sshKeys.add': {
    request: z.strictObject({
      orgKey: text(2048),
      publicKey: z.string().check(z.maxLength(4096), z.regex(SSH_RSA_PUBLIC_KEY)),
      displayName: z.string().check(z.minLength(1), z.maxLength(200)),
    }),
    senders: EXTENSION_PAGE,
  },
  // Only the named scripts of PAGE_UI_SCRIPTS: a page never names a file.
  'pageUi.load': { request: z.strictObject({ ui: z.enum(PAGE_UI_NAMES) }), senders: CONTENT_SCRIPT },
  'newPullRequest.openConnect': { request: empty, senders: CONTENT_SCRIPT },
  // The viewed branch, read from the page: looked up by name when the first page of branches lacks it.
  'newPullRequest.context': { request: z.strictObject({ ...repositoryAt, sourceBranch: z.optional(text(400)) }), senders: CONTENT_SCRIPT },
  'newPullRequest.compare': {
    request: z.strictObject({ ...repositoryAt, repositoryId: id, sourceBranch: branchName, targetBranch: branchName }),
    senders: CONTENT_SCRIPT,
  },
  'newPullRequest.searchReviewers': { request: z.strictObject({ ...repositoryAt, query: z.string().check(z.minLength(1), z.maxLength(100)) }), senders: CONTENT_SCRIPT },
  'newPullRequest.checkWorkItems': { request: z.strictObject({ ...repositoryAt, ids: z.array(workItemId).check(z.maxLength(50)) }), senders: CONTENT_SCRIPT },
  'newPullRequest.create': {
    request: z.strictObject({
      ...repositoryAt,
      pullRequest: z.strictObject({
        repositoryId: id,
        sourceBranch: branchName,
        targetBranch: branchName,
        title: z.string().check(z.minLength(1), z.maxLength(400)),
        description: z.string().check(z.maxLength(4000)),
        isDraft: z.boolean(),
        reviewers: z
          .array(
            z.strictObject({
              id: identityId,
              isRequired: z.boolean(),
              // Kept as recent reviewers for the next pull request.
              displayName: z.string().check(z.maxLength(256)),
              kind: z.enum(['user', 'group']),
              detail: z.nullable(z.string().check(z.maxLength(256))),
            }),
          )
          .check(z.maxLength(50)),
        workItemIds: z.array(workItemId).check(z.maxLength(50)),
        autoComplete: z.nullable(
          z.strictObject({
            mergeStrategy: z.enum(['noFastForward', 'squash', 'rebase', 'rebaseMerge']),
            deleteSourceBranch: z.boolean(),
            transitionWorkItems: z.boolean(),
          }),
        ),
      }),
    }),
    senders: CONTENT_SCRIPT,
  },
  'pullRequests.fromBranch': { request: z.strictObject({ ...repositoryAt, branch: branchName }), senders: CONTENT_SCRIPT },
  // The pull request inbox: what the stored inbox says, a refresh now, and its options.
  'inbox.view': { request: empty, senders: EXTENSION_PAGE },
  'inbox.refresh': { request: empty, senders: EXTENSION_PAGE },
  'inbox.setOptions': {
    request: z.strictObject({
      periodMinutes: z.optional(z.number().check(z.int(), z.minimum(MIN_PERIOD_MINUTES), z.maximum(MAX_PERIOD_MINUTES))),
      includeDrafts: z.optional(z.boolean()),
      notify: z.optional(z.boolean()),
    }),
    senders: EXTENSION_PAGE,
  },
  'policy.view': { request: empty, senders: EXTENSION_PAGE },
  // Page actions on a Server the user only visits: asked by the popup, never by a page.
  'serverPages.status': { request: z.strictObject({ origin: webOrigin }), senders: EXTENSION_PAGE },
  'serverPages.enable': { request: z.strictObject({ origin: webOrigin }), senders: EXTENSION_PAGE },
} as const satisfies { [K in keyof ResponseMap]: { request: z.ZodMiniType; senders: readonly SenderKind[] } };

export type MessageType = keyof typeof protocol;
export type RequestOf<K extends MessageType> = z.infer<(typeof protocol)[K]['request']>;
export type ResponseOf<K extends MessageType> = ResponseMap[K];

/** Every message travels in this envelope, so stray messages from other code are recognisable. */
export const envelopeSchema = z.strictObject({
  channel: z.literal('ado-companion'),
  type: z.string().check(z.maxLength(64)),
  data: z.unknown(),
});
