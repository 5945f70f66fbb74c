import type { createNewRepository } from '@/lib/new-repository/create-repository';
import type { Handler } from '../router';

/** The popup's "New repository" screen; extension pages only (the protocol says so). */
export function newRepositoryHandlers(newRepository: () => ReturnType<typeof createNewRepository>) {
  return {
    'repositories.projects': (request) => newRepository().projects(request),
    'repositories.create': (request) => newRepository().create(request),
  } satisfies { [K in 'repositories.projects' | 'repositories.create']: Handler<K> };
}
