/**
 * Provenance: what a manifest says about the code and data that produced a result. Every manifest
 * (a run, an experiment, a calibration, a sensitivity study, a trial) takes its header from
 * `provenance()`: the model, its version, the Node.js version, the git commit, and the SHA-256 of
 * every data file. No clock time, so identical runs have identical manifests.
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
  return { model: 'graduasi', version: packageVersion(), node: process.version, commit: gitCommit(), data: dataFiles() };
}

/** The package version in package.json. */
function packageVersion(): string {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
}

let commitCache: string | undefined;
/** The git commit of the code ("-dirty" with uncommitted changes), or "unknown". */
function gitCommit(): string {
  if (commitCache !== undefined) return commitCache;
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() !== '';
    commitCache = dirty ? `${head}-dirty` : head;
  } catch {
    commitCache = 'unknown';
  }
  return commitCache;
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
