/**
 * Run folders: each run gets a new folder, written atomically. The files are written into a hidden
 * sibling folder (".<name>.partial-<pid>") and renamed into place only when all are written, so an
 * interrupted run never leaves a folder that looks complete, and nothing overwrites an earlier run.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ProblemError } from '../problems/index';

/** The folder runs go to unless another is named: runs/ in the working folder. */
export const RUNS_FOLDER = 'runs';

/** The file that marks a finished run. */
export const MANIFEST_FILE = 'manifest.json';

/** Why a folder cannot take a new run, or undefined when it can (it does not exist yet). */
function refusal(folder: string): ProblemError | undefined {
  if (!existsSync(folder)) return undefined;
  const expected = 'a new output folder, so that no earlier results are overwritten';
  const got = !statSync(folder).isDirectory() ? 'a file of that name' : existsSync(join(folder, MANIFEST_FILE)) ? `a folder that already holds a run (${MANIFEST_FILE})` : 'a folder that already exists';
  return new ProblemError([{ file: folder, path: '', expected, got }]);
}

/**
 * The folder a run will be written to, checked before the run starts: `out` when given (it must not
 * exist yet), else runs/<yyyymmdd-hhmmss>-<command>, with -2, -3, … added if that is taken.
 */
export function planRunFolder(out: string | undefined, command: string, now = new Date()): string {
  if (out !== undefined) {
    const folder = resolve(out);
    const problem = refusal(folder);
    if (problem) throw problem;
    return folder;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const base = resolve(RUNS_FOLDER, `${stamp}-${command}`);
  for (let k = 1; ; k++) {
    const folder = k === 1 ? base : `${base}-${k}`;
    if (!existsSync(folder)) return folder;
  }
}

function writeDurably(path: string, content: string): void {
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `files` (name → content) as the new folder `folder`, the manifest last. Fails, leaving no
 * trace, if the folder has appeared in the meantime.
 */
export function writeRunFolder(folder: string, files: Readonly<Record<string, string>>): void {
  const problem = refusal(folder);
  if (problem) throw problem;
  mkdirSync(dirname(folder), { recursive: true });
  const partial = join(dirname(folder), `.${basename(folder)}.partial-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial);
  const removePartial = () => rmSync(partial, { recursive: true, force: true });
  process.once('exit', removePartial);
  try {
    const names = Object.keys(files).sort((a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE));
    for (const name of names) writeDurably(join(partial, name), files[name]);
    // rename() onto an existing non-empty folder fails, so a run that appeared meanwhile is kept.
    if (existsSync(folder) && readdirSync(folder).length > 0) throw refusal(folder)!;
    renameSync(partial, folder);
  } catch (error) {
    removePartial();
    throw error;
  } finally {
    process.removeListener('exit', removePartial);
  }
}
