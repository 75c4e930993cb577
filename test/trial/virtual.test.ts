/**
 * runTrial: a small virtual trial of the BRAC-like package (20,000 agents, outcomes at 12 and 48
 * months) is deterministic, balanced at baseline, finds the asset transfer it planted, and sets the
 * published BRAC effects beside its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { BRAC_LIKE, PENA_2023, balanceCsv, ittCsv, publishedCsv, runTrial } from '../../src/trial/index';
import type { TrialDesign, TrialResult } from '../../src/trial/index';

const params = loadParameters();
const SMALL: TrialDesign = { ...BRAC_LIKE, horizons: [12, 48] };
const options = { seed: 5, households: 20_000, parameters: params };
let trial: TrialResult;

beforeAll(() => {
  trial = runTrial(SMALL, { ...options, spillovers: true });
});

const row = (outcome: string, horizon: number) => trial.itt.find((r) => r.outcome === outcome && r.horizon === horizon)!;

describe('a virtual trial of the BRAC-like package', () => {
  it('the same seed gives the same result, byte for byte', () => {
    const again = runTrial(SMALL, options);
    expect(ittCsv(again.itt)).toBe(ittCsv(trial.itt));
    expect(balanceCsv(again.balance)).toBe(balanceCsv(trial.balance));
    expect(publishedCsv(again.published)).toBe(publishedCsv(trial.published));
    expect(JSON.stringify({ ...again, spillovers: [] })).toBe(JSON.stringify({ ...trial, spillovers: [] }));
  });

  it('half of the eligible households in each stratum are treated (round(n / 2), halves up)', () => {
    const { eligible, treatment, control } = trial.arms;
    expect(treatment + control).toBe(eligible);
    expect(Math.abs(treatment - eligible / 2)).toBeLessThanOrEqual(2); // four strata, each rounding
    expect(eligible).toBeGreaterThan(300);
    expect(trial.rounds.map((r) => r.horizon)).toEqual([0, 12, 48]);
    expect(trial.months).toEqual({ start: '2022-03', baseline: '2022-12', offer: '2023-01', end: '2027-01' });
  });

  it('every baseline household is extremely poor with a working-age member, and the arms are balanced (|difference| < 0.25 control SD)', () => {
    expect(row('extreme_poor', 12)).toBeDefined();
    const b = Object.fromEntries(trial.balance.map((r) => [r.outcome, r]));
    expect([b.extreme_poor.treatmentMean, b.extreme_poor.controlMean]).toEqual([1, 1]);
    for (const outcome of ['consumption', 'income'] as const) expect(Math.abs(b[outcome].standardised)).toBeLessThan(0.25);
    expect([b.assets.effect, b.business.effect]).toEqual([0, 0]);
  });

  it('12 months on, business assets are higher in the treatment arm by a positive, significant amount close to the Rp 4.08 m given, held as livestock', () => {
    const assets = row('assets', 12);
    expect(assets.low).toBeGreaterThan(0);
    expect(assets.p).toBeLessThan(0.001);
    expect(assets.effect).toBeGreaterThan(3_000_000);
    expect(assets.effect).toBeLessThan(6_000_000);
    expect(row('livestock', 12).effect).toBeGreaterThan(0.95 * assets.effect);
    expect(row('business', 12).effect).toBeGreaterThan(0.7);
  });

  it('relative effects are 100 × effect / control mean', () => {
    const c = row('consumption', 12);
    expect(c.relativeEffect).toBeCloseTo((100 * c.effect) / c.controlMean, 10);
  });

  it("the published BRAC effects sit beside the model's at 48 months, savings as treatment / control", () => {
    expect(trial.published.map((p) => [p.outcome, p.measure, p.qualifier, p.value])).toEqual([
      ['consumption', 'percent_change', '', 9],
      ['earnings', 'percent_change', '', 37],
      ['assets', 'ratio', '>', 2],
      ['savings', 'ratio', '~', 9],
    ]);
    const consumption = row('consumption', 48);
    expect(trial.published[0].model).toBeCloseTo((100 * consumption.effect) / consumption.controlMean, 10);
    const assets = row('assets', 48);
    expect(trial.published[2].model).toBeCloseTo(assets.treatmentMean / assets.controlMean, 8);
    const savings = row('savings', 48);
    expect(trial.published[3].model).toBeCloseTo(savings.treatmentMean / savings.controlMean, 8);
  });

  it('with and without the offer (same draws): the treated arm gains assets; the control arm moves little (spillovers)', () => {
    const at = (arm: string, outcome: string) => trial.spillovers.find((s) => s.arm === arm && s.outcome === outcome && s.horizon === 12)!;
    expect(at('treatment', 'assets').difference).toBeGreaterThan(3_000_000);
    expect(Math.abs(at('control', 'business').difference)).toBeLessThan(0.02);
    expect(Math.abs(at('control', 'consumption').difference / at('control', 'consumption').withoutOffer)).toBeLessThan(0.01);
  });
});

describe('bad designs and options are refused, naming the field', () => {
  it.each<[string, TrialDesign, RegExp]>([
    ['a share of 1', { ...PENA_2023, treatmentShare: 1 }, /trial design "pena-2023": "treatmentShare": expected a share of the eligible households in \(0, 1\), e\.g\. 0\.5, got 1/],
    ['no horizons', { ...PENA_2023, horizons: [] }, /"horizons": expected months after the offer as increasing whole numbers from 1 to 120, e\.g\. 12,24,36,48, got \[\]/],
    ['horizons out of order', { ...PENA_2023, horizons: [24, 12] }, /"horizons": .* got \[24,12\]/],
    ['an offer in the start month', { ...PENA_2023, offerMonth: '2022-03' }, /"offerMonth": expected a month after 2022-03 .* got "2022-03"/],
    ['an offer month that is no month', { ...PENA_2023, offerMonth: 'January' }, /"offerMonth": expected a month as YYYY-MM, got "January"/],
    ['PENA with a package', { ...PENA_2023, package: BRAC_LIKE.package }, /"package": expected one for "graduation-package" and none for "pena", got one for "pena"/],
  ])('%s', (_, design, message) => {
    expect(() => runTrial(design, options)).toThrow(message);
  });

  it('too few eligible households', () => {
    const design = { ...PENA_2023, eligibility: { ...PENA_2023.eligibility, id: 'three', test: (_w: unknown, _c: unknown, i: number) => i < 3 } };
    expect(() => runTrial(design, { ...options, households: 20_000 })).toThrow(/runTrial: design "pena-2023": 3 of 20,000 agents are eligible \(three\) in 2022-12; expected at least 4 \(2 per arm\): use more households/);
  });

  it('a seed that is not a number or a string', () => {
    expect(() => runTrial(PENA_2023, { ...options, seed: NaN })).toThrow(/runTrial: "seed": expected a finite number or a string, got NaN/);
  });
});
