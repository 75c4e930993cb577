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
import type { Parameters, ParameterPatch, ParameterRecord } from '../parameters/types';
import type { ParameterPath } from '../parameters/spec';
import type { ParameterRange } from './ranges';
import type { Progress } from './index';
import type { Job, JobSettings, Measure } from './job';
import { createJobRunner } from './job';
import { runJobs } from './pool';

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

/** The ranges of the named parameters (all study parameters when `names` is empty); unknown or unsuitable names are refused, each with the reason. */
export function studyRanges(params: Parameters, names: readonly string[] = []): ParameterRange[] {
  if (names.length === 0) return studyParameters(params);
  const all = selectableParameters(params);
  const problems: string[] = [];
  const ranges = names.map((name) => {
    const found = all.find((r) => r.name === name);
    if (found) return found;
    const record = params.records.find((r) => r.path === name);
    if (!record) {
      const near = all.filter((r) => r.name.endsWith(`.${name.split('.').pop()}`)).map((r) => r.name);
      const assumption = all.find((r) => r.name.startsWith('policy.'));
      problems.push(`${name}: no such parameter${near.length ? ` (did you mean ${near.join(' or ')}?)` : ''}; expected a behaviour parameter path such as ${all[0].name}${assumption ? ` or a policy assumption such as ${assumption.name}` : ''}`);
    } else if (record.kind !== 'behaviour' && !record.assumption) problems.push(`${name}: a policy parameter (${record.file}); expected a behaviour parameter or a policy assumption (metadata.assumption: true) — policy rules are changed by scenarios`);
    else if (name.startsWith(SHOCKS)) problems.push(`${name}: a shock (${record.file}); expected a behaviour parameter that acts every month — shocks are placed in time by scenarios`);
    else if (!record.range) problems.push(`${name}: has no range in ${record.file}; expected metadata.range { min, max }`);
    else problems.push(`${name}: has ${record.values.length} dated values in ${record.file}; expected a single value for the whole run`);
    return undefined;
  });
  if (problems.length) throw new Error(`parameters:\n  ${problems.join('\n  ')}`);
  const seen = new Set<string>();
  for (const r of ranges as ParameterRange[]) {
    if (seen.has(r.name)) throw new Error(`parameters: ${r.name} is named twice`);
    seen.add(r.name);
  }
  return ranges as ParameterRange[];
}

/**
 * The patch that sets each named study parameter to its value, at the date of its one value. A value
 * of a parameter counted in whole numbers (unit "count", e.g. the facilitators' caseload) is rounded
 * to the nearest one: a design point between two counts runs at the nearer count.
 */
export function pointPatch(params: Parameters, names: readonly string[], values: ArrayLike<number>): ParameterPatch {
  if (values.length !== names.length) throw new Error(`pointPatch: expected ${names.length} values (${names.join(', ')}), got ${values.length}`);
  const patch: Record<string, Record<string, number>> = {};
  names.forEach((name, k) => {
    const record = params.get(name as ParameterPath);
    patch[name] = { [record.values[0].date]: record.unit === 'count' ? Math.round(values[k]) : values[k] };
  });
  return patch as ParameterPatch;
}

/** A problem of a measure found without running the model: the field, and what is wrong with its value. */
export interface MeasureProblem {
  readonly field: 'indicator' | 'month';
  readonly message: string;
}

/** What is wrong with a measure's indicator and month (nothing when it names a known indicator and a month from the start on). */
export function measureProblems(m: Measure): MeasureProblem[] {
  const problems: MeasureProblem[] = [];
  if (!(m.indicator in INDICATORS) && !m.indicator.startsWith('flow.')) problems.push({ field: 'indicator', message: `unknown indicator "${m.indicator}"; expected one of ${Object.keys(INDICATORS).join(', ')}` });
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(m.month)) problems.push({ field: 'month', message: `"${m.month}": expected YYYY-MM` });
  else if (monthOf(m.month) < REFERENCE_MONTH) problems.push({ field: 'month', message: `${m.month} is before the model's start, ${formatMonth(REFERENCE_MONTH)}` });
  return problems;
}

/** A measure problem as one line: the month's messages follow the word "month". */
export function describeMeasureProblem(p: MeasureProblem): string {
  return p.field === 'month' ? `month ${p.message}` : p.message;
}

