import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_SCRIPT } from '../../../wxt.config';
import { AZURE_DEVOPS_SERVER_PAGE_SCRIPT, PAGE_UI_SCRIPTS } from '@/lib/page-ui/page-ui-scripts';
import { PAGE_SESSION_STATUS_SCRIPT } from '@/lib/page-session/page-session-status';

/**
 * Globals a Firefox content script is given besides the page's window (docs/firefox.md). WXT names
 * a script's bundle variable after its entrypoint, so an entrypoint with one of these names would
 * replace the global for every script of the extension in that page.
 */
const FIREFOX_CONTENT_SCRIPT_GLOBALS = ['content', 'browser', 'chrome', 'exportFunction', 'cloneInto', 'XPCNativeWrapper', 'window', 'document'];

const ENTRYPOINTS = path.resolve('entrypoints');
const PAGE_SCRIPTS_DIR = path.join(ENTRYPOINTS, 'content');

/**
 * Every script that runs in a page's content-script world: the one the manifest injects
 * (wxt.config.ts), the one the background registers for Azure DevOps Server hosts, those it injects on demand (PAGE_UI_SCRIPTS) and the one the popup
 * runs in the active tab, each built from `entrypoints/content/<name>/index.ts` (wxt.config.ts).
 */
function pageScripts() {
  return [...PAGE_SCRIPT.js, AZURE_DEVOPS_SERVER_PAGE_SCRIPT, ...Object.values(PAGE_UI_SCRIPTS), PAGE_SESSION_STATUS_SCRIPT].map((file) => {
    const name = path.basename(file, '.js');
    return { name, file: path.join(PAGE_SCRIPTS_DIR, name, 'index.ts') };
  });
}

describe('scripts that run in Azure DevOps pages', () => {
  it('finds them all', () => {
    expect(pageScripts().map((entry) => entry.name)).toEqual(['azure-devops', 'azure-devops-server', 'pull-request-dialog', 'page-menus', 'branch-pull-requests', 'server-ssh-url', 'page-session-status']);
    for (const { file } of pageScripts()) expect(fs.existsSync(file), file).toBe(true);
  });

  it('holds nothing under entrypoints/content that is not one of them', () => {
    expect(fs.readdirSync(PAGE_SCRIPTS_DIR).sort()).toEqual(pageScripts().map((entry) => entry.name).sort());
  });

  it('has no WXT content-script entrypoint, whose wrapper would double the script every page loads (docs/page-footprint.md)', () => {
    // WXT's own content-script names: content.ts, content/index.ts, <name>.content.ts, <name>.content/index.ts.
    const wxtContentScripts = fs.readdirSync(ENTRYPOINTS, { recursive: true, encoding: 'utf8' }).filter((file) => /^(content|[^/]+\.content)(\.[jt]sx?|\/index\.[jt]sx?)$/.test(file.split(path.sep).join('/')));
    expect(wxtContentScripts).toEqual([]);
  });

  it.each(pageScripts())('$name is not named after a Firefox content-script global', ({ name }) => {
    const camel = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    expect(FIREFOX_CONTENT_SCRIPT_GLOBALS).not.toContain(camel);
  });

  it.each(pageScripts())('$name declares no global variable for its bundle (globalName: false)', ({ file }) => {
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\s*globalName:\s*false,/m);
  });
});
