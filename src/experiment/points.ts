/**
 * Parameter points: many parameter sets run for a few numbers each — the model runs behind
 * calibration and sensitivity analysis.
 *
 * A point is a value for each of a list of study parameters: behaviour parameters, and policy
 * assumptions when named (policy files marked `assumption: true`, which carry a range like behaviour
 * parameters). Points patch the parameter tree the caller gives. Replicate r of every point starts
 * from the same population and sees the same random draws (common random numbers, as in
 * experiments), so differences between points are the parameters' doing, not luck. Only the measured
 * months are observed, and only the measured rows kept, so thousands of runs stay light.
 */
import type { Seed } from '../model/random';
import { REFERENCE_MONTH } from '../run/simulate';
import { formatMonth, monthOf } from '../calendar/months';
import { INDICATORS } from '../observe/indicators';
import { didYouMean, nearest, ProblemError, refuse, type Problem } from '../problems/index';
import type { Parameters, ParameterPatch, ParameterRecord } from '../parameters/types';
import { WHOLE_UNITS, type ParameterPath } from '../parameters/spec';
import type { ParameterRange } from './ranges';
import type { Progress } from './index';
import type { Job, JobResult, JobSettings, Measure } from './job';
import { createJobRunner } from './job';
import { runJobs } from './pool';
import { jobProgress } from './progress';

export type { Measure } from './job';

/**
 * Whether a study may vary a parameter: it has a plausible `range` and one value for the whole run
 * (parameters with dated values, such as inflation by year or a shock in one month, are series, not
 * single numbers), and it is a behaviour parameter other than a shock (behaviour.shocks: events a
 * scenario places in time; none happens in the data) or a policy assumption (metadata.assumption).
 */
function studiable(r: ParameterRecord): boolean {
  return r.range !== undefined && r.values.length === 1 && (r.kind === 'behaviour' ? !r.path.startsWith(SHOCKS) : r.assumption === true);
}

const rangeOf = (r: ParameterRecord): ParameterRange => ({ name: r.path, min: r.range!.min, max: r.range!.max });

/**
 * The parameters a study varies unless told otherwise: the behaviour parameters it may vary
 * (see `studiable`). Sorted by path. Policy assumptions are not among them, so that a default study
 * asks what the uncertain behaviour does to an outcome, and committed studies and the calibration
 * stay as they were; name them to vary them (`selectableParameters`).
 */
export function studyParameters(params: Parameters): ParameterRange[] {
  return params.records.filter((r) => r.kind === 'behaviour' && studiable(r)).map(rangeOf);
}

/** Every parameter a study may vary when it names it: the behaviour study parameters and the policy assumptions with one value. Sorted by path. */
export function selectableParameters(params: Parameters): ParameterRange[] {
  return params.records.filter(studiable).map(rangeOf);
}

const SHOCKS = 'behaviour.shocks.';

/**
 * The ranges of the named parameters (all study parameters when `names` is empty): behaviour
 * parameters and policy assumptions (selectableParameters). Unknown or unsuitable names are refused
 * together (a ProblemError), each at the path "<option>: <name>" — `option` names the list, default
 * "parameters".
 */
export function studyRanges(params: Parameters, names: readonly string[] = [], option = 'parameters'): ParameterRange[] {
  if (names.length === 0) return studyParameters(params);
  const all = selectableParameters(params);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const ranges = names.map((name) => {
    const path = `${option}: ${name}`;
    const found = all.find((r) => r.name === name);
    if (found && seen.has(name)) problems.push({ path, expected: 'each parameter once', got: 'it twice' });
    seen.add(name);
    if (found) return found;
    const record = params.records.find((r) => r.path === name);
    if (!record) {
      const sameLast = all.filter((r) => r.name.endsWith(`.${name.split('.').pop()}`)).map((r) => r.name);
      const near = sameLast.length ? sameLast : nearest(name, all.map((r) => r.name));
      const assumption = all.find((r) => r.name.startsWith('policy.'));
      problems.push({ path, expected: `a behaviour parameter path such as ${all[0].name}${assumption ? ` or a policy assumption such as ${assumption.name}` : ''}`, got: 'no such parameter', hint: didYouMean(near, false) });
    } else if (record.kind !== 'behaviour' && !record.assumption) problems.push({ path, expected: 'a behaviour parameter or a policy assumption (metadata.assumption: true); policy rules are changed by scenarios', got: `a policy parameter (${record.file})` });
    else if (name.startsWith(SHOCKS)) problems.push({ path, expected: 'a behaviour parameter that acts every month (shocks are placed in time by scenarios)', got: `a shock (${record.file})` });
    else if (!record.range) problems.push({ path, expected: 'a parameter with metadata.range { min, max }', got: `no range in ${record.file}` });
    else problems.push({ path, expected: 'a single value for the whole run', got: `${record.values.length} dated values in ${record.file}` });
    return undefined;
  });
  refuse(problems);
  return ranges as ParameterRange[];
}

