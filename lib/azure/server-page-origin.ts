import { isAzureDevOpsServiceHost } from './azure-hosts';

/**
 * Path segments of Azure DevOps' web UI and REST API (`/{collection}/{project}/_git/{repo}`,
 * `/{collection}/_apis/…`; docs/azure-devops-hosts.md#server-page-offer). One of them after at least
 * one segment (the collection) makes a page on any other host plausibly an Azure DevOps Server's.
 */
const AZURE_DEVOPS_SEGMENTS = new Set([
  '_git',
  '_apis',
  '_build',
  '_release',
  '_workitems',
  '_boards',
  '_backlogs',
  '_sprints',
  '_queries',
  '_wiki',
  '_dashboards',
  '_settings',
  '_testmanagement',
  '_packaging',
  '_artifacts',
]);

/**
 * The origin (`https://tfs.contoso.com:8443`) of a page that looks like an Azure DevOps Server's, from
 * its URL alone; null for Azure DevOps Services hosts (their page script is always there), other
 * schemes, and paths with no Azure DevOps segment after the collection.
 */
export function serverPageOriginOf(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || isAzureDevOpsServiceHost(url.hostname)) return null;
  const segments = url.pathname.split('/').filter(Boolean);
  return segments.some((segment, index) => index > 0 && AZURE_DEVOPS_SEGMENTS.has(segment.toLowerCase())) ? url.origin.toLowerCase() : null;
}
