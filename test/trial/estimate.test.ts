import { sampleVariance } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { ittEstimate, ittTable } from '../../src/trial/index';
import type { IttEstimate, TrialUnit } from '../../src/trial/index';
import { analyticSe, plantedTrial } from './planted';

const unit = (arm: TrialUnit['arm'], consumption: number, weight?: number): TrialUnit => (weight === undefined ? { arm, outcomes: { consumption } } : { arm, weight, outcomes: { consumption } });
const Z95 = 1.959963984540054;

describe('the ITT table row, by hand: control 1, 2, 3 and treatment 2, 4, 6', () => {
  const units = [1, 2, 3].map((y) => unit('control', y)).concat([2, 4, 6].map((y) => unit('treatment', y)));
  const row = ittEstimate(units, 'consumption');
  const se = Math.sqrt(1 / 3 + 4 / 3); // s_c² = 1, s_t² = 4, n = 3 each

  it.each<[keyof IttEstimate, number]>([
    ['controlMean', 2],
    ['treatmentMean', 4],
    ['effect', 4 - 2],
    ['se', se],
    ['low', 2 - Z95 * se],
    ['high', 2 + Z95 * se],
    ['p', 0.12133525035848], // 2 Φ(−2 / √(5/3)) = 2 Φ(−1.5492)
    ['controlSd', Math.sqrt(2 / 3)], // divisor Σw = 3
    ['standardised', 2 / Math.sqrt(2 / 3)],
    ['nTreatment', 3],
    ['nControl', 3],
  ])('%s = %d', (key, expected) => {
    expect(row[key]).toBeCloseTo(expected, 7);
  });

  it('names the outcome and has no horizon', () => {
    expect(row.outcome).toBe('consumption');
    expect(row).not.toHaveProperty('horizon');
  });
});

describe('a planted effect τ = 1 (σ_t = 4, σ_c = 3, 2,000 households, half treated)', () => {
  const planted = { n: 2000, tau: 1, sdTreatment: 4, sdControl: 3 };
  const row = ittEstimate(plantedTrial(planted), 'consumption');
  const analytic = analyticSe(2000, 0.5, 4, 3); // √(16/1000 + 9/1000) = 0.158

  it('the estimate is within 2 SE of τ', () => {
    expect(Math.abs(row.effect - 1)).toBeLessThan(2 * row.se);
  });

  it('the SE is within 5 % of √(σ_t²/n_t + σ_c²/n_c)', () => {
    expect(Math.abs(row.se / analytic - 1)).toBeLessThan(0.05);
  });

  it("with equal weights the SE is Welch's, √(s_t²/n_t + s_c²/n_c) with sample variances", () => {
    const units = plantedTrial(planted);
    const ys = (arm: string) => units.filter((u) => u.arm === arm).map((u) => u.outcomes.consumption as number);
    const welch = Math.sqrt(sampleVariance(ys('treatment')) / 1000 + sampleVariance(ys('control')) / 1000);
    expect(row.se).toBeCloseTo(welch, 12);
    expect([row.nTreatment, row.nControl]).toEqual([1000, 1000]);
  });
});

