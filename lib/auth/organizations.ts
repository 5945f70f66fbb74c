import { AppError } from '../errors/app-error';

/** An Azure DevOps organization the signed-in user belongs to. */
export interface EntraOrganization {
  /** The organization name (`accountName`). */
  name: string;
  /** The organization id (`accountId`). */
  id: string;
  /** `https://dev.azure.com/{name}` */
  baseUrl: string;
}

const PROFILE_HOST = 'https://app.vssps.visualstudio.com';

/**
 * The organizations of the signed-in user, sorted by name (azure-devops-api.md §4: profile → accounts).
 * Needs an Entra access token: these APIs refuse organization-scoped PATs. Rejects with an AppError:
 * 'auth-invalid' (401, or a sign-in page instead of JSON), 'throttled', 'offline', 'internal'.
 */
export async function listEntraOrganizations(accessToken: string, fetchFn: typeof fetch): Promise<EntraOrganization[]> {
  const profile = await getJson(`${PROFILE_HOST}/_apis/profile/profiles/me?api-version=7.1`, accessToken, fetchFn);
  const memberId = typeof profile.id === 'string' && profile.id ? profile.id : null;
  if (!memberId) throw unexpected();
  const accounts = await getJson(`${PROFILE_HOST}/_apis/accounts?memberId=${encodeURIComponent(memberId)}&api-version=7.1`, accessToken, fetchFn);
  if (!Array.isArray(accounts.value)) throw unexpected();
  const organizations: EntraOrganization[] = [];
  for (const account of accounts.value as unknown[]) {
    if (account === null || typeof account !== 'object') continue;
    const { accountName: name, accountId: id } = account as Record<string, unknown>;
    if (typeof name !== 'string' || !name || typeof id !== 'string' || !id) continue;
    organizations.push({ name, id, baseUrl: `https://dev.azure.com/${encodeURIComponent(name)}` });
  }
  return organizations.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || a.name.localeCompare(b.name));
}

async function getJson(url: string, accessToken: string, fetchFn: typeof fetch): Promise<Record<string, unknown>> {
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(url, {
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${accessToken}`,
        // A 401 instead of a redirect to (or 203 with) an HTML sign-in page (§1).
        'X-TFS-FedAuthRedirect': 'Suppress',
        'X-VSS-ReauthenticationAction': 'Suppress',
      },
    });
    text = await response.text();
  } catch {
    throw new AppError({ kind: 'offline', message: 'Could not reach Azure DevOps to list your organizations. Check your connection and try again.' });
  }
  const { status } = response;
  // 2xx that is not JSON (203 + sign-in page) means the token was not accepted (§1).
  const isJson = /json/i.test(response.headers.get('content-type') ?? '') && !text.trimStart().startsWith('<');
  if (status === 401 || status === 403 || (status >= 200 && status < 300 && (status === 203 || !isJson))) {
    throw new AppError({
      kind: 'auth-invalid',
      message: 'Azure DevOps did not accept your Microsoft sign-in when listing your organizations. Sign in again.',
    });
  }
  if (status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    throw new AppError({
      kind: 'throttled',
      message: 'Azure DevOps is limiting requests right now. Try again in a moment.',
      ...(Number.isFinite(seconds) && seconds > 0 ? { details: { retryAfterSeconds: seconds } } : {}),
    });
  }
  if (status < 200 || status >= 300) throw unexpected(status);
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw unexpected();
}

function unexpected(status?: number): AppError {
  return new AppError({
    kind: 'internal',
    message: `Azure DevOps answered unexpectedly when listing your organizations${status ? ` (HTTP ${status})` : ''}. Try again later.`,
  });
}
