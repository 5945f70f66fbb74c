/**
 * Registering an SSH public key with an Azure DevOps organization (docs/ssh-keys.md). There is no
 * documented API: this is the call the web portal makes (a Contribution HierarchyQuery that runs the
 * session-token provider), so any refusal means "use the SSH keys settings page instead".
 */
import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import type { RestClient } from './rest-client';

export const SESSION_TOKEN_PROVIDER = 'ms.vss-token-web.personal-access-token-issue-session-token-provider';
/** Azure DevOps lets an SSH key live one year at most (docs/ssh-keys.md). */
export const SSH_KEY_LIFETIME_MS = 365 * 24 * 3600 * 1000;

export interface AddSshPublicKeyInput {
  /** `https://dev.azure.com/{organization}` */
  baseUrl: string;
  organization: string;
  /** `connectionData.instanceId`: the organization the key is for. */
  instanceId: string;
  /** `ssh-rsa AAAA… comment` */
  publicKey: string;
  /** The key's name on the settings page. */
  displayName: string;
  now: number;
}

export interface AddedSshPublicKey {
  authorizationId: string | null;
  /** ISO date the key stops working, as Azure DevOps answered it. */
  validTo: string;
}

/** The organization's own page for SSH public keys: where a user adds a key by hand. */
export function sshKeysSettingsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/_usersSettings/keys`;
}

interface HierarchyAnswer {
  dataProviders?: Record<string, unknown>;
  dataProviderExceptions?: Record<string, { typeKey?: string; message?: string } | undefined>;
}

/**
 * Adds the key; throws AppError. A failure of the data provider comes back as HTTP 200 with
 * `dataProviderExceptions`, so the answer is read, not only its status.
 */
export async function addSshPublicKey(client: RestClient, input: AddSshPublicKeyInput): Promise<AddedSshPublicKey> {
  const validFrom = new Date(input.now).toISOString();
  const requestedTo = new Date(input.now + SSH_KEY_LIFETIME_MS).toISOString();
  const answer = await client.request<HierarchyAnswer | undefined>({
    method: 'POST',
    url: `${input.baseUrl.replace(/\/+$/, '')}/_apis/Contribution/HierarchyQuery`,
    body: {
      contributionIds: [SESSION_TOKEN_PROVIDER],
      dataProviderContext: {
        properties: {
          displayName: input.displayName,
          publicData: input.publicKey.trim(),
          validFrom,
          validTo: requestedTo,
          scope: 'app_token',
          isPublic: true,
          targetAccounts: [input.instanceId],
        },
      },
    },
    context: { organization: input.organization },
  });
  const failure = answer?.dataProviderExceptions?.[SESSION_TOKEN_PROVIDER];
  if (failure) {
    const said = typeof failure.message === 'string' ? failure.message.slice(0, 300) : '';
    if (failure.typeKey === 'SessionTokenAlreadyExistsException' || /already/i.test(said)) {
      throw new AppError(appErrors.sshKeyAlreadyAdded(input.organization));
    }
    if (/^Invalid key/i.test(said)) throw new AppError(appErrors.sshKeyRejected(input.organization, said));
    throw new AppError(appErrors.sshKeyApiRefused(input.organization));
  }
  const created = answer?.dataProviders?.[SESSION_TOKEN_PROVIDER] as { authorizationId?: unknown; validTo?: unknown } | null | undefined;
  if (!created || typeof created !== 'object') throw new AppError(appErrors.sshKeyApiRefused(input.organization));
  return {
    authorizationId: typeof created.authorizationId === 'string' ? created.authorizationId : null,
    validTo: typeof created.validTo === 'string' && !Number.isNaN(Date.parse(created.validTo)) ? created.validTo : requestedTo,
  };
}
