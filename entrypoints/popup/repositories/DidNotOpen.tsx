import { useSignal } from '@preact/signals';
import type { DesktopClient } from '@/lib/clients/desktop-clients';
import type { RepositoryView } from '@/lib/repositories/repository-cache';

/** Nothing tells a page whether a custom-scheme link opened an app: after this, offer the way out. */
const DID_NOT_OPEN_AFTER_MS = 3000;

/** `cloned(repo)` after a clone link's click; `name` is that repository's, once it seems nothing opened. */
export function useDidNotOpen() {
  const name = useSignal<string | null>(null);
  return { name, cloned: (repo: RepositoryView) => setTimeout(() => (name.value = repo.name), DID_NOT_OPEN_AFTER_MS) };
}

export function DidNotOpen({ name, client }: { name: string | null; client: DesktopClient }) {
  if (!name) return null;
  return (
    <p class="muted small">
      {name} didn’t open?{' '}
      <a href={client.installUrl} target="_blank" rel="noreferrer">
        Install {client.name}
      </a>{' '}
      or copy the URL.
    </p>
  );
}
