import { describe, expect, it } from 'vitest';
import { distance, nelderMead } from '../../src/calibration/index';
import type { CalibrationTarget, ParameterRange } from '../../src/calibration/index';

/** Rosenbrock's banana valley: minimum 0 at (1, 1), at the end of a narrow curved valley. */
const rosenbrock = ([x, y]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
const box = (x: [number, number], y: [number, number]): ParameterRange[] => [
  { name: 'x', min: x[0], max: x[1] },
  { name: 'y', min: y[0], max: y[1] },
];
const TIGHT = { fTolerance: 1e-12, xTolerance: 1e-8, maxEvaluations: 5000 };

describe("Nelder–Mead finds the minimum of Rosenbrock's valley", () => {
  it.each([
    ['the classic start (−1.2, 1)', { x: -1.2, y: 1 }],
    ['a corner of the box (2, −1)', { x: 2, y: -1 }],
    ['the centre of the box (default)', undefined],
    ['the far side of the valley (−2, 3)', { x: -2, y: 3 }],
  ])('from %s in [−2, 2] × [−1, 3]: (1, 1) to 1e-6 and f < 1e-12', (_, start) => {
    const result = nelderMead(box([-2, 2], [-1, 3]), rosenbrock, { ...TIGHT, start });
    expect(result.converged).toBe(true);
    expect(Math.abs(result.point.x - 1)).toBeLessThan(1e-6);
    expect(Math.abs(result.point.y - 1)).toBeLessThan(1e-6);
    expect(result.value).toBeLessThan(1e-12);
    expect(result.evaluations).toBeLessThan(1000);
  });

  it('with x ≤ 0.5 the valley is cut and the minimum lies on the bound: (0.5, 0.5²), f = (1 − 0.5)² = 0.25', () => {
    const result = nelderMead(box([-2, 0.5], [-1, 3]), rosenbrock, { ...TIGHT, start: { x: -1.2, y: 1 } });
    expect(result.converged).toBe(true);
    expect(result.point.x).toBe(0.5); // clamped onto the bound, exactly
    expect(Math.abs(result.point.y - 0.25)).toBeLessThan(1e-6);
    expect(result.value).toBeCloseTo(0.25, 10);
  });
});

// f = Σ c_i (x_i − a_i)² on [0, 1]^4 with a = (3, −1, 0.3, 0.7): the minimum over the box is at
// (1, 0, 0.3, 0.7), two coordinates on a bound, where f = 1 × (3 − 1)² + 10 × (0 + 1)² = 14.
describe('a quadratic whose minimum lies outside the box is minimised at the nearest point of the box', () => {
  const a = [3, -1, 0.3, 0.7];
  const c = [1, 10, 1, 5];
  const quadratic = (x: number[]) => x.reduce((sum, v, i) => sum + c[i] * (v - a[i]) ** 2, 0);
  const ranges: ParameterRange[] = ['a', 'b', 'c', 'd'].map((name) => ({ name, min: 0, max: 1 }));
  const result = nelderMead(ranges, quadratic, TIGHT);

  it('the bound coordinates are exactly on their bounds, the free ones within 1e-6, and f = 14', () => {
    expect(result.converged).toBe(true);
    expect([result.point.a, result.point.b]).toEqual([1, 0]);
    expect(Math.abs(result.point.c - 0.3)).toBeLessThan(1e-6);
    expect(Math.abs(result.point.d - 0.7)).toBeLessThan(1e-6);
    expect(result.value).toBeCloseTo(14, 10);
  });

  it('the same from a start on the far corner, and in parameter units other than [0, 1]', () => {
    const scaled: ParameterRange[] = ranges.map((p, i) => ({ name: p.name, min: 100 * i, max: 100 * i + 50 }));
    const target = a.map((v, i) => 100 * i + 50 * v);
    const f = (x: number[]) => x.reduce((sum, v, i) => sum + c[i] * ((v - target[i]) / 50) ** 2, 0);
    const found = nelderMead(scaled, f, { ...TIGHT, start: { a: 0, b: 150, c: 200, d: 300 } });
    expect([found.point.a, found.point.b]).toEqual([50, 100]);
    expect(found.point.c).toBeCloseTo(215, 4);
    expect(found.point.d).toBeCloseTo(335, 4);
    expect(found.value).toBeCloseTo(14, 10);
  });
});

describe('calibration: fitting a model to targets by minimising their distance', () => {
  // A toy model with two parameters and two outputs in different units.
  const model = ([effect, hazard]: number[]) => ({ income: 1_000_000 * (1 + 2 * effect), poverty_rate: 0.25 - 0.5 * effect + hazard });
  const truth = model([0.1, 0.02]); // income 1,200,000; poverty rate 0.22
  const targets: CalibrationTarget[] = [
    { name: 'income', value: truth.income, sd: 20_000 },
    { name: 'poverty_rate', value: truth.poverty_rate, sd: 0.01 },
  ];
  const ranges: ParameterRange[] = [
    { name: 'effect', min: 0, max: 0.3 },
    { name: 'hazard', min: 0, max: 0.1 },
  ];

  it('recovers the parameters that made the targets (0.1, 0.02) to 1e-5', () => {
    const result = nelderMead(ranges, (x) => distance(model(x), targets), TIGHT);
    expect(result.point.effect).toBeCloseTo(0.1, 5);
    expect(result.point.hazard).toBeCloseTo(0.02, 5);
    expect(result.value).toBeLessThan(1e-8);
  });
});

describe('evaluations, budget and history', () => {
  const ranges = box([-2, 2], [-1, 3]);

  it('counts every call of f, never calls it outside the ranges, and keeps each call in history, in order', () => {
    const calls: number[][] = [];
    const result = nelderMead(ranges, (x) => (calls.push(x), rosenbrock(x)), { start: { x: -1.2, y: 1 }, history: true });
    expect(result.evaluations).toBe(calls.length);
    for (const [x, y] of calls) expect(-2 <= x && x <= 2 && -1 <= y && y <= 3).toBe(true);
    expect(result.history).toHaveLength(calls.length);
    result.history!.forEach((row, j) => {
      expect(row.evaluation).toBe(j + 1);
      expect(row.point).toEqual({ x: calls[j][0], y: calls[j][1] });
      expect(row.value).toBe(rosenbrock(calls[j]));
    });
    expect(result.value).toBe(Math.min(...result.history!.map((row) => row.value)));
  });

  it('without history: true there is no history', () => {
    expect(nelderMead(ranges, rosenbrock)).not.toHaveProperty('history');
  });

  it('stops at maxEvaluations with converged false, returning the best point so far', () => {
    const result = nelderMead(ranges, rosenbrock, { start: { x: -1.2, y: 1 }, maxEvaluations: 40, history: true });
    expect(result.converged).toBe(false);
    expect(result.evaluations).toBe(40);
    expect(result.value).toBe(Math.min(...result.history!.map((row) => row.value)));
    expect(result.value).toBeLessThan(rosenbrock([-1.2, 1]));
  });

  it('restarts from the best point once the tolerances are met, and stops when a restart finds nothing better', () => {
    const result = nelderMead(ranges, rosenbrock, TIGHT);
    expect(result.restarts).toBeGreaterThanOrEqual(1);
  });

  it('the default budget is 200 calls per parameter', () => {
    let calls = 0;
    const result = nelderMead(ranges, (x) => (calls++, rosenbrock(x)), { fTolerance: 0, xTolerance: 0 });
    expect([result.evaluations, calls, result.converged]).toEqual([400, 400, false]);
  });

  it('is deterministic: the same call gives the same result, history included', () => {
    const options = { start: { x: 0.3, y: 2.5 }, history: true };
    expect(nelderMead(ranges, rosenbrock, options)).toEqual(nelderMead(ranges, rosenbrock, options));
  });

  it('Infinity marks points to avoid: the minimum of x + y outside the disc x² + y² ≤ 1 is not taken', () => {
    const f = ([x, y]: number[]) => (x * x + y * y > 1 ? Infinity : x + y);
    const result = nelderMead(box([-2, 2], [-2, 2]), f, { ...TIGHT, start: { x: 0, y: 0 } });
    expect(result.value).toBeCloseTo(-Math.SQRT2, 4); // at (−1/√2, −1/√2)
  });
});

describe('bad input is refused with a message naming what was expected', () => {
  const ranges = box([-2, 2], [-1, 3]);
  it.each<[string, () => unknown, RegExp]>([
    ['no parameters', () => nelderMead([], rosenbrock), /nelderMead: "parameters": expected a non-empty list of \{ name, min, max \}, got an empty list/],
    ['a range with min ≥ max', () => nelderMead(box([1, 1], [0, 1]), rosenbrock), /nelderMead: parameters\[0\] "x": expected finite numbers with min < max, got min 1, max 1/],
    ['f not a function', () => nelderMead(ranges, 3 as never), /nelderMead: "f": expected a function of a point \(number\[\]\) returning a number, got 3/],
    ['a start outside its range', () => nelderMead(ranges, rosenbrock, { start: { x: 3, y: 0 } }), /nelderMead: "start": expected "x" within its range \[-2, 2\], got 3/],
    ['a start missing a parameter', () => nelderMead(ranges, rosenbrock, { start: { x: 0 } }), /nelderMead: "start": expected "y" within its range \[-1, 3\], got undefined/],
    ['a start naming an unknown parameter', () => nelderMead(ranges, rosenbrock, { start: { x: 0, y: 0, z: 1 } }), /nelderMead: "start": "z" is not one of the parameters \(x, y\)/],
    ['a step of 0', () => nelderMead(ranges, rosenbrock, { step: 0 }), /nelderMead: "step": expected a share of each range in \(0, 1\], e\.g\. 0\.1, got 0/],
    ['a negative tolerance', () => nelderMead(ranges, rosenbrock, { xTolerance: -1 }), /nelderMead: "xTolerance": expected a finite number ≥ 0, got -1/],
    ['a budget below k + 1', () => nelderMead(ranges, rosenbrock, { maxEvaluations: 2 }), /nelderMead: "maxEvaluations": expected an integer ≥ 3 \(calls of f; the first simplex alone takes k \+ 1\), got 2/],
    ['f returning NaN', () => nelderMead(ranges, ([x]) => (x > 0.05 ? NaN : x)), /nelderMead: "f" returned NaN at \{ x: 0\.3999999999999999, y: 1 \} \(evaluation 2\); expected a number \(Infinity marks a point to avoid\)/],
  ])('%s', (_, call, message) => {
    expect(call).toThrow(message);
  });
});
