/**
 * The layers of src/ (docs/ARCHITECTURE.md) as data, the import graph of src/ read with the
 * TypeScript compiler's own import scanner (`ts.preProcessFile`: `import`, `import type`,
 * `export … from`, dynamic `import()`, `require()`), and the checker: a pure function over any
 * import graph, so a test can plant a bad import and see it refused.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The layers, top to bottom. A folder may import its own files and any folder of a layer below its
 * own; folders on one line are peers and do not import each other. `index` is src/index.ts.
 */
export const LAYERS: readonly (readonly string[])[] = [
  ['index'],
  ['cli'],
  ['notebook'],
  ['report'],
  ['charts'],
  ['backtest'],
  ['history'],
  ['calibration', 'sensitivity', 'trial', 'target'],
  ['experiment'],
  ['observe'],
  ['run'],
  ['scenarios', 'population'],
  ['model'],
  ['parameters'],
  ['lang', 'problems', 'calendar'],
];

/** Files of src/ (paths relative to src/, with "/") → the files of src/ each imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

/** The relative module names a source text imports (packages and node: modules left out), type-only imports included. */
export function importedNames(text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'));
}

/** The file a relative import names, as TypeScript and tsx resolve it, or the name itself (unresolved). */
function resolveImport(files: ReadonlySet<string>, from: string, name: string): string {
  const base = posix.normalize(posix.join(posix.dirname(from), name));
  const candidates = [base, `${base}.ts`, base.replace(/\.js$/, '.ts'), `${base}.js`, `${base}/index.ts`];
  return candidates.find((c) => files.has(c)) ?? base;
}

/** The import graph of a source folder (every .ts and .js file under it). */
export function importGraph(root: string): ImportGraph {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(name)) paths.push(path);
    }
  };
  walk(root);
  const files = new Set(paths.map((p) => relative(root, p).split(sep).join('/')));
  return new Map(
    paths.map((p) => {
      const file = relative(root, p).split(sep).join('/');
      return [file, [...new Set(importedNames(readFileSync(p, 'utf8')).map((name) => resolveImport(files, file, name)))]];
    }),
  );
}

/** The folder a file of src/ belongs to: its first path segment; src/index.ts is "index". */
export function folderOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? file.replace(/\.(ts|js)$/, '') : file.slice(0, slash);
}

/** Strongly connected components of more than one node, or a node importing itself (Tarjan). */
function cycles(nodes: Iterable<string>, edges: (node: string) => Iterable<string>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || [...edges(v)].includes(v)) found.push(component.sort());
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return found.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * Every problem of an import graph against the layers, as sentences (none: the graph keeps the
 * layers): a folder with no layer, an import of something that is not a file of src/, an import
 * against the layers (upwards or sideways), and every cycle between folders and between files.
 */
export function checkLayers(graph: ImportGraph, layers: readonly (readonly string[])[] = LAYERS): string[] {
  const layerOf = new Map(layers.flatMap((folders, k) => folders.map((f) => [f, k] as const)));
  const below = (k: number) => layers.slice(k + 1).flat();
  const problems: string[] = [];
  const folders = new Map<string, Set<string>>();

  for (const file of graph.keys()) {
    const folder = folderOf(file);
    if (!layerOf.has(folder) && !folders.has(folder)) problems.push(`src/${folder}: has no layer (add it to docs/ARCHITECTURE.md and LAYERS)`);
    if (!folders.has(folder)) folders.set(folder, new Set());
  }
  for (const [file, imports] of graph) {
    const from = folderOf(file);
    for (const target of imports) {
      if (!graph.has(target)) {
        problems.push(`src/${file} imports ${target}, which is not a file of src/`);
        continue;
      }
      const to = folderOf(target);
      if (to === from) continue;
      folders.get(from)!.add(to);
      const a = layerOf.get(from);
      const b = layerOf.get(to);
      if (a === undefined || b === undefined || b > a) continue;
      const allowed = below(a);
      problems.push(
        `src/${file} imports src/${target}: ${from} may import only ${allowed.length ? `the layers below it (${allowed.join(', ')})` : 'nothing of src/ (it is the bottom layer)'}` +
          (a === b ? `; ${to} is its peer` : `; ${to} is above it`),
      );
    }
  }
  for (const c of cycles(folders.keys(), (f) => folders.get(f) ?? [])) problems.push(`folder cycle: ${c.join(' ↔ ')}`);
  for (const c of cycles(graph.keys(), (f) => (graph.get(f) ?? []).filter((t) => graph.has(t)))) problems.push(`file cycle: ${c.map((f) => `src/${f}`).join(' ↔ ')}`);
  return problems;
}

/** The folder of the repository's src/. */
export const SRC = fileURLToPath(new URL('../../src', import.meta.url));
