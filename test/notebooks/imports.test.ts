/**
 * Notebooks use the model through its public API only: every code cell of every committed notebook,
 * and every cell the lab's Graduasi panel writes (app/src/catalogue.ts), imports nothing of src/ but
 * src/index (docs/ARCHITECTURE.md). Imports are read with the TypeScript compiler's scanner, so
 * `import type`, `export … from`, `import()` and `require()` count.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../app/scenarios';
import { comparisonCell, comparisonNotebook } from '../../app/src/catalogue';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The modules of src/ a cell imports other than src/index. Cells run with the repository root as
 * their working folder (jupyter/kernels/tslab), so './src/…' names a file under src/.
 */
function deepImports(source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .filter((name) => {
      const path = posix.normalize(name);
      return (path === 'src' || path.startsWith('src/')) && path.replace(/\.ts$/, '') !== 'src/index';
    });
}

/** Every .ipynb under a folder. */
function notebooks(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? notebooks(path) : name.endsWith('.ipynb') ? [path] : [];
    });
}

/** The source of each code cell of a notebook. */
function codeCells(notebook: { cells: { cell_type: string; source: string | string[] }[] }): string[] {
  return notebook.cells.filter((c) => c.cell_type === 'code').map((c) => [c.source].flat().join(''));
}

const committed = [...notebooks(join(ROOT, 'notebooks')), ...notebooks(join(ROOT, 'test', 'notebooks', 'fixtures'))];

describe('committed notebooks import only src/index', () => {
  it('finds the notebooks', () => {
    expect(committed.filter((f) => relative(ROOT, f).startsWith('notebooks')).length).toBeGreaterThanOrEqual(8);
  });

  it.each(committed.map((f) => [relative(ROOT, f), f]))('%s', (_, file) => {
    const cells = codeCells(JSON.parse(readFileSync(file, 'utf8')));
    const deep = cells.flatMap((source, k) => deepImports(source).map((name) => `code cell ${k + 1}: ${name}`));
    expect(deep, 'import it from ./src/index instead (and export it there if it is missing)').toEqual([]);
  });
});

describe('the cells the lab writes import only src/index', () => {
  const scenario = catalogue().scenarios.find((s) => s.id === 'budget-cut-20')!;

  it('the comparison cell', () => {
    const cell = comparisonCell(scenario, 'assistance-only', 'id');
    expect(cell).toContain("from './src/index';");
    expect(deepImports(cell)).toEqual([]);
  });

  it('the cells of a new comparison notebook', () => {
    const cells = codeCells(comparisonNotebook(scenario, 'assistance-only') as { cells: { cell_type: string; source: string }[] });
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(deepImports(cell)).toEqual([]);
  });
});

describe('what counts as a deep import', () => {
  it.each([
    ['an import of a module of src/', "import { step } from './src/model/month';", ['./src/model/month']],
    ['a type-only import', "import type { World } from './src/model/world';", ['./src/model/world']],
    ['a re-export', "export { simulate } from './src/run/simulate';", ['./src/run/simulate']],
    ['a dynamic import and a require', "const m = await import('./src/model/random');\nconst r = require('./src/model/random');", ['./src/model/random', './src/model/random']],
    ['a folder of src/ itself', "import * as charts from './src/charts';", ['./src/charts']],
    ['not src/index', "import { chart } from './src/index';\nimport { x } from './src/index.ts';", []],
    ['nor packages', "import * as tslab from 'tslab';", []],
  ])('%s', (_, source, expected) => {
    expect(deepImports(source)).toEqual(expected);
  });
});
