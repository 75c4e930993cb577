/**
 * Rejection ABC: approximate Bayesian computation for a model whose likelihood cannot be written down
 * but which can be simulated (Pritchard et al. 1999, Mol. Biol. Evol. 16: 1791–1798; Beaumont, Zhang &
 * Balding 2002, Genetics 162: 2025–2035; for agent-based models, van der Vaart et al. 2015, Ecol.
 * Model. 312: 182–190).
 *
 * Draw parameter points from the prior, run the model at each, and keep the points whose outputs come
 * closest to the targets (`distance`, ./distance.ts): the kept points are a sample from the posterior
 * conditioned on "the distance is at most ε", which tends to the true posterior as ε → 0. The prior is
 * uniform over each parameter's range, independently (the ranges of src/experiment/ranges.ts), so
 * every kept point weighs the same.
 *
 * Design apart from evaluation, as in src/sensitivity: `abcRejectionDesign` gives the points (plain
 * data, from the stream "calibration.abc" of src/model/random.ts: point j, parameter i is
 * `uniform(s, j, i)`), the model runs elsewhere, in batches or on workers, and `abcAccept` keeps the
 * closest. `abcRejection` does all three in this thread. Point j is model run j: pass it to the model
 * as its replicate so that every run draws fresh, reproducible randomness.
 */
import { runKey, stream, uniform } from '../model/random';
import type { Seed } from '../model/random';
import type { ParameterRange } from '../experiment/ranges';
import { checkCount, checkOutputs, checkRanges, checkSeed, toParameterUnits } from '../experiment/ranges';

/**
 * A model run's distance from the targets at a point in parameter units (point[i] is parameters[i]).
 * `run` numbers the runs of a calibration from 0 and never repeats: use it as the run's replicate
 * (runKey(seed, run)), so that each run has its own draws and the calibration can be reproduced.
 */
export type Simulate = (point: number[], run: number) => number;

/** The points at which to run the model for one round of ABC. Plain data: it can be sent to workers or saved as JSON. */
export interface AbcDesign {
  /** "abc-rejection": drawn from the prior; "abc-smc": perturbed from the previous generation (./abc-smc.ts). */
  readonly method: 'abc-rejection' | 'abc-smc';
  readonly parameters: readonly ParameterRange[];
  /** 0 for draws from the prior; g for the g-th population of ABC-SMC. */
  readonly generation: number;
  readonly seed: Seed;
  /** The run number of points[0]: points[j] is model run firstRun + j. */
  readonly firstRun: number;
  /** The points to run, in parameter units. */
  readonly points: number[][];
  /** ABC-SMC only: the standard deviation of the Gaussian perturbation, per parameter, in parameter units. */
  readonly kernel?: readonly number[];
  /** ABC-SMC only: the generation's tolerance ε, fixed before its runs; points within it are kept. */
  readonly tolerance?: number;
  /** ABC-SMC only: the number of points[0] among the generation's proposals (batches of one generation continue the numbering). */
  readonly firstProposal?: number;
}

/** A weighted sample of points: an ABC posterior, or one generation of ABC-SMC. */
export interface AbcPopulation {
  readonly parameters: readonly ParameterRange[];
  readonly generation: number;
  /** The calibration's seed: generation 0's draws and every later generation's proposals derive from it. */
  readonly seed: Seed;
  /** ε: a point is kept when its distance is at most this. */
  readonly tolerance: number;
  /** The kept points, in parameter units, closest first. */
  readonly points: number[][];
  /** Their distances. */
  readonly distances: number[];
  /** Their importance weights, summing to 1 (all equal in rejection ABC). */
  readonly weights: number[];
  /** Kish's effective sample size (Σw)² / Σw²: the number of equally weighted points worth as much. */
  readonly effectiveSize: number;
  /** Model runs spent so far, this generation included. */
  readonly runs: number;
  /** The model run of each kept point (its design's firstRun + its position there). */
  readonly runIds: number[];
}

/** How to choose the kept points: the closest share of them, or all within a tolerance. Give exactly one. */
export type AbcAcceptOptions = { readonly acceptFraction: number; readonly tolerance?: undefined } | { readonly tolerance: number; readonly acceptFraction?: undefined };

/**
 * `draws` points drawn uniformly from the box `parameters` (the prior). Throws on bad ranges, fewer
 * than 2 draws or a bad seed. The same seed gives the same points on any machine, and a design with
 * more draws extends one with fewer.
 */
export function abcRejectionDesign(parameters: readonly ParameterRange[], draws: number, seed: Seed): AbcDesign {
  const where = 'abcRejectionDesign';
  checkRanges(parameters, where);
  checkCount(draws, 'draws', 2, 'points drawn from the prior', where);
  checkSeed(seed, where);
  const s = stream(runKey(seed), 'calibration.abc');
  const points: number[][] = [];
  for (let j = 0; j < draws; j++) points.push(toParameterUnits(parameters, parameters.map((_, i) => uniform(s, j, i))));
  return { method: 'abc-rejection', parameters: copy(parameters), generation: 0, seed, firstRun: 0, points };
}