/**
 * The patch that sets each named study parameter to its value, at the date of its one value. A value
 * of a parameter counted in whole numbers (units "count", "households", "persons", e.g. the facilitators'
 * caseload or the places in skills training) is rounded
 * to the nearest one: a design point between two counts runs at the nearer count.
 */
export function pointPatch(params: Parameters, names: readonly string[], values: ArrayLike<number>): ParameterPatch {
  if (values.length !== names.length) throw new Error(`pointPatch: expected ${names.length} values (${names.join(', ')}), got ${values.length}`);
  const patch: Record<string, Record<string, number>> = {};
  names.forEach((name, k) => {
    const record = params.get(name as ParameterPath);
    patch[name] = { [record.values[0].date]: WHOLE_UNITS.has(record.unit) ? Math.round(values[k]) : values[k] };
  });
  return patch as ParameterPatch;
}

/**
 * What is wrong with a measure's indicator and month, as problems at the paths "indicator" and
 * "month" (none when it names a known indicator and a month from the start on). Its group is known
 * to be wrong only once the model has run: see evaluatePoints.
 */
export function measureProblems(m: Measure, start: string = formatMonth(REFERENCE_MONTH)): Problem[] {
  const problems: Problem[] = [];
  if (!(m.indicator in INDICATORS) && !m.indicator.startsWith('flow.')) {
    problems.push({ path: 'indicator', expected: `one of ${Object.keys(INDICATORS).join(', ')}`, got: `"${m.indicator}"`, hint: didYouMean(nearest(m.indicator, Object.keys(INDICATORS))) });
  }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m.month)) problems.push({ path: 'month', expected: 'a month YYYY-MM', got: `"${m.month}"` });
  else if (m.month < start) problems.push({ path: 'month', expected: `a month from the runs' start, ${start}, on`, got: m.month });
  return problems;
}

/** Throws a ProblemError unless every measure names a known indicator and a month from the start month on. */
export function checkMeasures(measures: readonly Measure[], where: string, start?: string): void {
  if (measures.length === 0) throw new ProblemError([{ file: where, path: 'measures', expected: 'at least one measure { indicator, group, month }', got: 'none' }]);
  refuse(measures.flatMap((m, k) => measureProblems(m, start).map((p) => ({ ...p, file: where, path: `measures[${k}].${p.path}` }))));
}

/** The groups the model reports, as problems name them. */
export const GROUPS_REPORTED = '"national", "province:<name>" (e.g. "province:Papua"), "area:urban|rural", "head_age:under_40|40_59|60_plus" or "head_sex:male|female"';

export interface PointsOptions {
  /** The parameter tree the points patch (and the populations are built from). */
  readonly parameters: Parameters;
  /** One patch per point (pointPatch), applied over `parameters`. */
  readonly points: readonly ParameterPatch[];
  readonly measures: readonly Measure[];
  /** Replicates per point (≥ 1), shared by all points. */
  readonly replicates: number;
  /**
   * When given, point j runs as replicate `freshRuns + j` instead (replicates must be 1): every point
   * its own population sample and draws, as approximate Bayesian computation needs.
   */
  readonly freshRuns?: number;
  readonly seed: Seed;
  /** The Susenas round the runs start from (default March 2022); every measure is from it on. */
  readonly start?: string;
  readonly households?: number;
  readonly scale?: number;
  readonly workers?: number;
  readonly onProgress?: (progress: Progress) => void;
}

/** values[point][replicate][measure]. */
export type PointValues = number[][][];

/** How points are run: evaluatePoints, or a shard's share of them, or their values read back from shards (./point-shards.ts). */
export type PointEvaluator = (options: PointsOptions) => Promise<PointValues>;

/** Runs every point × replicate, through the month of the last measure, and returns the measured values. */
export async function evaluatePoints(options: PointsOptions): Promise<PointValues> {
  const jobs = pointJobs(options);
  const began = performance.now();
  const results = await runJobs(jobs, measureSettings(options), options.parameters, options.workers ?? 1, jobProgress(jobs.length, began, options.onProgress));
  const values = pointValues(options, results);
  // A measure the model reported no value for names a group its indicator is not reported for.
  refuse(options.measures.flatMap((m, k): Problem[] => (Number.isNaN(values[0]?.[0]?.[k])
    ? [{ file: 'evaluatePoints', path: `measures[${k}].group`, expected: `a group the model reports ${m.indicator} for in ${m.month}: ${GROUPS_REPORTED}`, got: `"${m.group}"` }]
    : [])));
  return values;
}

