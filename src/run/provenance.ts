/**
 * Provenance: what a manifest says about the code and data that produced a result. Every manifest
 * (a run, an experiment, a calibration, a sensitivity study, a trial) takes its header from
 * `provenance()`: the model, its version, the Node.js version, the git commit (with the SHA-256 of
 * its uncommitted changes when there are any), and the SHA-256 of every data file. No clock time, so
 * identical runs have identical manifests.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from './results';
import type { DataFile, Provenance } from './results';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The provenance of what this process computes. The commit and the data hashes are read once per
 * process. Manifests that list the data after other keys take it apart:
 * `const { data, ...code } = provenance()`.
 */
export function provenance(): Provenance {
  const { commit, diff } = gitCommit();
  return { model: 'graduasi', version: packageVersion(), node: process.version, commit, ...(diff === undefined ? {} : { diff }), data: dataFiles() };
}

/** The package version in package.json. */
function packageVersion(): string {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
}

let commitCache: CodeVersion | undefined;
function gitCommit(): CodeVersion {
  commitCache ??= codeVersion(ROOT);
  return commitCache;
}

/** The commit of a work tree, and the hash of its uncommitted changes when it has any. */
export interface CodeVersion {
  /** The commit checked out ("-dirty" after it when `git status` shows any change, untracked files included), or "unknown" outside git. */
  readonly commit: string;
  /** With "-dirty": SHA-256 of the output of `git diff --binary HEAD`, every change to a tracked file, staged or not (untracked files are not in it). */
  readonly diff?: string;
}

/** The code version of the git work tree at `root`. */
export function codeVersion(root: string): CodeVersion {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 30 });
  try {
    const head = git('rev-parse', 'HEAD').toString().trim();
    const dirty = git('status', '--porcelain').toString().trim() !== '';
    return dirty ? { commit: `${head}-dirty`, diff: sha256(git('diff', '--binary', 'HEAD')) } : { commit: head };
  } catch {
    return { commit: 'unknown' };
  }
}

let dataCache: DataFile[] | undefined;
/** Every data file under data/ (not the READMEs) with its SHA-256, sorted by path. */
function dataFiles(): DataFile[] {
  if (dataCache) return dataCache;
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.md')) files.push(path);
    }
  };
  walk(join(ROOT, 'data'));
  dataCache = files.map((f) => ({ file: relative(ROOT, f), sha256: sha256(readFileSync(f)) }));
  return dataCache;
}
