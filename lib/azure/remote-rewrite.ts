import { parseAzureRemote } from './remote-url';
import type { AzureRepoRef } from './repo-ref';
import { legacyOrganizationOfHost, LEGACY_SSH_HOST } from './azure-hosts';
import { gitCommand } from '../shell/git-command';

/** What the remote URL helper says about a pasted remote. */
export interface RemoteAdvice {
  repo: AzureRepoRef;
  /** The remote as it should read: the canonical form of the same transport (HTTPS or SSH). */
  canonical: string;
  /** Why it should change, when it should: a legacy host, or a user name in the URL. */
  reason: 'legacy-host' | 'user-in-url' | null;
  /** `git remote set-url origin <canonical>` when it should change, quoted for the shell. */
  command: string | null;
}

/**
 * Advice on a remote URL: recognised as Azure DevOps (or null), and for the deprecated
 * `{org}.visualstudio.com` and `vs-ssh.visualstudio.com` forms, or an `org@` user name in an HTTPS
 * URL, the command that moves it to the canonical `dev.azure.com` form (docs/azure-devops-hosts.md).
 */
export function adviseRemote(input: string, remoteName = 'origin'): RemoteAdvice | null {
  const repo = parseAzureRemote(input);
  if (!repo) return null;
  const text = input.trim();
  const ssh = /^ssh:\/\//i.test(text) || /^[^@/\s]+@[^@/:\s]+:/.test(text);
  const canonical = ssh && repo.sshUrl ? repo.sshUrl : repo.httpsUrl;
  const host = hostOf(text);
  const reason =
    repo.kind === 'cloud' && host && (legacyOrganizationOfHost(host) || host === LEGACY_SSH_HOST)
      ? 'legacy-host'
      : repo.kind === 'cloud' && !ssh && /^https?:\/\/[^/]*@/i.test(text)
        ? 'user-in-url'
        : null;
  return { repo, canonical, reason, command: reason ? gitCommand('remote', 'set-url', remoteName, canonical) : null };
}

function hostOf(text: string): string | null {
  const scp = /^[^@/\s]+@([^@/:\s]+):/.exec(text);
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return scp[1]!.toLowerCase();
  try {
    return new URL(text).hostname.toLowerCase();
  } catch {
    return null;
  }
}
