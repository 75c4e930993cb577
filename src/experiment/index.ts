/**
 * Experiments: scenarios × replicates of one seed → tidy rows, summaries and a manifest.
 *
 * Replicate r of every scenario starts from the same population and sees the same random draws (the
 * run key is (seed, r)), so a scenario's difference from the reference is paired: what is left of it
 * is the policy, not luck. Scenarios whose parameters come out identical share one run. Jobs (a
 * parameter set × a replicate) run in the calling thread or spread over worker threads; the rows are
 * assembled in scenario, then replicate order, so results are the same bytes at any worker count.
 * Scenarios patch the parameter tree the caller gives (loaded once, at the edge); the manifest records
 * its folder and hash.
 */
import { performance } from 'node:perf_hooks';
import type { Seed } from '../model/random';
import type { Provenance, ResultRow } from '../run/results';
import { sha256, toCsv } from '../run/results';
import { provenance } from '../run/provenance';
import { DEFAULT_END } from '../run/simulate';
import { DEFAULT_ROUND, loadPopulationData } from '../population/index';
import { monthOf } from '../calendar/months';
import { shown } from '../parameters/load';
import { summarise, summaryCsv } from '../observe/summary';
import type { SummaryRow } from '../observe/summary';
import type { ResolvedScenario } from '../scenarios/types';
import type { ParameterPatch, Parameters } from '../parameters/types';
import type { Words } from '../lang/index';
import type { Job, JobResult, JobSettings } from './job';
import { runJobs } from './pool';
import { jobProgress, type Progress } from './progress';
import { OBSERVATION } from './observe';
import { refuse, type Problem } from '../problems/index';

export interface ExperimentOptions {
  /** The parameter tree every scenario patches: `loadParameters()` at the edge (command, notebook cell, lab). */
  readonly parameters: Parameters;
  readonly scenarios: readonly ResolvedScenario[];
  /** Replicates per scenario (≥ 1): each a different population sample and different draws. */
  readonly replicates: number;
  readonly seed: Seed;
  /** First month, a Susenas round "YYYY-MM" (2018-09 … 2022-03): the populations describe it and every run starts there. Default "2022-03". */
  readonly start?: string;
  /** Last month, "YYYY-MM". Default DEFAULT_END. */
  readonly end?: string;
  /** Agents in the population; or `scale`, agents per real household. */
  readonly households?: number;
  readonly scale?: number;
  /** Id of the scenario the others are compared with (paired differences); none when absent. */
  readonly reference?: string;
  /** Worker threads (≥ 1). One runs every job in the calling thread. */
  readonly workers?: number;
  /**
   * Threads each run's step uses (≥ 1; src/model/threads.ts): the processes that touch each household
   * alone split the households between them. The same bytes at any number. Default 1 (the
   * command's default is the cores the workers leave: threadsPerRun in ./pool.ts).
   */
  readonly threads?: number;
  /**
   * The command that asked for the experiment, as words ("graduasi", "run", …), recorded in the
   * manifest; leave out what cannot change a result (the worker count, the output folder), so that
   * the same seed still gives the same manifest. Absent (null in the manifest) when called from code.
   */
  readonly command?: readonly string[];
  /** Called after each finished job. */
  readonly onProgress?: (progress: Progress) => void;
  /**
   * Parameter uncertainty: replicate r runs with behaviour parameters drawn from a calibration's
   * posterior (`posteriorDraws`, one per replicate), the same draw for every scenario, in place of
   * the calibration's point values; a scenario's own value of a parameter wins. Absent: the data's values, stochastic uncertainty only.
   */
  readonly posterior?: {
    readonly file: string;
    readonly sha256: string;
    readonly draws: ReadonlyArray<{ readonly particle: number; readonly patch: ParameterPatch }>;
  };
}

/** What the spread over replicates of a run stands for (runs written before parameter uncertainty existed: stochastic). */
export function uncertaintyOf(manifest: ExperimentManifest): Uncertainty {
  return manifest.experiment.uncertainty ?? { kind: 'stochastic' };
}

