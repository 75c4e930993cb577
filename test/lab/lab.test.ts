/// <reference lib="dom" />
/**
 * `npm run lab`, end to end: the launcher (app/lab.js) builds the app if needed and starts Debian's
 * jupyter_server on a free port with a token; a request without the token is refused; in Debian's
 * Chromium the quickstart notebook opens from the file browser, every cell runs in the project's
 * kernel without an error and its Vega-Lite charts are drawn, and the notebook saved is the one
 * committed, byte for byte; a committed notebook opened, drawn and saved is unchanged; the Graduasi
 * panel shows a scenario's parameters and inserts a comparison cell, which runs and draws its
 * chart; a request for a kernel the lab does not have is refused with 400; the token is neither on
 * a command line nor in the log; Ctrl-C stops the server and its kernels (without the launcher
 * having to kill it). The notebooks are copies in a temporary folder served as the root, HOME is a
 * temporary folder that must stay empty, and `git status` must not change. A screenshot is left in
 * out/lab/screenshot.png.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../support/browser';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAB = join(ROOT, 'app', 'lab.js');
const SCREENSHOT = join(ROOT, 'out', 'lab', 'screenshot.png');
const QUICKSTART = '01-quickstart.ipynb';
/** A folder of the served root holding the quickstart exactly as committed, outputs included. */
const AS_COMMITTED = 'as-committed';
const SCENARIO = 'budget-cut-20';

const work = mkdtempSync(join(tmpdir(), 'graduasi-lab-test-'));
const home = join(work, 'home');
let lab: ChildProcess | undefined;
let labExit: Promise<number | null>;
let url = '';
let origin = '';
let gitBefore = '';
let browser: Awaited<ReturnType<typeof openBrowser>> | undefined;
let page: Page;
let kernelId = '';
const log: string[] = [];

/**
 * What git sees changed where the lab could write: app/, the notebooks, the kernel, data, docs and the
 * top-level files (src/, test/ and bench/ are left out so that editing code while this runs is no failure).
 */
const gitStatus = () =>
  execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'app', 'notebooks', 'jupyter', 'data', 'docs', 'scripts', ':(glob)*'], { cwd: ROOT, encoding: 'utf8' });

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return ''; // gone meanwhile
  }
};
const processes = () => readdirSync('/proc').filter((p) => /^\d+$/.test(p));
/** The launcher, server and kernels of this lab: the processes that inherited its HOME. */
const ours = () => processes().filter((p) => read(`/proc/${p}/environ`).split('\0').includes(`HOME=${home}`));
/** The lab's token, from the address it prints. */
const token = () => new URL(url).searchParams.get('token')!;
/** What the lab printed, less the line that gives the address to open (the one place for the token). */
const logged = () => log.join('').replace(/^ {2}Open http:\S+$/m, '');

/** Opens a file of the served root in the main area (in the page; resolves to nothing, not the widget). */
const open = (path: string): Promise<void> => (window as any).jupyterapp.commands.execute('docmanager:open', { path }).then(() => undefined);

/** Saves the notebook in the main area, as Ctrl-S would. */
async function save(): Promise<void> {
  await page.evaluate(() => (window as any).jupyterapp.commands.execute('docmanager:save').then(() => undefined));
  await page.waitForFunction(() => (window as any).jupyterapp.shell.currentWidget.context.model.dirty === false, null, { timeout: 180_000 });
}

/** The quickstart as committed, without its outputs: whatever is drawn, this run drew. */
function copyQuickstart(dir: string): void {
  const notebook = JSON.parse(readFileSync(join(ROOT, 'notebooks', QUICKSTART), 'utf8'));
  for (const cell of notebook.cells) {
    if (cell.cell_type !== 'code') continue;
    cell.outputs = [];
    cell.execution_count = null;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, QUICKSTART), JSON.stringify(notebook, null, 1));
}

interface CellState {
  readonly type: string;
  readonly source: string;
  readonly count: number | null;
  readonly running: boolean;
  /** Errors: error outputs and stderr text (tslab reports compile and run errors on stderr). */
  readonly errors: string[];
  readonly mimes: string[];
}

