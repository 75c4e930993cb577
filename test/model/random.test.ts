import { describe, expect, it } from 'vitest';
import { bits, runKey, stream, uniform, UNIT } from '../../src/model/random';

const N = 200_000;

/** Pearson correlation of two equal-length arrays. */
function correlation(a: Float64Array, b: Float64Array): number {
  let ma = 0, mb = 0;
  for (let i = 0; i < a.length; i++) { ma += a[i]; mb += b[i]; }
  ma /= a.length; mb /= b.length;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** Chi-square statistic of counts against a uniform expectation. */
function chiSquare(counts: number[]): number {
  const expected = counts.reduce((s, c) => s + c, 0) / counts.length;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

// For k degrees of freedom the statistic has mean k and sd √(2k); a working generator stays within
// 5 sd (the probability of exceeding that by chance is below 1e-6, and the draws here are fixed).
const withinChiSquare = (x: number, df: number) => Math.abs(x - df) < 5 * Math.sqrt(2 * df);

describe('random streams', () => {
  const s = stream(runKey(42), 'test');
  const other = stream(runKey(42), 'other');
  const replicate1 = stream(runKey(42, 1), 'test');
  const seed43 = stream(runKey(43), 'test');

  it('draws are uniform on [0, 1): 100 equal bins pass a chi-square test', () => {
    const counts = new Array(100).fill(0);
    for (let i = 0; i < N; i++) counts[Math.floor(uniform(s, i, 7) * 100)]++;
    expect(withinChiSquare(chiSquare(counts), 99)).toBe(true);
  });

  it('draws stay in [0, 1)', () => {
    let outside = 0;
    for (let i = 0; i < N; i++) {
      const u = uniform(s, i, 3, 2);
      if (!(u >= 0 && u < 1)) outside++;
    }
    expect(outside).toBe(0);
  });

  it('pairs of draws of neighbouring households fill a 20×20 grid evenly', () => {
    const counts = new Array(400).fill(0);
    for (let i = 0; i < N; i++) counts[Math.floor(uniform(s, i, 1) * 20) * 20 + Math.floor(uniform(s, i + 1, 1) * 20)]++;
    expect(withinChiSquare(chiSquare(counts), 399)).toBe(true);
  });

  it.each([
    ['neighbouring households', (i: number) => [uniform(s, i, 5), uniform(s, i + 1, 5)]],
    ['consecutive months of a household', (i: number) => [uniform(s, i, 5), uniform(s, i, 6)]],
    ['draw 0 and draw 1 of a household-month', (i: number) => [uniform(s, i, 5, 0), uniform(s, i, 5, 1)]],
    ['two processes', (i: number) => [uniform(s, i, 5), uniform(other, i, 5)]],
    ['two replicates', (i: number) => [uniform(s, i, 5), uniform(replicate1, i, 5)]],
    ['two seeds', (i: number) => [uniform(s, i, 5), uniform(seed43, i, 5)]],
  ] as const)('draws of %s are uncorrelated', (_, pair) => {
    const a = new Float64Array(N);
    const b = new Float64Array(N);
    for (let i = 0; i < N; i++) [a[i], b[i]] = pair(i);
    // Under independence the correlation is ~N(0, 1/N): 5/√N is five standard errors.
    expect(Math.abs(correlation(a, b))).toBeLessThan(5 / Math.sqrt(N));
  });

  it('every bit of a draw is a fair coin', () => {
    const ones = new Array(32).fill(0);
    for (let i = 0; i < N; i++) {
      const x = bits(s.k0, s.k1, i, 9, 0);
      for (let b = 0; b < 32; b++) ones[b] += (x >>> b) & 1;
    }
    for (const count of ones) expect(Math.abs(count - N / 2)).toBeLessThan(5 * Math.sqrt(N / 4));
  });

  it('a draw depends only on its address, not on the order draws are made in (shards in any order)', () => {
    const inOrder = new Float64Array(1000);
    for (let i = 0; i < 1000; i++) inOrder[i] = uniform(s, i, 12, 3);
    const shards = [[600, 1000], [0, 250], [250, 600]];
    const shuffled = new Float64Array(1000);
    for (const [lo, hi] of shards) for (let i = hi - 1; i >= lo; i--) shuffled[i] = uniform(s, i, 12, 3);
    expect(shuffled).toEqual(inOrder);
  });

  it('a seed given as a number or as its decimal string gives the same run key; other seeds differ', () => {
    expect(runKey(2022)).toEqual(runKey('2022'));
    expect(runKey('rpjmn-2025')).not.toEqual(runKey('rpjmn-2024'));
    expect(runKey(1, 0)).not.toEqual(runKey(1, 1));
  });

  it('the same address always gives the same draw, and UNIT maps 32 bits into [0, 1)', () => {
    expect(uniform(s, 123, 456, 7)).toBe(uniform(stream(runKey(42), 'test'), 123, 456, 7));
    expect(0xffffffff * UNIT).toBeLessThan(1);
  });
});
