import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// Azure DevOps cloud hosts and the Entra login host: the only hosts granted at install time.
// Azure DevOps Server hosts are requested at run time (optional_host_permissions).
export const AZURE_HOST_PERMISSIONS = [
  'https://dev.azure.com/*',
  'https://*.visualstudio.com/*',
  'https://vssps.dev.azure.com/*',
  'https://login.microsoftonline.com/*',
];

/**
 * The scripts that run in Azure DevOps pages live together under `entrypoints/content/<name>/index.ts`:
 * the one every page loads and the parts it loads on demand. WXT looks for entrypoints one folder
 * deep only (and would make `content/index.ts` a WXT content script, whose wrapper doubles the page
 * script: docs/page-footprint.md), so each is added here as an unlisted script `<name>.js`.
 */
function pageScriptEntrypoints(entrypointsDir: string) {
  const contentDir = path.join(entrypointsDir, 'content');
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, inputPath: path.join(contentDir, entry.name, 'index.ts'), type: 'unlisted-script' as const }));
}

/**
 * The script every Azure DevOps page loads (entrypoints/content/azure-devops, an unlisted script declared
 * here rather than a WXT content script: docs/page-footprint.md). The Microsoft sites on
 * visualstudio.com that are no organization are left out (docs/azure-devops-hosts.md).
 */
export const PAGE_SCRIPT = {
  matches: ['https://dev.azure.com/*', 'https://*.visualstudio.com/*'],
  exclude_matches: ['https://marketplace.visualstudio.com/*', 'https://www.visualstudio.com/*', 'https://app.vssps.visualstudio.com/*', 'https://vs-ssh.visualstudio.com/*'],
  js: ['azure-devops.js'],
  run_at: 'document_idle',
};

/**
 * Drops an empty chunk that pages would import for nothing: WXT's loader of its HTML plugins (there
 * are none) is one module shared by the popup and the offscreen document, so it is a file of its
 * own, which the popup would fetch after its script before its first screen could paint
 * (docs/page-footprint.md#popup-first-paint). A build that still names it fails.
 */
function withoutEmptyChunks(): Plugin {
  return {
    name: 'ado-companion:without-empty-chunks',
    apply: 'build',
    generateBundle(_, bundle) {
      const empty = Object.values(bundle).filter((output) => output.type === 'chunk' && !output.isEntry && !output.code.trim());
      for (const { fileName } of empty) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          chunk.code = chunk.code.replace(`import"./${path.posix.relative(path.posix.dirname(chunk.fileName), fileName)}";`, '');
          chunk.imports = chunk.imports.filter((file) => file !== fileName);
          if (chunk.code.includes(path.posix.basename(fileName))) this.error(`${chunk.fileName} still imports the empty chunk ${fileName}`);
        }
        delete bundle[fileName];
      }
    },
  };
}

/**
 * Draws the extension's icon (assets/icon.svg) into the pages that name it with `<!-- assets/icon.svg -->`,
 * so the popup's header paints with its icon in the first frame, with no file to fetch
 * (docs/page-footprint.md#popup-first-paint), and the picture is drawn in one place only.
 */
function iconInPage(): Plugin {
  const PLACEHOLDER = '<!-- assets/icon.svg -->';
  return {
    name: 'ado-companion:icon-in-page',
    transformIndexHtml(html) {
      if (!html.includes(PLACEHOLDER)) return html;
      const svg = readFileSync(path.resolve('assets/icon.svg'), 'utf8')
        .replace(/\s*\n\s*/g, '')
        .replace(/ xmlns="[^"]*"/, ' aria-hidden="true"');
      return html.replace(PLACEHOLDER, svg);
    },
  };
}

const SERVER_HOST_PERMISSIONS = ['https://*/*', 'http://*/*'];

/**
 * The oldest browsers the extension is built and tested for (docs/browser-support.md): Chromium 120
 * (Chrome and Edge: MV3 service worker kept alive by pending extension API calls such as the
 * sign-in window, storage.session, optional_host_permissions); Firefox 140 on desktop, the ESR
 * Debian 12 installs, and 142 on Android (data_collection_permissions came one release later there).
 */
