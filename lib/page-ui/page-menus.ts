import type { CloneRequest } from '@/lib/clients/clone-request';

/**
 * Where the on-demand menus script (entrypoints/content/page-menus) leaves its entry points, in the content
 * script's isolated world (shared by our scripts in one frame, invisible to the page's own scripts).
 */
export const PAGE_MENUS_GLOBAL = 'adoCompanionPageMenus';

/** A desktop client as the page's "Clone in <client>" button needs it. */
export interface PageClient {
  id: string;
  name: string;
  /** Null when the client takes no link (the button explains instead). */
  link(request: CloneRequest): string | null;
  /** What the user should know before relying on it (the button's tooltip). */
  note?: string;
}

/** The status line of whichever copy of a button is mounted when there is something to say (Azure DevOps re-renders its header). */
export type StatusLine = () => HTMLElement | null | undefined;

/** What the menus script offers the page buttons. Each menu opens under its toggle button, in the toggle's shadow root. */
export interface PageMenus {
  /**
   * Opens "Copy HTTPS URL / SSH URL / git clone command", or closes it when open; `copy` copies and
   * confirms. Without an SSH URL (a Server page), the menu asks the server for it.
   */
  copyMenu(
    toggle: HTMLButtonElement,
    repo: { project: string; repository: string; httpsUrl: string; sshUrl: string | null },
    copy: (text: string, what: string) => void,
  ): void;
  /**
   * Opens the list of desktop clients, or closes it when open; picking one hands it to `pick` (to make
   * it the default) and opens it with `request`, watching as `watchOpen` does.
   */
  cloneMenu(toggle: HTMLButtonElement, request: CloneRequest, pick: (client: PageClient) => void, status: StatusLine): void;
  /** The client with `id` (the default one when `id` is unknown). */
  client(id: string): PageClient;
  /**
   * After a click on the link to client `clientId`: says in `status` what to do when the client seems
   * not to have opened, or why it cannot be opened from a link.
   */
  watchOpen(status: StatusLine, clientId: string, request: CloneRequest): void;
}