/** What the spread over replicates stands for. */
export type Uncertainty =
  | { readonly kind: 'stochastic' }
  | { readonly kind: 'parameter and stochastic'; readonly posterior: string; readonly sha256: string; readonly particles: readonly number[] };

export { percentText, shareDone, timeLeft, type Progress } from './progress';

export interface ExperimentManifest extends Provenance {
  /** The command's words, less --workers and --out (ExperimentOptions.command); null from code, absent in runs made before it was recorded. */
  readonly command?: readonly string[] | null;
  readonly experiment: {
    readonly seed: Seed;
    readonly replicates: number;
    readonly start: string;
    readonly end: string;
    readonly agents: number;
    readonly reference: string | null;
    readonly observation: string;
    readonly uncertainty: Uncertainty;
  };
  /** The parameter tree the scenarios patch: the folder it was read from and its hash (absent in runs made before it was recorded). */
  readonly parameterTree: { readonly folder: string; readonly hash: string };
  readonly scenarios: ReadonlyArray<{
    readonly id: string;
    readonly label: Words;
    /** In both languages (runs made before Indonesian rationales have one text: see src/report/run.ts). */
    readonly rationale: Words;
    /** Ids from the root ancestor to the scenario. */
    readonly lineage: readonly string[];
    /** The scenario file, relative to the repository when inside it. */
    readonly file: string | null;
    /** SHA-256 of the scenario file's bytes as read (null for a built-in; absent in runs made before it was recorded). */
    readonly sha256?: string | null;
    /** The merged patch over the parameter tree. */
    readonly patch: ResolvedScenario['effectivePatch'];
    /** What the scenario and its ancestors change themselves: the patch less the calibration's values (absent in runs made before it was recorded). */
    readonly changes?: ResolvedScenario['ownPatch'];
    readonly parametersHash: string;
  }>;
  readonly populations: ReadonlyArray<{ readonly replicate: number; readonly agents: number; readonly households: number; readonly persons: number }>;
  readonly results: { readonly rows: number; readonly sha256: string };
  readonly summary: { readonly rows: number; readonly sha256: string };
}

export interface Experiment {
  readonly scenarios: readonly ResolvedScenario[];
  readonly rows: readonly ResultRow[];
  readonly summary: readonly SummaryRow[];
  readonly manifest: ExperimentManifest;
  /** The parameter tree the scenarios patched (ExperimentOptions.parameters). */
  readonly parameters: Parameters;
  /** results.csv and summary.csv as written. */
  readonly resultsCsv: string;
  readonly summaryCsv: string;
}

function check(options: ExperimentOptions): void {
  const problems: Problem[] = [];
  const problem = (path: string, expected: string, got?: string) => problems.push({ file: 'runExperiment', path, expected, got });
  if (typeof options.parameters?.patched !== 'function') problem('parameters', 'the parameter tree, e.g. loadParameters()', options.parameters === undefined ? 'nothing' : typeof options.parameters);
  if (options.scenarios.length === 0) problem('scenarios', 'at least one scenario', 'none');
  if (!Number.isInteger(options.replicates) || options.replicates < 1) problem('replicates', 'a whole number of at least 1', String(options.replicates));
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) problem('workers', 'a whole number of at least 1', String(workers));
  if (options.threads !== undefined && (!Number.isInteger(options.threads) || options.threads < 1)) problem('threads', 'a whole number of at least 1', String(options.threads));
  if (options.posterior && options.posterior.draws.length !== options.replicates) problem('posterior', `one draw per replicate (${options.replicates})`, String(options.posterior.draws.length));
  if (options.reference !== undefined && !options.scenarios.some((s) => s.id === options.reference)) {
    problem('reference', `one of the experiment's scenarios (${options.scenarios.map((s) => s.id).join(', ')})`, `"${options.reference}"`);
  }
  const start = options.start ?? DEFAULT_ROUND;
  const rounds = loadPopulationData().rounds.map((r) => r.round);
  if (!rounds.includes(start)) problem('start', `a Susenas round (${rounds.join(', ')})`, `"${start}"`);
  const end = options.end ?? DEFAULT_END;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(end)) problem('end', 'a month YYYY-MM', `"${end}"`);
  else if (rounds.includes(start) && monthOf(end) < monthOf(start)) problem('end', `a month from the start, ${start}, on`, end);
  if (rounds.includes(start) && problems.length === 0) problems.push(...uncoveredStart(options, start));
  refuse(problems);
}

