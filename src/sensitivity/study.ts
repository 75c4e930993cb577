/**
 * Sensitivity studies of the model: which behaviour parameters (and, when named, policy assumptions)
 * move an outcome, such as extreme poverty in March 2030, when each varies over its plausible range
 * (metadata.range of its file in data/parameters).
 *
 * A study maps a unit-cube design (Morris trajectories or Saltelli's matrices, ./morris and ./sobol)
 * onto the parameters' ranges, runs the model at every point (src/experiment/points: replicate r of
 * every point shares its population and random draws — common random numbers — so differences
 * between points are the parameters' doing), averages each point's outcome over replicates and
 * computes the indices:
 *   - morrisStudy: elementary effects μ*, μ, σ per parameter, ranked by μ* — cheap screening of many
 *     parameters, r(k + 1) runs;
 *   - sobolStudy: first- and total-order Sobol indices with bootstrap intervals, ranked by total
 *     order — how much of the outcome's variance each parameter explains, N(k + 2) runs;
 *   - screenThenSobol: the usual two stages (Saltelli et al. 2008, The Primer, ch. 3): Morris over
 *     all parameters, then Sobol over the `top` by μ*;
 *   - oneAtATime: the outcome at the data's values and with each parameter alone at the low and at
 *     the high end of its range (a tornado), 2k + 1 runs.
 *
 * Points are patches over the parameter tree the caller gives (`params`, loaded once at the edge: the
 * policy as legislated); the parameters not studied keep their values in it. The design's draws and
 * the model's draws both come from `seed`.
 *
 * Every option is checked before anything runs; all problems are reported together, each naming
 * the option (a ProblemError, src/problems). The measure's group is checked by a one-month run of 20,000
 * agents, because which groups an indicator is reported for is known to the reporter only.
 * Outcomes are the same bytes at any number of workers, and when the points run in shards
 * (`evaluate`, src/experiment/point-shards.ts); `run.seconds` is the only clock reading.
 */
import { performance } from 'node:perf_hooks';
import type { Progress } from '../experiment/index';
import { GROUPS_REPORTED, evaluatePoints, measureProblems, pointPatch, replicateMeans, studyRanges } from '../experiment/points';
import type { Measure, PointEvaluator } from '../experiment/points';
import type { Seed } from '../model/random';
import { REFERENCE_MONTH } from '../run/simulate';
import { formatMonth } from '../calendar/months';
import type { ParameterPath } from '../parameters/spec';
import type { Parameters } from '../parameters/types';
import { MIN_HOUSEHOLDS } from '../population/index';
import { ProblemError, refuse as refuseAll, type Problem } from '../problems/index';
import { LEVELS, morrisDesign, morrisEffects } from './morris';
import type { MorrisDesign, MorrisEffect } from './morris';
import type { ParameterRange } from '../experiment/ranges';
import { BOOTSTRAP, CONFIDENCE, saltelliDesign, sobolIndices } from './sobol';
import type { SaltelliDesign, SobolIndex } from './sobol';

/** The outcome a study measures: an indicator of a group in a month. */
export interface StudyMeasure {
  /** An indicator of INDICATORS (src/observe/indicators.ts), e.g. "p0_extreme". */
  readonly indicator: string;
  /** "national" (default), "province:<name>", "area:urban|rural", "head_age:…", "head_sex:…". */
  readonly group?: string;
  /** "YYYY-MM", from March 2022 on. */
  readonly month: string;
}

/** Options every study takes. */
export interface StudyOptions {
  /** The parameter tree every point patches: `loadParameters()` at the edge (`parameters` names the paths varied). */
  readonly params: Parameters;
  /** Paths of the parameters to vary: behaviour parameters or policy assumptions; default every behaviour study parameter (studyParameters). */
  readonly parameters?: readonly string[];
  readonly measure: StudyMeasure;
  /** Seed of the design and of the model runs. */
  readonly seed: Seed;
  /** Replicates per point (≥ 1), shared by all points; the outcome is their mean. Default 1. */
  readonly replicates?: number;
  /** Agents in the population (≥ 20,000). Default 20,000. */
  readonly households?: number;
  /** Worker threads (≥ 1). Default 1. */
  readonly workers?: number;
  /** Called after each run. */
  readonly onProgress?: (progress: Progress) => void;
  /**
   * How the points are run: evaluatePoints (the default), or a shard's share of them, or their values
   * read back from the shards (src/experiment/point-shards.ts).
   */
  readonly evaluate?: PointEvaluator;
}