export const MINIMUM_CHROME_VERSION = '120';
export const MINIMUM_FIREFOX_VERSION = '140.0';
export const MINIMUM_FIREFOX_ANDROID_VERSION = '142.0';

export default defineConfig({
  hooks: {
    'entrypoints:found': (wxt, infos) => {
      infos.push(...pageScriptEntrypoints(wxt.config.entrypointsDir));
    },
  },
  // No module preloading: an on-demand popup screen only imports from the chunk already loaded, and
  // Vite's preload helper would cost the popup's first download ~0.4 KB (tests/bench/budgets.ts).
  vite: () => ({ plugins: [preact(), iconInPage(), withoutEmptyChunks()], build: { modulePreload: false } }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'ADO Companion',
    description:
      'Azure DevOps in your browser: clone in your desktop Git client, copy clone URLs, create pull requests.',
    // `scripting`: the pull request dialog is injected on demand, and the page script is registered
    // for the Azure DevOps Server hosts the user grants (Firefox has the API in MV2 from 102, and keeps
    // registrations across restarts from 105: docs/azure-devops-hosts.md#server-pages).
    // `offscreen`: Chromium's service worker copies through an offscreen document (docs/context-menu.md);
    // Firefox's background page copies itself and has no such API.
    // `activeTab`: a keyboard shortcut may show a short note in the tab it was pressed in (docs/keyboard.md).
    // `alarms`: the pull request inbox behind the toolbar badge is refreshed on a period (docs/pull-request-inbox.md).
    permissions: [
      'identity',
      'activeTab',
      'alarms',
      'storage',
      'contextMenus',
      'clipboardWrite',
      'scripting',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    host_permissions: AZURE_HOST_PERMISSIONS,
    // Azure DevOps Server hosts, asked for when the user adds one. MV2 (Firefox) has no
    // optional_host_permissions key: there they are plain optional permissions.
    // `notifications` is asked for when the user turns pull request notifications on (docs/pull-request-inbox.md#notifications).
    ...(manifestVersion === 3
      ? { optional_host_permissions: SERVER_HOST_PERMISSIONS, optional_permissions: ['notifications'] }
      : { optional_permissions: ['notifications', ...SERVER_HOST_PERMISSIONS] }),
    // What an IT department may preset (docs/managed-configuration.md). Firefox takes the same keys
    // from its enterprise policies' `3rdparty` part and knows no schema key.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    content_scripts: [PAGE_SCRIPT],
    action: { default_title: 'ADO Companion' },
    omnibox: { keyword: 'ado' },
    commands: keyboardCommands(manifestVersion),
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: MINIMUM_CHROME_VERSION }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // A fixed add-on id keeps Firefox's identity redirect URL stable (see README, Entra app).
            gecko: {
              id: 'ado-companion@ado-companion.dev',
              strict_min_version: MINIMUM_FIREFOX_VERSION,
              // Tokens and data go only to the Azure DevOps hosts the user signs in to.
              data_collection_permissions: { required: ['none'] },
            },
            // `gecko` holds for Android too unless overridden here (docs/browser-support.md).
            gecko_android: { strict_min_version: MINIMUM_FIREFOX_ANDROID_VERSION },
          },
        }
      : {}),
  }),
});

/**
 * Keyboard shortcuts, changeable in the browser's shortcut settings (docs/keyboard.md#shortcuts).
 * Alt+Shift with a letter: Azure DevOps' own web shortcuts are single keys and Ctrl+Alt ones.
 * Chromium takes at most four suggested keys.
 */
function keyboardCommands(manifestVersion: number) {
  return {
    [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: { suggested_key: { default: 'Alt+Shift+A' }, description: 'Open ADO Companion' },
    'copy-clone-url': { suggested_key: { default: 'Alt+Shift+C' }, description: 'Copy the clone URL of the repository in this tab' },
    'clone-in-client': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Clone the repository in this tab in your desktop client' },
    'create-pull-request': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Create a pull request from the branch in this tab' },
  };
}
