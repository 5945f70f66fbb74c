import type { AppErrorValue } from '../errors/app-error';

/** An error the user can act on, read out by screen readers. Text only, never HTML. */
export function ErrorNotice({ error }: { error: AppErrorValue | null }) {
  if (!error) return null;
  return (
    <p class="notice notice-error" role="alert" data-kind={error.kind}>
      {error.message}
    </p>
  );
}
