/**
 * Shards: an experiment's jobs split over N processes — machines, Slurm array tasks, Kubernetes
 * completions — and joined again into the run folder one machine would have written.
 *
 *   assignment  shard k of N (k from 1 to N) runs the jobs j (numbered from 0 in the experiment's job
 *               order: replicate by replicate, one job per parameter set) with j mod N = k − 1, so
 *               shards differ by one job at most. A job's rows depend only on the experiment (draws
 *               are addressed by run, process, household and month), not on where it ran.
 *   runShard    runs one shard's jobs; shardFiles makes its folder: shard.json (the experiment's
 *               identity, the shard, its jobs with their row counts and populations, the hash of
 *               rows.csv) and rows.csv (the jobs' rows, in job order, as results.csv writes rows).
 *   readShard   reads a shard folder back, refusing one whose rows.csv is not the file it wrote.
 *   mergeShards checks that the shards are of one experiment (the same identity, field by field) and
 *               that each shard 1..N is there once, then assembles the experiment from their jobs'
 *               results with assembleExperiment, as the one-machine run does: the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ResultRow } from '../run/results';
import { sha256, toCsv } from '../run/results';
import { parseCsv } from '../population/csv';
import type { Parameters } from '../parameters/types';
import { ProblemError, refuse, type Problem } from '../problems/index';
import type { JobResult } from './job';
import { assembleExperiment, planExperiment, runPlannedJobs } from './index';
import type { AssembledExperiment, ExperimentIdentity, ExperimentOptions } from './index';

/** Shard `index` of `of` (index from 1 to of). */
export interface Shard {
  readonly index: number;
  readonly of: number;
}

/** The manifest of a shard folder. */
export const SHARD_FILE = 'shard.json';

/** The rows of a shard's jobs. */
export const ROWS_FILE = 'rows.csv';

/** One job of a shard, as shard.json lists it. */
export interface ShardJob {
  /** The job's number in the experiment's job order, from 0. */
  readonly job: number;
  /** The parameter set (scenarios with identical parameters share one) and the scenario whose id its rows carry. */
  readonly set: number;
  readonly scenario: string;
  readonly replicate: number;
  /** Its rows in rows.csv, after those of the jobs before it. */
  readonly rows: number;
  readonly population: JobResult['population'];
}

export interface ShardManifest {
  readonly shard: number;
  readonly of: number;
  readonly identity: ExperimentIdentity;
  readonly jobs: readonly ShardJob[];
  readonly rows: { readonly rows: number; readonly sha256: string };
}

/** A shard run or read back: its manifest and its jobs' results. */
export interface ShardRun {
  readonly manifest: ShardManifest;
  readonly results: readonly JobResult[];
}

/** A shard read from its folder. */
export interface ReadShard extends ShardRun {
  readonly folder: string;
}

/** The section a merged run's manifest.json adds: each shard, its folder's name and its jobs. */
export type ShardsSection = ReadonlyArray<{
  readonly shard: number;
  readonly of: number;
  readonly folder: string;
  readonly jobs: ReadonlyArray<{ readonly job: number; readonly scenario: string; readonly replicate: number }>;
}>;

/** The numbers of the jobs (of `jobs` in all) that shard `shard` runs: j with j mod N = k − 1. */
export function shardJobs(jobs: number, shard: Shard): number[] {
  return Array.from({ length: jobs }, (_, j) => j).filter((j) => j % shard.of === shard.index - 1);
}

/** The problem when `shard` is not shard k of N with 1 ≤ k ≤ N ≤ `jobs` (`where`, `path`: whom the problem names). */
export function shardProblem(shard: Shard, jobs: number, where: string, path: string): Problem | undefined {
  const given = `${shard.index}/${shard.of}`;
  if (!Number.isInteger(shard.of) || shard.of < 1 || !Number.isInteger(shard.index) || shard.index < 1 || shard.index > shard.of) {
    return { file: where, path, expected: 'K/N, shard K of N with K from 1 to N, e.g. 1/4', got: `"${given}"` };
  }
  if (shard.of > jobs) return { file: where, path, expected: `at most as many shards as the experiment has jobs (${jobs}: parameter sets × replicates)`, got: `${shard.of} shards` };
  return undefined;
}

