import { describe, expect, it } from 'vitest';
import { saltelliDesign, sobolAnalysis, sobolIndices } from '../../src/sensitivity/index';
import type { ParameterRange, SobolIndex } from '../../src/sensitivity/index';
import { ISHIGAMI, ISHIGAMI_RANGES, LINEAR_INDICES, LINEAR_RANGES, ishigami, linear } from './functions';

const inside = (value: number, low: number, high: number) => low <= value && value <= high;

describe('the Ishigami function (a = 7, b = 0.1) has its analytic indices', () => {
  it('the partial variances add up to V, and the indices are the published ones to four decimals', () => {
    expect(ISHIGAMI.parts).toBeCloseTo(ISHIGAMI.variance, 12);
    expect(ISHIGAMI.first.map((s) => +s.toFixed(4))).toEqual([0.3139, 0.4424, 0]);
    expect(ISHIGAMI.total.map((s) => +s.toFixed(4))).toEqual([0.5576, 0.4424, 0.2437]);
  });

  // N = 2^13 base rows: 5 × 8192 = 40,960 runs and 1,000 resamples, about 0.25 s. At this N the
  // bootstrap's 95 % intervals are ±0.01 to ±0.03 wide. Tolerance 0.05: over seeds 1 to 40 the
  // largest error of any of the six estimates was 0.040; a larger error means a broken estimator.
  const indices = sobolAnalysis(ISHIGAMI_RANGES, ishigami, { n: 2 ** 13, seed: 1 });
  const TOLERANCE = 0.05;

  const X = [['x1', 0], ['x2', 1], ['x3', 2]] as const;

  it.each(X)('%s: first and total order within 0.05 of the analytic values', (_, i) => {
    expect(Math.abs(indices[i].first - ISHIGAMI.first[i])).toBeLessThan(TOLERANCE);
    expect(Math.abs(indices[i].total - ISHIGAMI.total[i])).toBeLessThan(TOLERANCE);
  });

  it.each(X)('%s: the 95 % bootstrap intervals contain the analytic values and are under 0.08 wide', (_, i) => {
    const x = indices[i];
    expect(inside(ISHIGAMI.first[i], x.firstLow, x.firstHigh)).toBe(true);
    expect(inside(ISHIGAMI.total[i], x.totalLow, x.totalHigh)).toBe(true);
    expect(x.firstHigh - x.firstLow).toBeLessThan(0.08);
    expect(x.totalHigh - x.totalLow).toBeLessThan(0.08);
    expect(inside(x.first, x.firstLow, x.firstHigh) && inside(x.total, x.totalLow, x.totalHigh)).toBe(true);
  });

  it('x3 matters only through its interaction with x1: S3 ≈ 0 but ST3 ≈ 0.24', () => {
    expect(inside(0, indices[2].firstLow, indices[2].firstHigh)).toBe(true);
    expect(indices[2].totalLow).toBeGreaterThan(0.2);
  });

  // Over seeds 1 to 40 at N = 1024, 225 of the 240 intervals (94 %) contain the analytic value.
  it('the 95 % intervals cover the analytic values about 95 % of the time (40 seeds × 6 indices, N = 1024)', () => {
    let covered = 0;
    for (let seed = 1; seed <= 40; seed++) {
      sobolAnalysis(ISHIGAMI_RANGES, ishigami, { n: 1024, seed }).forEach((x, i) => {
        if (inside(ISHIGAMI.first[i], x.firstLow, x.firstHigh)) covered++;
        if (inside(ISHIGAMI.total[i], x.totalLow, x.totalHigh)) covered++;
      });
    }
    expect(covered / 240).toBeGreaterThan(0.9);
    expect(covered / 240).toBeLessThan(0.99);
  });
});

