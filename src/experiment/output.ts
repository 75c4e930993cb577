/**
 * Run folders: each run gets a new folder, claimed before the work starts and written atomically.
 *
 *   planRunFolder   before any work: checks the place (not inside the project's data/ or src/, its
 *                   parent a folder this process may write in) and claims the name by creating the
 *                   folder with only a hidden ".running-<pid>" file in it — mkdir either creates it
 *                   or fails, so two runs started in the same second never get the same folder. The
 *                   claimed folder is removed again when the process ends without writing it (an
 *                   error, Ctrl-C, SIGTERM); what a killed run left in the same parent (SIGKILL, a
 *                   power cut: a claimed folder or a partial one whose process is gone) is removed
 *                   by the next run there.
 *   writeRunFolder  the files go into a hidden sibling (".<name>.partial-<pid>"), the manifest last,
 *                   which is renamed onto the claimed folder when all are written: an interrupted run
 *                   never leaves a folder that looks complete, and nothing overwrites an earlier run.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ProblemError, type Problem } from '../problems/index';
import { REPO_ROOT } from '../parameters/load';

/** The folder runs go to unless another is named: runs/ in the working folder. */
export const RUNS_FOLDER = 'runs';

/** The file that marks a finished run. */
export const MANIFEST_FILE = 'manifest.json';

/** The project's trees no run may write into: what every command reads (data/) and the code (src/). */
export const PROTECTED_TREES: readonly string[] = ['data', 'src'];

/** What a run folder must be, as problems say it. */
const NEW_FOLDER = 'a new output folder, so that no earlier results are overwritten';

/** Folders this process has claimed and not yet written (writeRunFolder fills them), each with the first of its parents that claiming it created, if any. */
const claimed = new Map<string, string | undefined>();

/** The hidden folder a run is written into before it is renamed into place. */
function partialOf(folder: string, pid = process.pid): string {
  return join(dirname(folder), `.${basename(folder)}.partial-${pid}`);
}

/** A partial folder's name: ".<name>.partial-<pid>". */
const PARTIAL = /^\..+\.partial-(\d+)$/;

/** The file that marks a folder claimed by process `pid` and not yet written. */
const runningMark = (pid = process.pid) => `.running-${pid}`;
const RUNNING = /^\.running-(\d+)$/;

