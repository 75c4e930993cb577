/**
 * Shards of a parameter study (src/sensitivity): the study's points run on N processes and are read
 * back into the study, which then computes what it computes on one machine — the same bytes.
 *
 * A study runs its points in calls (a stage's points, then the one-at-a-time points), each call's
 * jobs replicate by replicate, point by point (pointJobs). Numbered across the calls in order, from 0,
 * job j belongs to shard j mod N + 1, as an experiment's jobs do (./shard.ts).
 *
 *   shardEvaluator   runs only the shard's jobs of each call and keeps their measured values; the
 *                    study gets stand-ins for every point (it is not written), so only a study whose
 *                    later points do not depend on earlier values can be sharded (Morris or Sobol with the one-at-a-time runs,
 *                    not the screening that picks Sobol's parameters from Morris' ranking).
 *   mergedEvaluator  hands each call the values its jobs measured, from every shard; refuses a call
 *                    with a job no shard ran.
 *
 * A study's shard folder holds shard.json: the study's identity (the command that asked for it, less
 * --shard, --workers and --out, which says every option; the code, the parameter tree and the data),
 * the shard, the number of jobs of each call, and its jobs' records. mergeStudyShards checks them as
 * an experiment's shards are checked (./shard.ts) and returns every record.
 */
import { join } from 'node:path';
import type { Provenance } from '../run/results';
import { provenance } from '../run/provenance';
import type { Parameters } from '../parameters/types';
import { ProblemError, refuse, type Problem } from '../problems/index';
import { measureSettings, measuredValues, pointJobs, pointValues, type PointEvaluator, type PointValues } from './points';
import { runJobs } from './pool';
import { jobProgress } from './progress';
import { readShardManifest, shardSetProblems, shardsSection, shareProblem, SHARD_FILE, type Shard, type ShardHead } from './shard';

/** The measured values of one job of a study: its call (stage), its number across all calls, its point and replicate. */
export interface PointRecord {
  readonly call: number;
  readonly job: number;
  readonly point: number;
  readonly replicate: number;
  /** In the order of the call's measures; null for NaN (JSON has no NaN). */
  readonly values: ReadonlyArray<number | null>;
}

/** What a shard of a study ran: the jobs of each call, and its records. */
export interface PointShardRun {
  /** The number of jobs of each call, in call order (every shard counts the same). */
  readonly calls: number[];
  readonly records: PointRecord[];
}

/** An evaluator that runs shard `shard`'s jobs of every call, and what it ran so far. */
export function shardEvaluator(shard: Shard): { evaluate: PointEvaluator; run: PointShardRun } {
  const run: PointShardRun = { calls: [], records: [] };
  let first = 0;
  const evaluate: PointEvaluator = async (options) => {
    const jobs = pointJobs(options);
    const call = run.calls.length;
    const mine = jobs.map((job, k) => ({ job, number: first + k })).filter((j) => j.number % shard.of === shard.index - 1);
    run.calls.push(jobs.length);
    first += jobs.length;
    const results = await runJobs(mine.map((j) => j.job), measureSettings(options), options.parameters, options.workers ?? 1, jobProgress(mine.length, performance.now(), options.onProgress));
    results.forEach((result, k) => {
      const values = measuredValues(options.measures, result).map((v) => (Number.isNaN(v) ? null : v));
      run.records.push({ call, job: mine[k].number, point: result.set, replicate: result.replicate, values });
    });
    // Stand-ins, the point's number, that vary over the design as outputs must: the study computes on, and is not written.
    return pointValues(options, []).map((point, p) => point.map((replicate) => replicate.map(() => p)));
  };
  return { evaluate, run };
}

/**
 * An evaluator that gives each call (in order) the values the shards' `records` hold for it; refuses
 * a call with a job no shard ran (`where` names who refuses).
 */
export function mergedEvaluator(records: readonly PointRecord[], where: string): PointEvaluator {
  let call = 0;
  return async (options) => {
    const jobs = pointJobs(options);
    const mine = records.filter((r) => r.call === call);
    const values: PointValues = options.points.map(() => Array.from({ length: options.replicates }, () => new Array<number>(options.measures.length).fill(NaN)));
    for (const r of mine) values[r.point][options.freshRuns === undefined ? r.replicate : 0] = r.values.map((v) => v ?? NaN);
    if (mine.length !== jobs.length) {
      throw new ProblemError([{ file: where, path: `runs of stage ${call + 1}`, expected: `the values of its ${jobs.length} jobs from the shards`, got: `${mine.length}` }]);
    }
    call++;
    return values;
  };
}

/** What determines a study's results: the command (every option), the code, the parameter tree and the data. */
export interface StudyIdentity {
  readonly code: Omit<Provenance, 'data'>;
  /** The command's words, less --shard, --workers and --out. */
  readonly command: readonly string[];
  readonly parameterTree: { readonly folder: string; readonly hash: string };
  readonly data: Provenance['data'];
}

export interface StudyShardManifest extends ShardHead, PointShardRun {
  readonly kind: 'study';
  readonly identity: StudyIdentity;
}

/** The identity of the study `command` asks for over `parameters`, computed by this code on these data. */
export function studyIdentity(command: readonly string[], parameters: Parameters): StudyIdentity {
  const { data, ...code } = provenance();
  return { code, command, parameterTree: { folder: parameters.folder, hash: parameters.hash }, data };
}

/** The files of a study's shard folder, by name: shard.json. */
export function studyShardFiles(shard: Shard, identity: StudyIdentity, run: PointShardRun): Record<string, string> {
  const manifest: StudyShardManifest = { kind: 'study', shard: shard.index, of: shard.of, identity, calls: run.calls, records: run.records };
  return { [SHARD_FILE]: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** The jobs of shards of a study, merged: their identity, every record, and the section of shards for the merged manifest. Refused as mergeShards refuses. */
export function mergeStudyShards(folders: readonly string[], where: string): { identity: StudyIdentity; records: PointRecord[]; section: ReturnType<typeof shardsSection<number>> } {
  const shards = folders.map((folder) => ({ folder, manifest: readShardManifest<StudyShardManifest>(folder, 'study') }));
  refuse(shardSetProblems(shards, where));
  const [first] = shards;
  const problems: Problem[] = [];
  for (const s of shards) {
    if (JSON.stringify(s.manifest.calls) !== JSON.stringify(first.manifest.calls)) problems.push({ file: join(s.folder, SHARD_FILE), path: 'calls', expected: `the jobs of each stage of ${join(first.folder, SHARD_FILE)}, ${first.manifest.calls.join(', ')}`, got: s.manifest.calls.join(', ') });
  }
  refuse(problems);
  const jobs = first.manifest.calls.reduce((a, b) => a + b, 0);
  refuse(shards.flatMap((s) => shareProblem(s.folder, { index: s.manifest.shard, of: s.manifest.of }, jobs, s.manifest.records.map((r) => r.job)) ?? []));
  return {
    identity: first.manifest.identity,
    records: shards.flatMap((s) => s.manifest.records),
    section: shardsSection(shards, (m) => (m as StudyShardManifest).records.map((r) => r.job)),
  };
}