/** Runs shard `shard` of the experiment `options` describe: only its jobs. */
export async function runShard(options: ExperimentOptions, shard: Shard): Promise<ShardRun> {
  const plan = planExperiment(options);
  const problem = shardProblem(shard, plan.jobs.length, 'runShard', 'shard');
  if (problem) refuse([problem]);
  const numbers = shardJobs(plan.jobs.length, shard);
  const results = await runPlannedJobs(plan, numbers.map((j) => plan.jobs[j]), options);
  const rows = results.flatMap((r) => r.rows);
  const manifest: ShardManifest = {
    shard: shard.index,
    of: shard.of,
    identity: plan.identity,
    jobs: numbers.map((job, k) => ({ job, set: plan.jobs[job].set, scenario: plan.jobs[job].id, replicate: plan.jobs[job].replicate, rows: results[k].rows.length, population: results[k].population })),
    rows: { rows: rows.length, sha256: sha256(toCsv(rows)) },
  };
  return { manifest, results };
}

/** The files of a shard's folder, by name. */
export function shardFiles(run: ShardRun): Record<string, string> {
  return {
    [ROWS_FILE]: toCsv(run.results.flatMap((r) => r.rows)),
    [SHARD_FILE]: `${JSON.stringify(run.manifest, null, 2)}\n`,
  };
}

/** A value of rows.csv: a number in JavaScript's shortest round-trip form, or NaN. */
function value(text: string, file: string, line: number): number {
  const x = Number(text);
  if (text === '' || (Number.isNaN(x) && text !== 'NaN')) throw new ProblemError([{ file, path: `row ${line}: value`, expected: 'a number', got: `"${text}"` }]);
  return x;
}

/** Reads the shard folder `folder`, refusing one without shard.json or whose rows.csv is not the file the shard wrote. */
export function readShard(folder: string): ReadShard {
  const manifestFile = join(folder, SHARD_FILE);
  if (!existsSync(manifestFile)) throw new ProblemError([{ file: folder, path: '', expected: `a shard folder with ${SHARD_FILE} (written by graduasi run or compare with --shard)`, got: 'none' }]);
  let manifest: ShardManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ShardManifest;
  } catch (e) {
    throw new ProblemError([{ file: manifestFile, path: '', expected: "valid JSON, a shard's manifest", got: (e as Error).message }]);
  }
  if (typeof manifest?.shard !== 'number' || typeof manifest.of !== 'number' || !manifest.identity || !Array.isArray(manifest.jobs) || typeof manifest.rows?.sha256 !== 'string') {
    throw new ProblemError([{ file: manifestFile, path: '', expected: "a shard's manifest (shard, of, identity, jobs, rows)", got: 'another JSON document' }]);
  }
  const rowsFile = join(folder, ROWS_FILE);
  const bytes = existsSync(rowsFile) ? readFileSync(rowsFile) : undefined;
  const found = bytes === undefined ? 'no file' : `a file changed since, SHA-256 ${sha256(bytes)}`;
  if (bytes === undefined || sha256(bytes) !== manifest.rows.sha256) {
    throw new ProblemError([{ file: rowsFile, path: '', expected: `the file the shard wrote, SHA-256 ${manifest.rows.sha256} (${SHARD_FILE}: rows.sha256)`, got: found }]);
  }
  const rows: ResultRow[] = parseCsv(bytes.toString('utf8'), rowsFile).map((r, k) => ({
    scenario: r.scenario,
    replicate: value(r.replicate, rowsFile, k + 2),
    month: r.month,
    indicator: r.indicator,
    group: r.group,
    value: value(r.value, rowsFile, k + 2),
  }));
  let next = 0;
  const results = manifest.jobs.map((j) => {
    const jobRows = rows.slice(next, next + j.rows);
    next += j.rows;
    return { set: j.set, replicate: j.replicate, rows: jobRows, population: j.population };
  });
  return { folder, manifest, results };
}

/** The paths at which `a` and `b` differ ("command", "experiment.seed"), none when they are the same. */
function differences(a: unknown, b: unknown, path: string): string[] {
  const plain = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (plain(a) && plain(b)) {
    const keys = [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])];
    return keys.flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

