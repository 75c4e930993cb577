import { describe, expect, it } from 'vitest';
import { abcAccept, abcRejection, abcRejectionDesign, abcSmc, abcSmcAccept, abcSmcDesign, posteriorSummary } from '../../src/calibration/index';
import type { AbcPopulation, ParameterRange } from '../../src/calibration/index';
import { N, normalMean, truncatedNormal } from './normal-mean';

// The normal mean with σ = 1 and n = 25: posterior sd s = 1/√25 = 0.2 before truncation.
const S = 1 / Math.sqrt(N);
const inside = (value: number, low: number, high: number) => low <= value && value <= high;

// Tolerances, from seeds 1 to 20 (rejection: 100,000 draws keeping 1 %; SMC: 1,000 particles, 6
// generations): the largest error of the posterior mean was 0.017 (0.08 s), of the posterior sd 5.5 %
// inside the prior and, for SMC near the bound (seeds 1 to 30), 9.3 % (their mean error was 0.8 %:
// no bias). The tests allow 0.15 s = 0.03 and 10 %. Dropping SMC's importance weights makes the sd
// 12–14 % too small.
// The tolerances reached (ε ≈ 0.025 and 0.04) widen the posterior by a factor √(1 + ε²/3s²) < 1.007,
// which is left uncorrected.
const MEAN_TOLERANCE = 0.15 * S;
const SD_TOLERANCE = 0.1;

const expectPosterior = (population: AbcPopulation, expected: { mean: number; sd: number }) => {
  const [theta] = posteriorSummary(population);
  expect(Math.abs(theta.mean - expected.mean)).toBeLessThan(MEAN_TOLERANCE);
  expect(Math.abs(theta.sd / expected.sd - 1)).toBeLessThan(SD_TOLERANCE);
  return theta;
};

describe.each([
  ['inside the prior: ȳ = 0.4 on [−2, 3] gives N(0.4, 0.2²)', 0.4, { name: 'theta', min: -2, max: 3 }],
  ['near the bound: ȳ = 0.1 on [0, 3] gives N(0.1, 0.2²) truncated at 0 (mean 0.202, sd 0.139)', 0.1, { name: 'theta', min: 0, max: 3 }],
])('ABC recovers the posterior of a normal mean %s', (_, ybar, range: ParameterRange) => {
  const expected = truncatedNormal(ybar, S, range.min, range.max);
  const simulate = normalMean(ybar);

  it('rejection ABC (100,000 draws, the closest 1 % kept): mean within 0.03, sd within 10 %', () => {
    const population = abcRejection([range], simulate, { draws: 100_000, acceptFraction: 0.01, seed: 1 });
    expect(population.points).toHaveLength(1000);
    expect(population.effectiveSize).toBeCloseTo(1000, 6);
    const theta = expectPosterior(population, expected);
    expect(inside(expected.mean, theta.low, theta.high)).toBe(true);
  });

  it('ABC-SMC (1,000 particles, 6 generations): mean within 0.03, sd within 10 %, tolerances falling', () => {
    const populations = abcSmc([range], simulate, { particles: 1000, generations: 6, seed: 1 });
    expect(populations.map((p) => p.generation)).toEqual([0, 1, 2, 3, 4, 5]);
    populations.slice(1).forEach((p, g) => expect(p.tolerance).toBeLessThan(populations[g].tolerance));
    const last = populations[5];
    expect(last.points.length).toBeGreaterThanOrEqual(1000);
    expect(last.effectiveSize).toBeGreaterThan(500);
    expectPosterior(last, expected);
  });
});