export interface MorrisStudyOptions extends StudyOptions {
  /** Trajectories r (≥ 2): r(k + 1) points. */
  readonly trajectories: number;
  /** Grid levels p (even, ≥ 2). Default 4. */
  readonly levels?: number;
}

export interface SobolStudyOptions extends StudyOptions {
  /** Base rows N of Saltelli's matrices A and B (≥ 2): N(k + 2) points. */
  readonly samples: number;
  /** Bootstrap resamples for the intervals (≥ 0). Default 1000. */
  readonly bootstrap?: number;
  /** Coverage of the intervals, in (0, 1). Default 0.95. */
  readonly confidence?: number;
}

export interface ScreeningOptions extends Omit<StudyOptions, 'onProgress'> {
  readonly trajectories: number;
  readonly levels?: number;
  readonly samples: number;
  readonly bootstrap?: number;
  readonly confidence?: number;
  /** Parameters (the highest μ*) taken from the screening into the Sobol stage (≥ 1). */
  readonly top: number;
  /** Called after each run of either stage; `stage` says which. */
  readonly onProgress?: (progress: StageProgress) => void;
}

export interface StageProgress extends Progress {
  readonly stage: 'morris' | 'sobol';
}

/** A parameter varied by a study: its range, its value in the data and how the data describe it. */
export interface StudyParameter extends ParameterRange {
  /** The data's value (the base of a one-at-a-time study). */
  readonly base: number;
  /** English label of the parameter file (there are no Indonesian ones). */
  readonly label: string;
  readonly unit: string;
  /** The parameter file, relative to the repository. */
  readonly file: string;
}

/** What was run. */
export interface StudyRun {
  /** Model runs: points × replicates. */
  readonly runs: number;
  /** Wall-clock seconds of the runs (the only number of a study that is not reproducible). */
  readonly seconds: number;
  readonly replicates: number;
  readonly households: number;
  readonly seed: Seed;
}

/** A parameter's Morris statistics and its place in the ranking by μ* (1 = most influential). */
export interface RankedEffect extends MorrisEffect {
  readonly rank: number;
}

/** A parameter's Sobol indices and its place in the ranking by total order (1 = most influential). */
export interface RankedIndex extends SobolIndex {
  readonly rank: number;
}

export interface MorrisStudy {
  readonly method: 'morris';
  readonly measure: Measure;
  readonly parameters: readonly StudyParameter[];
  /** The design; `design.points` are the rows of parameter values run, in parameter units. */
  readonly design: MorrisDesign;
  /** The outcome at each point: the mean over replicates. */
  readonly outputs: readonly number[];
  /** The outcome at each point in each replicate: replicateOutputs[point][replicate]. */
  readonly replicateOutputs: ReadonlyArray<readonly number[]>;
  /** μ*, μ, σ of every parameter, highest μ* first (ties by path), in the outcome's unit per whole range. */
  readonly effects: readonly RankedEffect[];
  readonly run: StudyRun;
}

export interface SobolStudy {
  readonly method: 'sobol';
  readonly measure: Measure;
  readonly parameters: readonly StudyParameter[];
  /** The design; `design.points` are the rows of parameter values run: A, B, then each AB_i. */
  readonly design: SaltelliDesign;
  readonly outputs: readonly number[];
  readonly replicateOutputs: ReadonlyArray<readonly number[]>;
  /** S1 and ST with bootstrap intervals for every parameter, highest ST first (ties by path). */
  readonly indices: readonly RankedIndex[];
  readonly bootstrap: number;
  readonly confidence: number;
  readonly run: StudyRun;
}

export interface OneAtATimeStudy {
  readonly method: 'one-at-a-time';
  readonly measure: Measure;
  readonly parameters: readonly StudyParameter[];
  /** Rows of parameter values run: the base, then each parameter at its low and at its high end. */
  readonly points: ReadonlyArray<readonly number[]>;
  readonly outputs: readonly number[];
  readonly replicateOutputs: ReadonlyArray<readonly number[]>;
  /** The outcome with every parameter at the data's value. */
  readonly base: number;
  /** Per parameter (in the order of `parameters`): the outcome with it alone at each end of its range. */
  readonly bars: ReadonlyArray<{ readonly parameter: string; readonly low: number; readonly high: number }>;
  readonly run: StudyRun;
}