/**
 * A run reads every parameter from January of its start's year (the programmes' payment year opens
 * there): each parameter a scenario runs on without a value by then is a problem of `start`.
 */
function uncoveredStart(options: ExperimentOptions, start: string): Problem[] {
  const january = monthOf(`${start.slice(0, 4)}-01`);
  const late = new Map<string, string>();
  for (const s of options.scenarios) {
    for (const r of options.parameters.patched(s.effectivePatch, `scenario ${s.id}`).records) {
      if (r.values[0].month > january) late.set(r.path, `${r.path} from ${r.values[0].date} (${shown(r.file)})`);
    }
  }
  if (late.size === 0) return [];
  return [{
    file: 'runExperiment',
    path: 'start',
    expected: `a round whose year the parameters cover: every parameter needs a value from ${start.slice(0, 4)}-01-01`,
    got: `"${start}", and ${late.size} parameter${late.size === 1 ? ' starts' : 's start'} later: ${[...late.values()].join('; ')}`,
  }];
}

/**
 * What determines an experiment's results, fixed before any job runs: its manifest less what the jobs
 * give (the agents, the populations, the rows and the summary), with the population's size as asked.
 * Two runs, or two shards, with the same identity give the same bytes.
 */
export interface ExperimentIdentity {
  /** The code that computes it: provenance() less the data. */
  readonly code: Omit<Provenance, 'data'>;
  readonly command: readonly string[] | null;
  readonly experiment: Omit<ExperimentManifest['experiment'], 'agents'>;
  /** The population's size as asked: --households or --scale (null: not given). */
  readonly size: { readonly households: number | null; readonly scale: number | null };
  readonly parameterTree: ExperimentManifest['parameterTree'];
  readonly scenarios: ExperimentManifest['scenarios'];
  readonly data: Provenance['data'];
}

/** An experiment before it runs: its identity, its jobs (replicate by replicate, a parameter set each) and what they share. */
export interface ExperimentPlan {
  readonly identity: ExperimentIdentity;
  readonly jobs: readonly Job[];
  readonly settings: JobSettings;
}

/** The experiment `options` describe, checked, as its identity and its jobs. */
export function planExperiment(options: ExperimentOptions): ExperimentPlan {
  check(options);
  const { parameters } = options;
  const start = options.start ?? DEFAULT_ROUND;
  const end = options.end ?? DEFAULT_END;
  const settings: JobSettings = { seed: options.seed, start, end, households: options.households, scale: options.scale };
  const hashes = options.scenarios.map((s) => parameters.patched(s.effectivePatch, `scenario ${s.id}`).hash);
  const { data, ...code } = provenance();
  const identity: ExperimentIdentity = {
    code,
    command: options.command ?? null,
    experiment: {
      seed: options.seed,
      replicates: options.replicates,
      start,
      end,
      reference: options.reference ?? null,
      observation: OBSERVATION,
      uncertainty: options.posterior
        ? { kind: 'parameter and stochastic', posterior: options.posterior.file, sha256: options.posterior.sha256, particles: options.posterior.draws.map((d) => d.particle) }
        : { kind: 'stochastic' },
    },
    size: { households: options.households ?? null, scale: options.scale ?? null },
    parameterTree: { folder: parameters.folder, hash: parameters.hash },
    scenarios: options.scenarios.map((s, k) => ({
      id: s.id,
      label: s.label,
      rationale: s.rationale,
      lineage: s.lineage,
      file: s.file ? shown(s.file) : null,
      sha256: s.sha256 ?? null,
      patch: s.effectivePatch,
      changes: s.ownPatch,
      parametersHash: hashes[k],
    })),
    data,
  };
  const { firstOfSet } = parameterSets(identity);
  const jobs: Job[] = [];
  for (let replicate = 0; replicate < options.replicates; replicate++) {
    const draw = options.posterior?.draws[replicate].patch;
    for (const [set, k] of firstOfSet.entries()) {
      const s = options.scenarios[k];
      // A posterior draw replaces the calibration's point values; a scenario's own value still wins.
      jobs.push({ set, id: s.id, patch: draw ? { ...s.effectivePatch, ...draw, ...s.ownPatch } : s.effectivePatch, replicate, only: firstOfSet.length === 1 });
    }
  }
  return { identity, jobs, settings };
}

