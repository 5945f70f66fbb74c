/** Azure DevOps Services hosts where the web UI lives (the content script's matches). */
export function isAzureDevOpsCloudHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'dev.azure.com' || (host.endsWith('.visualstudio.com') && host !== '.visualstudio.com');
}
