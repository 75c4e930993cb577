/**
 * The layers of docs/ARCHITECTURE.md hold: every import of every file under src/ (type-only imports
 * too) points down the layers, and there is no cycle between folders or between files. The checker
 * is a function over an import graph, so the tests also plant bad imports and see them refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYERS, SRC, checkLayers, importGraph, importedNames } from './layers';
import type { ImportGraph } from './layers';

const tree = importGraph(SRC);

/** The graph with extra edges planted. */
function planted(graph: ImportGraph, edges: ReadonlyArray<readonly [string, string]>): ImportGraph {
  const out = new Map([...graph].map(([file, imports]) => [file, [...imports]]));
  for (const [from, to] of edges) {
    if (!out.has(from)) out.set(from, []);
    out.get(from)!.push(to);
  }
  return out;
}

describe('the tree', () => {
  it('keeps the layers: no import against them, no folder cycle, no file cycle', () => {
    expect(checkLayers(tree)).toEqual([]);
  });

  it('is read whole: every folder of src/ has files in the graph, and the graph has the imports the tree is known for', () => {
    expect(tree.get('run/simulate.ts')).toContain('population/index.ts');
    expect(tree.get('experiment/thread.js')).toContain('experiment/worker.ts'); // a dynamic import() of a .ts file
    expect(tree.get('index.ts')!.length).toBeGreaterThan(10);
  });

  it('docs/ARCHITECTURE.md lists the same layers, top to bottom', () => {
    const doc = readFileSync(new URL('../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');
    const rows = doc
      .split('\n')
      .filter((line) => /^\|\s*\d+\s*\|/.test(line))
      .map((line) => [...line.split('|')[2].matchAll(/`src\/([a-z-]+)(?:\/|\.ts)`/g)].map((m) => m[1]));
    expect(rows).toEqual(LAYERS.map((folders) => [...folders]));
  });
});

describe('the checker refuses', () => {
  it.each<[string, ReadonlyArray<readonly [string, string]>, RegExp]>([
    ['the model importing the command', [['model/world.ts', 'cli/main.ts']], /^src\/model\/world\.ts imports src\/cli\/main\.ts: model may import only the layers below it \(parameters, lang, problems, calendar\); cli is above it$/],
    ['a study importing a chart', [['trial/virtual.ts', 'charts/trial.ts']], /trial may import only the layers below it .*; charts is above it/],
    ['a study importing another study (peers)', [['calibration/model.ts', 'sensitivity/study.ts']], /calibration may import only .*; sensitivity is its peer/],
    ['the bottom layer importing anything of src/', [['calendar/months.ts', 'lang/index.ts']], /calendar may import only nothing of src\/ \(it is the bottom layer\); lang is its peer/],
    ['an import of a file that is not in src/', [['model/world.ts', 'model/nowhere']], /^src\/model\/world\.ts imports model\/nowhere, which is not a file of src\/$/],
    ['a folder with no layer', [['gadgets/tool.ts', 'model/world.ts']], /^src\/gadgets: has no layer/],
  ])('%s', (_, edges, message) => {
    const problems = checkLayers(planted(tree, edges));
    expect(problems.some((p) => message.test(p)), problems.join('\n')).toBe(true);
  });

  it('a cycle between folders, naming them', () => {
    const problems = checkLayers(planted(tree, [['parameters/load.ts', 'model/world.ts']]));
    expect(problems).toContain('folder cycle: model ↔ parameters');
  });

  it('a cycle between files of one folder, naming them', () => {
    const problems = checkLayers(planted(tree, [['trial/outcomes.ts', 'trial/published.ts']]));
    expect(problems).toEqual(['file cycle: src/trial/outcomes.ts ↔ src/trial/published.ts']);
  });

  it('on a small graph of its own: upwards, sideways and round', () => {
    const graph: ImportGraph = new Map([
      ['a/one.ts', ['b/two.ts']],
      ['b/two.ts', ['a/one.ts', 'c/three.ts']],
      ['c/three.ts', []],
    ]);
    expect(checkLayers(graph, [['a'], ['b', 'c']])).toEqual([
      'src/b/two.ts imports src/a/one.ts: b may import only nothing of src/ (it is the bottom layer); a is above it',
      'src/b/two.ts imports src/c/three.ts: b may import only nothing of src/ (it is the bottom layer); c is its peer',
      'folder cycle: a ↔ b',
      'file cycle: src/a/one.ts ↔ src/b/two.ts',
    ]);
  });
});

describe('the imports read', () => {
  it.each([
    ['an import', "import { step } from '../model/month';", ['../model/month']],
    ['a type-only import (it counts too)', "import type { World } from '../model/world';", ['../model/world']],
    ['an inline type import', "import { type Lang, LANGS } from '../lang/index';", ['../lang/index']],
    ['a re-export', "export { simulate } from './run/simulate';\nexport type { Result } from './run/results';", ['./run/simulate', './run/results']],
    ['a dynamic import', "await import('./worker.ts');", ['./worker.ts']],
    ['packages and node: modules left out', "import ts from 'typescript';\nimport { join } from 'node:path';", []],
  ])('%s', (_, text, names) => {
    expect(importedNames(text)).toEqual(names);
  });
});
