/**
 * What a weighted posterior sample says about each parameter: its weighted mean and standard
 * deviation, median and a central credible interval (by default 5 % to 95 %).
 *
 * Weighted quantiles: sort the values, give the value with weight w_j (normalised) the position
 * (its cumulative weight − w_j / 2), and interpolate linearly between positions; below the first
 * position the quantile is the smallest value, above the last the largest. With equal weights this is
 * Hazen's definition (type 5 of Hyndman & Fan 1996, Am. Stat. 50: 361–365).
 */
import type { AbcPopulation } from './abc';

/** A parameter's posterior, in its unit. */
export interface PosteriorSummary {
  readonly parameter: string;
  readonly mean: number;
  /** Weighted standard deviation (divisor Σw, no small-sample correction). */
  readonly sd: number;
  /** The (1 − coverage)/2 quantile: 5 % by default. */
  readonly low: number;
  readonly median: number;
  /** The (1 + coverage)/2 quantile: 95 % by default. */
  readonly high: number;
}

/** Default coverage of the central credible interval. */
export const COVERAGE = 0.9;

/**
 * The weighted mean, sd, median and central `coverage` interval (default 0.9: 5 % to 95 %) of each
 * parameter of `population`. Throws on a coverage outside (0, 1).
 */
export function posteriorSummary(population: AbcPopulation, options: { readonly coverage?: number } = {}): PosteriorSummary[] {
  const where = 'posteriorSummary';
  const { coverage = COVERAGE } = options;
  if (!(coverage > 0 && coverage < 1)) throw new Error(`${where}: "coverage": expected a share in (0, 1), e.g. 0.9, got ${String(coverage)}`);
  if (!Array.isArray(population?.points) || population.weights?.length !== population.points.length) {
    throw new Error(`${where}: "population": expected a population from abcAccept or abcSmcAccept (points with one weight each), got ${String(population)}`);
  }
  const { parameters, points, weights } = population;
  return parameters.map((p, i) => {
    const values = points.map((point) => point[i]);
    const { mean, variance } = weightedMoments(values, weights);
    return {
      parameter: p.name,
      mean,
      sd: Math.sqrt(variance),
      low: weightedQuantile(values, weights, (1 - coverage) / 2),
      median: weightedQuantile(values, weights, 0.5),
      high: weightedQuantile(values, weights, (1 + coverage) / 2),
    };
  });
}

/** Weighted mean Σwx/Σw and variance Σw(x − mean)²/Σw of `values` (weights ≥ 0, not all 0). */
export function weightedMoments(values: readonly number[], weights: readonly number[]): { mean: number; variance: number } {
  let total = 0;
  let sum = 0;
  for (let j = 0; j < values.length; j++) {
    total += weights[j];
    sum += weights[j] * values[j];
  }
  const mean = sum / total;
  let squares = 0;
  for (let j = 0; j < values.length; j++) squares += weights[j] * (values[j] - mean) ** 2;
  return { mean, variance: squares / total };
}

/** The weighted `q` quantile of `values` (see the module comment). */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const order = values.map((_, j) => j).sort((a, b) => values[a] - values[b] || a - b);
  let total = 0;
  for (const w of weights) total += w;
  let cumulative = 0;
  let previous = -Infinity;
  let previousValue = values[order[0]];
  for (const j of order) {
    const position = (cumulative + weights[j] / 2) / total;
    cumulative += weights[j];
    if (q <= position) {
      if (previous === -Infinity) return values[j];
      return previousValue + ((q - previous) / (position - previous)) * (values[j] - previousValue);
    }
    previous = position;
    previousValue = values[j];
  }
  return previousValue;
}