/** Whether process `pid` is running (a process of another user counts as running). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process that claimed `folder` and has not written it yet, if it holds only the mark of one. */
function claimant(folder: string): number | undefined {
  const names = statSync(folder).isDirectory() ? readdirSync(folder) : [];
  const m = names.length === 1 ? RUNNING.exec(names[0]) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Removes what runs killed in `parent` left (by SIGKILL or a power cut, which no handler sees): the
 * partial folders and the claimed, unwritten folders whose process is gone. Returns their names.
 */
export function removeStaleRuns(parent: string): string[] {
  if (!existsSync(parent) || !statSync(parent).isDirectory()) return [];
  const stale = readdirSync(parent).filter((name) => {
    const m = PARTIAL.exec(name);
    const pid = m ? Number(m[1]) : claimant(join(parent, name));
    return pid !== undefined && pid !== process.pid && !running(pid);
  });
  for (const name of stale) rmSync(join(parent, name), { recursive: true, force: true });
  return stale;
}

/** The nearest folder or file of `path` (itself or an ancestor) that exists. */
function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

/** `path` with symbolic links of its existing part resolved, so that a link cannot hide where it points. */
function real(path: string): string {
  const existing = nearestExisting(path);
  return join(realpathSync(existing), relative(existing, path));
}

/** The project tree (data/, src/) `folder` lies in, if any. */
function protectedTree(folder: string): string | undefined {
  const root = realpathSync(REPO_ROOT);
  const at = real(folder);
  return PROTECTED_TREES.find((tree) => {
    const rel = relative(join(root, tree), at);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

/** Why `folder` cannot take a new run, or undefined when it can: it does not exist yet, or (`ours`) this process claimed it and has not written it. */
function refusal(folder: string, ours = false): ProblemError | undefined {
  if (!existsSync(folder)) return undefined;
  if (ours && claimed.has(folder) && claimant(folder) === process.pid) return undefined;
  const got = !statSync(folder).isDirectory() ? 'a file of that name' : existsSync(join(folder, MANIFEST_FILE)) ? `a folder that already holds a run (${MANIFEST_FILE})` : 'a folder that already exists';
  return new ProblemError([{ file: folder, path: '', expected: NEW_FOLDER, got }]);
}

/** What stands in the way of creating `folder`, said from the error mkdir gave. */
function cannotCreate(folder: string, error: NodeJS.ErrnoException): Problem {
  const existing = nearestExisting(dirname(folder));
  const expected = 'a folder that can be created: its parent a folder this process may write in';
  if (!statSync(existing).isDirectory()) return { file: folder, path: '', expected, got: `${existing}, a file, where a folder is needed` };
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return { file: folder, path: '', expected, got: `no permission to write in ${existing}` };
    case 'EROFS':
      return { file: folder, path: '', expected, got: `${existing} on a read-only file system` };
    default:
      return { file: folder, path: '', expected, got: `${error.code ?? 'an error'}: ${error.message}` };
  }
}

/**
 * Claims `folder` for this process: creates it (its parents too) with this process's mark in it,
 * and fails if it exists already, so that exactly one process gets it. Returns false when another
 * took the name first.
 */
function claim(folder: string): boolean {
  let created: string | undefined;
  try {
    created = mkdirSync(dirname(folder), { recursive: true });
    mkdirSync(folder);
    closeSync(openSync(join(folder, runningMark()), 'wx'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EEXIST' && existsSync(folder)) return false;
    throw new ProblemError([cannotCreate(folder, e)]);
  }
  claimed.set(folder, created);
  if (claimed.size === 1) process.once('exit', releaseClaims);
  return true;
}

/** Removes the claimed folders this process did not get to write, and the parents claiming them created (runs/) if they are left empty. */
function releaseClaims(): void {
  for (const [folder, created] of claimed) {
    if (!existsSync(folder) || claimant(folder) !== process.pid) continue;
    rmSync(folder, { recursive: true, force: true });
    for (let parent = dirname(folder); created !== undefined && parent.startsWith(created); parent = dirname(parent)) {
      if (readdirSync(parent).length > 0) break;
      rmSync(parent, { recursive: true });
    }
  }
  claimed.clear();
}

/** The problem when `folder` lies inside one of the project's trees (PROTECTED_TREES). */
function insideProject(folder: string): ProblemError | undefined {
  const tree = protectedTree(folder);
  if (tree === undefined) return undefined;
  return new ProblemError([{ file: folder, path: '', expected: `an output folder outside the project's ${tree}/ tree (every command reads ${tree === 'data' ? 'the data tree as parameters and data' : 'it as code'})`, got: `a folder inside ${join(realpathSync(REPO_ROOT), tree)}` }]);
}

/**
 * The folder a run will be written to, checked and claimed before the run starts: `out` when given
 * (it must not exist yet), else runs/<yyyymmdd-hhmmss>-<command>, with -2, -3, … added if that is
 * taken — by an earlier run or by one started in the same second. The folder is created with this
 * process's mark in it (see the module comment); what killed runs left in its parent is removed.
 */
export function planRunFolder(out: string | undefined, command: string, now = new Date()): string {
  if (out !== undefined) {
    const folder = resolve(out);
    const outside = insideProject(folder);
    if (outside) throw outside;
    removeStaleRuns(dirname(folder));
    const problem = refusal(folder);
    if (problem) throw problem;
    if (!claim(folder)) throw refusal(folder) ?? new ProblemError([{ file: folder, path: '', expected: NEW_FOLDER, got: 'a folder another run has just claimed' }]);
    return folder;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const base = resolve(RUNS_FOLDER, `${stamp}-${command}`);
  const problem = insideProject(base);
  if (problem) throw problem;
  removeStaleRuns(dirname(base));
  for (let k = 1; ; k++) {
    const folder = k === 1 ? base : `${base}-${k}`;
    if (claim(folder)) return folder;
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
 * Writes `files` (name → content) as the new folder `folder` (absent, or claimed by planRunFolder
 * and still empty), the manifest last. Fails, leaving no trace, if another run has appeared there
 * in the meantime.
 */
export function writeRunFolder(folder: string, files: Readonly<Record<string, string>>): void {
  const problem = refusal(folder, true);
  if (problem) throw problem;
  mkdirSync(dirname(folder), { recursive: true });
  const partial = partialOf(folder);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial);
  const removePartial = () => rmSync(partial, { recursive: true, force: true });
  process.once('exit', removePartial);
  try {
    const names = Object.keys(files).sort((a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE));
    for (const name of names) writeDurably(join(partial, name), files[name]);
    // rename() onto an existing non-empty folder fails, so a run that appeared meanwhile is kept;
    // onto the folder this process claimed, its mark taken out, it replaces it in one step.
    if (claimed.has(folder) && claimant(folder) === process.pid) rmSync(join(folder, runningMark()));
    if (existsSync(folder) && readdirSync(folder).length > 0) throw refusal(folder)!;
    renameSync(partial, folder);
    claimed.delete(folder);
  } catch (error) {
    removePartial();
    throw error;
  } finally {
    process.removeListener('exit', removePartial);
  }
}
