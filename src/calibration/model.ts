/**
 * Calibrating the model: behaviour parameters (and, when named, policy assumptions) fitted within
 * their ranges to official figures, over the parameter tree the caller gives.
 *
 * 1. Posterior by ABC-SMC (./abc-smc.ts): generation 0 draws points from the uniform prior over the
 *    parameters' ranges; later generations propose near the points that came closest. Each point runs
 *    as its own replicate (its own population sample and draws), so the posterior carries the model's
 *    randomness as well as the data's uncertainty.
 * 2. Point fit by Nelder–Mead (./nelder-mead.ts) from the posterior median, on the distance averaged
 *    over a few replicates shared by every point (common random numbers), so that the search sees the
 *    parameters' effect rather than luck.
 * 3. Every target is reported, fitted or not: the fitted ones, the held-out ones (left out of the
 *    distance to test the fitted model's prediction), and the others as a check.
 *
 * The distance is Σ ((simulated − observed) / sd)² over the fitted targets (./distance.ts).
 */
import type { Seed } from '../model/random';
import type { ParameterPatch, Parameters } from '../parameters/types';
import { createPointRunner, evaluatePoints, pointPatch, studyRanges } from '../experiment/points';
import type { Progress } from '../experiment/index';
import type { ParameterRange } from '../experiment/ranges';
import { abcSmcSteps } from './abc-smc';
import type { AbcDesign, AbcPopulation } from './abc';
import { distance } from './distance';
import { nelderMead } from './nelder-mead';
import { posteriorSummary, weightedQuantile } from './posterior';
import type { PosteriorSummary } from './posterior';
import { loadTargets, pickTargets } from './targets';
import type { Target } from './targets';
import { refuse } from '../problems/index';
import { DEFAULT_ROUND } from '../population/index';

/** What is fitted unless the researcher says otherwise: what moves consumption and PKH coverage between March and December 2022. */
export const DEFAULT_PARAMETERS = [
  'behaviour.income.real_growth',
  'behaviour.income.price_lag',
  'behaviour.income.transitory_sd',
  'behaviour.registry.exclusion_error',
  'behaviour.registry.score_error',
  'behaviour.pkh.compliance',
] as const;
/**
 * Figures after the start month (the March 2022 ones describe the synthetic population, fitted when
 * it is built): mean consumption in September 2022 and the two registry programmes' reach at the end
 * of 2022. No poverty figure after March 2022 is fitted.
 */
export const DEFAULT_FIT = ['consumption_2022_09', 'pkh_families_2022', 'bpnt_families_2022'] as const;
/**
 * Not fitted, predicted: the programmes' reach a year on. (The urban–rural split of September 2022 is
 * no test: the population's area means are split with its ratio, docs/ODD.md §5.1.)
 */
export const DEFAULT_HOLDOUT = ['pkh_families_2023', 'bpnt_families_2023'] as const;

export interface CalibrationOptions {
  /** The parameter tree every point patches: `loadParameters()` at the edge (`parameters` names the paths fitted). */
  readonly params: Parameters;
  /** Paths of the parameters to fit: behaviour parameters or policy assumptions; default DEFAULT_PARAMETERS. */
  readonly parameters?: readonly string[];
  readonly fit?: readonly string[];
  readonly holdout?: readonly string[];
  /** Targets file (default data/targets/targets.csv). */
  readonly targetsFile?: string;
  readonly seed: Seed;
  /** The Susenas round every run starts from (default March 2022); fitted and held-out targets are from it on. */
  readonly start?: string;
  /** Posterior sample size (particles kept per ABC generation). Default 50. */
  readonly particles?: number;
  /** ABC generations, the first from the prior. Default 3. */
  readonly generations?: number;
  /** Share of generation 0's prior draws kept. Default 0.2. */
  readonly acceptFraction?: number;
  /** Replicates shared by every point of the Nelder–Mead search. Default 3. */
  readonly replicates?: number;
  /** Most evaluations of the Nelder–Mead search. Default 120. */
  readonly maxEvaluations?: number;
  readonly households?: number;
  readonly workers?: number;
  readonly onProgress?: (stage: string, progress: Progress) => void;
}