describe('over 200 simulated trials (1,000 households, 40 % treated)', () => {
  const trials = (tau: number, weight?: (i: number) => number) =>
    Array.from({ length: 200 }, (_, trial) => ittEstimate(plantedTrial({ n: 1000, tau, sdTreatment: 4, sdControl: 3, share: 0.4, trial, weight }), 'consumption'));
  const spread = (rows: IttEstimate[]) => {
    const effects = rows.map((r) => r.effect);
    const mean = effects.reduce((a, b) => a + b, 0) / effects.length;
    return Math.sqrt(effects.reduce((a, e) => a + (e - mean) ** 2, 0) / (effects.length - 1));
  };
  const planted = trials(1);

  // 193 of 200 (96.5 %) with these seeds; with τ = 0, 7 of 200 p-values are below 0.05 and the KS
  // distance is 0.036; with weights 195 of 200 are covered.
  it('the 95 % interval covers τ = 1 in 90 % to 99 % of trials', () => {
    const covered = planted.filter((r) => r.low <= 1 && 1 <= r.high).length / 200;
    expect(covered).toBeGreaterThanOrEqual(0.9);
    expect(covered).toBeLessThanOrEqual(0.99);
  });

  it('the estimates average τ (within 0.05) and their spread is the mean SE (within 10 %)', () => {
    const mean = planted.reduce((a, r) => a + r.effect, 0) / 200;
    const se = planted.reduce((a, r) => a + r.se, 0) / 200;
    expect(Math.abs(mean - 1)).toBeLessThan(0.05);
    expect(Math.abs(spread(planted) / se - 1)).toBeLessThan(0.1);
    expect(Math.abs(se / analyticSe(1000, 0.4, 4, 3) - 1)).toBeLessThan(0.02);
  });

  it('with τ = 0, p < 0.05 in about 5 % of trials (1 % to 10 %) and the p-values are near uniform (KS distance < 0.1)', () => {
    const ps = trials(0).map((r) => r.p).sort((a, b) => a - b);
    const rejected = ps.filter((p) => p < 0.05).length / 200;
    expect(rejected).toBeGreaterThanOrEqual(0.01);
    expect(rejected).toBeLessThanOrEqual(0.1);
    const ks = Math.max(...ps.map((p, j) => Math.max(Math.abs((j + 1) / 200 - p), Math.abs(j / 200 - p))));
    expect(ks).toBeLessThan(0.1);
  });

  it('with unequal survey weights (1 to 5) the linearised SE still matches the spread of the estimates (within 10 %) and covers τ 90 % to 99 %', () => {
    const weighted = trials(1, (i) => 1 + (i % 5));
    const se = weighted.reduce((a, r) => a + r.se, 0) / 200;
    expect(Math.abs(spread(weighted) / se - 1)).toBeLessThan(0.1);
    const covered = weighted.filter((r) => r.low <= 1 && 1 <= r.high).length / 200;
    expect(covered).toBeGreaterThanOrEqual(0.9);
    expect(covered).toBeLessThanOrEqual(0.99);
  });
});

describe('survey weights', () => {
  const units = plantedTrial({ n: 600, tau: 1, sdTreatment: 2, sdControl: 2, weight: (i) => 1 + (i % 3) });
  const row = ittEstimate(units, 'consumption');
  const same = (a: IttEstimate, b: IttEstimate, keys: (keyof IttEstimate)[]) => keys.forEach((k) => expect(a[k]).toBeCloseTo(b[k] as number, 10));
  const everything: (keyof IttEstimate)[] = ['controlMean', 'treatmentMean', 'effect', 'se', 'low', 'high', 'p', 'controlSd', 'standardised'];

  it('multiplying every weight by 1,000 changes nothing', () => {
    same(row, ittEstimate(units.map((u) => ({ ...u, weight: 1000 * u.weight! })), 'consumption'), everything);
  });

  it('weight 2 and two copies give the same means, effect and standardised effect', () => {
    const doubled = ittEstimate(units.map((u) => ({ ...u, weight: 2 * u.weight! })), 'consumption');
    const copies = ittEstimate(units.flatMap((u) => [u, u]), 'consumption');
    same(doubled, copies, ['controlMean', 'treatmentMean', 'effect', 'controlSd', 'standardised']);
    expect(copies.nTreatment).toBe(2 * doubled.nTreatment);
  });

  it('…but not the same SE: copies claim twice the information, so their SE is smaller by √2 (to 0.2 %)', () => {
    const copies = ittEstimate(units.flatMap((u) => [u, u]), 'consumption');
    expect(Math.abs((row.se / copies.se) / Math.SQRT2 - 1)).toBeLessThan(0.002);
  });

  it('weights give the population effect: τ = 2 for weight-3 households and 0 for weight-1 ones averages to (3 × 2 + 1 × 0) / 4 = 1.5', () => {
    const mixed = plantedTrial({ n: 4000, tau: (i) => (i % 2 === 0 ? 2 : 0), sdTreatment: 1, sdControl: 1, weight: (i) => (i % 2 === 0 ? 3 : 1) });
    const weighted = ittEstimate(mixed, 'consumption');
    expect(Math.abs(weighted.effect - 1.5)).toBeLessThan(2 * weighted.se);
    const unweighted = ittEstimate(mixed.map(({ arm, outcomes }) => ({ arm, outcomes })), 'consumption');
    expect(Math.abs(unweighted.effect - 1)).toBeLessThan(2 * unweighted.se);
  });
});