/**
 * Scenarios with identical parameters share a parameter set, and so a run: the set of each scenario
 * (`sets[k]`), and the first scenario of each set (`firstOfSet[set]`).
 */
function parameterSets(identity: ExperimentIdentity): { sets: number[]; firstOfSet: number[] } {
  const hashes = identity.scenarios.map((s) => s.parametersHash);
  const sets: number[] = [];
  const firstOfSet: number[] = [];
  for (const [k, hash] of hashes.entries()) {
    const same = hashes.indexOf(hash);
    if (same === k) firstOfSet.push(k);
    sets.push(firstOfSet.indexOf(same));
  }
  return { sets, firstOfSet };
}

/** An experiment assembled from its jobs' results: everything but the resolved scenarios. */
export type AssembledExperiment = Omit<Experiment, 'scenarios'>;

/**
 * The rows, summary and manifest of an experiment from the results of all its jobs (any order): the
 * one way a run's files are made, whether its jobs ran on this machine or in shards (./shard.ts).
 */
export function assembleExperiment(identity: ExperimentIdentity, results: readonly JobResult[], parameters: Parameters): AssembledExperiment {
  const { sets } = parameterSets(identity);
  const { replicates, reference } = identity.experiment;
  const bySetReplicate = new Map(results.map((r) => [`${r.set}/${r.replicate}`, r]));
  const rows: ResultRow[] = [];
  for (const [k, scenario] of identity.scenarios.entries()) {
    for (let replicate = 0; replicate < replicates; replicate++) {
      for (const r of bySetReplicate.get(`${sets[k]}/${replicate}`)!.rows) rows.push(r.scenario === scenario.id ? r : { ...r, scenario: scenario.id });
    }
  }
  const summary = summarise(rows, reference ?? undefined);
  const resultsText = toCsv(rows);
  const summaryText = summaryCsv(summary);
  const populations = Array.from({ length: replicates }, (_, replicate) => ({ replicate, ...bySetReplicate.get(`0/${replicate}`)!.population }));
  const e = identity.experiment;
  const manifest: ExperimentManifest = {
    ...identity.code,
    command: identity.command,
    experiment: { seed: e.seed, replicates: e.replicates, start: e.start, end: e.end, agents: populations[0].agents, reference: e.reference, observation: e.observation, uncertainty: e.uncertainty },
    parameterTree: identity.parameterTree,
    scenarios: identity.scenarios,
    data: identity.data,
    populations,
    results: { rows: rows.length, sha256: sha256(resultsText) },
    summary: { rows: summary.length, sha256: sha256(summaryText) },
  };
  return { rows, summary, manifest, parameters, resultsCsv: resultsText, summaryCsv: summaryText };
}

/** Runs `jobs` of a plan (all of them, or a shard's) over the plan's parameters, with progress counted over them. */
export function runPlannedJobs(plan: ExperimentPlan, jobs: readonly Job[], options: ExperimentOptions): Promise<JobResult[]> {
  const settings: JobSettings = { ...plan.settings, threads: options.threads ?? 1 };
  return runJobs(jobs, settings, options.parameters, options.workers ?? 1, jobProgress(jobs.length, performance.now(), options.onProgress));
}

export async function runExperiment(options: ExperimentOptions): Promise<Experiment> {
  const plan = planExperiment(options);
  const results = await runPlannedJobs(plan, plan.jobs, options);
  return { scenarios: options.scenarios, ...assembleExperiment(plan.identity, results, options.parameters) };
}
