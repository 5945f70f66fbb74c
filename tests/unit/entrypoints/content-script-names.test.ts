import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Globals a Firefox content script is given besides the page's window (docs/firefox.md). WXT names
 * a content script's bundle variable after its entrypoint, so an entrypoint with one of these
 * names would replace the global for every script of the extension in that page.
 */
const FIREFOX_CONTENT_SCRIPT_GLOBALS = ['content', 'browser', 'chrome', 'exportFunction', 'cloneInto', 'XPCNativeWrapper', 'window', 'document'];

const ENTRYPOINTS = path.resolve('entrypoints');

/** Content-script entrypoints as WXT finds them: `<name>.content.ts`, `<name>.content/index.ts`, `content.ts`, `content/index.ts`. */
function contentScriptEntrypoints() {
  return fs
    .readdirSync(ENTRYPOINTS, { withFileTypes: true })
    .map((entry) => {
      const match = /^(?:(.+)\.)?content(?:\.tsx?)?$/.exec(entry.name);
      if (!match) return null;
      const file = entry.isDirectory() ? path.join(ENTRYPOINTS, entry.name, 'index.ts') : path.join(ENTRYPOINTS, entry.name);
      return { name: match[1] ?? 'content', file };
    })
    .filter((entry) => entry !== null);
}

describe('content-script entrypoints', () => {
  it('finds the content script', () => {
    expect(contentScriptEntrypoints().map((entry) => entry.name)).toEqual(['azure-devops']);
  });

  it.each(contentScriptEntrypoints())('$name is not named after a Firefox content-script global', ({ name }) => {
    const camel = name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
    expect(FIREFOX_CONTENT_SCRIPT_GLOBALS).not.toContain(camel);
  });

  it.each(contentScriptEntrypoints())('$name declares no global variable for its bundle (globalName: false)', ({ file }) => {
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\s*globalName:\s*false,/m);
  });
});
