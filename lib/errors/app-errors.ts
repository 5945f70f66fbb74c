/**
 * The extension's own failures, by name (`appErrors.*` through error-messages.ts). Each returns the
 * whole error value, so the kind and the sentence cannot drift apart. One export per sentence, so a
 * bundle carries only the sentences it uses: the popup needs a few, the background most.
 */
import type { AppErrorValue } from './app-error';
import type { RepositoryNameProblem } from '../new-repository/repository-name';
import type { PageUiName } from '../page-ui/page-ui-scripts';
import { clipboardRefusedSentence, clipboardRefusedShownSentence } from './clipboard-refused';

/** TF400733 with the wait the answer asked for. */
export function throttledMessage(seconds: number): AppErrorValue {
  const wait = Math.max(1, Math.ceil(seconds));
  return {
    kind: 'throttled',
    message: `Azure DevOps is limiting requests (TF400733). Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
    details: { retryAfterSeconds: wait, code: 'TF400733' },
  };
}

/** Why Azure DevOps would refuse a repository name. */
function repositoryNameSentence(problem: RepositoryNameProblem): string {
  switch (problem.rule) {
    case 'empty':
      return 'Type a name for the repository.';
    case 'too-long':
      return `A repository name can have at most 64 characters; this one has ${problem.length}.`;
    case 'control-character':
      return 'A repository name cannot contain control characters or emoji.';
    case 'character':
      return `A repository name cannot contain “${problem.character}”.`;
    case 'reserved':
      return 'That name is reserved by Azure DevOps. Choose another name.';
    default:
      return `A repository name cannot ${problem.rule === 'trailing-period' ? 'end with a period' : `start with ${problem.rule === 'leading-period' ? 'a period' : 'an underscore'}`}.`;
  }
}

export const throttled = (seconds: number): AppErrorValue => throttledMessage(seconds);

export const offline = (host: string, options: { mayHaveRun?: boolean; timedOut?: boolean }): AppErrorValue => ({
  kind: 'offline',
  message:
    (options.timedOut ? `${host} did not answer in time.` : `Can't reach ${host}.`) +
    (options.mayHaveRun
      ? ' Check your network connection, then check on Azure DevOps whether the change was made before trying again.'
      : ' Check your network connection and try again.'),
  details: { host, ...(options.timedOut ? { timedOut: true } : {}) },
});

export const signInPage = (org: string, credentialKind: 'pat' | 'bearer' | undefined): AppErrorValue => ({
  kind: 'auth-invalid',
  message: `Azure DevOps answered with a sign-in page instead of data: ${
    credentialKind === 'bearer'
      ? `your sign-in for ${org} was not accepted. Sign in again.`
      : `it did not accept the Personal Access Token for ${org}. Check the token, or create a new one and connect again.`
  }`,
  details: { signInPage: true },
});

export const unreadableAnswer = (host: string, status: number): AppErrorValue => ({
  kind: 'internal',
  message: `${host} sent an answer ADO Companion could not read (HTTP ${status}). Try again in a moment.`,
  details: { status },
});

export const tokenHostRefused = (host: string): AppErrorValue => ({
  kind: 'internal',
  message: `ADO Companion did not send your token to ${host}: it is not a host of the account that owns the token.`,
});

export const pageSessionAddressRefused = (organization: string): AppErrorValue => ({
  kind: 'internal',
  message: `ADO Companion did not send that request with your Azure DevOps sign-in: it only calls ${organization}, the organization of this page.`,
});

export const badRequestAddress = (): AppErrorValue => ({
  kind: 'internal',
  message: 'ADO Companion tried to call Azure DevOps with an address that is not valid.',
});

export const anonymousAnswer = (org: string): AppErrorValue => ({
  kind: 'auth-invalid',
  message: `Azure DevOps answered for ${org} without knowing who you are: the token was not accepted. Check it, or create a new one and connect again.`,
  details: { anonymous: true },
});