/** Defaults. */
export const STUDY_DEFAULTS = { group: 'national', replicates: 1, households: MIN_HOUSEHOLDS, workers: 1, levels: LEVELS, bootstrap: BOOTSTRAP, confidence: CONFIDENCE } as const;

/** Options after checking, with defaults filled in. */
interface Checked {
  readonly params: Parameters;
  readonly parameters: StudyParameter[];
  readonly measure: Measure;
  readonly seed: Seed;
  readonly replicates: number;
  readonly households: number;
  readonly workers: number;
  readonly evaluate: PointEvaluator;
}

/** Throws a ProblemError listing `problems`, each in `where` (the study's function), when there are any. */
function refuse(where: string, problems: readonly Problem[]): void {
  refuseAll(problems.map((p) => ({ file: where, ...p })));
}

/** A problem if `value` is not an integer ≥ `least`. */
function count(problems: Problem[], option: string, value: unknown, least: number, meaning: string): void {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= least)) problems.push({ path: option, expected: `a whole number ≥ ${least.toLocaleString('en')} (${meaning})`, got: String(value) });
}

/** The ranges and descriptions of the named parameters; problems for unknown or unsuitable names. */
function studyParametersOf(params: Parameters, names: readonly string[] | undefined, problems: Problem[]): StudyParameter[] {
  if (names !== undefined && !Array.isArray(names)) {
    problems.push({ path: 'parameters', expected: 'a list of parameter paths (behaviour parameters or policy assumptions)', got: String(names) });
    return [];
  }
  if (names !== undefined && names.length === 0) {
    problems.push({ path: 'parameters', expected: 'at least one behaviour parameter path (leave the option out for all of them)', got: 'an empty list' });
    return [];
  }
  let ranges: ParameterRange[];
  try {
    ranges = studyRanges(params, names ?? []);
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    problems.push(...error.problems);
    return [];
  }
  return ranges.map((r) => {
    const record = params.get(r.name as ParameterPath);
    return { name: r.name, min: r.min, max: r.max, base: record.values[0].value as number, label: record.label, unit: record.unit, file: record.file };
  });
}

/** The measure, its group defaulted, or undefined after adding the problems that can be seen without running the model. */
function checkedMeasure(measure: StudyMeasure | undefined, problems: Problem[]): Measure | undefined {
  if (typeof measure !== 'object' || measure === null) {
    problems.push({ path: 'measure', expected: "{ indicator, group?, month }, e.g. { indicator: 'p0_extreme', month: '2030-03' }", got: String(measure) });
    return undefined;
  }
  const m: Measure = { indicator: measure.indicator, group: measure.group ?? STUDY_DEFAULTS.group, month: measure.month };
  const found = measureProblems(m);
  for (const p of found) problems.push({ ...p, path: `measure.${p.path}` });
  if (found.length) return undefined;
  if (typeof m.group !== 'string' || m.group === '') problems.push({ path: 'measure.group', expected: 'a group such as "national" or "area:rural"', got: String(m.group) });
  return m;
}

/** Checks the options every study shares; `more` adds the method's own checks. */
function checkStudy(where: string, options: StudyOptions, more: (problems: Problem[], parameters: number) => void): Checked {
  const problems: Problem[] = [];
  const params = options.params; // what every run patches (src/experiment/job.ts)
  const parameters = studyParametersOf(params, options.parameters, problems);
  const measure = checkedMeasure(options.measure, problems);
  const { replicates = STUDY_DEFAULTS.replicates, households = STUDY_DEFAULTS.households, workers = STUDY_DEFAULTS.workers, seed } = options;
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) problems.push({ path: 'seed', expected: 'a finite number or a string', got: String(seed) });
  count(problems, 'replicates', replicates, 1, 'replicates per point, each a different population sample and different draws');
  count(problems, 'households', households, MIN_HOUSEHOLDS, 'agents in the population');
  count(problems, 'workers', workers, 1, 'worker threads');
  more(problems, parameters.length);
  refuse(where, problems);
  return { params, parameters, measure: measure!, seed, replicates, households, workers, evaluate: options.evaluate ?? evaluatePoints };
}

