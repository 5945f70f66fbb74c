import { parseAzureRepoUrl } from './remote-url';
import { readPageParts, type AzurePage } from './page-parts';

export * from './page-parts';

/** Recognises a repository page from its URL, on any host (cloud or Server); null for any other page. */
export function detectAzurePage(input: string | URL): AzurePage | null {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const parsed = parseAzureRepoUrl(url.href);
  if (!parsed) return null;
  const parts = readPageParts(url, parsed.pagePath);
  return parts ? { url, repo: parsed.repo, ...parts } : null;
}