/** Every cell of the notebook in the main area, as its model holds it, and the kernel's status. */
async function notebookState(): Promise<{ cells: CellState[]; kernel: string }> {
  return page.evaluate(() => {
    type Output = { output_type: string; name?: string; text?: string | string[]; ename?: string; evalue?: string; data?: Record<string, unknown> };
    const app = (window as unknown as { jupyterapp: any }).jupyterapp;
    const panel = app.shell.currentWidget;
    const cells: CellState[] = [];
    for (const cell of panel.content.widgets) {
      const outputs: Output[] = cell.model.type === 'code' ? cell.model.outputs.toJSON() : [];
      const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join('') : (t ?? ''));
      cells.push({
        type: cell.model.type,
        source: cell.model.sharedModel.getSource(),
        count: cell.model.type === 'code' ? cell.model.executionCount : null,
        running: cell.model.type === 'code' && cell.model.executionState === 'running',
        errors: outputs.filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr')).map((o) => (o.output_type === 'error' ? `${o.ename}: ${o.evalue}` : text(o.text))),
        mimes: outputs.flatMap((o) => Object.keys(o.data ?? {})),
      });
    }
    return { cells, kernel: panel.sessionContext.session?.kernel?.status ?? 'none' };
  });
}

/** Waits until every code cell has run, or a cell has failed and nothing is running any more. */
async function untilRun(timeout: number): Promise<CellState[]> {
  const end = Date.now() + timeout;
  for (;;) {
    const { cells, kernel } = await notebookState();
    const code = cells.filter((c) => c.type === 'code' && c.source.trim() !== ''); // not the empty cell Run adds at the end
    const idle = kernel === 'idle' && !code.some((c) => c.running);
    if (idle && (code.every((c) => c.count !== null) || code.some((c) => c.errors.length))) return cells;
    if (Date.now() > end) throw new Error(`cells still running after ${timeout / 1000} s: ${JSON.stringify(code.map((c) => c.count))}, kernel ${kernel}`);
    await page.waitForTimeout(500);
  }
}

/** A failing cell's first lines and its error, for the test's message. */
const failures = (cells: readonly CellState[]) => cells.filter((c) => c.errors.length).map((c) => `${c.source.split('\n').slice(0, 3).join('\n')}\n  → ${c.errors.join('\n')}`);

beforeAll(async () => {
  gitBefore = gitStatus();
  // Install and build first, with the ordinary HOME (npm's cache); nothing to do when up to date.
  execFileSync(process.execPath, [LAB, '--build'], { cwd: ROOT, stdio: 'inherit' });

  mkdirSync(home);
  copyQuickstart(join(work, 'root', 'notebooks'));
  mkdirSync(join(work, 'root', AS_COMMITTED));
  copyFileSync(join(ROOT, 'notebooks', QUICKSTART), join(work, 'root', AS_COMMITTED, QUICKSTART));
  const port = await freePort();
  lab = spawn(process.execPath, [LAB, '--port', String(port), '--root', join(work, 'root'), '--state', join(work, 'state')], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share'), XDG_CACHE_HOME: join(home, '.cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  labExit = new Promise((done) => lab!.on('exit', (code) => done(code)));
  lab.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  url = await new Promise<string>((done, fail) => {
    let out = '';
    lab!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      log.push(d.toString());
      const found = /Open (http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(out);
      if (found) done(found[1]);
    });
    lab!.on('exit', (code) => fail(new Error(`npm run lab exited (${code}) before serving:\n${log.join('')}`)));
  });
  origin = new URL(url).origin;
  browser = await openBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 1200 });
});

afterAll(async () => {
  await browser?.close();
  if (lab && lab.exitCode === null) {
    lab.kill('SIGINT');
    await labExit;
  }
  rmSync(work, { recursive: true, force: true });
});

