import { AppError } from '../errors/app-error';

/**
 * Entra ID answers (`error`, `error_description` with an `AADSTS…` code) turned into AppErrors a
 * person can act on. Messages never quote Entra's description: it can echo request values, and
 * only the code is needed to look the problem up.
 */
export interface EntraErrorAnswer {
  error: string;
  description?: string | null;
  /** `error_codes` of a token answer. */
  codes?: readonly number[] | null;
  /** `error_subcode` of an authorize redirect (`cancel` when the user backed out). */
  subcode?: string | null;
}

/** Where the answer came from: the authorize redirect, the code exchange, or a refresh. */
export type EntraStage = 'authorize' | 'token' | 'refresh';

export interface EntraErrorContext {
  clientId: string;
  redirectUri?: string;
  /** The authorize request used prompt=none (no window the user could act in). */
  silent?: boolean;
}

/** Why an OAuth sign-in failed, for UI that wants more than the sentence (details.reason). */
export type EntraFailureReason =
  | 'cancelled'
  | 'consent-required'
  | 'not-assigned'
  | 'conditional-access'
  | 'interaction-required'
  | 'session-ended'
  | 'state-mismatch'
  | 'app-registration'
  | 'redirect-mismatch'
  | 'code-rejected'
  | 'unexpected-answer'
  | 'unknown';

export const SIGN_IN_CANCELLED = 'Sign-in was cancelled.';
export const SESSION_ENDED =
  'Your Azure DevOps sign-in has ended (Microsoft allows 24 hours for browser extensions). Sign in again.';
const SIGN_IN_AGAIN = 'Microsoft needs you to sign in to Azure DevOps again.';
const OR_PAT = 'or connect with a Personal Access Token instead';

/** Interaction a silent (prompt=none) request cannot do: run the interactive flow instead. */
const INTERACTION_ERRORS = new Set(['login_required', 'interaction_required', 'consent_required', 'account_selection_required']);

export function oauthFailed(reason: EntraFailureReason, message: string, code?: number): AppError {
  return new AppError({ kind: 'oauth-failed', message, details: { reason, ...(code !== undefined ? { code: `AADSTS${code}` } : {}) } });
}

function reauthRequired(reason: EntraFailureReason, message: string, code?: number): AppError {
  return new AppError({ kind: 'reauth-required', message, details: { reason, ...(code !== undefined ? { code: `AADSTS${code}` } : {}) } });
}

/** The AADSTS number of an answer: `error_codes[0]`, else the `AADSTS…:` prefix of the description. */
export function aadstsCode(answer: EntraErrorAnswer): number | undefined {
  const first = answer.codes?.find((code) => Number.isInteger(code));
  if (first !== undefined) return first;
  const match = /AADSTS(\d+)/.exec(answer.description ?? '');
  return match ? Number(match[1]) : undefined;
}

/** The AppError for an Entra `error` answer at `stage`. */
export function entraError(answer: EntraErrorAnswer, stage: EntraStage, context: EntraErrorContext): AppError {
  const code = aadstsCode(answer);
  const error = answer.error.toLowerCase();

  if (stage === 'authorize' && context.silent && INTERACTION_ERRORS.has(error)) {
    return reauthRequired('interaction-required', SIGN_IN_AGAIN, code);
  }
  // A refresh token Entra no longer honours (SPA 24 h limit AADSTS700084, revoked AADSTS50173,
  // password changed, consent withdrawn…): only a new sign-in helps.
  if (stage === 'refresh' && error === 'invalid_grant') return reauthRequired('session-ended', SESSION_ENDED, code);

  const byCode = code === undefined ? null : describeCode(code, context);
  if (byCode) return byCode;

  if (error === 'access_denied' || answer.subcode === 'cancel') return oauthFailed('cancelled', SIGN_IN_CANCELLED, code);
  if (INTERACTION_ERRORS.has(error)) return reauthRequired('interaction-required', SIGN_IN_AGAIN, code);
  if (error === 'invalid_grant') {
    return oauthFailed('code-rejected', 'Microsoft did not accept the answer of this sign-in. Sign in again.', code);
  }
  if (error === 'temporarily_unavailable' || error === 'server_error') {
    return oauthFailed('unexpected-answer', 'The Microsoft sign-in service is having trouble right now. Try again in a moment.', code);
  }
  const shown = code === undefined ? '' : ` (AADSTS${code})`;
  return oauthFailed('unknown', `Microsoft could not sign you in${shown}. Try again, ${OR_PAT}.`, code);
}

function describeCode(code: number, context: EntraErrorContext): AppError | null {
  switch (code) {
    case 65004:
      return oauthFailed('cancelled', SIGN_IN_CANCELLED, code);
    case 65001:
      return oauthFailed(
        'consent-required',
        `Your organization has not approved ADO Companion for Azure DevOps yet. Ask a Microsoft Entra administrator to grant consent to the app, ${OR_PAT}.`,
        code,
      );
    case 50105:
      return oauthFailed(
        'not-assigned',
        `Your Microsoft Entra administrator has not given you access to ADO Companion. Ask them to assign you to the app, ${OR_PAT}.`,
        code,
      );
    case 53000:
    case 53001:
    case 53002:
    case 53003:
    case 53004:
      return oauthFailed(
        'conditional-access',
        `Your organization's Conditional Access policies blocked this sign-in. Ask your Microsoft Entra administrator about it, ${OR_PAT}.`,
        code,
      );
    case 50076:
    case 50079:
      return reauthRequired('interaction-required', SIGN_IN_AGAIN, code);
    case 9002326:
    case 7000218:
      return oauthFailed(
        'app-registration',
        `The app registration of ADO Companion (client id ${context.clientId}) is not a Single-page application, so Microsoft refuses to sign in from a browser extension. Its redirect URI must be registered under the "Single-page application" platform in Microsoft Entra ID.`,
        code,
      );
    case 9002327:
      return oauthFailed(
        'app-registration',
        `The app registration of ADO Companion is a Single-page application, which Microsoft only serves to requests that carry the extension's origin, and this browser did not send it. Connect with a Personal Access Token instead.`,
        code,
      );
    case 50011:
    case 500113:
      return oauthFailed(
        'redirect-mismatch',
        `The redirect address of this browser${context.redirectUri ? ` (${context.redirectUri})` : ''} is not registered for ADO Companion (client id ${context.clientId}). It must be added, exactly as shown, to the app's Single-page application redirect URIs in Microsoft Entra ID.`,
        code,
      );
    case 70000:
      return oauthFailed(
        'redirect-mismatch',
        `Microsoft did not accept the sign-in code for this app (AADSTS70000): the client id or redirect address differs between the sign-in and the token request. Sign in again; if it keeps happening, check the app registration.`,
        code,
      );
    case 501481:
      return oauthFailed(
        'code-rejected',
        'Microsoft could not confirm that the sign-in answer belongs to this request, so it was refused. Sign in again.',
        code,
      );
    case 54005:
    case 70008:
      return oauthFailed('code-rejected', 'The sign-in took too long or was already used. Sign in again.', code);
    case 700016:
      return oauthFailed(
        'app-registration',
        `ADO Companion (client id ${context.clientId}) is not known in your Microsoft Entra directory. Ask your administrator to allow it, ${OR_PAT}.`,
        code,
      );
    case 90002:
      return oauthFailed('app-registration', 'Microsoft does not know the directory (tenant) this sign-in asked for. Check the tenant of the account.', code);
    default:
      return null;
  }
}
