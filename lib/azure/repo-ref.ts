/**
 * One Azure DevOps Git repository, as named by any of its clone URLs or web pages.
 *
 * Names are decoded (`My Project`, not `My%20Project`); the URLs are canonical and rebuilt from
 * the names with `encodeURIComponent` per segment, so equal repositories give equal refs.
 */
export interface AzureRepoRef {
  kind: 'cloud' | 'server';
  /** Cloud: the organization. Server: the collection (e.g. `DefaultCollection`). */
  organization: string;
  project: string;
  repository: string;
  /**
   * Cloud: `https://dev.azure.com/{org}/{project}/_git/{repo}`, also for legacy
   * `{org}.visualstudio.com` inputs. Server: `{scheme}://{host[:port]}/[{virtual dir}/]{collection}/{project}/_git/{repo}`
   * (https without the port for an SSH input).
   */
  httpsUrl: string;
  /**
   * Cloud: `git@ssh.dev.azure.com:v3/{org}/{project}/{repo}`. Server: only known when the input
   * was an SSH URL (`ssh://host:port/.../_git/{repo}`), otherwise null.
   */
  sshUrl: string | null;
}

/** A cloud repository in its canonical HTTPS and SSH forms, names encoded per segment. */
export function cloudRepo(organization: string, project: string, repository: string): AzureRepoRef {
  const [o, p, r] = [organization, project, repository].map(encodeURIComponent);
  return {
    kind: 'cloud',
    organization,
    project,
    repository,
    // Literal hosts: this leaf module is part of the page script every page loads (azure-hosts would cost it bytes).
    httpsUrl: `https://dev.azure.com/${o}/${p}/_git/${r}`,
    sshUrl: `git@ssh.dev.azure.com:v3/${o}/${p}/${r}`,
  };
}

/**
 * A Server repository at `{origin}/{collection path}/{project}/_git/{repository}` (the collection path
 * holds any virtual directory: `tfs/DefaultCollection`). No SSH URL: only the server states it
 * (the repository's `sshUrl`), and it is never guessed (docs/azure-devops-hosts.md#server-pages).
 */
export function serverRepo(origin: string, collectionPath: readonly string[], project: string, repository: string): AzureRepoRef {
  const path = [...collectionPath, project].map(encodeURIComponent).join('/');
  return {
    kind: 'server',
    organization: collectionPath.at(-1)!,
    project,
    repository,
    httpsUrl: `${origin}/${path}/_git/${encodeURIComponent(repository)}`,
    sshUrl: null,
  };
}
