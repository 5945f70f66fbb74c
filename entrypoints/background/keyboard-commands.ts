import { browser, type Browser } from 'wxt/browser';
import { PAGE_COMMANDS, pageCommandAction, type PageCommand } from '@/lib/keyboard/page-command';
import { OPEN_DIALOG_GLOBAL } from '@/lib/pull-requests/dialog-global';
import { PAGE_UI_SCRIPTS } from '@/lib/page-ui/page-ui-scripts';
import { runFunctionInTab, runScriptInTab } from '@/lib/page-ui/run-script-in-tab';
import { readCloneChoice } from './clone-choice';
import { openLink } from './open-link';
import { writeClipboardFromBackground } from './write-clipboard';
import { clipboardRefusedSentence } from '@/lib/errors/clipboard-refused';

/**
 * Keyboard shortcuts on the repository of the active tab: copy its clone URL, clone it in the
 * default client, open "Create pull request" (docs/keyboard.md#shortcuts). Opening the popup is the
 * browser's own `_execute_action` command. Invoking a command grants `activeTab`, which lets a short
 * note be shown in any web page when the command does not apply there.
 */
export function startKeyboardCommands(): void {
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
}

async function onCommand(command: string, tab: Browser.tabs.Tab | undefined): Promise<void> {
  if (!(PAGE_COMMANDS as readonly string[]).includes(command)) return;
  const active = tab?.id !== undefined && tab.id >= 0 ? tab : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (active?.id === undefined) return;
  const tabId = active.id;
  const action = pageCommandAction(command as PageCommand, active.url, await readCloneChoice());
  switch (action.kind) {
    case 'copy':
      return showNote(tabId, (await writeClipboardFromBackground(action.text)) ? action.said : clipboardRefusedSentence('clone URL', action.text));
    case 'open-tab':
    case 'hand-to-app':
      return openLink(action.kind, action.url, active);
    case 'not-here':
      return showNote(tabId, action.said);
    case 'open-pull-request-dialog': {
      const { kind: _, ...request } = action;
      await runScriptInTab(tabId, PAGE_UI_SCRIPTS['pull-request-dialog']);
      await runFunctionInTab(tabId, openDialog, [OPEN_DIALOG_GLOBAL, request]);
    }
  }
}

/** In the page: opens the dialog the script above left in this world. Sent as source text. */
function openDialog(global: string, request: object): void {
  const open = (globalThis as unknown as Record<string, ((request: object) => void) | undefined>)[global];
  open?.({ ...request, returnFocus: () => null });
}

/** A note in the page's corner for a few seconds; nothing where the browser lets no extension in (its own pages). */
function showNote(tabId: number, text: string): Promise<void> {
  return runFunctionInTab(tabId, noteInPage, [text]).catch(() => undefined);
}

/** In the page: the note itself, as text in a shadow root of its own. Sent as source text. */
function noteInPage(text: string): void {
  document.querySelector('[data-ado-companion-feature="keyboard-note"]')?.remove();
  const host = document.createElement('div');
  host.dataset.adoCompanionFeature = 'keyboard-note';
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent =
    'p{position:fixed;z-index:2147483647;top:16px;right:16px;margin:0;max-width:360px;padding:8px 14px;border-radius:4px;font:14px "Segoe UI",system-ui,sans-serif;background:var(--callout-background-color,#fff);color:var(--text-primary-color,rgba(0,0,0,.9));box-shadow:0 3px 8px rgba(0,0,0,.25)}';
  const note = document.createElement('p');
  note.setAttribute('role', 'status');
  note.textContent = text;
  shadow.append(style, note);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 3000);
}
