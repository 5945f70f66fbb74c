import { createPageSession, pageFetch } from '@/lib/page-session/page-session';
import { SERVER_SSH_URL_GLOBAL, type ServerSshUrlFromPage } from '@/lib/page-ui/server-ssh-url-global';

/**
 * An Azure DevOps Server repository's SSH URL, read with the page's own sign-in when the copy menu
 * first opens on a Server page: only the server knows its SSH host, port and path, and states them
 * in the repository's `sshUrl` (docs/azure-devops-hosts.md#server-ssh-url). Null when the answer has
 * none (SSH off), or the page is signed out or the call fails.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    const fromPage: ServerSshUrlFromPage = async ({ project, repository }) => {
      const session = createPageSession({ href: location.href, document, fetch: pageFetch() });
      if (!session) return null;
      const answer = await session
        .request<{ sshUrl?: unknown }>(`${encodeURIComponent(project)}/_apis/git/repositories/${encodeURIComponent(repository)}`)
        .catch(() => null);
      const sshUrl = answer?.kind === 'ok' ? answer.value.sshUrl : null;
      // One line of text, copied as is; anything else is no SSH URL.
      return typeof sshUrl === 'string' && sshUrl.length < 2048 && /^\S+$/.test(sshUrl) ? sshUrl : null;
    };
    (globalThis as Record<string, unknown>)[SERVER_SSH_URL_GLOBAL] = fromPage;
  },
});