/** Runs the points (rows of parameter values) with the study's settings; outcomes averaged over replicates. */
async function runPoints(checked: Checked, points: ReadonlyArray<readonly number[]>, onProgress: ((p: Progress) => void) | undefined): Promise<{ outputs: number[]; replicateOutputs: number[][]; run: StudyRun }> {
  const names = checked.parameters.map((p) => p.name);
  const began = performance.now();
  const values = await checked.evaluate({
    parameters: checked.params,
    points: points.map((point) => pointPatch(checked.params, names, point)),
    measures: [checked.measure],
    replicates: checked.replicates,
    seed: checked.seed,
    households: checked.households,
    workers: checked.workers,
    onProgress,
  });
  const seconds = (performance.now() - began) / 1000;
  const outputs = replicateMeans(values).map((m) => m[0]);
  const replicateOutputs = values.map((replicates) => replicates.map((r) => r[0]));
  return { outputs, replicateOutputs, run: { runs: points.length * checked.replicates, seconds, replicates: checked.replicates, households: checked.households, seed: checked.seed } };
}

/** Highest first, ties by parameter path, with ranks from 1. */
function ranked<T extends { readonly parameter: string }>(items: readonly T[], key: (item: T) => number): Array<T & { readonly rank: number }> {
  return [...items].sort((a, b) => key(b) - key(a) || (a.parameter < b.parameter ? -1 : a.parameter > b.parameter ? 1 : 0)).map((item, k) => ({ ...item, rank: k + 1 }));
}

/**
 * Morris screening of the model: `trajectories` trajectories over the parameters' ranges,
 * r(k + 1) points × replicates runs. Effects are in the outcome's unit per whole range of a
 * parameter (for p0_extreme a share: 0.001 is 0.1 percentage points).
 */
export async function morrisStudy(options: MorrisStudyOptions): Promise<MorrisStudy> {
  const where = 'morrisStudy';
  const { levels = STUDY_DEFAULTS.levels } = options;
  const checked = await checkedStudy(where, options, (problems) => {
    count(problems, 'trajectories', options.trajectories, 2, 'Morris trajectories r, for a standard deviation of the effects');
    if (!(Number.isInteger(levels) && levels >= 2 && levels % 2 === 0)) problems.push({ path: 'levels', expected: 'an even whole number ≥ 2 (grid levels p)', got: String(levels) });
  });
  const design = morrisDesign(checked.parameters, options.trajectories, checked.seed, { levels });
  const { outputs, replicateOutputs, run } = await runPoints(checked, design.points, options.onProgress);
  const effects = ranked(morrisEffects(design, outputs), (e) => e.muStar);
  return { method: 'morris', measure: checked.measure, parameters: checked.parameters, design, outputs, replicateOutputs, effects, run };
}

/**
 * Sobol indices of the model: Saltelli's design of `samples` base rows over the parameters' ranges,
 * N(k + 2) points × replicates runs, first- and total-order indices with bootstrap intervals.
 */
export async function sobolStudy(options: SobolStudyOptions): Promise<SobolStudy> {
  const where = 'sobolStudy';
  const checked = await checkedStudy(where, options, (problems) => sobolProblems(problems, options));
  return sobolOf(checked, options, options.onProgress);
}

function sobolProblems(problems: Problem[], options: { readonly samples: number; readonly bootstrap?: number; readonly confidence?: number }): void {
  const { bootstrap = STUDY_DEFAULTS.bootstrap, confidence = STUDY_DEFAULTS.confidence } = options;
  count(problems, 'samples', options.samples, 2, 'base rows N of the Saltelli matrices A and B');
  count(problems, 'bootstrap', bootstrap, 0, 'bootstrap resamples; 0 for no intervals');
  if (!(typeof confidence === 'number' && confidence > 0 && confidence < 1)) problems.push({ path: 'confidence', expected: 'a coverage in (0, 1), e.g. 0.95', got: String(confidence) });
}

async function sobolOf(checked: Checked, options: { readonly samples: number; readonly bootstrap?: number; readonly confidence?: number }, onProgress: ((p: Progress) => void) | undefined): Promise<SobolStudy> {
  const { bootstrap = STUDY_DEFAULTS.bootstrap, confidence = STUDY_DEFAULTS.confidence } = options;
  const design = saltelliDesign(checked.parameters, options.samples, checked.seed);
  const { outputs, replicateOutputs, run } = await runPoints(checked, design.points, onProgress);
  const indices = ranked(sobolIndices(design, outputs, { bootstrap, confidence }), (x) => x.total);
  return { method: 'sobol', measure: checked.measure, parameters: checked.parameters, design, outputs, replicateOutputs, indices, bootstrap, confidence, run };
}

