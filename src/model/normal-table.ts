/**
 * A standard normal draw from 12 random bits: STANDARD_NORMAL[k] is the normal quantile at the middle
 * of the k-th of 4096 equal-probability slices, so indexing it with 12 uniform bits gives a draw from
 * a 4096-point discretisation of N(0, 1) (its tails stop at ±3.7). Built once with the deterministic
 * quantile function; cheaper on the hot path than computing a quantile per draw.
 */
import { normalQuantile } from './math';

export const STANDARD_NORMAL: Float64Array = (() => {
  const n = 4096;
  const table = new Float64Array(n);
  for (let k = 0; k < n; k++) table[k] = normalQuantile((k + 0.5) / n);
  // Centre and scale the table so its mean is exactly 0 and its variance exactly 1.
  let mean = 0;
  for (let k = 0; k < n; k++) mean += table[k];
  mean /= n;
  let variance = 0;
  for (let k = 0; k < n; k++) variance += (table[k] - mean) * (table[k] - mean);
  const scale = 1 / Math.sqrt(variance / n);
  for (let k = 0; k < n; k++) table[k] = (table[k] - mean) * scale;
  return table;
})();