/** The value at a dotted path, as a problem shows it (shortened when long). */
function shownAt(identity: ExperimentIdentity, path: string): string {
  const value = path.split('.').reduce<unknown>((x, key) => (x as Record<string, unknown> | undefined)?.[key], identity);
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/** The problems that keep `shards` from being one whole experiment: another experiment, another N, a shard missing or repeated, jobs not the shard's. */
function mergeProblems(shards: readonly ReadShard[], where: string): Problem[] {
  if (shards.length === 0) return [{ file: where, path: '', expected: 'the folders of the shards to merge', got: 'none' }];
  const [first] = shards;
  const problems: Problem[] = [];
  for (const s of shards.slice(1)) {
    const fields = differences(first.manifest.identity, s.manifest.identity, '');
    for (const field of fields) {
      problems.push({ file: join(s.folder, SHARD_FILE), path: `identity.${field}`, expected: `the experiment of ${join(first.folder, SHARD_FILE)}, ${shownAt(first.manifest.identity, field)}`, got: shownAt(s.manifest.identity, field) });
    }
    if (fields.length === 0 && s.manifest.of !== first.manifest.of) {
      problems.push({ file: join(s.folder, SHARD_FILE), path: 'of', expected: `${first.manifest.of} shards, as ${join(first.folder, SHARD_FILE)} says`, got: String(s.manifest.of) });
    }
  }
  if (problems.length) return problems;
  const n = first.manifest.of;
  const jobs = first.manifest.identity.scenarios.length === 0 ? 0 : new Set(first.manifest.identity.scenarios.map((s) => s.parametersHash)).size * first.manifest.identity.experiment.replicates;
  for (let k = 1; k <= n; k++) {
    const found = shards.filter((s) => s.manifest.shard === k);
    if (found.length === 0) problems.push({ file: where, path: `shard ${k} of ${n}`, expected: `each shard from 1 to ${n} once`, got: 'it is missing' });
    if (found.length > 1) problems.push({ file: where, path: `shard ${k} of ${n}`, expected: `each shard from 1 to ${n} once`, got: `it ${found.length} times: ${found.map((s) => s.folder).join(', ')}` });
  }
  for (const s of shards) {
    const expected = shardJobs(jobs, { index: s.manifest.shard, of: n });
    const got = s.manifest.jobs.map((j) => j.job);
    if (s.manifest.shard < 1 || s.manifest.shard > n) problems.push({ file: join(s.folder, SHARD_FILE), path: 'shard', expected: `a shard from 1 to ${n}`, got: String(s.manifest.shard) });
    else if (JSON.stringify(expected) !== JSON.stringify(got)) problems.push({ file: join(s.folder, SHARD_FILE), path: 'jobs', expected: `the jobs of shard ${s.manifest.shard} of ${n}: ${expected.join(', ')}`, got: got.join(', ') || 'none' });
  }
  return problems;
}

/**
 * The experiment the shards make together, assembled as the one-machine run assembles it, and the
 * section its manifest.json adds (the shards by number, each folder by its name only). Refused, with
 * a problem naming the folder and the field, when they are not the shards of one experiment, each
 * once; or when `parameters` (for the report) is not the tree they ran on.
 */
export function mergeShards(shards: readonly ReadShard[], parameters: Parameters, where = 'mergeShards'): { experiment: AssembledExperiment; shards: ShardsSection } {
  refuse(mergeProblems(shards, where));
  const identity = shards[0].manifest.identity;
  if (parameters.hash !== identity.parameterTree.hash) {
    refuse([{ file: where, path: 'parameter tree', expected: `the tree the shards ran on, ${identity.parameterTree.folder} with hash ${identity.parameterTree.hash}`, got: `${parameters.folder} with hash ${parameters.hash}` }]);
  }
  const sorted = [...shards].sort((a, b) => a.manifest.shard - b.manifest.shard);
  const experiment = assembleExperiment(identity, sorted.flatMap((s) => s.results), parameters);
  const section: ShardsSection = sorted.map((s) => ({
    shard: s.manifest.shard,
    of: s.manifest.of,
    folder: basename(s.folder),
    jobs: s.manifest.jobs.map((j) => ({ job: j.job, scenario: j.scenario, replicate: j.replicate })),
  }));
  return { experiment, shards: section };
}
