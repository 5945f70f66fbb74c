import type { createRepositoryCache } from '@/lib/repositories/repository-cache';
import type { Handler } from '../router';

/** The popup's repository browser; extension pages only (the protocol says so). */
export function repositoryHandlers(cache: () => ReturnType<typeof createRepositoryCache>) {
  return {
    'repositories.list': () => cache().list(),
    'repositories.refresh': () => cache().refresh(),
    'repositories.updatedAt': async ({ ids }) => ({ updatedAt: await cache().updatedAt(ids) }),
  } satisfies { [K in 'repositories.list' | 'repositories.refresh' | 'repositories.updatedAt']: Handler<K> };
}
