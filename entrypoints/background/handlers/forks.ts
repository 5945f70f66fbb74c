import type { createForks } from '@/lib/forks/forks';
import type { Handler } from '../router';

/** The popup's forks screen; extension pages only (the protocol says so). */
export function forkHandlers(forks: () => ReturnType<typeof createForks>) {
  return {
    'forks.list': (request) => forks().list(request),
    'forks.create': (request) => forks().create(request),
    'forks.copyStatus': (request) => forks().copyStatus(request),
  } satisfies { [K in 'forks.list' | 'forks.create' | 'forks.copyStatus']: Handler<K> };
}
