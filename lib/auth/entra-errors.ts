import { AppError } from '../errors/app-error';
import { ENTRA_SENTENCES, entraErrorByCode, type EntraFailureReason } from '../errors/error-messages';

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

export type { EntraFailureReason };

export const SIGN_IN_CANCELLED = ENTRA_SENTENCES.cancelled;
export const SESSION_ENDED = ENTRA_SENTENCES.sessionEnded;
const SIGN_IN_AGAIN = ENTRA_SENTENCES.signInAgain;

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
    return oauthFailed('code-rejected', ENTRA_SENTENCES.codeRejected, code);
  }
  if (error === 'temporarily_unavailable' || error === 'server_error') {
    return oauthFailed('unexpected-answer', ENTRA_SENTENCES.serviceTrouble, code);
  }
  return oauthFailed('unknown', ENTRA_SENTENCES.unknown(code), code);
}

function describeCode(code: number, context: EntraErrorContext): AppError | null {
  const entry = entraErrorByCode(code, context);
  if (!entry) return null;
  return entry.kind === 'oauth-failed' ? oauthFailed(entry.reason, entry.message, code) : reauthRequired(entry.reason, entry.message, code);
}
