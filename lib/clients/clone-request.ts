import { isBranchName } from '../azure/branch-name';

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

/** The clone URL a client gets: SSH in the scp-like form `git@host:path` when chosen and known. */
export function cloneUrlFor(request: CloneRequest): string {
  return request.protocol === 'ssh' && request.sshUrl ? request.sshUrl : request.httpsUrl;
}

/**
 * The branch a link may carry: a name git takes, so never one with a `.` or `..` segment, which a URL
 * parser resolves and which would turn the link into another one (docs/desktop-clients.md). Pages
 * already refuse such names; this holds for any caller.
 */
export function linkBranch(request: CloneRequest): string | null {
  const branch = request.branch;
  return branch && isBranchName(branch) ? branch : null;
}
