/**
 * The welfare distribution: a weighted histogram of household consumption per person.
 *
 * The registry is meant to hold the bottom 40 % of households, so assessing a household needs its
 * rank in the current distribution. Ranking tens of millions of households every month would need a
 * sort; instead the consumption process fills this histogram as it goes and the rank of any household
 * is read from its bin. Bins are the top bits of the Float32 value itself (8 exponent bits and 7
 * mantissa bits, so bins are ~0.5 % wide on a log scale): exact, with no logarithm on the hot path.
 */

/** Bits of a Float32 dropped to form a bin: 23 − 7 mantissa bits kept. */
const SHIFT = 16;
/** Bins cover every positive Float32 below 2^32 (Rp 4.3 billion per person per month). */
const FIRST = 0x3f80_0000 >>> SHIFT; // 1.0
const LAST = 0x4f80_0000 >>> SHIFT; // 2^32
export const LOG_BINS = LAST - FIRST;

/**
 * The log-scale bin (~0.5 % wide) of a positive Float32 value, given its raw bits. Values below 1 fall
 * in bin 0. Used for consumption (the welfare distribution) and for registry scores (programme ranking).
 */
export function logBin(float32Bits: number): number {
  const b = (float32Bits >>> SHIFT) - FIRST;
  return b < 0 ? 0 : b >= LOG_BINS ? LOG_BINS - 1 : b;
}

/** A weighted histogram of consumption per person over households, and its cumulative shares. */
export interface WelfareDistribution {
  /** Weighted households per bin. */
  readonly weight: Float64Array;
  /** Share of households in lower bins plus half the bin itself (the mid-rank of a household in the bin). */
  readonly rank: Float64Array;
}

export function createWelfareDistribution(): WelfareDistribution {
  // The ranks on shared memory: the registry's assessments read them in the step's threads (./threads.ts).
  return { weight: new Float64Array(LOG_BINS), rank: new Float64Array(new SharedArrayBuffer(LOG_BINS * Float64Array.BYTES_PER_ELEMENT)) };
}

/** Turn the filled weights into mid-ranks. */
export function finishWelfareDistribution(d: WelfareDistribution): void {
  let total = 0;
  for (let b = 0; b < LOG_BINS; b++) total += d.weight[b];
  let below = 0;
  for (let b = 0; b < LOG_BINS; b++) {
    d.rank[b] = total > 0 ? (below + d.weight[b] / 2) / total : 0;
    below += d.weight[b];
  }
}

/** The consumption level below which `share` of households lie (the lower edge of the bin reaching it). */
export function welfareQuantile(d: WelfareDistribution, share: number): number {
  let total = 0;
  for (let b = 0; b < LOG_BINS; b++) total += d.weight[b];
  let below = 0;
  const view = new DataView(new ArrayBuffer(4));
  for (let b = 0; b < LOG_BINS; b++) {
    if (below + d.weight[b] > share * total) {
      view.setUint32(0, (b + FIRST) << SHIFT);
      return view.getFloat32(0);
    }
    below += d.weight[b];
  }
  return Infinity;
}