/** The paths of the `top` parameters with the highest μ* (ties by path). */
export function topParameters(study: Pick<MorrisStudy, 'effects'>, top: number): string[] {
  if (!(Number.isInteger(top) && top >= 1 && top <= study.effects.length)) {
    throw new Error(`topParameters: "top": expected a whole number from 1 to ${study.effects.length} (the parameters screened), got ${String(top)}`);
  }
  return study.effects.slice(0, top).map((e) => e.parameter);
}

/**
 * The two-stage study: Morris screening of the parameters (default all), then Sobol indices of the
 * `top` with the highest μ*. Runs r(k + 1) + N(top + 2) points × replicates.
 */
export async function screenThenSobol(options: ScreeningOptions): Promise<{ readonly morris: MorrisStudy; readonly sobol: SobolStudy }> {
  const where = 'screenThenSobol';
  const { levels = STUDY_DEFAULTS.levels } = options;
  const checked = await checkedStudy(where, { ...options, onProgress: undefined }, (problems, k) => {
    count(problems, 'trajectories', options.trajectories, 2, 'Morris trajectories r, for a standard deviation of the effects');
    if (!(Number.isInteger(levels) && levels >= 2 && levels % 2 === 0)) problems.push({ path: 'levels', expected: 'an even whole number ≥ 2 (grid levels p)', got: String(levels) });
    sobolProblems(problems, options);
    if (!(Number.isInteger(options.top) && options.top >= 1 && (k === 0 || options.top <= k))) {
      problems.push({ path: 'top', expected: `a whole number from 1 to ${k || 'the number of parameters screened'} (parameters taken into the Sobol stage)`, got: String(options.top) });
    }
  });
  const stage = (name: StageProgress['stage']) => (options.onProgress ? (p: Progress) => options.onProgress!({ ...p, stage: name }) : undefined);
  const design = morrisDesign(checked.parameters, options.trajectories, checked.seed, { levels });
  const screened = await runPoints(checked, design.points, stage('morris'));
  const morris: MorrisStudy = {
    method: 'morris',
    measure: checked.measure,
    parameters: checked.parameters,
    design,
    outputs: screened.outputs,
    replicateOutputs: screened.replicateOutputs,
    effects: ranked(morrisEffects(design, screened.outputs), (e) => e.muStar),
    run: screened.run,
  };
  const chosen = new Set(topParameters(morris, options.top));
  const sobol = await sobolOf({ ...checked, parameters: checked.parameters.filter((p) => chosen.has(p.name)) }, options, stage('sobol'));
  return { morris, sobol };
}

/**
 * The outcome at the data's values and with each parameter alone at the low and at the high end of
 * its range, the others at the data's values: 2k + 1 points × replicates runs. What a tornado draws.
 */
export async function oneAtATime(options: StudyOptions): Promise<OneAtATimeStudy> {
  const checked = await checkedStudy('oneAtATime', options, () => undefined);
  const base = checked.parameters.map((p) => p.base);
  const points: number[][] = [base];
  checked.parameters.forEach((p, i) => {
    points.push(base.map((v, j) => (j === i ? p.min : v)));
    points.push(base.map((v, j) => (j === i ? p.max : v)));
  });
  const { outputs, replicateOutputs, run } = await runPoints(checked, points, options.onProgress);
  const bars = checked.parameters.map((p, i) => ({ parameter: p.name, low: outputs[1 + 2 * i], high: outputs[2 + 2 * i] }));
  return { method: 'one-at-a-time', measure: checked.measure, parameters: checked.parameters, points, outputs, replicateOutputs, base: outputs[0], bars, run };
}

/** checkStudy, then the group probe: a one-month run at 20,000 agents, in this thread. */
async function checkedStudy(where: string, options: StudyOptions, more: (problems: Problem[], parameters: number) => void): Promise<Checked> {
  const checked = checkStudy(where, options, more);
  const probe: Measure = { ...checked.measure, month: formatMonth(REFERENCE_MONTH) };
  try {
    await evaluatePoints({ parameters: checked.params, points: [{}], measures: [probe], replicates: 1, seed: checked.seed, households: MIN_HOUSEHOLDS, workers: 1 });
  } catch (error) {
    // The measure passed every other check, so what the probe refuses is the group.
    if (!(error instanceof ProblemError)) throw error;
    refuse(where, [
      {
        path: 'measure.group',
        expected: `a group the model reports ${checked.measure.indicator} for: ${GROUPS_REPORTED}`,
        got: `"${checked.measure.group}"`,
        hint: 'money and pathway totals are national only, flows national and by household group',
      },
    ]);
  }
  return checked;
}
