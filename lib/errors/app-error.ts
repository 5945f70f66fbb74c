/**
 * Errors are values the UI can explain. Every failure that reaches a user is one of these kinds,
 * with the sentence error-messages.ts wrote for it; the UI shows that sentence as text.
 */
export type ErrorKind =
  | 'invalid-message' // a message that failed its schema
  | 'forbidden-sender' // a sender not allowed to ask for this
  | 'invalid-input' // something the user typed cannot be used (message says what and how to fix it)
  | 'auth-expired' // token expired (PAT past its date, access token that cannot be refreshed)
  | 'auth-invalid' // token wrong, revoked, or answered with a sign-in page
  | 'auth-missing-scope' // token valid but lacks the scope this needs
  | 'oauth-blocked-by-policy' // org refuses OAuth tokens (policy off, tenant mismatch, MSA-backed)
  | 'oauth-failed' // the Entra sign-in itself failed or was cancelled
  | 'reauth-required' // refresh token gone (SPA refresh tokens last 24 h): sign in again
  | 'permission-denied' // the user refused an optional host permission
  | 'not-found'
  | 'conflict'
  | 'invalid-name'
  | 'throttled'
  | 'offline'
  | 'server-version'
  | 'internal';

export interface AppErrorValue {
  kind: ErrorKind;
  /** A complete sentence for the user; never a stack trace, never a token. */
  message: string;
  /** Optional structured details the UI may use (e.g. retryAfterSeconds, organization). */
  details?: Record<string, string | number | boolean>;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly details?: AppErrorValue['details'];

  constructor(value: AppErrorValue) {
    super(value.message);
    this.name = 'AppError';
    this.kind = value.kind;
    this.details = value.details;
  }

  toValue(): AppErrorValue {
    return { kind: this.kind, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}
