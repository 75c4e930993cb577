/**
 * ABC-SMC: approximate Bayesian computation by population Monte Carlo, with tolerances that shrink
 * from one generation to the next (Beaumont, Cornuet, Marin & Robert 2009, Biometrika 96: 983–990;
 * Toni et al. 2009, J. R. Soc. Interface 6: 187–202). Rejection ABC (./abc.ts) wastes most runs on
 * points the data rule out; ABC-SMC spends later runs near the points that came close before.
 *
 * Generation 0 is rejection ABC (`abcRejectionDesign`, `abcAccept`). Generation g fixes its tolerance
 * ε_g < ε_{g−1} first, then proposes points: each picks a particle θ_j of generation g − 1 with
 * probability w_j and adds Gaussian noise with, per parameter, twice the weighted variance of
 * generation g − 1 (Beaumont et al. 2009: the kernel variance that minimises the Kullback–Leibler
 * divergence to the previous population; diagonal, as in their paper). A proposal outside the box is
 * redrawn, particle and noise both (their step 2), so the proposal density stays proportional to
 * Σ_j w_j K(θ − θ_j) inside the box. The model runs at each proposal; those within ε_g are kept, with
 * importance weights
 *   w_i ∝ π(θ_i) / Σ_j w_j K(θ_i − θ_j),
 * π being the uniform prior over the ranges (a constant inside the box). Proposals continue, batch
 * after batch, until enough are kept.
 *
 * Tolerance schedule: ε_g is the weighted `quantile` (default the median) of generation g − 1's
 * distances, so every generation keeps about that share of the previous one's closeness (Drovandi &
 * Pettitt 2011, Biometrics 67: 225–233; the default of pyABC, Klinger et al. 2018). The schedule
 * adapts to the model; as ε_g falls, the share of proposals kept falls too, and each generation costs
 * more runs — `maxRuns` and `finalTolerance` bound that.
 *
 * Design apart from evaluation: `abcSmcDesign(previous, { tolerance, count, from })` gives proposals
 * `from` … `from + count − 1` of the next generation (plain data). Proposals are addressable —
 * proposal p of generation g depends only on (seed, g, p) — so batches can be run as they come and a
 * design of the first n proposals is the batches one after another. `abcSmcAccept(previous, design,
 * distances)` then keeps and weighs them. Draws come from the stream "calibration.abc-smc" of the run
 * key (seed, g): proposal p, attempt a uses draw 0 to pick the particle and draw 1 + i for parameter
 * i's noise, a standard normal by the exact quantile function (src/model/math.ts), since the weights
 * assume a Gaussian density.
 */
import { exp, log, normalQuantile } from '../model/math';
import { UNIT, bits, runKey, stream } from '../model/random';
import type { Seed, Stream } from '../model/random';
import type { ParameterRange } from '../experiment/ranges';
import { checkCount, toParameterUnits } from '../experiment/ranges';
import type { AbcDesign, AbcPopulation, Simulate } from './abc';
import { abcAccept, abcRejectionDesign, checkDistances, copy, population } from './abc';
import { weightedMoments, weightedQuantile } from './posterior';

/** Default share of generation 0's draws from the prior kept. */
export const ACCEPT_FRACTION = 0.5;
/** Default quantile of the previous generation's distances that sets the next tolerance. */
export const QUANTILE = 0.5;

/** Attempts at a proposal inside the box before giving up (each redraws particle and noise). */
const ATTEMPTS = 10_000;

/**
 * Proposals `from` … `from + count − 1` (default from 0) of the generation after `previous`, which
 * will keep the points within `tolerance`: each a particle of `previous` (drawn by weight) plus
 * Gaussian noise with twice its weighted variance per parameter, redrawn until inside the ranges.
 * Throws on a bad count or start, a tolerance that is not below `previous.tolerance` (nor ≥ 0), a
 * parameter with no spread in `previous` (the kernel would not move), or if a point inside the box
 * cannot be found.
 */
export function abcSmcDesign(previous: AbcPopulation, options: { readonly tolerance: number; readonly count: number; readonly from?: number }): AbcDesign {
  const where = 'abcSmcDesign';
  checkPopulation(previous, where);
  const { tolerance, count, from = 0 } = options ?? ({} as typeof options);
  checkCount(count, 'count', 1, 'proposals in this batch', where);
  checkCount(from, 'from', 0, "the number of the batch's first proposal in its generation", where);
  if (!(tolerance >= 0 && tolerance < previous.tolerance)) {
    throw new Error(`${where}: "tolerance": expected a distance ≥ 0 and below the previous generation's ${previous.tolerance}, got ${String(tolerance)}`);
  }
  const { parameters, seed } = previous;
  const generation = previous.generation + 1;
  const unit = previous.points.map((point) => toUnit(parameters, point));
  const sd = parameters.map((p, i) => {
    const { variance } = weightedMoments(unit.map((u) => u[i]), previous.weights);
    if (!(variance > 0)) throw new Error(`${where}: "previous": every particle has the same "${p.name}" (${previous.points[0][i]}); expected some spread to perturb`);
    return Math.sqrt(2 * variance);
  });
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of previous.weights) cumulative.push((sum += w));

  const s = stream(runKey(seed, generation), 'calibration.abc-smc');
  const points: number[][] = [];
  for (let p = from; p < from + count; p++) {
    let found: number[] | undefined;
    for (let attempt = 0; attempt < ATTEMPTS && !found; attempt++) {
      const particle = unit[pick(cumulative, uniformOpen(s, p, attempt, 0) * sum)];
      const u = particle.map((v, i) => v + sd[i] * normalQuantile(uniformOpen(s, p, attempt, 1 + i)));
      if (u.every((v) => v >= 0 && v <= 1)) found = u;
    }
    if (!found) {
      throw new Error(`${where}: no proposal inside the ranges in ${ATTEMPTS} attempts (proposal ${p}); the kernel (sd ${sd.map((v) => v.toPrecision(3)).join(', ')} of each range) is far wider than the box`);
    }
    points.push(toParameterUnits(parameters, found));
  }
  const kernel = parameters.map((p, i) => sd[i] * (p.max - p.min));
  return { method: 'abc-smc', parameters: copy(parameters), generation, seed, firstRun: previous.runs + from, points, kernel, tolerance, firstProposal: from };
}

/**
 * The generation after `previous`: the points of `design` — every proposal of the generation, from
 * proposal 0, as made by `abcSmcDesign(previous, …)` — whose distance is within the design's
 * tolerance, with importance weights 1 / Σ_j w_j K(θ_i − θ_j) over the particles of `previous`.
 * Throws if `design` was not made from `previous` or does not start at proposal 0, if the distances
 * do not match its points or are negative or not finite, or if fewer than 2 points are within the
 * tolerance (run more proposals).
 */
export function abcSmcAccept(previous: AbcPopulation, design: AbcDesign, distances: ArrayLike<number>): AbcPopulation {
  const where = 'abcSmcAccept';
  checkPopulation(previous, where);
  const { parameters } = previous;
  if (design?.method !== 'abc-smc' || design.generation !== previous.generation + 1 || !sameRanges(design.parameters, parameters) || !design.kernel || design.tolerance === undefined) {
    throw new Error(`${where}: "design": expected a design abcSmcDesign made from "previous" (generation ${previous.generation + 1} over ${parameters.map((p) => p.name).join(', ')}), got ${design?.method ?? String(design)} generation ${String(design?.generation)}`);
  }
  if (design.firstProposal !== 0) throw new Error(`${where}: "design": expected every proposal of the generation, from proposal 0 (make one design with from 0 and the total count), got a design from proposal ${String(design.firstProposal)}`);
  const n = design.points.length;
  checkDistances(design, distances, where);
  const order: number[] = [];
  for (let j = 0; j < n; j++) if (distances[j] <= design.tolerance) order.push(j);
  if (order.length < 2) throw new Error(`${where}: ${order.length} of ${n} proposals are within the tolerance ${design.tolerance}; expected at least 2 (run more proposals)`);
  order.sort((a, b) => distances[a] - distances[b] || a - b);

  const sd = parameters.map((p, i) => design.kernel![i] / (p.max - p.min));
  const particles = previous.points.map((point) => toUnit(parameters, point));
  const logPrevious = previous.weights.map(log);
  const logWeights = order.map((j) => {
    const u = toUnit(parameters, design.points[j]);
    // −log Σ_m w_m Π_i exp(−z_i²/2), summed from its largest term (the Gaussian constants cancel on normalising)
    const terms = particles.map((v, m) => {
      let q = 0;
      for (let i = 0; i < u.length; i++) q += ((u[i] - v[i]) / sd[i]) ** 2;
      return logPrevious[m] - q / 2;
    });
    let largest = -Infinity;
    for (const t of terms) if (t > largest) largest = t;
    let sum = 0;
    for (const t of terms) sum += exp(t - largest);
    return -(largest + log(sum));
  });
  let top = -Infinity;
  for (const l of logWeights) if (l > top) top = l;
  return population(design, order, distances, logWeights.map((l) => exp(l - top)), design.tolerance);
}

/** Options of `abcSmc`. */
export interface AbcSmcOptions {
  /** Points kept per generation, at least (a generation's last batch may add a few more). */
  readonly particles: number;
  /** Most generations, the first from the prior. */
  readonly generations: number;
  readonly seed: Seed;
  /** Share of generation 0's draws from the prior kept: it draws particles / acceptFraction. Default 0.5. */
  readonly acceptFraction?: number;
  /** ε_g is this weighted quantile of generation g − 1's distances, in (0, 1). Default 0.5. */
  readonly quantile?: number;
  /** Proposals run at a time within a generation. Default `particles`. */
  readonly batch?: number;
  /** Stop once a generation's tolerance is at most this. Default 0 (never). */
  readonly finalTolerance?: number;
  /** Most model runs in all; a generation that would need more is not started or, if started, dropped. Default Infinity. */
  readonly maxRuns?: number;
}

/**
 * ABC-SMC in one call: generation 0 from the prior, then up to `generations` − 1 more, each running
 * `simulate` in this thread on batches of `batch` proposals until at least `particles` are within its
 * tolerance. Returns every completed generation; the last is the posterior. For cheap models and
 * tests; for the agent-based model use `abcRejectionDesign` / `abcAccept`, then `abcSmcDesign` /
 * `abcSmcAccept`, running each design's points elsewhere (point j is run firstRun + j).
 */
export function abcSmc(parameters: readonly ParameterRange[], simulate: Simulate, options: AbcSmcOptions): AbcPopulation[] {
  const steps = abcSmcSteps(parameters, options);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value as AbcPopulation[]; // cast: tslab compiles without strict, where `done` does not narrow
    const design = step.value as AbcDesign;
    step = steps.next(design.points.map((point, j) => simulate(point, design.firstRun + j)));
  }
}

/**
 * ABC-SMC as a sequence of designs: yields each design to run (generation 0 from the prior, then
 * batches of proposals) and takes back its distances, one per point, through `next(distances)`;
 * returns every completed generation. `abcSmc` drives it in this thread; a caller that runs designs on
 * workers (src/calibration/model.ts) drives it asynchronously, with the same result.
 */
export function* abcSmcSteps(parameters: readonly ParameterRange[], options: AbcSmcOptions): Generator<AbcDesign, AbcPopulation[], number[]> {
  const where = 'abcSmc';
  const { particles, generations, seed, acceptFraction = ACCEPT_FRACTION, quantile = QUANTILE, batch = particles, finalTolerance = 0, maxRuns = Infinity } = options;
  checkCount(particles, 'particles', 2, 'points kept per generation', where);
  checkCount(generations, 'generations', 1, 'populations, the first from the prior', where);
  checkCount(batch, 'batch', 1, 'proposals run at a time', where);
  if (!(acceptFraction > 0 && acceptFraction <= 1)) throw new Error(`${where}: "acceptFraction": expected a share in (0, 1], e.g. 0.5, got ${String(acceptFraction)}`);
  if (!(quantile > 0 && quantile < 1)) throw new Error(`${where}: "quantile": expected a share in (0, 1), e.g. 0.5, got ${String(quantile)}`);
  if (!(maxRuns > 0)) throw new Error(`${where}: "maxRuns": expected a number of runs > 0, got ${String(maxRuns)}`);

  const draws = Math.ceil(particles / acceptFraction);
  if (draws > maxRuns) throw new Error(`${where}: "maxRuns": ${maxRuns} runs do not cover generation 0 (particles / acceptFraction = ${draws} draws from the prior)`);
  const first = abcRejectionDesign(parameters, draws, seed);
  const populations = [abcAccept(first, yield first, { acceptFraction: particles / draws })];
  for (let g = 1; g < generations; g++) {
    const previous = populations[g - 1];
    if (previous.tolerance <= finalTolerance) break;
    const tolerance = weightedQuantile(previous.distances, previous.weights, quantile);
    if (!(tolerance < previous.tolerance)) break; // the distances cannot shrink further (e.g. all equal)
    const distances: number[] = [];
    let kept = 0;
    while (kept < particles && previous.runs + distances.length + batch <= maxRuns) {
      for (const d of yield abcSmcDesign(previous, { tolerance, count: batch, from: distances.length })) {
        distances.push(d);
        if (d <= tolerance) kept++;
      }
    }
    if (kept < particles) break; // out of runs
    populations.push(abcSmcAccept(previous, abcSmcDesign(previous, { tolerance, count: distances.length }), distances));
  }
  return populations;
}

/** The index of the first cumulative weight above `target` (binary search). */
function pick(cumulative: readonly number[], target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cumulative[mid] > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** A uniform draw in (0, 1): the middle of one of 2^32 cells, so that its normal quantile is finite. */
function uniformOpen(s: Stream, proposal: number, attempt: number, draw: number): number {
  return ((bits(s.k0, s.k1, proposal, attempt, draw) >>> 0) + 0.5) * UNIT;
}

/** A point in parameter units as shares of each range. */
function toUnit(parameters: readonly ParameterRange[], point: readonly number[]): number[] {
  return parameters.map((p, i) => (point[i] - p.min) / (p.max - p.min));
}

function sameRanges(a: readonly ParameterRange[] | undefined, b: readonly ParameterRange[]): boolean {
  return a?.length === b.length && a.every((p, i) => p.name === b[i].name && p.min === b[i].min && p.max === b[i].max);
}

/** Throws unless `previous` looks like a population made here (points and weights of equal length ≥ 2, at most 255 parameters). */
function checkPopulation(previous: AbcPopulation, where: string): void {
  const n = previous?.points?.length;
  if (!(n >= 2) || previous.weights?.length !== n || !Array.isArray(previous.parameters)) {
    throw new Error(`${where}: "previous": expected a population from abcAccept or abcSmcAccept (at least 2 points, one weight each), got ${n === undefined ? String(previous) : `${n} points and ${previous.weights?.length} weights`}`);
  }
  if (previous.parameters.length > 255) throw new Error(`${where}: "previous": expected at most 255 parameters (one random draw each per attempt), got ${previous.parameters.length}`);
}
