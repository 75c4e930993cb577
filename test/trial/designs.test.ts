/**
 * The built-in trial designs: the BRAC-like package's rupiah amounts redone from BRAC's USD and the
 * model's own extreme line, its stipend from the Government's BLT BBM, and the cost per household.
 */
import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { pricePath } from '../../src/model/prices';
import { monthOf } from '../../src/calendar/months';
import { BRAC_LIKE, BRAC_LIKE_PACKAGE, PENA_2023, TRIAL_DESIGNS, costPerHousehold, trialDesign } from '../../src/trial/index';

const params = loadParameters();

describe('the BRAC-like package in rupiah of the offer month (January 2023)', () => {
  const offer = monthOf(BRAC_LIKE.offerMonth);
  const prices = pricePath(params, monthOf('2022-03'), offer);
  // A 2011 PPP dollar: Kemendagri's USD 1.90 a day at 2011 PPP (Rp 11,941 a day, 2021, dated mid-year) carried by the CPI, over 1.90.
  const rupiahPerPppDollar = (11_941 * prices.cpi(offer)) / prices.cpi(monthOf('2021-07')) / 1.9;
  // USD 560 at 2007 PPP in 2011 PPP dollars: × US CPI-U 2011 / 2007 (annual averages, BLS).
  const bracUsd2011 = (560 * 224.939) / 207.342;

  it('1 PPP dollar is about Rp 6,714 in January 2023', () => {
    expect(rupiahPerPppDollar).toBeCloseTo(6713.5, 1);
  });

  it.each([
    ['capital (the asset bundle)', BRAC_LIKE_PACKAGE.capital],
    ['training and coaching cost', BRAC_LIKE_PACKAGE.trainingCost],
  ])('%s is USD 560 (2007 PPP) = Rp 4,078,640, rounded to Rp 10,000', (_, amount) => {
    expect(Math.abs(amount - bracUsd2011 * rupiahPerPppDollar)).toBeLessThanOrEqual(5_000);
  });

  it('the stipend is BLT BBM (Rp 150,000 a month in 2022) for 40 weeks = 9 whole months', () => {
    expect(BRAC_LIKE_PACKAGE.stipend).toBe(params.at(monthOf('2022-09')).policy.blt_bbm.benefit);
    expect(BRAC_LIKE_PACKAGE.stipendMonths).toBe(Math.floor((40 * 7) / (365 / 12)));
  });

  it('the asset lies just above the poverty-trap threshold (Rp 4 m)', () => {
    const threshold = params.at(offer).behaviour.business.trap_threshold;
    expect(BRAC_LIKE_PACKAGE.capital).toBeGreaterThan(threshold);
    expect(BRAC_LIKE_PACKAGE.capital).toBeLessThan(1.05 * threshold);
  });

  it('costs 4,080,000 + 4,080,000 + 9 × 150,000 = Rp 9,510,000 a household; PENA costs its capital', () => {
    expect(costPerHousehold(BRAC_LIKE, 6_000_000)).toBe(4_080_000 + 4_080_000 + 9 * 150_000);
    expect(costPerHousehold(PENA_2023, params.at(monthOf('2023-01')).policy.pena.capital)).toBe(6_000_000);
  });
});

describe('the built-in designs', () => {
  it('are pena-2023 and brac-like, found by id', () => {
    expect(TRIAL_DESIGNS.map((d) => d.id)).toEqual(['pena-2023', 'brac-like']);
    expect(trialDesign('brac-like')).toBe(BRAC_LIKE);
  });

  it('an unknown id is refused, naming the designs there are', () => {
    expect(() => trialDesign('brac')).toThrow('unknown trial design "brac" (expected one of pena-2023, brac-like)');
  });

  it('brac-like follows households seven years, as BRAC was (2007–2014), gives livestock, and names its published effects and path', () => {
    expect(BRAC_LIKE.horizons.at(-1)).toBe(84);
    expect(BRAC_LIKE.package?.asset).toBe('livestock');
    expect(BRAC_LIKE.published).toBe('data/evidence/brac-tup.csv');
    expect(BRAC_LIKE.paths).toBe('data/evidence/brac-tup-paths.csv');
  });
});