describe('a linear model: S_i = ST_i = c_i² Var(x_i) / Σ c_j² Var(x_j)', () => {
  const indices = sobolAnalysis(LINEAR_RANGES, linear(), { n: 2 ** 13, seed: 'linear' });

  it.each(LINEAR_RANGES.map((p, i) => [p.name, i] as const))('%s: first and total order within 0.02 of the exact share, inside their intervals', (_, i) => {
    const x = indices[i];
    expect(Math.abs(x.first - LINEAR_INDICES[i])).toBeLessThan(0.02);
    expect(Math.abs(x.total - LINEAR_INDICES[i])).toBeLessThan(0.02);
    expect(inside(LINEAR_INDICES[i], x.firstLow, x.firstHigh)).toBe(true);
    expect(inside(LINEAR_INDICES[i], x.totalLow, x.totalHigh)).toBe(true);
  });

  it('an input with c = 0 gets indices of exactly 0, with intervals [0, 0]', () => {
    const unused = indices[3];
    expect([unused.first, unused.firstLow, unused.firstHigh, unused.total, unused.totalLow, unused.totalHigh]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('adding a million to the output changes no index by more than 1e-9 (the outputs are centred first)', () => {
    const shifted = sobolAnalysis(LINEAR_RANGES, linear(1e6), { n: 2 ** 13, seed: 'linear' });
    shifted.forEach((x, i) => {
      for (const key of ['first', 'firstLow', 'firstHigh', 'total', 'totalLow', 'totalHigh'] as const) expect(x[key]).toBeCloseTo(indices[i][key], 9);
    });
  });
});

describe('the Saltelli design', () => {
  const ranges: ParameterRange[] = [
    { name: 'a', min: 0, max: 1 },
    { name: 'b', min: -1, max: 1 },
    { name: 'c', min: 100, max: 200 },
  ];
  const n = 64;
  const design = saltelliDesign(ranges, n, 2022);
  const rowsOf = (block: number) => design.points.slice(block * n, (block + 1) * n);

  it('has N(k + 2) points, each inside its ranges', () => {
    expect(design.points).toHaveLength(n * (3 + 2));
    for (const point of design.points) ranges.forEach((p, i) => expect(inside(point[i], p.min, p.max)).toBe(true));
  });

  it('AB_i is A with column i taken from B', () => {
    const [a, b] = [rowsOf(0), rowsOf(1)];
    ranges.forEach((_, i) => {
      rowsOf(2 + i).forEach((row, j) => expect(row).toEqual(a[j].map((v, c) => (c === i ? b[j][c] : v))));
    });
  });

  it('A and B differ in every column', () => {
    rowsOf(0).forEach((row, j) => row.forEach((v, c) => expect(v).not.toBe(rowsOf(1)[j][c])));
  });

  it('the same seed gives the same points on any machine (pinned values of seed 2022)', () => {
    expect(saltelliDesign(ranges, n, 2022)).toEqual(design);
    expect(saltelliDesign(ranges.slice(0, 2), 2, 2022).points).toEqual([
      [0.5296272756531835, 0.8120247041806579],
      [0.8787101367488503, -0.38185365917161107],
      [0.18156268331222236, 0.7817731937393546],
      [0.4555513462983072, -0.03718977002426982],
      [0.18156268331222236, 0.8120247041806579],
      [0.4555513462983072, -0.38185365917161107],
      [0.5296272756531835, 0.7817731937393546],
      [0.8787101367488503, -0.03718977002426982],
    ]);
  });

  it('a seed and its decimal string give the same design; another seed gives another', () => {
    expect(saltelliDesign(ranges, n, '2022').points).toEqual(design.points);
    expect(saltelliDesign(ranges, n, 2023).points[0]).not.toEqual(design.points[0]);
  });

  it('a design with more rows extends one with fewer: its first rows of A and B are the same', () => {
    const larger = saltelliDesign(ranges, 2 * n, 2022);
    expect(larger.points.slice(0, n)).toEqual(rowsOf(0));
    expect(larger.points.slice(2 * n, 3 * n)).toEqual(rowsOf(1));
  });
});

describe('Sobol indices are reproducible', () => {
  const design = saltelliDesign(ISHIGAMI_RANGES, 256, 5);
  const outputs = Float64Array.from(design.points.map(ishigami));
  const strip = (rows: SobolIndex[]) => rows.map(({ parameter, first, total }) => ({ parameter, first, total }));

  it('the same design, outputs and seed give identical indices and intervals, from an array or a Float64Array', () => {
    expect(sobolIndices(design, outputs)).toEqual(sobolIndices(design, [...outputs]));
  });

  it('another bootstrap seed changes the intervals but not the estimates', () => {
    const a = sobolIndices(design, outputs, { seed: 1 });
    const b = sobolIndices(design, outputs, { seed: 2 });
    expect(strip(a)).toEqual(strip(b));
    expect(a[0].firstLow).not.toBe(b[0].firstLow);
  });

  it('a higher confidence gives wider intervals; bootstrap 0 gives none (NaN)', () => {
    const [narrow] = sobolIndices(design, outputs, { confidence: 0.5 });
    const [wide] = sobolIndices(design, outputs, { confidence: 0.99 });
    expect(wide.totalHigh - wide.totalLow).toBeGreaterThan(narrow.totalHigh - narrow.totalLow);
    const [none] = sobolIndices(design, outputs, { bootstrap: 0 });
    expect([none.firstLow, none.totalHigh]).toEqual([NaN, NaN]);
    expect(none.first).toBe(narrow.first);
  });
});

describe('bad input is refused with a message naming what was expected', () => {
  const x: ParameterRange = { name: 'x1', min: 0, max: 1 };
  it.each<[string, () => unknown, RegExp]>([
    ['n below 2', () => saltelliDesign([x], 1, 1), /saltelliDesign: "n": expected an integer ≥ 2 \(rows of each base matrix A and B\), got 1/],
    ['a fractional n', () => saltelliDesign([x], 10.5, 1), /"n": expected an integer ≥ 2/],
    ['no parameters', () => saltelliDesign([], 8, 1), /"parameters": expected a non-empty list of \{ name, min, max \}, got an empty list/],
    ['a range with min = max', () => saltelliDesign([x, { name: 'x2', min: 3, max: 3 }], 8, 1), /parameters\[1\] "x2": expected finite numbers with min < max, got min 3, max 3/],
    ['a range with min > max', () => saltelliDesign([{ name: 'x2', min: 1, max: 0 }], 8, 1), /"x2": expected finite numbers with min < max/],
    ['an infinite bound', () => saltelliDesign([{ name: 'x2', min: 0, max: Infinity }], 8, 1), /"x2": expected finite numbers with min < max, got min 0, max Infinity/],
    ['a duplicate name', () => saltelliDesign([x, x], 8, 1), /parameters\[1\] "x1": expected a unique name, but parameters\[0\] has it too/],
    ['a nameless parameter', () => saltelliDesign([{ min: 0, max: 1 } as ParameterRange], 8, 1), /parameters\[0\]: expected a non-empty "name"/],
    ['a NaN seed', () => saltelliDesign([x], 8, NaN), /saltelliDesign: "seed": expected a finite number or a string, got NaN/],
  ])('saltelliDesign: %s', (_, call, message) => {
    expect(call).toThrow(message);
  });

  const design = saltelliDesign([x, { name: 'x2', min: 0, max: 1 }, { name: 'x3', min: 0, max: 1 }], 4, 1);
  const good = design.points.map(([a, b]) => a + b);
  it.each<[string, () => unknown, RegExp]>([
    ['one output too few', () => sobolIndices(design, good.slice(1)), /sobolIndices: "outputs": expected 20 values, one per design point \(N\(k \+ 2\) = 4 × 5\), got 19/],
    ['a NaN output', () => sobolIndices(design, good.map((v, j) => (j === 7 ? NaN : v))), /"outputs": expected finite numbers, got NaN at position 7 \(the output of points\[7\]\)/],
    ['outputs that do not vary', () => sobolIndices(design, good.map(() => 5)), /"outputs": expected outputs that vary over the design, but every output at A and B is 5; the indices are undefined/],
    ['a confidence of 95', () => sobolIndices(design, good, { confidence: 95 }), /"confidence": expected a coverage in \(0, 1\), e\.g\. 0\.95, got 95/],
    ['a negative bootstrap', () => sobolIndices(design, good, { bootstrap: -1 }), /"bootstrap": expected an integer ≥ 0/],
  ])('sobolIndices: %s', (_, call, message) => {
    expect(call).toThrow(message);
  });
});
