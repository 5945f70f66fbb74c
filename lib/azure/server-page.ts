import { serverRepo } from './repo-ref';
import { readPageKind } from './page-parts';
import type { CloudPage } from './cloud-page';

/**
 * The repository page of an Azure DevOps Server URL, for the page script registered on the Server
 * hosts the user granted (docs/azure-devops-pages.md#server-pages). `collectionRoot` is the
 * collection's path as the page data states it (`suiteHomeUrl`, e.g. `/tfs/DefaultCollection/`):
 * it tells a virtual directory and a collection from a project, which the URL alone cannot when the
 * project's default repository is linked as `/{collection}/_git/{project}`. Without it the URL must
 * name at least a collection and a project before `_git`; the last two segments are taken as those
 * and anything before as the virtual directory.
 */
export function detectServerPage(href: string, collectionRoot: string | null): CloudPage | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const segments = url.pathname.split('/').filter(Boolean);
  const at = segments.findIndex((segment) => segment.toLowerCase() === '_git');
  if (at < 0) return null;
  let collection: string[];
  let projectSegment: string | undefined;
  const root = collectionRoot?.split('/').filter(Boolean) ?? null;
  if (root?.length && root.length <= at && root.every((segment, i) => segment.toLowerCase() === segments[i]!.toLowerCase())) {
    if (at - root.length > 1) return null;
    collection = segments.slice(0, root.length);
    projectSegment = at === root.length ? undefined : segments[root.length];
  } else {
    if (at < 2) return null;
    collection = segments.slice(0, at - 1);
    projectSegment = segments[at - 1];
  }
  let index = at + 1;
  if (segments[index] === '_optimized' || segments[index] === '_full') index += 1;
  const rawRepo = segments[index];
  if (rawRepo === undefined) return null;
  const pagePath = segments.slice(index + 1);
  const repository = plainName(pagePath.length === 0 && rawRepo.endsWith('.git') ? rawRepo.slice(0, -4) : rawRepo);
  // The project's default repository is linked without the project: `/{collection}/_git/{project}`.
  const project = projectSegment === undefined ? repository : plainName(projectSegment);
  const names = collection.map(plainName);
  if (!repository || !project || names.some((name) => name === null)) return null;
  const kind = readPageKind(url.search, pagePath);
  return kind && { repo: serverRepo(url.origin, names as string[], project, repository), type: kind.type, branch: kind.branch };
}

/** The collection root the page data names (`ms.vss-tfs-web.header-action-data.suiteHomeUrl`, docs/azure-devops-pages.md#page-data), as a path; null when it names none. */
export function collectionRootOf(document: Document): string | null {
  try {
    const home: unknown = JSON.parse(document.getElementById('dataProviders')?.textContent || '{}')?.data?.['ms.vss-tfs-web.header-action-data']?.suiteHomeUrl;
    if (typeof home !== 'string') return null;
    const path = /^https?:\/\//i.test(home) ? (new URL(home).origin === document.location.origin ? new URL(home).pathname : null) : home;
    return path?.startsWith('/') ? path : null;
  } catch {
    return null;
  }
}

function plainName(raw: string): string | null {
  try {
    const decoded = decodeURIComponent(raw);
    return decoded && decoded !== '.' && decoded !== '..' && !/[/\\\p{Cc}]/u.test(decoded) ? decoded : null;
  } catch {
    return null;
  }
}
