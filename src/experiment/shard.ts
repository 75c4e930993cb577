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
 *
 * Every shard.json says its kind ("experiment"; a study's shards, ./point-shards.ts, say "study"),
 * its shard and N, and its identity; readShardManifest, shardSetProblems and shardsSection serve both.
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
  /** An experiment's shard (a study's: src/experiment/point-shards.ts). */
  readonly kind: 'experiment';
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
    kind: 'experiment',
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

/** What every shard's manifest says: its number, of how many, and the identity of what it is a part of. */
export interface ShardHead {
  readonly kind: string;
  readonly shard: number;
  readonly of: number;
  readonly identity: object;
}

/** The manifest (shard.json) of the shard folder `folder`, of the kind `kind` ("experiment" or "study"): refused when there is none, or it is not one. */
export function readShardManifest<M extends ShardHead>(folder: string, kind?: M['kind']): M {
  const manifestFile = join(folder, SHARD_FILE);
  if (!existsSync(manifestFile)) throw new ProblemError([{ file: folder, path: '', expected: `a shard folder with ${SHARD_FILE} (written by graduasi run, compare or sensitivity with --shard)`, got: 'none' }]);
  let manifest: M;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as M;
  } catch (e) {
    throw new ProblemError([{ file: manifestFile, path: '', expected: "valid JSON, a shard's manifest", got: (e as Error).message }]);
  }
  if (typeof manifest?.shard !== 'number' || typeof manifest.of !== 'number' || typeof manifest.identity !== 'object' || manifest.identity === null || typeof manifest.kind !== 'string') {
    throw new ProblemError([{ file: manifestFile, path: '', expected: "a shard's manifest (kind, shard, of, identity, …)", got: 'another JSON document' }]);
  }
  if (kind !== undefined && manifest.kind !== kind) throw new ProblemError([{ file: manifestFile, path: 'kind', expected: `a shard of ${kind === 'experiment' ? 'an experiment (run or compare)' : 'a study (sensitivity)'}, like the first shard`, got: `a shard of ${manifest.kind === 'experiment' ? 'an experiment (run or compare)' : manifest.kind === 'study' ? 'a study (sensitivity)' : `"${manifest.kind}"`}` }]);
  return manifest;
}

/** Reads the shard folder `folder` of an experiment, refusing one without shard.json or whose rows.csv is not the file the shard wrote. */
export function readShard(folder: string): ReadShard {
  const manifest = readShardManifest<ShardManifest>(folder, 'experiment');
  if (!Array.isArray(manifest.jobs) || typeof manifest.rows?.sha256 !== 'string') {
    throw new ProblemError([{ file: join(folder, SHARD_FILE), path: '', expected: "an experiment shard's manifest (jobs, rows)", got: 'another JSON document' }]);
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
function shownAt(identity: object, path: string): string {
  const value = path.split('.').reduce<unknown>((x, key) => (x as Record<string, unknown> | undefined)?.[key], identity);
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

/**
 * The problems that keep `shards` from being the parts of one whole: another identity (one problem per
 * field that differs, naming the shard's folder), another N, a shard missing or repeated.
 */
export function shardSetProblems(shards: ReadonlyArray<{ readonly folder: string; readonly manifest: ShardHead }>, where: string): Problem[] {
  if (shards.length === 0) return [{ file: where, path: '', expected: 'the folders of the shards to merge', got: 'none' }];
  const [first] = shards;
  const problems: Problem[] = [];
  for (const s of shards.slice(1)) {
    const fields = differences(first.manifest.identity, s.manifest.identity, '');
    for (const field of fields) {
      problems.push({ file: join(s.folder, SHARD_FILE), path: `identity.${field}`, expected: `the ${first.manifest.kind} of ${join(first.folder, SHARD_FILE)}, ${shownAt(first.manifest.identity, field)}`, got: shownAt(s.manifest.identity, field) });
    }
    if (fields.length === 0 && s.manifest.of !== first.manifest.of) {
      problems.push({ file: join(s.folder, SHARD_FILE), path: 'of', expected: `${first.manifest.of} shards, as ${join(first.folder, SHARD_FILE)} says`, got: String(s.manifest.of) });
    }
  }
  if (problems.length) return problems;
  const n = first.manifest.of;
  for (let k = 1; k <= n; k++) {
    const found = shards.filter((s) => s.manifest.shard === k);
    if (found.length === 0) problems.push({ file: where, path: `shard ${k} of ${n}`, expected: `each shard from 1 to ${n} once`, got: 'it is missing' });
    if (found.length > 1) problems.push({ file: where, path: `shard ${k} of ${n}`, expected: `each shard from 1 to ${n} once`, got: `it ${found.length} times: ${found.map((s) => s.folder).join(', ')}` });
  }
  for (const s of shards) {
    if (s.manifest.shard < 1 || s.manifest.shard > n || !Number.isInteger(s.manifest.shard)) problems.push({ file: join(s.folder, SHARD_FILE), path: 'shard', expected: `a shard from 1 to ${n}`, got: String(s.manifest.shard) });
  }
  return problems;
}

/** The problem when shard `shard`'s jobs (`got`) are not its share of `jobs` jobs in all. */
export function shareProblem(folder: string, shard: Shard, jobs: number, got: readonly number[]): Problem | undefined {
  const expected = shardJobs(jobs, shard);
  if (JSON.stringify(expected) === JSON.stringify(got)) return undefined;
  return { file: join(folder, SHARD_FILE), path: 'jobs', expected: `the jobs of shard ${shard.index} of ${shard.of}: ${expected.join(', ') || 'none'}`, got: got.join(', ') || 'none' };
}

/** The problems that keep `shards` from being one whole experiment: shardSetProblems, then a shard whose jobs are not its share. */
function mergeProblems(shards: readonly ReadShard[], where: string): Problem[] {
  const problems = shardSetProblems(shards, where);
  if (problems.length) return problems;
  const identity = shards[0].manifest.identity;
  const jobs = new Set(identity.scenarios.map((s) => s.parametersHash)).size * identity.experiment.replicates;
  return shards.flatMap((s) => shareProblem(s.folder, { index: s.manifest.shard, of: s.manifest.of }, jobs, s.manifest.jobs.map((j) => j.job)) ?? []);
}

/** The section a merged folder's manifest.json adds: each shard, its folder's name (no absolute path) and its jobs. */
export function shardsSection<J>(shards: ReadonlyArray<{ readonly folder: string; readonly manifest: ShardHead }>, jobsOf: (manifest: ShardHead) => readonly J[]): ReadonlyArray<{ shard: number; of: number; folder: string; jobs: readonly J[] }> {
  return [...shards]
    .sort((a, b) => a.manifest.shard - b.manifest.shard)
    .map((s) => ({ shard: s.manifest.shard, of: s.manifest.of, folder: basename(s.folder), jobs: jobsOf(s.manifest) }));
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
  const section: ShardsSection = shardsSection(sorted, (m) => (m as ShardManifest).jobs.map((j) => ({ job: j.job, scenario: j.scenario, replicate: j.replicate })));
  return { experiment, shards: section };
}