/** How the fitted model compares with one target. */
export interface TargetFit {
  readonly target: Target;
  readonly role: 'fit' | 'holdout' | 'check';
  /** At the point fit, mean over its replicates. */
  readonly pointFit: number;
  /** Over the posterior sample (weighted): 5th, 50th and 95th percentile. */
  readonly posterior: { readonly p05: number; readonly median: number; readonly p95: number };
  /** (point fit − observed) / sd. */
  readonly zScore: number;
}

export interface Calibration {
  readonly parameters: readonly ParameterRange[];
  readonly fit: readonly Target[];
  readonly holdout: readonly Target[];
  /** Every ABC generation; the last is the posterior. Each point's outputs are in `outputs` (by run). */
  readonly generations: readonly AbcPopulation[];
  readonly posterior: AbcPopulation;
  /** Outputs of the posterior's points: one value per target of `targets`, in that order. */
  readonly posteriorOutputs: readonly (readonly number[])[];
  readonly summary: readonly PosteriorSummary[];
  readonly pointFit: { readonly point: Readonly<Record<string, number>>; readonly distance: number; readonly evaluations: number; readonly converged: boolean };
  /** The point fit as a patch over the parameter tree. */
  readonly patch: ParameterPatch;
  readonly targets: readonly Target[];
  readonly table: readonly TargetFit[];
  readonly runs: number;
  readonly settings: { readonly seed: Seed; readonly start: string; readonly households: number; readonly particles: number; readonly generations: number; readonly acceptFraction: number; readonly replicates: number; readonly maxEvaluations: number };
}

export const DEFAULT_HOUSEHOLDS = 20_000;

/** The settings a calibration takes unless told otherwise (graduasi calibrate shows them in its help). */
export const CALIBRATION_DEFAULTS = { households: DEFAULT_HOUSEHOLDS, particles: 50, generations: 3, acceptFraction: 0.2, replicates: 3, maxEvaluations: 120 } as const;