describe('missing outcomes and the table', () => {
  const units: TrialUnit[] = [
    { arm: 'control', outcomes: { consumption: 1, assets: 5 } },
    { arm: 'control', outcomes: { consumption: 2, assets: null } },
    { arm: 'control', outcomes: { consumption: 3, assets: 7 } },
    { arm: 'control', outcomes: { consumption: NaN, assets: 9 } },
    { arm: 'treatment', outcomes: { consumption: 2 } },
    { arm: 'treatment', outcomes: { consumption: 4, assets: 8 } },
    { arm: 'treatment', outcomes: { consumption: 6, assets: 10 } },
  ];

  it('a household without an outcome (missing, null or NaN) is left out of that outcome only', () => {
    const consumption = ittEstimate(units, 'consumption');
    expect([consumption.nControl, consumption.nTreatment, consumption.effect]).toEqual([3, 3, 2]);
    const assets = ittEstimate(units, 'assets');
    expect([assets.nControl, assets.nTreatment, assets.controlMean, assets.treatmentMean]).toEqual([3, 2, 7, 9]);
  });

  it('ittTable gives a row per round and outcome, rounds in order, outcomes in order of first appearance or as asked', () => {
    const later = units.map((u) => ({ ...u, outcomes: { consumption: (u.outcomes.consumption as number) + 1 } }));
    const table = ittTable([
      { horizon: 24, units },
      { horizon: 36, units: later },
    ]);
    expect(table.map((r) => [r.horizon, r.outcome])).toEqual([
      [24, 'consumption'],
      [24, 'assets'],
      [36, 'consumption'],
    ]);
    expect(table[0]).toEqual({ ...ittEstimate(units, 'consumption'), horizon: 24 });
    expect(ittTable([{ horizon: 24, units }], { outcomes: ['assets'] }).map((r) => r.outcome)).toEqual(['assets']);
  });

  it('a 90 % interval is narrower, by 1.645 / 1.960', () => {
    const wide = ittEstimate(units, 'consumption');
    const narrow = ittEstimate(units, 'consumption', { confidence: 0.9 });
    expect((narrow.high - narrow.low) / (wide.high - wide.low)).toBeCloseTo(1.6448536269514722 / Z95, 8);
  });
});

describe('bad input is refused with a message naming the unit, arm or round', () => {
  const good = [unit('control', 1), unit('control', 2), unit('treatment', 3), unit('treatment', 5)];
  it.each<[string, () => unknown, RegExp]>([
    ['an unknown arm', () => ittEstimate([...good, { arm: 'placebo' as never, outcomes: { consumption: 1 } }], 'consumption'), /ittEstimate: units\[4\]: expected "arm" to be "treatment" or "control", got "placebo"/],
    ['a weight of 0', () => ittEstimate([...good, unit('control', 1, 0)], 'consumption'), /ittEstimate: units\[4\]: expected a "weight" > 0 \(households represented\), got 0/],
    ['a NaN weight', () => ittEstimate([unit('control', 1, NaN), ...good], 'consumption'), /units\[0\]: expected a "weight" > 0 \(households represented\), got NaN/],
    ['an infinite outcome', () => ittEstimate([...good, unit('treatment', Infinity)], 'consumption'), /units\[4\]: expected outcome "consumption" to be a finite number or missing, got Infinity/],
    ['one control household', () => ittEstimate(good.slice(1), 'consumption'), /ittEstimate: "consumption": expected at least 2 control households with the outcome, got 1; no standard error/],
    ['an outcome nobody has', () => ittEstimate(good, 'assets'), /"assets": expected at least 2 treatment households with the outcome, got 0/],
    ['a confidence of 95', () => ittEstimate(good, 'consumption', { confidence: 95 }), /ittEstimate: "confidence": expected a coverage in \(0, 1\), e\.g\. 0\.95, got 95/],
    ['units that are not a list', () => ittEstimate(undefined as never, 'consumption'), /ittEstimate: "units": expected a list of \{ arm, weight, outcomes \}/],
    ['a round without a horizon', () => ittTable([{ units: good } as never]), /ittTable: rounds\[0\]: expected a "horizon" in months since assignment, got undefined/],
    ['a round too small', () => ittTable([{ horizon: 24, units: good }, { horizon: 36, units: good.slice(1) }]), /ittTable: rounds\[1\] \(horizon 36\): "consumption": expected at least 2 control households/],
    ['a bad unit in a round', () => ittTable([{ horizon: 24, units: [{ arm: 'control' } as never] }]), /ittTable: rounds\[0\]: units\[0\]: expected "outcomes" by name/],
  ])('%s', (_, call, message) => {
    expect(call).toThrow(message);
  });
});