/** The options checked, and the jobs of the points: replicate by replicate, point by point (with freshRuns, one job a point). */
export function pointJobs(options: PointsOptions): Job[] {
  checkMeasures(options.measures, 'evaluatePoints', options.start);
  if (!Number.isInteger(options.replicates) || options.replicates < 1) throw new ProblemError([{ file: 'evaluatePoints', path: 'replicates', expected: 'a whole number of at least 1', got: String(options.replicates) }]);
  if (options.freshRuns !== undefined && (options.replicates !== 1 || !Number.isInteger(options.freshRuns) || options.freshRuns < 0)) {
    throw new ProblemError([{ file: 'evaluatePoints', path: 'freshRuns', expected: 'a whole number ≥ 0 with replicates 1', got: `freshRuns ${options.freshRuns}, replicates ${options.replicates}` }]);
  }
  const jobs: Job[] = [];
  if (options.freshRuns !== undefined) options.points.forEach((patch, set) => jobs.push({ set, id: `point-${set}`, patch, replicate: options.freshRuns! + set }));
  else {
    for (let replicate = 0; replicate < options.replicates; replicate++) {
      options.points.forEach((patch, set) => jobs.push({ set, id: `point-${set}`, patch, replicate }));
    }
  }
  return jobs;
}

/** The measured values of the points from their jobs' results; NaN where no job of `results` measured one. */
export function pointValues(options: PointsOptions, results: readonly JobResult[]): PointValues {
  const values: PointValues = options.points.map(() => Array.from({ length: options.replicates }, () => new Array<number>(options.measures.length).fill(NaN)));
  for (const result of results) values[result.set][options.freshRuns === undefined ? result.replicate : 0] = measuredValues(options.measures, result);
  return values;
}

/** The values of `measures` in a job's rows, in their order; NaN for one the rows do not hold. */
export function measuredValues(measures: readonly Measure[], result: JobResult): number[] {
  const index = new Map(measures.map((m, k) => [`${m.month}|${m.indicator}|${m.group}`, k]));
  const values = new Array<number>(measures.length).fill(NaN);
  for (const r of result.rows) {
    const k = index.get(`${r.month}|${r.indicator}|${r.group}`);
    if (k !== undefined) values[k] = r.value;
  }
  return values;
}

/** What every job of the points shares: the seed, the start, the population's size, the measures and the last month measured. */
export function measureSettings(options: { measures: readonly Measure[]; seed: Seed; start?: string; households?: number; scale?: number }): JobSettings {
  const last = Math.max(...options.measures.map((m) => monthOf(m.month)));
  return { seed: options.seed, start: options.start, end: formatMonth(last), households: options.households, scale: options.scale, measures: options.measures };
}

/**
 * A runner in this thread for searches that choose the next point from the last (Nelder–Mead):
 * `(patch, replicate)` → the measured values, in the order of `measures`. Populations are built once
 * per replicate and kept.
 */
export function createPointRunner(options: { parameters: Parameters; measures: readonly Measure[]; seed: Seed; start?: string; households?: number; scale?: number }): (patch: ParameterPatch, replicate: number) => number[] {
  checkMeasures(options.measures, 'createPointRunner', options.start);
  const settings = measureSettings(options);
  const index = new Map(options.measures.map((m, k) => [`${m.month}|${m.indicator}|${m.group}`, k]));
  const runners = new Map<number, ReturnType<typeof createJobRunner>>();
  return (patch, replicate) => {
    if (!runners.has(replicate)) runners.set(replicate, createJobRunner(settings, options.parameters));
    const values = new Array<number>(options.measures.length).fill(NaN);
    for (const r of runners.get(replicate)!({ set: 0, id: 'point', patch, replicate }).rows) {
      const k = index.get(`${r.month}|${r.indicator}|${r.group}`);
      if (k !== undefined) values[k] = r.value;
    }
    return values;
  };
}

/** The mean over replicates of each point's measures: means[point][measure]. */
export function replicateMeans(values: PointValues): number[][] {
  return values.map((replicates) => replicates[0].map((_, k) => replicates.reduce((s, r) => s + r[k], 0) / replicates.length));
}
