import { CLOUD_HOST, cloudOrganizationOf, cloudOrganizationUrl } from '../azure/azure-hosts';
import { parseAzureRepoUrl } from '../azure/remote-url';

// A pull request number typed after the words (`web 42`, `web #42`, `web !42`), or alone (`42`).
const PULL_REQUEST_NUMBER = /^(.*?)(?:^|\s+)[#!]?([1-9]\d{0,9})$/s;

/**
 * Where `ado <text>` goes when the user presses Enter without picking a suggestion
 * (docs/keyboard.md#address-bar):
 * - an Azure DevOps URL in any form (clone URL, legacy `{org}.visualstudio.com` page, typed without
 *   `https://`): the same page in its canonical `dev.azure.com` form;
 * - words then a number: that pull request in the repository the words find best; a number alone:
 *   that pull request in the repository of the current tab;
 * - words: the repository they find best.
 * `repositoryPageOf(words)` answers from the cache only: nothing here asks the network.
 */
export function omniboxDestination(text: string, repositoryPageOf: (words: string) => string | null, currentTabUrl?: string): string | null {
  const input = text.trim();
  if (!input) return null;
  const fromUrl = canonicalPage(input);
  if (fromUrl) return fromUrl;
  const pullRequest = pullRequestAfterWords(input);
  if (pullRequest) {
    const { words, id } = pullRequest;
    const repository = words ? repositoryPageOf(words) : currentTabUrl ? (parseAzureRepoUrl(currentTabUrl)?.repo.httpsUrl ?? null) : null;
    if (repository) return `${repository}/pullrequest/${id}`;
    if (!words) return null;
  }
  return repositoryPageOf(input);
}

/** A pull request number typed after the words (`web 42`, `web #42`, `web !42`) or alone (`42`: no words). */
export function pullRequestAfterWords(text: string): { words: string; id: number } | null {
  const found = PULL_REQUEST_NUMBER.exec(text.trim());
  return found ? { words: found[1]!.trim(), id: Number(found[2]) } : null;
}

/** An Azure DevOps URL (a repository, a clone URL, any page) in its canonical form, or null when `input` is none. */
function canonicalPage(input: string): string | null {
  if (/\s/.test(input)) return null;
  const address = withScheme(input);
  const parsed = parseAzureRepoUrl(address);
  if (!parsed) return canonicalCloudPage(address);
  let search = '';
  try {
    search = /^https?:\/\//i.test(address) ? new URL(address).search : '';
  } catch {
    // Not a web address (an SSH remote): the repository's page.
  }
  const page = parsed.pagePath.length > 0 ? `/${parsed.pagePath.join('/')}` : '';
  return `${parsed.repo.httpsUrl}${page}${search}`;
}

/** `dev.azure.com/…` or `{org}.visualstudio.com/…` typed without a scheme, as the address bar takes them. */
function withScheme(input: string): string {
  return /^(dev\.azure\.com|[a-z0-9-]+\.visualstudio\.com)(\/|$)/i.test(input) ? `https://${input}` : input;
}

/** A page of Azure DevOps Services that is no repository page (boards, work items, builds): the same path under dev.azure.com/{org}. */
function canonicalCloudPage(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  const organization = cloudOrganizationOf(url);
  if (!organization) return null;
  if (url.hostname.toLowerCase() === CLOUD_HOST) return `https://${CLOUD_HOST}${url.pathname}${url.search}${url.hash}`;
  const path = url.pathname.replace(/^\/DefaultCollection(?=\/|$)/i, '').replace(/^\/$/, '');
  return `${cloudOrganizationUrl(organization)}${path}${url.search}${url.hash}`;
}
