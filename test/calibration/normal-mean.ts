/**
 * A model whose posterior is known: n observations y_k ~ N(θ, σ²) with σ known, and a uniform prior
 * on [min, max]. Given the data mean ȳ the posterior of θ is N(ȳ, s²), s = σ/√n, truncated to
 * [min, max]. With α = (min − ȳ)/s, β = (max − ȳ)/s and Z = Φ(β) − Φ(α), its moments are
 *   mean = ȳ + s (φ(α) − φ(β)) / Z
 *   var  = s² [1 + (α φ(α) − β φ(β)) / Z − ((φ(α) − φ(β)) / Z)²]
 * (Johnson, Kotz & Balakrishnan 1994, Continuous Univariate Distributions 1, §10.1).
 *
 * The simulator draws n normal observations at θ (the project's STANDARD_NORMAL table, indexed by the
 * run number, so each run has its own draws) and returns |their mean − ȳ|. The mean is sufficient for
 * θ, so as the tolerance ε → 0 the ABC posterior tends to the exact one; at ε > 0 it is the exact one
 * blurred by a uniform on ±ε, whose variance ε²/3 is under 1 % of s² for the ε reached here.
 */
import type { Simulate } from '../../src/calibration/index';
import { exp } from '../../src/model/math';
import { normalCdf } from '../../src/model/math';
import { STANDARD_NORMAL } from '../../src/model/normal-table';
import { bits, runKey, stream } from '../../src/model/random';
import type { Seed } from '../../src/model/random';

/** Observations per data set. */
export const N = 25;

/** |mean of N draws from N(θ, sigma²) − ybar|, θ = point[index]; the draws of run r depend on (seed, r) only. */
export function normalMean(ybar: number, options: { readonly sigma?: number; readonly seed?: Seed; readonly index?: number } = {}): Simulate {
  const { sigma = 1, seed = 'normal-mean', index = 0 } = options;
  const s = stream(runKey(seed), `test.normal-mean.${index}`);
  return (point, run) => {
    let sum = 0;
    for (let k = 0; k < N; k++) sum += STANDARD_NORMAL[bits(s.k0, s.k1, run, k, 0) >>> 20];
    return Math.abs(point[index] + (sigma * sum) / N - ybar);
  };
}

/** Mean and sd of N(mu, s²) truncated to [min, max]. */
export function truncatedNormal(mu: number, s: number, min: number, max: number): { mean: number; sd: number } {
  const phi = (z: number) => exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
  const a = (min - mu) / s;
  const b = (max - mu) / s;
  const z = normalCdf(b) - normalCdf(a);
  const shift = (phi(a) - phi(b)) / z;
  return { mean: mu + s * shift, sd: s * Math.sqrt(1 + (a * phi(a) - b * phi(b)) / z - shift * shift) };
}
