/**
 * Who a token is, in one organization (docs/azure-devops-rest.md#personal-access-tokens):
 * `GET {base}/_apis/connectionData`, without api-version like `WebApi.connect()`.
 */
import { AppError } from '../errors/app-error';
import { appErrors } from '../errors/error-messages';
import { isAzureDevOpsCloudHost } from './azure-hosts';
import { organizationOf } from './azure-error';
import type { RestClient } from './rest-client';
import type { ConnectionData as WireConnectionData } from 'azure-devops-node-api/interfaces/LocationsInterfaces';
import type { Identity } from 'azure-devops-node-api/interfaces/IdentitiesInterfaces';

export interface ConnectionData {
  /** VSS identity id: reviewer ids, `autoCompleteSetBy`, "me" filters. */
  userId: string;
  displayName: string;
  /** '' when Azure DevOps tells none (e.g. a Windows account on Server). */
  email: string;
  /** Organization (collection) id: SSH key `targetAccounts`, forks `collectionId`. */
  instanceId: string;
  deploymentType: 'hosted' | 'onPremises';
}

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
/** Descriptor types Azure DevOps gives callers it did not authenticate (public projects). */
const ANONYMOUS_DESCRIPTOR = /^Microsoft\.TeamFoundation\.(UnauthenticatedIdentity|AnonymousPrincipal)\b/i;

export async function getConnectionData(client: RestClient, baseUrl: string): Promise<ConnectionData> {
  const base = baseUrl.replace(/\/+$/, '');
  // The official client's types describe the answer; every field is still checked, since an answer
  // from a proxy or an old server may lack any of them.
  const answer = await client.request<WireConnectionData | undefined>({ url: `${base}/_apis/connectionData`, apiVersion: null });
  const data = asRecord(answer);
  const user = asRecord(data?.authenticatedUser as Identity | undefined);
  const userId = text(user?.id);
  const descriptor = text(user?.descriptor);
  const organization = organizationOf(base) ?? hostOf(base);

  // docs/azure-devops-rest.md#personal-access-tokens: success is 200 + JSON + authenticatedUser.id — and an identity that is someone.
  if (!userId || userId === ZERO_GUID || ANONYMOUS_DESCRIPTOR.test(descriptor)) {
    throw new AppError(appErrors.anonymousAnswer(organization));
  }
  const instanceId = text(data?.instanceId);
  if (!instanceId) {
    throw new AppError(appErrors.notAzureDevOps(hostOf(base)));
  }
  const properties = asRecord(user?.properties);
  const mail = propertyValue(properties, 'Mail');
  const account = propertyValue(properties, 'Account');
  return {
    userId,
    displayName: text(user?.providerDisplayName) || text(user?.customDisplayName) || mail || account,
    email: mail || (account.includes('@') ? account : ''),
    instanceId,
    deploymentType:
      data?.deploymentType === 'onPremises' || data?.deploymentType === 'hosted' ? data.deploymentType : isCloud(base) ? 'hosted' : 'onPremises',
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** `properties.Mail.$value` (the identity property bag). */
function propertyValue(properties: Record<string, unknown> | undefined, name: string): string {
  return text(asRecord(properties?.[name])?.$value);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function isCloud(url: string): boolean {
  try {
    return isAzureDevOpsCloudHost(new URL(url).hostname);
  } catch {
    return false;
  }
}
