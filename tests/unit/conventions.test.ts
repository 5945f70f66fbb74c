// @vitest-environment node
/**
 * House rules a reviewer would otherwise have to remember: what the runtime code may import.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { findImportCycles, importGraph } from './support/import-cycles';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const runtime = [...sourceFiles('lib'), ...sourceFiles('entrypoints')];
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('conventions', () => {
  it('finds the runtime sources it checks', () => {
    expect(runtime).toContain(path.join('lib', 'auth', 'session.ts'));
  });

  it('imports azure-devops-node-api in runtime code only for its types (its WebApi needs Node and would bloat the bundle)', () => {
    const offenders = runtime.filter((file) => /^\s*import\s+(?!type\b)[^;]*from\s+['"]azure-devops-node-api/m.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('has no import circle in lib/ and entrypoints/', () => {
    expect(findImportCycles(importGraph(ROOT, runtime))).toEqual([]);
  });

  it('finds an import circle where there is one, through the alias, a folder index and type-only imports', () => {
    const cycles = findImportCycles(
      new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', ['c/index.ts']],
        ['c/index.ts', ['a.ts']],
        ['d.ts', ['a.ts']],
      ]),
    );
    expect(cycles).toEqual([['a.ts', 'b.ts', 'c/index.ts']]);
    const graph = importGraph(ROOT, runtime);
    // Real edges of three kinds: relative, `@/` alias, and `import type`.
    expect(graph.get(path.join('lib', 'auth', 'account-views.ts'))).toContain(path.join('lib', 'db', 'schema.ts'));
    expect(graph.get(path.join('entrypoints', 'background', 'router.ts'))).toContain(path.join('lib', 'messaging', 'protocol.ts'));
  });

  it('keeps lib/messaging/protocol.ts a catalogue: nothing else in lib imports it (view types live with the code that builds them)', () => {
    const offenders = sourceFiles('lib').filter((file) => !file.startsWith(path.join('lib', 'messaging')) && /from\s+['"][^'"]*messaging\/protocol['"]/.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('never imports entrypoints from lib', () => {
    const offenders = sourceFiles('lib').filter((file) => /from\s+['"](?:@\/entrypoints|(?:\.\.\/)+entrypoints)/.test(read(file)));
    expect(offenders).toEqual([]);
  });
});

describe('conventions: error sentences', () => {
  // The errors folder (error-messages.ts, and app-errors.ts split out so that each bundle keeps only the
  // sentences it uses). Input hints of the PAT form are about what was typed, not failures of a call.
  const allowed = (file: string) => path.dirname(file) === path.join('lib', 'errors') || file === path.join('lib', 'auth', 'pat-input.ts');

  it('writes every error sentence in lib/errors/, none in the modules that raise them or in the UI', () => {
    // A sentence passed as a literal: `message: '…'`, or `oauthFailed(reason, '…')`.
    const literal = /\bmessage:\s*[`'"]|(?:oauthFailed|reauthRequired)\([^,]+,\s*[`'"]/;
    const offenders = runtime.filter((file) => !allowed(file) && literal.test(read(file)));
    expect(offenders).toEqual([]);
  });

  it('copies through one copyText and says a refused copy in one sentence (lib/errors/clipboard-refused.ts)', () => {
    // The background copies otherwise (an offscreen document, or Firefox's background page): write-clipboard.ts.
    const copiers = runtime.filter((file) => /navigator\.clipboard\.writeText\(/.test(read(file)));
    expect(copiers.sort()).toEqual([path.join('entrypoints', 'background', 'write-clipboard.ts'), path.join('lib', 'ui', 'copy-text.ts')]);
    const ownSentences = runtime.filter((file) => /[`'"]Could not copy/.test(read(file)));
    expect(ownSentences).toEqual([path.join('lib', 'errors', 'clipboard-refused.ts')]);
  });

  it('finds the sentences it allows where it allows them', () => {
    const literal = /\bmessage:\s*[`'"]/;
    expect(literal.test(read(path.join('lib', 'errors', 'app-errors.ts')))).toBe(true);
    expect(literal.test(read(path.join('lib', 'errors', 'error-messages.ts')))).toBe(true);
  });
});

describe('conventions: knowledge', () => {
  const everything = [...runtime, ...sourceFiles('tests'), ...sourceFiles('scripts')];

  it('cites the project’s own docs folder, never the reference notes outside the repository', () => {
    const offenders = everything.filter((file) => /azure-devops-api\.md|\bshared\/|\/work\/|pages doc|api doc|(?<!RFC \d+ |Core )§\d/.test(read(file).replace(/tests\/unit\/conventions\.test\.ts/g, '')));
    expect(offenders.filter((file) => !file.endsWith('conventions.test.ts'))).toEqual([]);
  });

  it('points only at docs that exist', () => {
    const cited = new Set(everything.flatMap((file) => [...read(file).matchAll(/docs\/([\w-]+\.md)/g)].map((m) => m[1]!)));
    const missing = [...cited].filter((doc) => !fs.existsSync(path.join(ROOT, 'docs', doc)));
    expect(missing).toEqual([]);
    expect(cited.size).toBeGreaterThan(3);
  });

  // A source key such as [AZ] or [FS] stands for a repository named in the project's own page notes: a
  // key defined only in the reference notes outside the repository is a hidden citation.
  it('names its page sources only by keys docs/azure-devops-pages.md defines', () => {
    const sources = read(path.join('docs', 'azure-devops-pages.md')).split('\n## ')[0]!;
    const defined = new Set([...sources.matchAll(/\[([A-Z]{2})\] /g)].map((m) => m[1]!));
    const used = new Set(everything.flatMap((file) => [...read(file).matchAll(/\[([A-Z]{2})(?:[,\]])/g)].map((m) => m[1]!)));
    expect([...used].filter((key) => !defined.has(key))).toEqual([]);
    expect(defined).toContain('FS');
  });

  // A section named after a doc (a `#anchor` or a quoted heading after its path) must be in that doc:
  // a heading that exists only in the reference notes outside the repository is a hidden citation.
  it('points only at sections that exist in those docs', () => {
    const wrong = everything.flatMap((file) =>
      [...read(file).matchAll(/docs\/([\w-]+\.md)(?:#([\w-]+))?(?:[ ,]+"([^"\n]+)")?/g)].flatMap(([cite, doc, anchor, heading]) => {
        const docPath = path.join(ROOT, 'docs', doc!);
        if (!fs.existsSync(docPath) || (!anchor && !heading)) return [];
        const text = read(path.relative(ROOT, docPath));
        const ok = (!anchor || text.includes(`{#${anchor}}`)) && (!heading || text.toLowerCase().includes(heading.toLowerCase()));
        return ok ? [] : [`${file}: ${cite}`];
      }),
    );
    expect(wrong).toEqual([]);
  });
});

describe('conventions: content-script features', () => {
  const featureDir = path.join('entrypoints', 'content', 'azure-devops', 'features');
  const files = fs.readdirSync(path.join(ROOT, featureDir)).filter((name) => name !== 'index.ts' && /\.tsx?$/.test(name));
  const index = read(path.join(featureDir, 'index.ts'));
  const e2e = sourceFiles(path.join('tests', 'e2e')).map(read).join('\n');

  it('registers every feature file under its file name, with a non-empty include, and tests it end to end', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const id = file.replace(/\.tsx?$/, '');
      expect(index, id).toContain(`id: '${id}'`);
      // A non-empty list, or a named list of page predicates.
      expect(read(path.join(featureDir, file)), id).toMatch(/include:\s*(\[[^\]\s]|[A-Z_]+[,\n])/);
      expect(e2e, `an E2E test uses data-ado-companion-feature="${id}" or the feature's UI`).toContain(id);
    }
  });
});

describe('conventions: the Firefox E2E processes', () => {
  it('runs every Firefox spec file in exactly one of its processes, so none is left out of `npm test`', () => {
    const specs = fs.readdirSync(path.join(ROOT, 'tests/e2e-firefox')).filter((name) => name.endsWith('.spec.ts'));
    const processes = fs.readdirSync(path.join(ROOT, 'tests/e2e-firefox/processes'));
    const imported = processes.flatMap((file) => [...read(path.join('tests/e2e-firefox/processes', file)).matchAll(/^import '\.\.\/([\w-]+\.spec)';$/gm)].map((m) => `${m[1]}.ts`));
    expect(specs.length).toBeGreaterThan(10);
    expect([...imported].sort()).toEqual([...specs].sort());
  });
});