export async function calibrate(options: CalibrationOptions): Promise<Calibration> {
  const { params } = options;
  const start = options.start ?? DEFAULT_ROUND;
  const record = loadTargets(options.targetsFile);
  const ranges = studyRanges(params, options.parameters ?? DEFAULT_PARAMETERS);
  const fit = pickTargets(record, options.fit ?? DEFAULT_FIT, 'fit');
  const holdout = pickTargets(record, options.holdout ?? DEFAULT_HOLDOUT, 'holdout');
  const overlap = holdout.filter((t) => fit.includes(t));
  refuse(overlap.map((t) => ({ path: 'holdout', expected: 'targets left out of the fit', got: `${t.id}, which is also fitted` })));
  refuse([...fit.map((t) => ['fit', t] as const), ...holdout.map((t) => ['holdout', t] as const)].filter(([, t]) => t.month < start).map(([path, t]) => ({ path, expected: `targets from the runs' start, ${start}, on`, got: `${t.id} (${t.month})` })));
  // Every figure the calibration may use from the start to the last fitted or held-out one is measured: fitted, held out or checked.
  const last = [...fit, ...holdout].map((t) => t.month).sort().at(-1) ?? start;
  const all = record.filter((t) => t.month >= start && t.month <= last);
  const settings = {
    seed: options.seed,
    start,
    households: options.households ?? CALIBRATION_DEFAULTS.households,
    particles: options.particles ?? CALIBRATION_DEFAULTS.particles,
    generations: options.generations ?? CALIBRATION_DEFAULTS.generations,
    acceptFraction: options.acceptFraction ?? CALIBRATION_DEFAULTS.acceptFraction,
    replicates: options.replicates ?? CALIBRATION_DEFAULTS.replicates,
    maxEvaluations: options.maxEvaluations ?? CALIBRATION_DEFAULTS.maxEvaluations,
  };
  const names = ranges.map((r) => r.name);
  const fitIndex = fit.map((t) => all.indexOf(t));
  const away = (outputs: readonly number[]) => distance(Object.fromEntries(fitIndex.map((k) => [all[k].id, outputs[k]])), fit.map((t) => ({ name: t.id, value: t.value, sd: t.sd })));

  // 1. ABC-SMC, each design's points run as their own replicates, on the workers.
  const outputsByRun = new Map<number, number[]>();
  const steps = abcSmcSteps(ranges, { particles: settings.particles, generations: settings.generations, seed: options.seed, acceptFraction: settings.acceptFraction, batch: settings.particles });
  let step = steps.next();
  let stage = 0;
  while (!step.done) {
    const design = step.value as AbcDesign; // cast: tslab compiles without strict, where `done` does not narrow
    const label = `ABC generation ${design.generation}${design.generation > 0 ? `, batch ${++stage}` : ''}`;
    const values = await evaluatePoints({
      parameters: params,
      points: design.points.map((p) => pointPatch(params, names, p)),
      measures: all,
      replicates: 1,
      freshRuns: design.firstRun,
      seed: options.seed,
      start,
      households: settings.households,
      workers: options.workers,
      onProgress: (p) => options.onProgress?.(label, p),
    });
    values.forEach((v, j) => outputsByRun.set(design.firstRun + j, v[0]));
    step = steps.next(values.map((v) => away(v[0])));
  }
  const generations = step.value as AbcPopulation[];
  const posterior = generations[generations.length - 1];
  const posteriorRuns = posteriorRunsOf(posterior, outputsByRun);
  const summary = posteriorSummary(posterior);

  // 2. Nelder–Mead from the posterior median, common random numbers over `replicates`.
  const run = createPointRunner({ parameters: params, measures: all, seed: options.seed, start, households: settings.households });
  const meanOutputs = (point: readonly number[]) => {
    const patch = pointPatch(params, names, point);
    const sums = new Array<number>(all.length).fill(0);
    for (let r = 0; r < settings.replicates; r++) run(patch, r).forEach((v, k) => (sums[k] += v / settings.replicates));
    return sums;
  };
  let evaluations = 0;
  const began = performance.now();
  const search = nelderMead(
    ranges,
    (point) => {
      evaluations++;
      options.onProgress?.('Nelder–Mead point fit', { done: evaluations, total: settings.maxEvaluations, elapsed: (performance.now() - began) / 1000 });
      return away(meanOutputs(point));
    },
    { start: Object.fromEntries(summary.map((s) => [s.parameter, s.median])), maxEvaluations: settings.maxEvaluations },
  );
  const best = names.map((n) => search.point[n]);
  const bestOutputs = meanOutputs(best);

  const table: TargetFit[] = all.map((target, k) => {
    const sample = posteriorRuns.map((o) => o[k]);
    return {
      target,
      role: fit.includes(target) ? 'fit' : holdout.includes(target) ? 'holdout' : 'check',
      pointFit: bestOutputs[k],
      posterior: { p05: weightedQuantile(sample, posterior.weights, 0.05), median: weightedQuantile(sample, posterior.weights, 0.5), p95: weightedQuantile(sample, posterior.weights, 0.95) },
      zScore: (bestOutputs[k] - target.value) / target.sd,
    };
  });
  return {
    parameters: ranges,
    fit,
    holdout,
    generations,
    posterior,
    posteriorOutputs: posteriorRuns,
    summary,
    pointFit: { point: search.point, distance: search.value, evaluations: search.evaluations, converged: search.converged },
    patch: pointPatch(params, names, best),
    targets: all,
    table,
    runs: posterior.runs + search.evaluations * settings.replicates + settings.replicates,
    settings,
  };
}

/** The outputs of each posterior point, found by matching its point among the runs of its generation. */
function posteriorRunsOf(posterior: AbcPopulation, outputsByRun: ReadonlyMap<number, number[]>): number[][] {
  return posterior.points.map((point, j) => {
    const found = outputsByRun.get(posterior.runIds[j]);
    if (!found) throw new Error(`calibrate: no outputs recorded for posterior point ${j} (${point.join(', ')})`);
    return found;
  });
}