/**
 * Rejection ABC's posterior: the points of `design` whose distance (`distances[j]` for
 * `design.points[j]`) is smallest — the round(acceptFraction × draws) closest, or all within
 * `tolerance` — equally weighted. Ties are broken by position. Throws if the distances do not match
 * the design or are negative or not finite, if the options do not give exactly one of acceptFraction
 * in (0, 1] and tolerance ≥ 0, or if fewer than 2 points would be kept.
 */
export function abcAccept(design: AbcDesign, distances: ArrayLike<number>, options: AbcAcceptOptions): AbcPopulation {
  const where = 'abcAccept';
  if (design?.method !== 'abc-rejection') throw new Error(`${where}: "design": expected a design from abcRejectionDesign (for ABC-SMC use abcSmcAccept), got ${design?.method ?? String(design)}`);
  const { order, tolerance } = keep(design, distances, options, where);
  const weights = order.map(() => 1 / order.length);
  return population(design, order, distances, weights, tolerance);
}

/**
 * Rejection ABC in one call: `draws` points from the prior, `simulate` at each in this thread (run j
 * at point j), and the closest kept. For cheap models and tests; for the agent-based model make the
 * design with `abcRejectionDesign`, run its points elsewhere and pass the distances to `abcAccept`.
 */
export function abcRejection(parameters: readonly ParameterRange[], simulate: Simulate, options: AbcAcceptOptions & { readonly draws: number; readonly seed: Seed }): AbcPopulation {
  const design = abcRejectionDesign(parameters, options.draws, options.seed);
  return abcAccept(design, design.points.map((point, j) => simulate(point, j)), options);
}

/** Throws unless `distances` holds one finite distance ≥ 0 per point of `design`. */
export function checkDistances(design: AbcDesign, distances: ArrayLike<number>, where: string): void {
  const n = design.points.length;
  checkOutputs(distances, n, `one per point of generation ${design.generation}`, where, 'distances');
  for (let j = 0; j < n; j++) if (distances[j] < 0) throw new Error(`${where}: "distances": expected distances ≥ 0, got ${distances[j]} at position ${j} (the distance of points[${j}])`);
}

/** The positions of the kept points of a design, closest first, and the tolerance they meet. */
function keep(design: AbcDesign, distances: ArrayLike<number>, options: AbcAcceptOptions, where: string): { order: number[]; tolerance: number } {
  const n = design.points.length;
  checkDistances(design, distances, where);
  const { acceptFraction, tolerance } = options ?? ({} as AbcAcceptOptions);
  if ((acceptFraction === undefined) === (tolerance === undefined)) {
    throw new Error(`${where}: "options": expected exactly one of "acceptFraction" (the share of points to keep) and "tolerance" (the largest distance to keep), got ${acceptFraction === undefined ? 'neither' : 'both'}`);
  }
  const sorted = Array.from({ length: n }, (_, j) => j).sort((a, b) => distances[a] - distances[b] || a - b);
  if (acceptFraction !== undefined) {
    if (!(acceptFraction > 0 && acceptFraction <= 1)) throw new Error(`${where}: "acceptFraction": expected a share in (0, 1], e.g. 0.01, got ${String(acceptFraction)}`);
    const count = Math.round(acceptFraction * n);
    if (count < 2) throw new Error(`${where}: "acceptFraction": ${acceptFraction} of ${n} points keeps ${count}; expected at least 2 (take more points or a larger share)`);
    const order = sorted.slice(0, count);
    return { order, tolerance: distances[order[count - 1]] };
  }
  if (!(tolerance! >= 0 && tolerance! < Infinity)) throw new Error(`${where}: "tolerance": expected a finite distance ≥ 0, got ${String(tolerance)}`);
  const order = sorted.filter((j) => distances[j] <= tolerance!);
  if (order.length < 2) {
    throw new Error(`${where}: "tolerance": ${tolerance} keeps ${order.length} of ${n} points; expected at least 2 (the two smallest distances are ${distances[sorted[0]]} and ${distances[sorted[1]]})`);
  }
  return { order, tolerance: tolerance! };
}

/** The population of the kept points (positions `order` in the design) with weights (any positive scale; normalised here). */
export function population(design: AbcDesign, order: readonly number[], distances: ArrayLike<number>, weights: readonly number[], tolerance: number): AbcPopulation {
  let sum = 0;
  for (const w of weights) sum += w;
  const normalised = weights.map((w) => w / sum);
  let squares = 0;
  for (const w of normalised) squares += w * w;
  return {
    parameters: design.parameters,
    generation: design.generation,
    seed: design.seed,
    tolerance,
    points: order.map((j) => design.points[j].slice()),
    distances: order.map((j) => distances[j]),
    weights: normalised,
    effectiveSize: 1 / squares,
    runs: design.firstRun + design.points.length,
    runIds: order.map((j) => design.firstRun + j),
  };
}

/** A plain copy of the ranges (a design is plain data). */
export function copy(parameters: readonly ParameterRange[]): ParameterRange[] {
  return parameters.map(({ name, min, max }) => ({ name, min, max }));
}
