import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPT } from '../../../wxt.config';
import { PAGE_UI_SCRIPTS } from '@/lib/page-ui/page-ui-scripts';
import { PAGE_SESSION_STATUS_SCRIPT } from '@/lib/page-session/page-session-status';

/**
 * Globals a Firefox content script is given besides the page's window (docs/firefox.md). WXT names
 * a script's bundle variable after its entrypoint, so an entrypoint with one of these names would
 * replace the global for every script of the extension in that page.
 */
const FIREFOX_CONTENT_SCRIPT_GLOBALS = ['content', 'browser', 'chrome', 'exportFunction', 'cloneInto', 'XPCNativeWrapper', 'window', 'document'];

const ENTRYPOINTS = path.resolve('entrypoints');

/**
 * Every script that runs in a page's content-script world: the one the manifest injects
 * (wxt.config.ts), those the background injects on demand (PAGE_UI_SCRIPTS) and the one the popup
 * runs in the active tab, each built by WXT from `entrypoints/<name>/index.ts`.
 */
function pageScripts() {
  return [...PAGE_SCRIPT.js, ...Object.values(PAGE_UI_SCRIPTS), PAGE_SESSION_STATUS_SCRIPT].map((file) => {
    const name = path.basename(file, '.js');
    return { name, file: path.join(ENTRYPOINTS, name, 'index.ts') };
  });
}

describe('scripts that run in Azure DevOps pages', () => {
  it('finds them all', () => {
    expect(pageScripts().map((entry) => entry.name)).toEqual(['azure-devops', 'pull-request-dialog', 'page-menus', 'branch-pull-requests', 'server-ssh-url', 'page-session-status']);
    for (const { file } of pageScripts()) expect(fs.existsSync(file), file).toBe(true);
  });

  it('has no WXT content-script entrypoint, whose wrapper would double the script every page loads (docs/page-footprint.md)', () => {
    expect(fs.readdirSync(ENTRYPOINTS).filter((name) => /(^|\.)content(\.tsx?)?$/.test(name))).toEqual([]);
  });

  it.each(pageScripts())('$name is not named after a Firefox content-script global', ({ name }) => {
    const camel = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    expect(FIREFOX_CONTENT_SCRIPT_GLOBALS).not.toContain(camel);
  });

  it.each(pageScripts())('$name declares no global variable for its bundle (globalName: false)', ({ file }) => {
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\s*globalName:\s*false,/m);
  });
});