describe('ABC-SMC', () => {
  const range: ParameterRange = { name: 'theta', min: -2, max: 3 };
  const simulate = normalMean(0.4);
  const populations = abcSmc([range], simulate, { particles: 1000, generations: 6, seed: 1 });
  const last = populations[populations.length - 1];

  it('reaches a smaller tolerance than rejection ABC spending the same runs', () => {
    const rejection = abcRejection([range], simulate, { draws: last.runs, acceptFraction: 1000 / last.runs, seed: 1 });
    expect(last.tolerance).toBeLessThan(rejection.tolerance / 1.5);
  });

  it('each tolerance is the weighted median distance of the generation before (to within one weight)', () => {
    populations.slice(1).forEach((p, g) => {
      const previous = populations[g];
      const below = previous.distances.reduce((sum, d, j) => sum + (d <= p.tolerance ? previous.weights[j] : 0), 0);
      expect(Math.abs(below - 0.5)).toBeLessThanOrEqual(Math.max(...previous.weights));
    });
  });

  it('weights sum to 1, kept points are within the tolerance and inside the range, closest first', () => {
    for (const p of populations) {
      expect(p.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(Math.max(...p.distances)).toBeLessThanOrEqual(p.tolerance);
      for (const [theta] of p.points) expect(inside(theta, range.min, range.max)).toBe(true);
      expect([...p.distances].sort((a, b) => a - b)).toEqual(p.distances);
    }
  });

  it('the model sees each run number once, 0 to runs − 1, across generations', () => {
    const runs: number[] = [];
    const [, , third] = abcSmc([range], (point, run) => (runs.push(run), simulate(point, run)), { particles: 200, generations: 3, seed: 2 });
    expect(runs).toEqual(Array.from({ length: third.runs }, (_, r) => r));
  });

  // θ1: ȳ = 0.4, σ = 1 (s = 0.2); θ2: ȳ = −1, σ = 2 (s = 0.4); distance √(Σ (error / s)²). Within
  // tolerance ε (in units of s) the ABC posterior is the exact one blurred by a uniform disc of radius
  // ε, which adds ε²/4 to each standardised variance: sd = s √(1 + ε²/4). Over seeds 1 to 8 (8
  // generations) ε ≈ 0.7 and the sds were within 6 % of that.
  it('with two parameters and a joint distance, each marginal is the ABC posterior at the tolerance reached', () => {
    const ranges: ParameterRange[] = [range, { name: 'theta2', min: -4, max: 2 }];
    const first = normalMean(0.4, { index: 0 });
    const second = normalMean(-1, { sigma: 2, index: 1 });
    const joint = (point: number[], run: number) => Math.hypot(first(point, run) / S, second(point, run) / (2 * S));
    const result = abcSmc(ranges, joint, { particles: 1000, generations: 8, seed: 3 });
    const last = result[result.length - 1];
    const blur = Math.sqrt(1 + last.tolerance ** 2 / 4);
    const [a, b] = posteriorSummary(last);
    expect(Math.abs(a.mean - 0.4)).toBeLessThan(MEAN_TOLERANCE);
    expect(Math.abs(b.mean + 1)).toBeLessThan(2 * MEAN_TOLERANCE);
    expect(Math.abs(a.sd / (S * blur) - 1)).toBeLessThan(SD_TOLERANCE);
    expect(Math.abs(b.sd / (2 * S * blur) - 1)).toBeLessThan(SD_TOLERANCE);
  });

  it('stops at finalTolerance, and before a generation would exceed maxRuns', () => {
    const stopped = abcSmc([range], simulate, { particles: 200, generations: 20, seed: 1, finalTolerance: 0.1 });
    expect(stopped[stopped.length - 1].tolerance).toBeLessThanOrEqual(0.1);
    expect(stopped[stopped.length - 2].tolerance).toBeGreaterThan(0.1);
    const capped = abcSmc([range], simulate, { particles: 200, generations: 20, seed: 1, maxRuns: 5000 });
    expect(capped[capped.length - 1].runs).toBeLessThanOrEqual(5000);
    expect(capped.length).toBeLessThan(20);
  });
});

describe('designs apart from model runs', () => {
  const ranges: ParameterRange[] = [
    { name: 'a', min: 0, max: 1 },
    { name: 'b', min: -1, max: 1 },
  ];
  const model = (point: number[]) => Math.hypot(point[0] - 0.3, point[1] + 0.2);

  it('rejection: the design, the runs and abcAccept give what abcRejection gives', () => {
    const design = abcRejectionDesign(ranges, 500, 7);
    expect(abcAccept(design, design.points.map(model), { acceptFraction: 0.1 })).toEqual(abcRejection(ranges, model, { draws: 500, acceptFraction: 0.1, seed: 7 }));
  });

  it('rejection: a tolerance keeps every point within it, each weighing the same', () => {
    const design = abcRejectionDesign(ranges, 500, 7);
    const distances = design.points.map(model);
    const population = abcAccept(design, distances, { tolerance: 0.2 });
    expect(population.points).toHaveLength(distances.filter((d) => d <= 0.2).length);
    expect(population.tolerance).toBe(0.2);
    expect(new Set(population.weights).size).toBe(1);
  });

  it('SMC: proposals are addressable — two batches are the design of both, and abcSmc is these steps', () => {
    const first = abcRejectionDesign(ranges, 400, 7);
    const generation0 = abcAccept(first, first.points.map(model), { acceptFraction: 0.5 });
    const tolerance = generation0.distances[100];
    const batch1 = abcSmcDesign(generation0, { tolerance, count: 150 });
    const batch2 = abcSmcDesign(generation0, { tolerance, count: 150, from: 150 });
    const whole = abcSmcDesign(generation0, { tolerance, count: 300 });
    expect([...batch1.points, ...batch2.points]).toEqual(whole.points);
    expect([batch1.firstRun, batch2.firstRun]).toEqual([400, 550]);
    const generation1 = abcSmcAccept(generation0, whole, whole.points.map(model));
    expect(generation1.generation).toBe(1);
    expect(generation1.runs).toBe(700);
    expect(whole.kernel).toHaveLength(2);
  });

  it('the same seed gives the same points on any machine (pinned values of seed 2025)', () => {
    expect(abcRejectionDesign(ranges, 2, 2025).points).toEqual([
      [0.8607501788064837, 0.14985091611742973],
      [0.920246455585584, -0.5364516777917743],
    ]);
  });

  it('the same seed gives the same populations; another seed other ones; a seed and its string are the same', () => {
    const run = (seed: number | string) => abcSmc(ranges, model, { particles: 100, generations: 3, seed });
    expect(run(11)).toEqual(run(11));
    expect(run('11')[2].points).toEqual(run(11)[2].points);
    expect(run(12)[2].points).not.toEqual(run(11)[2].points);
  });

  it('a design with more draws extends one with fewer', () => {
    expect(abcRejectionDesign(ranges, 50, 3).points).toEqual(abcRejectionDesign(ranges, 80, 3).points.slice(0, 50));
  });
});

describe('posterior summaries', () => {
  const population = (values: number[], weights: number[]): AbcPopulation => ({
    parameters: [{ name: 'x', min: 0, max: 10 }],
    generation: 0,
    seed: 1,
    tolerance: 1,
    points: values.map((v) => [v]),
    distances: values.map(() => 0),
    weights,
    effectiveSize: 0,
    runs: values.length,
    runIds: values.map((_, j) => j),
  });

  it('equal weights: mean 2.5, sd √1.25, median halfway between the middle values, tails at the extremes (Hazen)', () => {
    expect(posteriorSummary(population([4, 1, 3, 2], [0.25, 0.25, 0.25, 0.25]))).toEqual([{ parameter: 'x', mean: 2.5, sd: Math.sqrt(1.25), low: 1, median: 2.5, high: 4 }]);
  });

  it('weights move the mean (0.1 + 0.2 + 0.3 + 4 × 0.7 = 3.4) and the quantiles', () => {
    const [x] = posteriorSummary(population([1, 2, 3, 4], [0.1, 0.1, 0.1, 0.7]), { coverage: 0.5 });
    expect(x.mean).toBeCloseTo(3.4, 12);
    // positions 0.05, 0.15, 0.25, 0.65: the median interpolates 3 → 4 at (0.5 − 0.25)/(0.65 − 0.25)
    expect(x.median).toBeCloseTo(3 + 0.25 / 0.4, 12);
    expect(x.low).toBe(3); // the 25 % quantile is the value at position 0.25
    expect(x.high).toBe(4);
  });
});

describe('bad input is refused with a message naming what was expected', () => {
  const x: ParameterRange = { name: 'x', min: 0, max: 1 };
  const design = abcRejectionDesign([x], 10, 1);
  const distances = design.points.map(([v]) => Math.abs(v - 0.5));
  const generation0 = abcAccept(design, distances, { acceptFraction: 0.5 });
  it.each<[string, () => unknown, RegExp]>([
    ['one draw', () => abcRejectionDesign([x], 1, 1), /abcRejectionDesign: "draws": expected an integer ≥ 2 \(points drawn from the prior\), got 1/],
    ['a bad range', () => abcRejectionDesign([{ name: 'x', min: 1, max: 0 }], 10, 1), /abcRejectionDesign: parameters\[0\] "x": expected finite numbers with min < max/],
    ['both a fraction and a tolerance', () => abcAccept(design, distances, { acceptFraction: 0.5, tolerance: 1 } as never), /abcAccept: "options": expected exactly one of "acceptFraction" \(the share of points to keep\) and "tolerance" \(the largest distance to keep\), got both/],
    ['neither', () => abcAccept(design, distances, {} as never), /expected exactly one of "acceptFraction" .* got neither/],
    ['a fraction of 2', () => abcAccept(design, distances, { acceptFraction: 2 }), /abcAccept: "acceptFraction": expected a share in \(0, 1\], e\.g\. 0\.01, got 2/],
    ['a fraction that keeps one point', () => abcAccept(design, distances, { acceptFraction: 0.1 }), /abcAccept: "acceptFraction": 0\.1 of 10 points keeps 1; expected at least 2/],
    ['a tolerance that keeps none', () => abcAccept(design, distances, { tolerance: 0 }), /abcAccept: "tolerance": 0 keeps 0 of 10 points; expected at least 2 \(the two smallest distances are/],
    ['too few distances', () => abcAccept(design, distances.slice(1), { acceptFraction: 0.5 }), /abcAccept: "distances": expected 10 values, one per design point \(one per point of generation 0\), got 9/],
    ['a negative distance', () => abcAccept(design, distances.map((d, j) => (j === 3 ? -1 : d)), { acceptFraction: 0.5 }), /abcAccept: "distances": expected distances ≥ 0, got -1 at position 3/],
    ['a NaN distance', () => abcAccept(design, distances.map((d, j) => (j === 2 ? NaN : d)), { acceptFraction: 0.5 }), /abcAccept: "distances": expected finite numbers, got NaN at position 2/],
    ['an SMC design to abcAccept', () => abcAccept(abcSmcDesign(generation0, { tolerance: 0, count: 4 }), [1, 2, 3, 4], { acceptFraction: 0.5 }), /abcAccept: "design": expected a design from abcRejectionDesign \(for ABC-SMC use abcSmcAccept\), got abc-smc/],
    ['a tolerance not below the previous one', () => abcSmcDesign(generation0, { tolerance: generation0.tolerance, count: 4 }), /abcSmcDesign: "tolerance": expected a distance ≥ 0 and below the previous generation's/],
    ['a count of 0', () => abcSmcDesign(generation0, { tolerance: 0, count: 0 }), /abcSmcDesign: "count": expected an integer ≥ 1 \(proposals in this batch\), got 0/],
    ['a rejection design to abcSmcAccept', () => abcSmcAccept(generation0, design, distances), /abcSmcAccept: "design": expected a design abcSmcDesign made from "previous" \(generation 1 over x\), got abc-rejection generation 0/],
    ['a later batch alone', () => abcSmcAccept(generation0, abcSmcDesign(generation0, { tolerance: 0.1, count: 4, from: 4 }), [0, 0, 0, 0]), /abcSmcAccept: "design": expected every proposal of the generation, from proposal 0/],
    ['too few within the tolerance', () => abcSmcAccept(generation0, abcSmcDesign(generation0, { tolerance: 0.1, count: 4 }), [0, 1, 1, 1]), /abcSmcAccept: 1 of 4 proposals are within the tolerance 0\.1; expected at least 2 \(run more proposals\)/],
    ['a population without spread', () => abcSmcDesign({ ...generation0, points: generation0.points.map(() => [0.5]) }, { tolerance: 0, count: 4 }), /abcSmcDesign: "previous": every particle has the same "x" \(0\.5\); expected some spread to perturb/],
    ['a quantile of 1', () => abcSmc([x], () => 0, { particles: 10, generations: 2, seed: 1, quantile: 1 }), /abcSmc: "quantile": expected a share in \(0, 1\), e\.g\. 0\.5, got 1/],
    ['one particle', () => abcSmc([x], () => 0, { particles: 1, generations: 2, seed: 1 }), /abcSmc: "particles": expected an integer ≥ 2 \(points kept per generation\), got 1/],
    ['a budget below generation 0', () => abcSmc([x], () => 0, { particles: 10, generations: 2, seed: 1, maxRuns: 5 }), /abcSmc: "maxRuns": 5 runs do not cover generation 0 \(particles \/ acceptFraction = 20 draws from the prior\)/],
    ['a coverage of 90', () => posteriorSummary(generation0, { coverage: 90 }), /posteriorSummary: "coverage": expected a share in \(0, 1\), e\.g\. 0\.9, got 90/],
  ])('%s', (_, call, message) => {
    expect(call).toThrow(message);
  });
});
