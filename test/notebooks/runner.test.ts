/**
 * The notebook runner (npm run notebooks) on fixture notebooks, with the project's kernel: a good
 * notebook passes and its executed copy holds the chart as Vega-Lite and SVG; a notebook whose
 * second cell throws fails, and the runner names the cell and shows the real error; a chart that is
 * not Vega-Lite v5 fails a notebook; --update writes a passing notebook back with its outputs, and
 * never a failing one.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'notebooks', 'fixtures');

interface Run {
  readonly code: number;
  readonly stdout: string;
}

function runner(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'scripts', 'notebooks.js'), ...args], { cwd: ROOT, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout: stdout + stderr });
    });
  });
}

interface Output {
  readonly output_type: string;
  readonly data?: Record<string, unknown>;
}
interface Notebook {
  readonly cells: ReadonlyArray<{ readonly cell_type: string; readonly outputs?: readonly Output[] }>;
}
const readNotebook = (file: string): Notebook => JSON.parse(readFileSync(file, 'utf8'));
const outputsOf = (notebook: Notebook) => notebook.cells.flatMap((c) => c.outputs ?? []);
/** A text of an output: nbformat may store it as a list of lines. */
const textOf = (value: unknown) => (Array.isArray(value) ? value.join('') : String(value ?? ''));

const temp = mkdtempSync(join(tmpdir(), 'graduasi-notebooks-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the fixtures: one good notebook, one whose second cell throws', () => {
  const out = join(temp, 'fixtures');
  let run: Run;
  let goodBefore: string;
  beforeAll(async () => {
    goodBefore = readFileSync(join(FIXTURES, 'good.ipynb'), 'utf8');
    run = await runner(FIXTURES, '--out', out);
  });

  it('the good notebook passes', () => {
    expect(run.stdout).toMatch(/^ok {3}good\.ipynb \(/m);
  });

  it("the good notebook's executed copy holds one chart bundle: Vega-Lite v5, its SVG and its title", () => {
    const bundles = outputsOf(readNotebook(join(out, 'good.ipynb'))).filter((o) => o.data?.['application/vnd.vegalite.v5+json']);
    expect(bundles).toHaveLength(1);
    const data = bundles[0].data!;
    expect(Object.keys(data).sort()).toEqual(['application/vnd.vegalite.v5+json', 'image/svg+xml', 'text/plain']);
    expect(textOf(data['image/svg+xml'])).toMatch(/^<svg[\s\S]*class="mark-line[\s\S]*<\/svg>$/);
    expect(textOf(data['text/plain'])).toMatch(/^Extreme poverty rate/);
  });

  it("the good notebook's executed copy holds the progress display and the table", () => {
    const texts = outputsOf(readNotebook(join(out, 'good.ipynb'))).map((o) => textOf(o.data?.['text/html']));
    expect(texts.some((t) => /<progress value="2" max="2">/.test(t) && /Runs: 2 of 2 done/.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('<table>') && t.includes('<th>scenario</th>'))).toBe(true);
  });

  it('the failing notebook fails on its second cell, and the runner shows the cell and the real error', () => {
    expect(run.stdout).toMatch(/^FAIL failing\.ipynb$/m);
    expect(run.stdout).toMatch(/^ {2}cell 1:$/m);
    expect(run.stdout).toContain("|   throw new Error('second cell fails on purpose');");
    expect(run.stdout).toMatch(/^ {2}Error: second cell fails on purpose$/m);
    expect(run.stdout).not.toMatch(/\x1b\[/); // no ANSI colour codes
  });

  it('the runner exits with 1 and ends with "1 passed, 1 failed"', () => {
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('the source notebooks are left as they were', () => {
    expect(readFileSync(join(FIXTURES, 'good.ipynb'), 'utf8')).toBe(goodBefore);
  });
});

describe('--update, with a chart that is not Vega-Lite v5', () => {
  const folder = join(temp, 'update');
  let run: Run;
  beforeAll(async () => {
    mkdirSync(folder);
    copyFileSync(join(FIXTURES, 'good.ipynb'), join(folder, 'good.ipynb'));
    copyFileSync(join(FIXTURES, 'schema', 'invalid-chart.ipynb'), join(folder, 'invalid-chart.ipynb'));
    run = await runner(folder, '--out', join(temp, 'update-out'), '--update');
  });

  it('a notebook showing an invalid chart fails, with the schema error', () => {
    expect(run.stdout).toMatch(/^FAIL invalid-chart\.ipynb$/m);
    expect(run.stdout).toContain('cell 0: an output of application/vnd.vegalite.v5+json is not valid against the Vega-Lite v5 schema');
    expect(run.stdout).toContain('/mark ');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('the passing notebook is written back with its outputs; the failing one is not', () => {
    expect(outputsOf(readNotebook(join(folder, 'good.ipynb'))).some((o) => o.data?.['image/svg+xml'])).toBe(true);
    expect(outputsOf(readNotebook(join(folder, 'invalid-chart.ipynb')))).toEqual([]);
  });
});

describe('headline cells: a re-run must reproduce the committed numbers', () => {
  let run: Run;
  beforeAll(async () => {
    run = await runner(join(FIXTURES, 'headline'), '--out', join(temp, 'headline'));
  });

  it('passes the notebook whose committed headline output comes back the same', () => {
    expect(run.stdout).toMatch(/^ok {3}same\.ipynb \(/m);
  });

  it('fails the notebook whose committed headline output differs, showing both lines', () => {
    expect(run.stdout).toContain('FAIL changed.ipynb');
    expect(run.stdout).toContain('cell 0 (tagged headline): its numbers differ from the committed ones; first differing line 1:');
    expect(run.stdout).toContain('committed: extreme poor: 1.99 %');
    expect(run.stdout).toContain('now:       extreme poor: 2.04 %');
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
    expect(run.code).toBe(1);
  });
});