/** Throws unless every measure names a known indicator and a month from the start month on. */
export function checkMeasures(measures: readonly Measure[], where: string): void {
  if (measures.length === 0) throw new Error(`${where}: expected at least one measure { indicator, group, month }`);
  const problems = measures.flatMap((m, k) => measureProblems(m).map((p) => `${where}: measures[${k}]: ${describeMeasureProblem(p)}`));
  if (problems.length) throw new Error(problems.join('\n'));
}

/** Thrown by evaluatePoints when the model reports no value for some measures (a group the indicator is not reported for). */
export class UnreportedMeasureError extends Error {
  constructor(readonly measures: readonly Measure[]) {
    super(`evaluatePoints: the model reported no value for ${measures.map((m) => `${m.indicator} of ${m.group} in ${m.month}`).join('; ')}; groups are "national", "province:<name>", "area:urban|rural", "head_age:…", "head_sex:…"`);
    this.name = 'UnreportedMeasureError';
  }
}

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
  readonly households?: number;
  readonly scale?: number;
  readonly workers?: number;
  readonly onProgress?: (progress: Progress) => void;
}

/** values[point][replicate][measure]. */
export type PointValues = number[][][];

/** Runs every point × replicate, through the month of the last measure, and returns the measured values. */
export async function evaluatePoints(options: PointsOptions): Promise<PointValues> {
  checkMeasures(options.measures, 'evaluatePoints');
  if (!Number.isInteger(options.replicates) || options.replicates < 1) throw new Error(`evaluatePoints: replicates: expected a whole number of at least 1, got ${options.replicates}`);
  if (options.freshRuns !== undefined && (options.replicates !== 1 || !Number.isInteger(options.freshRuns) || options.freshRuns < 0)) {
    throw new Error(`evaluatePoints: freshRuns: expected a whole number ≥ 0 with replicates 1, got freshRuns ${options.freshRuns}, replicates ${options.replicates}`);
  }
  const settings = measureSettings(options);
  const jobs: Job[] = [];
  if (options.freshRuns !== undefined) options.points.forEach((patch, set) => jobs.push({ set, id: `point-${set}`, patch, replicate: options.freshRuns! + set }));
  else {
    for (let replicate = 0; replicate < options.replicates; replicate++) {
      options.points.forEach((patch, set) => jobs.push({ set, id: `point-${set}`, patch, replicate }));
    }
  }
  const began = performance.now();
  const results = await runJobs(jobs, settings, options.parameters, options.workers ?? 1, (done) =>
    options.onProgress?.({ done, total: jobs.length, elapsed: (performance.now() - began) / 1000 }),
  );
  const values: PointValues = options.points.map(() => Array.from({ length: options.replicates }, () => new Array<number>(options.measures.length).fill(NaN)));
  const index = new Map(options.measures.map((m, k) => [`${m.month}|${m.indicator}|${m.group}`, k]));
  for (const result of results) {
    const row = values[result.set][options.freshRuns === undefined ? result.replicate : 0];
    for (const r of result.rows) {
      const k = index.get(`${r.month}|${r.indicator}|${r.group}`);
      if (k !== undefined) row[k] = r.value;
    }
  }
  const missing = options.measures.filter((_, k) => Number.isNaN(values[0]?.[0]?.[k]));
  if (missing.length) throw new UnreportedMeasureError(missing);
  return values;
}

function measureSettings(options: { measures: readonly Measure[]; seed: Seed; households?: number; scale?: number }): JobSettings {
  const last = Math.max(...options.measures.map((m) => monthOf(m.month)));
  return { seed: options.seed, end: formatMonth(last), households: options.households, scale: options.scale, measures: options.measures };
}

/**
 * A runner in this thread for searches that choose the next point from the last (Nelder–Mead):
 * `(patch, replicate)` → the measured values, in the order of `measures`. Populations are built once
 * per replicate and kept.
 */
export function createPointRunner(options: { parameters: Parameters; measures: readonly Measure[]; seed: Seed; households?: number; scale?: number }): (patch: ParameterPatch, replicate: number) => number[] {
  checkMeasures(options.measures, 'createPointRunner');
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
