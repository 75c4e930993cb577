#!/usr/bin/env node
// `npm run notebooks [-- FOLDER] [--out FOLDER] [--update] [--timeout SECONDS]`: runs every notebook
// of FOLDER (default notebooks/), in name order, with the project's kernel (jupyter/kernels/tslab)
// through Debian's nbclient (scripts/execute-notebook.py), writes the executed copies to --out
// (default out/notebooks/, git-ignored), and checks every Vega-Lite v5 output against the schema
// vega-lite ships. A notebook passes when every cell ran and every chart is valid. For a failure it
// prints the cell (index and first lines) and the real error. Ends with "N passed, N failed"; exit
// code 1 when any failed. A cell tagged "headline" that has committed outputs must reproduce them
// exactly. --update also writes each passing notebook, outputs included, back over its source so
// it can be committed (its headline cells are then not compared); a failing one is never written back.
//
// Jupyter finds the kernel through JUPYTER_PATH; its runtime, data and config folders are a fresh
// temporary folder, so nothing is written to the repository or the user's home.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { jupyterEnvironment } from './jupyter-env.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3'; // Debian's, which has nbclient (a pyenv python3 on PATH may not)
const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';
const SOURCE_LINES = 8;

/** A path as shown: relative to the repository when inside it. */
const shown = (path) => (relative(ROOT, path).startsWith('..') ? path : relative(ROOT, path) || '.');

function usage(problem) {
  console.error(`notebooks: ${problem}\nusage: node scripts/notebooks.js [FOLDER] [--out FOLDER] [--update] [--timeout SECONDS]`);
  process.exit(2);
}

function parseArguments(args) {
  const options = { folder: 'notebooks', out: join('out', 'notebooks'), update: false, timeout: 1800 };
  const folders = [];
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '--update') options.update = true;
    else if (arg === '--out' || arg === '--timeout') {
      const value = args[++k];
      if (value === undefined) usage(`${arg} needs a value`);
      if (arg === '--out') options.out = value;
      else if (!/^[1-9]\d*$/.test(value)) usage(`--timeout: expected whole seconds per cell, got "${value}"`);
      else options.timeout = Number(value);
    } else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else folders.push(arg);
  }
  if (folders.length > 1) usage(`one folder of notebooks, got ${folders.join(', ')}`);
  return { ...options, folder: folders[0] ?? options.folder };
}

/** Errors of every Vega-Lite v5 output of an executed notebook against vega-lite's schema. */
function chartProblems(notebook, validate) {
  const problems = [];
  for (const [index, cell] of notebook.cells.entries()) {
    for (const output of cell.outputs ?? []) {
      const spec = output.data?.[VEGA_LITE_MIME];
      if (spec === undefined || validate(spec)) continue;
      const errors = [...new Set(validate.errors.map((e) => `${e.instancePath || '/'} ${e.message}`))].slice(0, 5);
      problems.push(`cell ${index}: an output of ${VEGA_LITE_MIME} is not valid against the Vega-Lite v5 schema:\n    ${errors.join('\n    ')}`);
    }
  }
  return problems;
}

/** The text of a cell's outputs, as shown in a terminal. */
function outputText(cell) {
  return (cell.outputs ?? [])
    .map((o) => [o.text, o.data?.['text/plain']].map((t) => (Array.isArray(t) ? t.join('') : (t ?? ''))).join(''))
    .join('\n');
}

/**
 * Cells tagged "headline" whose committed outputs the new run does not reproduce: the numbers a
 * notebook shows must come back the same, byte for byte, when it is run again (no --update).
 */
function headlineProblems(committed, executed) {
  const problems = [];
  for (const [index, cell] of committed.cells.entries()) {
    if (!(cell.metadata?.tags ?? []).includes('headline') || !(cell.outputs ?? []).length) continue;
    const before = outputText(cell);
    const after = outputText(executed.cells[index] ?? {});
    if (before === after) continue;
    const a = before.split('\n');
    const b = after.split('\n');
    const line = a.findIndex((l, k) => l !== b[k]);
    problems.push(`cell ${index} (tagged headline): its numbers differ from the committed ones; first differing line ${line + 1}:\n    committed: ${a[line]}\n    now:       ${b[line] ?? '(none)'}`);
  }
  return problems;
}

function execute(source, target, env, timeout) {
  return new Promise((done) => {
    const script = join(ROOT, 'scripts', 'execute-notebook.py');
    execFile(PYTHON, [script, source, target, String(timeout)], { env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        done(JSON.parse(last));
      } catch {
        const why = error?.code === 'ENOENT' ? `${PYTHON} not found` : `exit code ${error?.code ?? 0}`;
        done({ ok: false, cell: null, source: '', ename: 'RunnerError', evalue: `execute-notebook.py failed (${why})`, traceback: stderr.trim().split('\n') });
      }
    });
  });
}

function report(name, result) {
  const lines = [`FAIL ${name}`];
  if (result.cell !== null && result.cell !== undefined) {
    const source = result.source.split('\n');
    lines.push(`  cell ${result.cell}:`, ...source.slice(0, SOURCE_LINES).map((l) => `    | ${l}`));
    if (source.length > SOURCE_LINES) lines.push(`    | … (${source.length - SOURCE_LINES} more lines)`);
  }
  lines.push(`  ${result.ename}: ${result.evalue.split('\n').join('\n    ')}`);
  if (result.traceback.length) lines.push('  traceback:', ...result.traceback.map((l) => `    ${l}`));
  return lines.join('\n');
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const folder = resolve(options.folder);
  const out = resolve(options.out);
  if (!existsSync(folder)) usage(`no folder ${options.folder}`);
  const names = readdirSync(folder).filter((n) => n.endsWith('.ipynb')).sort();
  if (names.length === 0) console.log(`no notebooks in ${shown(folder)}`);
  mkdirSync(out, { recursive: true });

  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('vega-lite/build/vega-lite-schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

  const jupyter = mkdtempSync(join(tmpdir(), 'graduasi-jupyter-'));
  const env = jupyterEnvironment(jupyter);
  let passed = 0;
  let failed = 0;
  try {
    for (const name of names) {
      const began = performance.now();
      const target = join(out, name);
      const result = await execute(join(folder, name), target, env, options.timeout);
      const executed = result.ok ? JSON.parse(readFileSync(target, 'utf8')) : null;
      const committed = JSON.parse(readFileSync(join(folder, name), 'utf8'));
      const problems = executed ? [...chartProblems(executed, validate), ...(options.update ? [] : headlineProblems(committed, executed))] : [];
      const seconds = ((performance.now() - began) / 1000).toFixed(1);
      if (!result.ok) console.log(`${report(name, result)}\n  (${seconds} s; executed copy: ${shown(target)})`);
      else if (problems.length) console.log(`FAIL ${name}\n  ${problems.join('\n  ')}\n  (${seconds} s; executed copy: ${shown(target)})`);
      else console.log(`ok   ${name} (${seconds} s)`);
      if (result.ok && !problems.length) {
        passed++;
        if (options.update) await copyFile(target, join(folder, name));
      } else failed++;
    }
  } finally {
    rmSync(jupyter, { recursive: true, force: true });
  }
  if (options.update && passed) console.log(`${passed} notebook${passed === 1 ? '' : 's'} updated in ${shown(folder)} with their outputs`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

await main();
