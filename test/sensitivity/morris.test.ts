import { describe, expect, it } from 'vitest';
import { morrisDesign, morrisEffects, morrisScreening } from '../../src/sensitivity/index';
import type { ParameterRange } from '../../src/sensitivity/index';
import { A, ISHIGAMI_RANGES, LINEAR_COEFFICIENTS, LINEAR_RANGES, ishigami, linear } from './functions';

describe('a linear model: every elementary effect of x_i is c_i × (max_i − min_i)', () => {
  const effects = morrisScreening(LINEAR_RANGES, linear(100), { trajectories: 10, seed: 3 });

  it.each(LINEAR_RANGES.map((p, i) => [p.name, i] as const))('%s: μ* = |c| × range, μ = c × range, σ = 0', (_, i) => {
    const { min, max } = LINEAR_RANGES[i];
    const perRange = LINEAR_COEFFICIENTS[i] * (max - min);
    expect(effects[i].muStar).toBeCloseTo(Math.abs(perRange), 9);
    expect(effects[i].mu).toBeCloseTo(perRange, 9);
    expect(effects[i].sigma).toBeLessThan(1e-9);
  });

  it('the parameter with c = 0 has μ* = μ = σ = 0 exactly', () => {
    expect(effects[3]).toEqual({ parameter: 'unused', muStar: 0, mu: 0, sigma: 0 });
  });
});

// On the default grid (p = 4, Δ = 2/3) over [−π, π] each parameter moves −π ↔ π/3 or −π/3 ↔ π.
//   x1: sin x1 rises by √3/2 on both moves, times 1 + b x3⁴ > 0: every effect is positive, its size
//       set by x3 (interaction).
//   x2: a sin² x2 goes 0 → 3/4 on the first move and 3/4 → 0 on the second: effects ±(3a/4)/Δ = ±9a/8,
//       half of each sign (non-monotone).
//   x3: b x3⁴ sin x1 changes by ±b (80/81) π⁴ sin x1, whose sign follows x1 (interaction only: S3 = 0).
describe('the Ishigami function (a = 7, b = 0.1) with a parameter it ignores', () => {
  const ranges = [...ISHIGAMI_RANGES, { name: 'ignored', min: 0, max: 1 }];
  const [x1, x2, x3, ignored] = morrisScreening(ranges, ishigami, { trajectories: 500, seed: 1 });

  it('x1 acts in one direction (μ = μ*) but its effect depends on x3 (σ > 0.5 μ*)', () => {
    expect(x1.mu).toBeCloseTo(x1.muStar, 12);
    expect(x1.sigma).toBeGreaterThan(0.5 * x1.muStar);
  });

  it('x2 is non-monotone: every effect is ±9a/8, so μ* = 9a/8, μ is small (|μ| < 0.2 μ*) and σ ≈ μ*', () => {
    expect(x2.muStar).toBeCloseTo((9 * A) / 8, 9);
    expect(Math.abs(x2.mu)).toBeLessThan(0.2 * x2.muStar);
    expect(x2.sigma).toBeCloseTo(x2.muStar, 0);
  });

  it('x3 acts only through x1: μ* > 0 yet |μ| < 0.2 μ*, and σ > μ*', () => {
    expect(x3.muStar).toBeGreaterThan(1);
    expect(Math.abs(x3.mu)).toBeLessThan(0.2 * x3.muStar);
    expect(x3.sigma).toBeGreaterThan(x3.muStar);
  });

  it('a parameter the function ignores has μ* = μ = σ = 0 exactly', () => {
    expect(ignored).toEqual({ parameter: 'ignored', muStar: 0, mu: 0, sigma: 0 });
  });
});