export const notAzureDevOps = (host: string): AppErrorValue => ({
  kind: 'internal',
  message: `${host} did not answer like Azure DevOps. Check the address of the organization or collection.`,
});

export const unexpectedOrganizationList = (): AppErrorValue => ({
  kind: 'internal',
  message: 'Azure DevOps answered unexpectedly when listing your organizations. Try again later.',
});

export const notAWebAddress = (): AppErrorValue => ({ kind: 'invalid-input', message: 'That organization address is not a web address.' });

export const cannotReachAzureDevOps = (): AppErrorValue => ({
  kind: 'offline',
  message: 'Could not reach Azure DevOps. Check your connection and try again.',
});

// Accounts
export const signedOut = (): AppErrorValue => ({ kind: 'not-found', message: 'That account is no longer signed in.' });

export const organizationGone = (): AppErrorValue => ({ kind: 'not-found', message: 'That organization is no longer connected.' });

/** A page action for an organization no account serves: the dialog offers to connect (`details.connect`). */
export const noAccountFor = (org: string): AppErrorValue => ({
  kind: 'auth-invalid',
  message: `ADO Companion is not connected to ${org}. Connect it, then submit again: what you typed stays here.`,
  details: { connect: true },
});

export const notThisPagesOrganization = (): AppErrorValue => ({
  kind: 'forbidden-sender',
  message: 'This page can only act on the Azure DevOps organization it shows.',
});

export const pageUiCouldNotOpen = (ui: PageUiName): AppErrorValue => ({
  kind: 'internal',
  message: `${ui === 'pull-request-dialog' ? 'The pull request form' : ui === 'page-menus' ? 'The menu' : 'The open pull requests'} could not open on this page. Reload the page and try again.`,
})

export const signInEnded = (who: string): AppErrorValue => ({
  kind: 'reauth-required',
  message: `Your Azure DevOps sign-in as ${who} has ended. Sign in again.`,
});

export const signInInterrupted = (): AppErrorValue => ({
  kind: 'oauth-failed',
  message: 'The Microsoft sign-in was interrupted before it finished. Connect again.',
});

export const serverPermissionNeeded = (origin: string): AppErrorValue => ({
  kind: 'permission-denied',
  message: `ADO Companion needs your permission to reach ${origin}. Click Connect and choose Allow.`,
});

export const tokenRefused = (org: string, shapeHint?: string): AppErrorValue => ({
  kind: 'auth-invalid',
  message:
    `Azure DevOps did not accept this token for ${org}: check it was copied whole, is not revoked, and was made for this organization.` +
    (shapeHint ? ` ${shapeHint}` : ''),
  details: { field: 'token' },
});

export const organizationDoesNotExist = (org: string): AppErrorValue => ({
  kind: 'not-found',
  message: `There is no Azure DevOps organization named ${org}. Check its name: it is the part after dev.azure.com/ in your browser's address bar.`,
  details: { field: 'host' },
});

export const tokenCannotReadCode = (org: string): AppErrorValue => ({
  kind: 'auth-missing-scope',
  message: `This token cannot read code in ${org}. Create a token with at least Code (Read); see “Which scopes to tick”.`,
  details: { field: 'token' },
});

export const patServesOneOrganization = (): AppErrorValue => ({
  kind: 'invalid-input',
  message: 'A Personal Access Token serves one organization only.',
});

export const onlyOAuthPicksOrganizations = (): AppErrorValue => ({
  kind: 'invalid-input',
  message: 'Only an OAuth account can pick organizations.',
});

export const onlyPatFeaturesRecheck = (): AppErrorValue => ({
  kind: 'invalid-input',
  message: 'Only a Personal Access Token’s permissions are checked this way.',
});

export const notAnOrganizationAddress = (): AppErrorValue => ({
  kind: 'invalid-input',
  message: 'That is not an Azure DevOps organization address.',
});

export const msaBackedOrganization = (org: string): AppErrorValue => ({
  kind: 'oauth-blocked-by-policy',
  message: `${org} is backed by personal Microsoft accounts, and Azure DevOps does not accept Entra sign-in for those. Use a Personal Access Token for ${org}.`,
});

