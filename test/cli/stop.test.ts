/**
 * How a command stops, and where it may write, as a user meets it (the real command in a child
 * process): a signal to `npx graduasi …` or to the command itself stops the run and leaves nothing
 * behind — no run folder, no hidden partial or claimed folder; an output folder that cannot be
 * written, or lies in the project's data/ tree, is refused before any work.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/graduasi.js');

/** A run long enough to be stopped part way: eight runs, one after another. */
const LONG = ['run', 'assistance-only', '--households', '20000', '--years', '2022-2025', '--replicates', '8', '--workers', '1'];
/** A run as short as runs go. */
const SHORT = ['run', 'assistance-only', '--households', '20000', '--years', '2022-2022', '--replicates', '1', '--workers', '1'];

const fresh = () => mkdtempSync(join(tmpdir(), 'graduasi-stop-'));

/** Starts `command` in a process group of its own, its standard error collected. */
function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; stderr: () => string; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> } {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, stderr: () => stderr, exited };
}

/** Resolves once `test` holds, looking every 100 ms. */
async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Whether any process of the group `pgid` is left. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a signal stops the run and leaves nothing behind', () => {
  it.each<[string, NodeJS.Signals, NodeJS.ProcessEnv]>([
    ['SIGTERM to npx', 'SIGTERM', {}],
    ['SIGINT to npx', 'SIGINT', {}],
    // npm killed at once passes nothing on: the command sees its starter gone.
    ['SIGKILL to npx', 'SIGKILL', {}],
    // A shell between npm and the command (npm's default, sh): SIGTERM ends the shell, and the command sees its starter gone.
    ['SIGTERM to npx, through sh', 'SIGTERM', { npm_config_script_shell: 'sh' }],
  ])('%s', async (_, signal, env) => {
    const parent = fresh();
    const run = start('npx', ['graduasi', ...LONG, '--out', join(parent, 'run')], { ...process.env, ...env });
    await until(() => /runs: 1 of 8 done/.test(run.stderr()));
    expect(readdirSync(parent)).toEqual(['run']); // claimed, not written
    process.kill(run.child.pid!, signal);
    await run.exited;
    await until(() => !groupAlive(run.child.pid!));
    expect(readdirSync(parent)).toEqual([]);
  });

  it.each<[NodeJS.Signals, number]>([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ])('%s to the command itself: exit code %d', async (signal, code) => {
    const parent = fresh();
    const run = start(process.execPath, [BIN, ...LONG, '--out', join(parent, 'run')]);
    await until(() => /runs: 1 of 8 done/.test(run.stderr()));
    process.kill(run.child.pid!, signal);
    expect(await run.exited).toEqual({ code, signal: null });
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe('output folders are checked before any work', () => {
  function graduasi(args: string[], options: { asUser?: boolean } = {}) {
    // root may write in any folder: for the check of a read-only one, the command runs as root
    // without that power (util-linux's setpriv drops the capabilities that override permissions).
    const asUser = options.asUser && process.getuid?.() === 0 ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--inh-caps', '-dac_override,-dac_read_search', '--'] : [];
    const [command, ...rest] = [...asUser, process.execPath, BIN, ...args];
    const r = spawnSync(command, rest, { cwd: ROOT, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('a folder under a file', () => {
    const parent = fresh();
    writeFileSync(join(parent, 'file'), 'x');
    const r = graduasi([...SHORT, '--out', join(parent, 'file', 'sub')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${join(parent, 'file', 'sub')}: expected a folder that can be created: its parent a folder this process may write in, got ${join(parent, 'file')}, a file, where a folder is needed\n`);
  });

  it('a folder inside the data tree, which every command reads', () => {
    const folder = join(ROOT, 'data', 'parameters', 'x');
    const r = graduasi([...SHORT, '--out', folder]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/data\/parameters\/x: expected an output folder outside the project's data\/ tree .*, got a folder inside .*data\n$/);
    expect(existsSync(folder)).toBe(false);
  });

  it('a folder whose parent this process may not write in', () => {
    const parent = fresh();
    const locked = join(parent, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const r = graduasi([...SHORT, '--out', join(locked, 'run')], { asUser: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${join(locked, 'run')}: expected a folder that can be created: its parent a folder this process may write in, got no permission to write in ${locked}\n`);
    expect(readdirSync(locked)).toEqual([]);
  });
});