describe('npm run lab', () => {
  it('serves on 127.0.0.1 with a token and refuses requests without it', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/lab\/tree\/notebooks\?token=[0-9a-f]{48}$/);
    expect((await fetch(`${origin}/api/contents`)).status).toBe(403);
    const page = await fetch(`${origin}/lab/tree/notebooks`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toMatch(/\/login\?next=/);
    expect((await fetch(`${origin}/graduasi/scenarios`)).status).toBe(403);
    const specs = await (await fetch(`${origin}/api/kernelspecs?token=${token()}`)).json();
    expect(Object.keys(specs.kernelspecs)).toEqual(['tslab']);
  });

  it('keeps the token off every command line and out of the log, refused requests included', async () => {
    const server = ours().filter((p) => read(`/proc/${p}/cmdline`).includes('server.py'));
    expect(server).toHaveLength(1);
    for (const p of ours()) expect(read(`/proc/${p}/cmdline`).split('\0').join(' ')).not.toContain(token());

    const wrong = 'f'.repeat(48);
    expect((await fetch(`${origin}/api/contents?token=${wrong}`)).status).toBe(403);
    expect((await fetch(`${origin}/api/no-such-thing?token=${token()}`, { headers: { referer: `${url}&from=referer` } })).status).toBe(404);
    await expect.poll(logged, { timeout: 10_000 }).toMatch(/404 GET \/api\/no-such-thing\?token=\[hidden\].*referer=\S+token=\[hidden\]/);
    expect(logged()).toMatch(/403 GET \/api\/contents\?token=\[hidden\]/);
    expect(logged()).not.toContain(wrong);
    expect(logged()).not.toContain(token());
  });

  it('refuses a kernel it does not have with 400 and the names of those it has, not a traceback', async () => {
    const asked = { name: 'python3' };
    const kernels = await fetch(`${origin}/api/kernels?token=${token()}`, { method: 'POST', body: JSON.stringify(asked) });
    const sessions = await fetch(`${origin}/api/sessions?token=${token()}`, { method: 'POST', body: JSON.stringify({ path: 'notebooks/x.ipynb', type: 'notebook', kernel: asked }) });
    for (const answer of [kernels, sessions]) {
      expect(answer.status).toBe(400);
      const body = await answer.json();
      expect(body.message).toBe('no kernel named python3; this lab has: tslab');
      expect(body).not.toHaveProperty('traceback');
    }
    expect(logged()).not.toContain('Traceback');
  });

  it('opens the quickstart from the file browser, runs every cell and draws its charts', async () => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${url}&reset`);
    await page.locator('.jp-DirListing-itemText', { hasText: QUICKSTART }).dblclick({ timeout: 180_000 });
    await page.waitForFunction(() => (window as any).jupyterapp.shell.currentWidget?.sessionContext?.session?.kernel?.status === 'idle', null, { timeout: 180_000 });
    kernelId = await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.sessionContext.session.kernel.id);
    expect(await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.sessionContext.kernelDisplayName)).toBe('TypeScript (Graduasi, tslab)');

    await page.locator('.lm-MenuBar-itemLabel', { hasText: /^Run$/ }).click();
    await page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }).click();
    const cells = await untilRun(240_000);

    expect(failures(cells)).toEqual([]);
    expect(cells.filter((c) => c.type === 'code' && c.source.trim() !== '').map((c) => c.count)).not.toContain(null);
    const charts = cells.filter((c) => c.mimes.includes('application/vnd.vegalite.v5+json')).length;
    expect(charts).toBe(4);
    // drawn by Vega in the page, not the static SVG the kernel also sends
    await page.waitForFunction((n) => document.querySelectorAll('.jp-OutputArea-output .vega-embed .marks').length >= n, charts, { timeout: 180_000 });
    expect(problems).toEqual([]);

    // saved as the notebook runner writes it: the file is the committed one again
    await save();
    expect(readFileSync(join(work, 'root', 'notebooks', QUICKSTART), 'utf8')).toBe(readFileSync(join(ROOT, 'notebooks', QUICKSTART), 'utf8'));
  });

  it('a committed notebook opened, its charts drawn, and saved is unchanged', async () => {
    const path = `${AS_COMMITTED}/${QUICKSTART}`;
    await page.evaluate(open, path);
    await page.waitForFunction((p) => (window as any).jupyterapp.shell.currentWidget?.context?.path === p, path, { timeout: 180_000 });
    await page.waitForFunction(() => (window as any).jupyterapp.shell.currentWidget.node.querySelectorAll('.jp-OutputArea-output .vega-embed .marks').length >= 4, null, { timeout: 180_000 });
    expect((await notebookState()).cells.flatMap((c) => c.mimes)).not.toContain('image/png');
    await save();
    expect(readFileSync(join(work, 'root', path), 'utf8')).toBe(readFileSync(join(ROOT, 'notebooks', QUICKSTART), 'utf8'));
    // closed (its kernel stays); back to the quickstart run above, for the panel
    await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.dispose());
    await page.evaluate(open, `notebooks/${QUICKSTART}`);
    await page.waitForFunction(() => (window as any).jupyterapp.shell.currentWidget?.context?.path === 'notebooks/01-quickstart.ipynb', null, { timeout: 180_000 });
  });

  it('the Graduasi panel shows a scenario with units and sources, and inserts a comparison cell that runs', async () => {
    await page.locator(`.jp-SideBar .lm-TabBar-tab[data-id="graduasi-scenarios"]`).click();
    await page.locator(`.gr-Item[data-id="${SCENARIO}"]`).click();
    const details = page.locator('.gr-Details');
    await expect.poll(() => details.locator('.gr-Change').count()).toBeGreaterThan(0);
    const text = await details.innerText();
    expect(text).toContain('PKH budget');
    expect(text).toContain('idr-per-year');
    expect(text).toMatch(/Rp 22\.48 T a year \(data: Rp 28\.1 T a year\)/);
    expect(await details.locator('.gr-Sources a').count()).toBeGreaterThan(0);

    const before = (await notebookState()).cells.length;
    await page.locator('.gr-Insert').click();
    const inserted = await notebookState();
    expect(inserted.cells.length).toBe(before + 1);
    const active = await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.content.activeCellIndex);
    expect(inserted.cells[active].source).toContain(`resolveScenarios(['assistance-only', '${SCENARIO}']`);

    await page.locator('.jp-NotebookPanel-toolbar [data-command="notebook:run-cell-and-select-next"]').click();
    const cells = await untilRun(240_000);
    expect(failures(cells)).toEqual([]);
    const comparison = cells[active];
    expect(comparison.count).not.toBeNull();
    expect(comparison.mimes).toContain('text/html'); // the headline table
    expect(comparison.mimes).toContain('application/vnd.vegalite.v5+json');
    await page.waitForFunction(() => document.querySelectorAll('.jp-OutputArea-output .vega-embed .marks').length >= 5, null, { timeout: 180_000 });

    // the screenshot: a wider sidebar, the scenario picked at its top, the comparison cell and its outputs
    const handle = (await page.locator('#jp-main-split-panel > .lm-SplitPanel-handle').first().boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, 400);
    await page.mouse.down();
    await page.mouse.move(handle.x + 110, 400, { steps: 5 });
    await page.mouse.up();
    await page.locator(`.gr-Item[data-id="${SCENARIO}"]`).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.locator('.jp-Notebook .jp-Cell').nth(active).evaluate((e) => e.scrollIntoView({ block: 'start' }));
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('the Graduasi panel opens a new notebook that compares the scenario picked', async () => {
    await page.locator('.gr-Open').click();
    const name = `compare-${SCENARIO}.ipynb`;
    await page.locator('.jp-MainAreaWidget .lm-TabBar-tabLabel, .lm-DockPanel-tabBar .lm-TabBar-tabLabel', { hasText: name }).first().waitFor();
    await page.waitForFunction((path) => {
      const widget = (window as any).jupyterapp.shell.currentWidget;
      return widget?.context?.path === path && widget.sessionContext.session?.kernel?.status === 'idle';
    }, `notebooks/${name}`, { timeout: 180_000 });
    expect(await page.evaluate(() => (window as any).jupyterapp.shell.currentWidget.sessionContext.kernelDisplayName)).toBe('TypeScript (Graduasi, tslab)');
    const notebook = JSON.parse(readFileSync(join(work, 'root', 'notebooks', name), 'utf8'));
    expect(notebook.metadata.kernelspec.name).toBe('tslab');
    expect([notebook.cells[1].source].flat().join('')).toContain(`resolveScenarios(['assistance-only', '${SCENARIO}']`);
  });

  it('the Graduasi panel lists the programmes and services of the registry, each with its parameters, indicators and reasons', async () => {
    const registry = page.locator('.gr-Registry');
    await expect.poll(() => registry.locator('.gr-Entry').count()).toBe(14);
    expect(await registry.locator('.gr-Entry').evaluateAll((xs) => xs.map((x) => (x as HTMLElement).dataset.id))).toEqual(['pkh', 'bpnt', 'blt_bbm', 'blt_dana_desa', 'rice_aid', 'blt_el_nino', 'blt_mrp', 'blt_kesra', 'atensi', 'rst', 'skills', 'pena', 'prokus', 'community']);
    const bltBbm = registry.locator('.gr-Entry[data-id="blt_bbm"]');
    await bltBbm.locator('summary').click();
    const text = await bltBbm.innerText();
    expect(text).toMatch(/from 2022-09-01\s+Rp 150,000 a month/);
    expect(text).toContain('policy.blt_bbm.benefit');
    expect(text).toContain('blt_bbm_households');
    expect(text).toContain('Keluarga penerima BLT BBM');
    expect(text).toContain('blt_bbm.programme_ended');
    await bltBbm.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ROOT, 'out', 'lab', 'registry.png') });
  });

  it('Ctrl-C stops the server and its kernels; nothing is written to HOME or the repository', async () => {
    expect(kernelId).not.toBe('');
    const kernelRunning = () => processes().some((p) => read(`/proc/${p}/cmdline`).includes(`kernel-${kernelId}.json`));
    expect(kernelRunning()).toBe(true);
    expect(ours().length).toBeGreaterThanOrEqual(4); // npm run lab, the server, the notebooks' kernels (and tsx's esbuild after a change)
    for (const p of ours()) expect(read(`/proc/${p}/cmdline`) + read(`/proc/${p}/environ`)).not.toContain(token()); // kernels included
    lab!.kill('SIGINT');
    expect(await labExit).toBe(0);
    expect(log.join('')).toContain('lab: stopped');
    expect(log.join('')).not.toContain('did not stop'); // the server stopped by itself, after the refused kernel too
    expect(kernelRunning()).toBe(false);
    expect(ours()).toEqual([]);
    expect(readdirSync(home)).toEqual([]);
    expect(gitStatus()).toBe(gitBefore);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });
});