export const otherDirectory = (org: string): AppErrorValue => ({
  kind: 'oauth-blocked-by-policy',
  message: `${org} belongs to another Microsoft Entra directory (you may be a guest there). Sign in to that directory to use it.`,
});

export const servedElsewhere = (org: string, owner: { displayName: string; kind: 'pat' | 'oauth' }): AppErrorValue => ({
  kind: 'conflict',
  message: `${org} stays with ${owner.displayName} (${owner.kind === 'pat' ? 'Personal Access Token' : 'Microsoft sign-in'}). Tick it again to move it to this sign-in.`,
});

/** Shown above the PAT form after an organization refused OAuth. */
export const patInsteadOfOAuth = (org: string): string => `${org} does not accept OAuth sign-in. A Personal Access Token works instead.`;

export const unreadableSavedSignIn = (): AppErrorValue => ({ kind: 'reauth-required', message: 'A saved sign-in could not be read. Sign in again.' });


/** A repository list that could not be refreshed: the cached one stays on screen. */
export const refreshFailed = (org: string, cause: AppErrorValue, cachedAt: number | null): AppErrorValue => ({
  ...cause,
  message: `${org}: ${cause.message} Showing the list from ${cachedAt ? new Date(cachedAt).toLocaleString() : 'before'}.`,
});

/** One organization of a cross-organization list could not be read: the others are shown. */
export const organizationSkipped = (org: string, cause: AppErrorValue): AppErrorValue => ({ ...cause, message: `${org}: ${cause.message}` });

// SSH keys (docs/ssh-keys.md). `sshKey` marks them, so a caller does not word them again.
export const sshKeyApiRefused = (org: string): AppErrorValue => ({
  kind: 'auth-missing-scope',
  message:
    `Azure DevOps did not let ADO Companion add the key to ${org}: its SSH key service is not open to this sign-in. ` +
    'Open the SSH keys settings page, choose “New Key” and paste the public key from the clipboard.',
  details: { sshKey: true, settingsPage: true },
});

export const sshKeyAlreadyAdded = (org: string): AppErrorValue => ({
  kind: 'conflict',
  message: `This public key is already registered in ${org}. Nothing needed to change.`,
  details: { sshKey: true },
});

export const sshKeyRejected = (org: string, said: string): AppErrorValue => ({
  kind: 'invalid-input',
  message: `${org} did not accept the key. Azure DevOps says: “${said}” Generate a new key and try again.`,
  details: { sshKey: true, settingsPage: true },
});

export const sshKeyGenerationFailed = (): AppErrorValue => ({
  kind: 'internal',
  message: 'This browser could not make an RSA key. Try again; if it keeps happening, create one with ssh-keygen -t rsa -b 4096.',
});

/** The one "could not copy" sentence (clipboard-refused.ts) as an error value. */
export const clipboardRefused = (what: string, text?: string): AppErrorValue => ({
  kind: 'permission-denied',
  message: text === undefined ? clipboardRefusedShownSentence(what) : clipboardRefusedSentence(what, text),
});

// New repository (docs/azure-devops-rest.md#create-repository)
export const invalidRepositoryName = (problem: RepositoryNameProblem): AppErrorValue => ({
  kind: 'invalid-name',
  message: repositoryNameSentence(problem),
  details: { field: 'name', rule: problem.rule },
});

/** The repository exists, but the push of its first files failed. */
export const initialCommitFailed = (repository: string, cause: AppErrorValue): AppErrorValue => ({
  ...cause,
  message: `${repository} was created, but its first commit was not: ${cause.message} The repository is empty; add the files with your Git client.`,
});

export const templateUnreadable = (): AppErrorValue => ({
  kind: 'internal',
  message: 'ADO Companion could not read one of its file templates, so nothing was created. Reload the extension and try again.',
});

// The message channel
export const unknownMessage = (): AppErrorValue => ({ kind: 'invalid-message', message: 'ADO Companion received a request it does not understand.' });

