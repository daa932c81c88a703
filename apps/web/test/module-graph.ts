import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Which module imports which: module → imported module → the importing files (relative to the modules folder). */
export type ModuleGraph = Map<string, Map<string, string[]>>;

const SOURCE = /\.(ts|tsx)$/;
// Static imports and re-exports (`import … from '…'`, `export … from '…'`, `import '…'`) and `import('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

/** The module a path inside `modulesDir` belongs to (its first folder), or undefined outside it. */
function moduleOf(modulesDir: string, path: string): string | undefined {
  const rel = relative(modulesDir, path);
  if (rel.startsWith('..') || !rel.includes(sep)) return undefined;
  return rel.split(sep)[0];
}

/**
 * The import graph between the folders of `modulesDir` (apps/web/src/modules), read from every
 * .ts/.tsx file under it. `alias` is how code names that folder (`@/modules`); relative imports
 * that leave a module count too.
 */
export function readModuleGraph(modulesDir: string, alias: string): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const file of sourceFiles(modulesDir)) {
    const from = moduleOf(modulesDir, file);
    if (!from) continue;
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      if (!specifier) continue;
      const target = specifier.startsWith(`${alias}/`)
        ? join(modulesDir, specifier.slice(alias.length + 1))
        : specifier.startsWith('.')
          ? resolve(file, '..', specifier)
          : undefined;
      const to = target && moduleOf(modulesDir, target);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), relative(modulesDir, file)]);
    }
  }
  return graph;
}

/** Every cycle between modules (a pair that imports each other is a cycle of two), each once. */
export function findModuleCycles(graph: ModuleGraph): string[][] {
  const cycles = new Map<string, string[]>();
  const visit = (path: string[]) => {
    const last = path[path.length - 1]!;
    for (const next of graph.get(last)?.keys() ?? []) {
      const at = path.indexOf(next);
      if (at !== -1) {
        const cycle = path.slice(at);
        // One name per cycle whichever module it was entered from: rotate to the smallest.
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(canonical.join(' → '), canonical);
      } else visit([...path, next]);
    }
  };
  for (const name of graph.keys()) visit([name]);
  return [...cycles.values()];
}

/** "a → b → a (a/x.ts imports b; b/y.ts imports a)": a cycle with the files that make each step. */
export function describeCycle(graph: ModuleGraph, cycle: string[]): string {
  const steps = cycle.map((from, i) => {
    const to = cycle[(i + 1) % cycle.length]!;
    return `${graph.get(from)?.get(to)?.[0] ?? from} imports ${to}`;
  });
  return `${[...cycle, cycle[0]].join(' → ')} (${steps.join('; ')})`;
}