describe('the Morris design', () => {
  const ranges: ParameterRange[] = [
    { name: 'a', min: 0, max: 1 },
    { name: 'b', min: -1, max: 1 },
    { name: 'c', min: 100, max: 200 },
  ];
  const k = ranges.length;
  const unit = (point: number[]) => point.map((v, i) => (v - ranges[i].min) / (ranges[i].max - ranges[i].min));

  it.each([
    [2, '1', 1],
    [4, '2/3', 2 / 3],
    [6, '3/5', 0.6],
  ])('with p = %i levels, Δ = %s: r(k + 1) points on the grid; each move changes one parameter by ±Δ × range, each parameter once per trajectory', (levels, _, delta) => {
    const design = morrisDesign(ranges, 20, 9, { levels });
    expect(design.delta).toBeCloseTo(delta, 15);
    expect(design.points).toHaveLength(20 * (k + 1));
    for (const point of design.points) {
      for (const u of unit(point)) expect(Math.abs(u * (levels - 1) - Math.round(u * (levels - 1)))).toBeLessThan(1e-9);
    }
    for (let t = 0; t < 20; t++) {
      const moved = new Set<number>();
      for (let m = 0; m < k; m++) {
        const [before, after] = [unit(design.points[t * (k + 1) + m]), unit(design.points[t * (k + 1) + m + 1])];
        const changed = before.flatMap((u, i) => (Math.abs(after[i] - u) > 1e-12 ? [i] : []));
        const move = design.moves[t * k + m];
        expect(changed).toEqual([move.parameter]);
        expect(after[move.parameter] - before[move.parameter]).toBeCloseTo(move.step, 12);
        expect(Math.abs(move.step)).toBe(design.delta);
        moved.add(move.parameter);
      }
      expect(moved.size).toBe(k);
    }
  });

  it('visits the four levels of the default grid about equally (each 25 % ± 2 % of 12,000 values)', () => {
    const design = morrisDesign(ranges, 1000, 4);
    const counts = [0, 0, 0, 0];
    for (const point of design.points) for (const u of unit(point)) counts[Math.round(u * 3)]++;
    for (const c of counts) expect(Math.abs(c / 12_000 - 0.25)).toBeLessThan(0.02);
  });

  it('the same seed gives the same trajectories on any machine (pinned values of seed 2022)', () => {
    const design = morrisDesign(ranges.slice(0, 2), 2, 2022);
    expect(morrisDesign(ranges.slice(0, 2), 2, 2022)).toEqual(design);
    expect(design.points).toEqual([
      [0.3333333333333333, -1],
      [0.3333333333333333, 0.33333333333333326],
      [1, 0.33333333333333326],
      [0.6666666666666666, -1],
      [0.6666666666666666, 0.33333333333333326],
      [0, 0.33333333333333326],
    ]);
  });

  it('another seed gives other trajectories, and the same effects come from a Float64Array as from an array', () => {
    expect(morrisDesign(ranges, 5, 1).points).not.toEqual(morrisDesign(ranges, 5, 2).points);
    const design = morrisDesign(ranges, 5, 1);
    const outputs = design.points.map(([a, b, c]) => a * b + c);
    expect(morrisEffects(design, Float64Array.from(outputs))).toEqual(morrisEffects(design, outputs));
  });
});

describe('bad input is refused with a message naming what was expected', () => {
  const x: ParameterRange = { name: 'x1', min: 0, max: 1 };
  const design = morrisDesign([x, { name: 'x2', min: 0, max: 1 }], 3, 1);
  it.each<[string, () => unknown, RegExp]>([
    ['one trajectory', () => morrisDesign([x], 1, 1), /morrisDesign: "trajectories": expected an integer ≥ 2 \(r, for a standard deviation of the effects\), got 1/],
    ['an odd number of levels', () => morrisDesign([x], 10, 1, { levels: 3 }), /morrisDesign: "levels": expected an even integer ≥ 2 \(grid levels p; odd p puts x \+ Δ off the grid\), got 3/],
    ['a range with min ≥ max', () => morrisDesign([{ name: 'x1', min: 2, max: 1 }], 10, 1), /morrisDesign: parameters\[0\] "x1": expected finite numbers with min < max, got min 2, max 1/],
    ['a missing seed', () => morrisDesign([x], 10, undefined as never), /morrisDesign: "seed": expected a finite number or a string/],
    ['outputs of another design', () => morrisEffects(design, [1, 2, 3]), /morrisEffects: "outputs": expected 9 values, one per design point \(r\(k \+ 1\) = 3 × 3\), got 3/],
    ['an infinite output', () => morrisEffects(design, design.points.map((_, j) => (j === 4 ? Infinity : j))), /"outputs": expected finite numbers, got Infinity at position 4/],
  ])('%s', (_, call, message) => {
    expect(call).toThrow(message);
  });
});