export const malformedMessage = (): AppErrorValue => ({ kind: 'invalid-message', message: 'ADO Companion received a malformed request.' });
/** A value the user typed (or the app filled) is longer than the request allows. */
export const fieldTooLong = (field: string, maximum: number): AppErrorValue => ({
  kind: 'invalid-message',
  message: `The ${field} is longer than Azure DevOps accepts: at most ${maximum} characters.`,
});

export const forbiddenSender = (): AppErrorValue => ({ kind: 'forbidden-sender', message: 'This page is not allowed to ask ADO Companion for that.' });

export const backgroundSilent = (): AppErrorValue => ({
  kind: 'internal',
  message: 'ADO Companion’s background service did not answer. Reload the page or the extension.',
});

export const internal = (): AppErrorValue => ({
  kind: 'internal',
  message: 'Something went wrong inside ADO Companion. Try again; if it keeps happening, reload the extension.',
});

// The pull request inbox (docs/pull-request-inbox.md#account-trouble)
export const tokenNoLongerWorks = (account: string): AppErrorValue => ({
  kind: 'auth-expired',
  message: `The token of ${account} no longer works. Create a new one and connect again.`,
});

export const organizationNotAnswering = (org: string): AppErrorValue => ({
  kind: 'offline',
  message: `${org} has not answered for a while. Check that it is still reachable; ADO Companion keeps trying.`,
});

// Refusals by the organization's managed policy (docs/managed-configuration.md): each sentence names
// the policy, so the user knows to ask their IT department rather than retry.

export const patSignInNotAllowedByPolicy = (): AppErrorValue => ({
  kind: 'permission-denied',
  message: "Your organization's policy allows only Microsoft sign-in in ADO Companion.",
  details: { policy: 'allowPatSignIn' },
});

export const organizationNotAllowedByPolicy = (name: string): AppErrorValue => ({
  kind: 'permission-denied',
  message: `Your organization's policy does not allow ADO Companion to connect to ${name}. Ask your IT department to add it to the allowed organizations.`,
  details: { policy: 'allowedOrganizations' },
});

export const serverHostNotAllowedByPolicy = (host: string): AppErrorValue => ({
  kind: 'permission-denied',
  message: `Your organization's policy does not allow ADO Companion to connect to the Azure DevOps Server at ${host}. Ask your IT department to add it to the allowed Server hosts.`,
  details: { policy: 'allowedServerHosts' },
});

export const serverPageActionsNotAllowedByPolicy = (host: string): AppErrorValue => ({
  kind: 'permission-denied',
  message: `Your organization's policy does not allow ADO Companion on the Azure DevOps Server at ${host}. Ask your IT department to add it to the allowed Server hosts.`,
  details: { policy: 'allowedServerHosts' },
});

/** The popup's "Enable page actions on {host}" was answered with Deny (docs/azure-devops-hosts.md#server-page-offer). */
export const serverPageActionsPermissionNeeded = (host: string): AppErrorValue => ({
  kind: 'permission-denied',
  message: `ADO Companion needs your permission to add its buttons to the pages of ${host}. Click “Enable page actions on ${host}” and choose Allow.`,
});

export const notificationsNotAllowed = (): AppErrorValue => ({
  kind: 'permission-denied',
  message: 'ADO Companion may not show notifications: the browser did not allow it. Turn notifications on again and choose Allow.',
});

// A feature an older Azure DevOps Server lacks (docs/azure-devops-rest.md#server-features): said before anything is sent.
export const serverFeatureMissing = (feature: string, since: string, sinceRelease: string | null, host: string, newest: string): AppErrorValue => ({
  kind: 'server-version',
  message: `${feature} need REST API version ${since}${sinceRelease ? ` (${sinceRelease} or later)` : ''}, and ${host} supports ${newest}. Ask your administrator to update Azure DevOps Server.`,
  details: { latestApiVersion: newest, requestedApiVersion: since },
});
