/**
 * Parameters are an explicit input: loaded once at the edge (the command line in src/cli, a notebook
 * cell, the lab, a benchmark, a test) and passed down. Nothing else under src/ calls loadParameters,
 * so no library function reads the data folder behind its caller's back. The scan parses each file
 * (TypeScript compiler API), so comments and strings that mention the function do not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/parameters/load';

const SRC = join(REPO_ROOT, 'src');
/** Where loading is allowed: the command line, and the loader itself. */
const EDGES = ['src/cli/', 'src/parameters/load.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(path) : /\.(ts|js|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** "file:line" of every call of loadParameters in a source text. */
function loadCalls(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
      if (name === 'loadParameters') found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('parameters are loaded only at the edges', () => {
  it('no file under src/ but src/cli/ and the loader calls loadParameters', () => {
    const calls = sourceFiles(SRC)
      .map((path) => relative(REPO_ROOT, path).split(sep).join('/'))
      .filter((file) => !EDGES.some((edge) => file === edge || (edge.endsWith('/') && file.startsWith(edge))))
      .flatMap((file) => loadCalls(file, readFileSync(join(REPO_ROOT, file), 'utf8')));
    expect(calls, 'take the parameter tree as an argument instead; only the command line (src/cli) loads it').toEqual([]);
  });

  it.each([
    ['a call', 'const p = loadParameters();', 1],
    ['a default argument', 'export function f(p = loadParameters()) { return p; }', 1],
    ['a call through a namespace', 'import * as P from "./load"; P.loadParameters("data");', 1],
    ['a comment or a string only', '// const p = loadParameters();\nconst s = "loadParameters()";', 0],
  ])('the scan finds %s', (_, text, count) => {
    expect(loadCalls('planted.ts', text)).toHaveLength(count);
  });
});
