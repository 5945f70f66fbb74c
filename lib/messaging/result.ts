import type { AppErrorValue } from '../errors/app-error';

/** What the background answers: data, or an error the UI can explain. */
export type MessageResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorValue };
