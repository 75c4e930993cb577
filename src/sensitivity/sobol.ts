/**
 * Sobol indices by Saltelli's scheme: how much of an output's variance each parameter explains alone
 * (first order, S_i) and with all its interactions (total order, ST_i).
 *
 * Design (Saltelli 2002; Saltelli et al. 2010, Comput. Phys. Commun. 181: 259–270): two independent
 * N × k matrices A and B of uniform points, and for each parameter i the matrix AB_i, which is A with
 * column i taken from B — N(k + 2) model runs in all. The points are Monte Carlo draws from the
 * project's hash-based random streams (src/model/random.ts, stream "sensitivity.saltelli"): row j,
 * column i of A is `uniform(s, j, i, 0)`, of B `uniform(s, j, i, 1)`. Integer hashing only, so the
 * same seed gives the same points on any machine, and a design with more rows extends one with fewer
 * (its first rows of A and B are the same). Plain Monte Carlo rather than a Sobol sequence: it
 * converges more slowly (error ∝ 1/√N), but the rows are independent, which is what the bootstrap
 * below assumes, and any N is allowed.
 *
 * Estimators, with f_A, f_B, f_ABi the outputs at the rows of A, B, AB_i and V the variance of f_A
 * and f_B pooled (2N values):
 *   S_i  = mean(f_B · (f_ABi − f_A)) / V          (Saltelli et al. 2010, table 2 (b))
 *   ST_i = mean((f_A − f_ABi)²) / 2 / V            (Jansen 1999; Saltelli et al. 2010, table 2 (f))
 * The outputs are first centred on the mean of f_A and f_B. That leaves both estimators unchanged in
 * expectation (E[f_ABi − f_A] = 0) but stops S_i's error growing with the square of the output's
 * mean — which matters for model outputs such as a count of households (mean ≫ spread).
 *
 * Confidence intervals: bootstrap percentile intervals. Each resample draws N rows with replacement
 * (row j of A, B and every AB_i together) from stream "sensitivity.bootstrap", recomputes V, S_i and
 * ST_i, and the interval is the (1 ± confidence)/2 quantiles of the resampled estimates (Efron &
 * Tibshirani 1993, ch. 13; Archer, Saltelli & Sobol 1997).
 */
import { quantileSorted } from 'simple-statistics';
import { runKey, stream, uniform } from '../model/random';
import type { Seed } from '../model/random';
import type { ModelOutput, ParameterRange } from '../experiment/ranges';
import { checkCount, checkOutputs, checkRanges, checkSeed, toParameterUnits } from '../experiment/ranges';

/** The points at which to run the model for Sobol indices. Plain data: it can be sent to workers or saved as JSON. */
export interface SaltelliDesign {
  readonly method: 'saltelli';
  readonly parameters: readonly ParameterRange[];
  /** Rows of each of A and B (N). */
  readonly n: number;
  readonly seed: Seed;
  /**
   * The N(k + 2) points to run, in parameter units (point[i] is parameters[i]), in blocks of N rows:
   * A (points 0 … N − 1), B (N … 2N − 1), then AB_1, …, AB_k (AB_i is points (i + 1)N … (i + 2)N − 1).
   */
  readonly points: number[][];
}

/** A parameter's Sobol indices (shares of output variance, 0 to 1 up to sampling error) with their bootstrap interval. */
export interface SobolIndex {
  readonly parameter: string;
  /** First order S_i: the share of variance due to this parameter alone. */
  readonly first: number;
  readonly firstLow: number;
  readonly firstHigh: number;
  /** Total order ST_i: the share due to this parameter, alone or in interaction with others. */
  readonly total: number;
  readonly totalLow: number;
  readonly totalHigh: number;
}

export interface SobolOptions {
  /** Bootstrap resamples for the intervals; 0 skips them (Low and High are then NaN). Default 1000. */
  readonly bootstrap?: number;
  /** Seed of the resampling. Default: the design's seed (with a stream of its own). */
  readonly seed?: Seed;
  /** Coverage of the percentile intervals, in (0, 1). Default 0.95. */
  readonly confidence?: number;
}

/** Default bootstrap resamples. */
export const BOOTSTRAP = 1000;
/** Default coverage of the intervals. */
export const CONFIDENCE = 0.95;

/**
 * The Saltelli design: N(k + 2) points for `parameters` (k of them) from `n` base rows; throws on
 * n < 2, an empty parameter list, a duplicate name or a range with min ≥ max.
 */
export function saltelliDesign(parameters: readonly ParameterRange[], n: number, seed: Seed): SaltelliDesign {
  const where = 'saltelliDesign';
  checkRanges(parameters, where);
  checkCount(n, 'n', 2, 'rows of each base matrix A and B', where);
  checkSeed(seed, where);
  const k = parameters.length;
  const s = stream(runKey(seed), 'sensitivity.saltelli');
  const a: number[][] = [];
  const b: number[][] = [];
  for (let j = 0; j < n; j++) {
    const rowA: number[] = [];
    const rowB: number[] = [];
    for (let i = 0; i < k; i++) {
      rowA.push(uniform(s, j, i, 0));
      rowB.push(uniform(s, j, i, 1));
    }
    a.push(rowA);
    b.push(rowB);
  }
  const points = [...a, ...b].map((u) => toParameterUnits(parameters, u));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) points.push(toParameterUnits(parameters, a[j].map((u, c) => (c === i ? b[j][i] : u))));
  }
  return { method: 'saltelli', parameters: parameters.map(({ name, min, max }) => ({ name, min, max })), n, seed, points };
}

/**
 * First- and total-order Sobol indices of one output, with bootstrap percentile intervals.
 * `outputs[j]` is the model's output at `design.points[j]`. Throws if the count differs from the
 * design's, if an output is not finite, or if the outputs do not vary (the indices are then undefined).
 */
export function sobolIndices(design: SaltelliDesign, outputs: ArrayLike<number>, options: SobolOptions = {}): SobolIndex[] {
  const where = 'sobolIndices';
  const { n, parameters } = design;
  const k = parameters.length;
  const { bootstrap = BOOTSTRAP, seed = design.seed, confidence = CONFIDENCE } = options;
  checkOutputs(outputs, n * (k + 2), `N(k + 2) = ${n} × ${k + 2}`, where);
  checkCount(bootstrap, 'bootstrap', 0, 'resamples; 0 for no intervals', where);
  checkSeed(seed, where);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`${where}: "confidence": expected a coverage in (0, 1), e.g. 0.95, got ${String(confidence)}`);

  let centre = 0;
  let varies = false;
  for (let j = 0; j < 2 * n; j++) {
    centre += outputs[j];
    varies ||= outputs[j] !== outputs[0];
  }
  if (!varies) {
    throw new Error(`${where}: "outputs": expected outputs that vary over the design, but every output at A and B is ${outputs[0]}; the indices are undefined (is the output connected to the parameters?)`);
  }
  centre /= 2 * n;
  const y = Float64Array.from({ length: n * (k + 2) }, (_, j) => outputs[j] - centre);
  const all = Array.from({ length: n }, (_, j) => j);
  const point = estimate(y, n, k, all);

  const first = parameters.map(() => [] as number[]);
  const total = parameters.map(() => [] as number[]);
  const s = stream(runKey(seed), 'sensitivity.bootstrap');
  const rows = new Array<number>(n);
  for (let r = 0; r < bootstrap; r++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(uniform(s, j, r) * n);
    const e = estimate(y, n, k, rows);
    if (!(e.variance > 0)) continue; // a resample of identical rows says nothing about spread
    for (let i = 0; i < k; i++) {
      first[i].push(e.first[i]);
      total[i].push(e.total[i]);
    }
  }
  const tail = (1 - confidence) / 2;
  const interval = (values: number[]): [number, number] => {
    if (values.length === 0) return [NaN, NaN];
    const sorted = values.sort((p, q) => p - q);
    return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
  };
  return parameters.map((p, i) => {
    const [firstLow, firstHigh] = interval(first[i]);
    const [totalLow, totalHigh] = interval(total[i]);
    return { parameter: p.name, first: point.first[i], firstLow, firstHigh, total: point.total[i], totalLow, totalHigh };
  });
}

/**
 * Sobol indices of `model` over `parameters` in one call: the design of `n` base rows, N(k + 2) runs
 * in this thread, then the indices. For cheap functions and tests; for the agent-based model make the
 * design with `saltelliDesign`, run its points elsewhere and pass the outputs to `sobolIndices`.
 */
export function sobolAnalysis(parameters: readonly ParameterRange[], model: ModelOutput, options: SobolOptions & { readonly n: number; readonly seed: Seed }): SobolIndex[] {
  const design = saltelliDesign(parameters, options.n, options.seed);
  return sobolIndices(design, design.points.map(model), options);
}

/** V, S_i and ST_i from the centred outputs `y` over the given rows (indices into 0 … N − 1, repeats allowed). */
function estimate(y: Float64Array, n: number, k: number, rows: readonly number[]): { variance: number; first: number[]; total: number[] } {
  let sum = 0;
  let squares = 0;
  for (const j of rows) {
    sum += y[j] + y[n + j];
    squares += y[j] * y[j] + y[n + j] * y[n + j];
  }
  const m = rows.length;
  const variance = squares / (2 * m) - (sum / (2 * m)) ** 2;
  const first: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < k; i++) {
    const offset = (i + 2) * n;
    let f = 0;
    let t = 0;
    for (const j of rows) {
      const change = y[offset + j] - y[j];
      f += y[n + j] * change;
      t += change * change;
    }
    first.push(f / m / variance);
    total.push(t / m / 2 / variance);
  }
  return { variance, first, total };
}
