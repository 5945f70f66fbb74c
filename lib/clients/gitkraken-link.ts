import { cloneUrlFor, linkBranch, type CloneRequest } from './clone-request';

/** The client a user clones with until they pick another: the page button links to it with no other code loaded. */
export const DEFAULT_CLIENT_ID = 'gitkraken';
export const DEFAULT_CLIENT_NAME = 'GitKraken Desktop';

/**
 * GitKraken Desktop the way GitKraken's own browser extension opens it: a GitLens-style deep link
 * (`…/link/r/-/b/{branch}?url=…`) wrapped in a gitkraken.dev link, which offers the desktop app
 * (docs/desktop-clients.md).
 */
export function gitKrakenLink(request: CloneRequest): string {
  const enc = encodeURIComponent;
  const branch = linkBranch(request);
  // Each segment of the branch encoded, the slashes between them kept.
  const inner = new URL(`vscode://eamodio.gitlens/link/r/-${branch ? `/b/${enc(branch).replace(/%2F/g, '/')}` : ''}`);
  inner.searchParams.set('url', cloneUrlFor(request));
  return `https://gitkraken.dev/link/${enc(btoa(inner.href))}?referrer=extension`;
}
