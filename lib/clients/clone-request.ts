/** What a clone link is built from: a repository as `parseAzureRemote` gives it, and what the user wants. */
export interface CloneRequest {
  /** Canonical `https://dev.azure.com/{org}/{project}/_git/{repo}` (or the Server URL). */
  httpsUrl: string;
  /** `git@ssh.dev.azure.com:v3/{org}/{project}/{repo}`; null when unknown (Server over HTTPS). */
  sshUrl: string | null;
  /** The user's choice; SSH falls back to HTTPS when the repository has no known SSH URL. */
  protocol: 'https' | 'ssh';
  /** Short branch name (`feature/x`), when a page shows one. */
  branch?: string | null;
}

/** The clone URL a client gets, in the form it accepts. */
export function cloneUrlFor(request: CloneRequest, sshForm: 'scp' | 'url' = 'scp'): string {
  if (request.protocol !== 'ssh' || !request.sshUrl) return request.httpsUrl;
  // `git@host:path` → `ssh://git@host/path`: the form clients that parse URLs strictly accept.
  return sshForm === 'url' ? request.sshUrl.replace(/^([^@/:]+@[^/:]+):/, 'ssh://$1/') : request.sshUrl;
}
