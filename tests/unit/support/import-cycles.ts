import fs from 'node:fs';
import path from 'node:path';

/**
 * The static imports (`import … from`, `export … from`, `import '…'`; types included) between the
 * project's own TypeScript files, resolved as the build resolves them: relative paths and the `@/`
 * alias, with or without extension, or a folder's index. Packages are left out. A dynamic
 * `import()` loads later, once both modules exist, so it is no circle.
 */
export function importGraph(root: string, files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const resolve = (from: string, specifier: string): string | undefined => {
    const base = specifier.startsWith('@/') ? specifier.slice(2) : specifier.startsWith('.') ? path.join(path.dirname(from), specifier) : undefined;
    if (base === undefined) return undefined;
    return ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((suffix) => path.normalize(base + suffix)).find((file) => known.has(file));
  };
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const code = fs.readFileSync(path.join(root, file), 'utf8');
    const specifiers = [...code.matchAll(/^\s*(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)].map((match) => (match[1] ?? match[2])!);
    graph.set(file, [...new Set(specifiers.flatMap((specifier) => resolve(file, specifier) ?? []))]);
  }
  return graph;
}

/** Every group of files that import one another in a circle (Tarjan's strongly connected components). */
export function findImportCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, counter);
    low.set(file, counter++);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
