/**
 * Businesses: profit, reinvestment, failure and the poverty trap, on tiny worlds built by hand.
 */
import { describe, expect, it } from 'vitest';
import { business } from '../../src/model/processes/business';
import { TRANSITION } from '../../src/model/phases';
import { RST_BUSINESS_SPACE, TRAINED } from './bits';
import { tinyWorld, W } from './world-fixture';
import type { Family } from './world-fixture';

/** |a − b| within `digits` significant digits of b (values are stored as Float32). */
function close(a: number, b: number, digits = 6): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.abs(b) * 10 ** -digits);
}

const running: Family = { phase: TRANSITION, business: 1, businessMonths: 3, size: 4, income: 500_000 };

describe('the poverty trap: below trap_threshold a business fails more often', () => {
  // failure_hazard 2^−21 is below the smallest non-zero uniform the process draws (2^−20), so a
  // business above the threshold fails only on a draw of exactly 0; × 2^21 it is 1: certain failure.
  const trap = { 'behaviour.business.failure_hazard': 2 ** -21, 'behaviour.business.trap_failure_multiplier': 2 ** 21, 'behaviour.business.trap_threshold': 4_000_000 } as const;

  it.each<[string, number, boolean]>([
    ['a business with Rp 1 m of capital, below the Rp 4 m threshold, fails', 1_000_000, true],
    ['a business with Rp 3.9 m fails', 3_900_000, true],
    ['a business with Rp 5 m, above the threshold, does not', 5_000_000, false],
    ['a business with Rp 40 m does not', 40_000_000, false],
  ])('%s', (_, capital, fails) => {
    const t = tinyWorld([{ ...running, capital }], { hold: trap });
    t.run(business);
    expect(t.h.business[0]).toBe(fails ? 0 : 1);
    expect(t.flow('business.failed')).toBe(fails ? W : 0);
    expect(t.h.businessMonths[0]).toBe(fails ? 0 : 4);
  });

  it('a failed business keeps salvage (20 %) of its capital', () => {
    const t = tinyWorld([{ ...running, capital: 1_000_000 }], { hold: { ...trap, 'behaviour.business.profit_sd': 0, 'behaviour.business.salvage': 0.2 } });
    t.run(business);
    const b = t.ctx.params.behaviour.business;
    const profit = 1_000_000 * b.monthly_return;
    close(t.h.capital[0], 0.2 * (1_000_000 * (1 - b.depreciation) + b.reinvestment * profit));
  });

  it('mentoring cuts the hazard: with mentoring_failure_reduction 1 a mentored business below the threshold survives', () => {
    const t = tinyWorld([{ ...running, capital: 1_000_000, mentoringMonths: 2 }], { hold: { ...trap, 'behaviour.business.mentoring_failure_reduction': 1 } });
    t.run(business);
    expect(t.h.business[0]).toBe(1);
  });

  it('over many businesses, those below the threshold fail about trap_failure_multiplier (3) times as often (hazard 5 % a month above it)', () => {
    const n = 4000;
    const t = tinyWorld(Array.from({ length: n }, (_, i) => ({ ...running, capital: i % 2 === 0 ? 1_000_000 : 40_000_000 })), {
      hold: { 'behaviour.business.failure_hazard': 0.05, 'behaviour.business.trap_failure_multiplier': 3 },
    });
    t.run(business);
    let below = 0;
    let above = 0;
    for (let i = 0; i < n; i++) if (t.h.business[i] === 0) (i % 2 === 0 ? below++ : above++);
    expect(below / (n / 2)).toBeCloseTo(0.15, 1);
    expect(above / (n / 2)).toBeCloseTo(0.05, 1);
  });
});

describe('profit: capital × monthly_return × (1 + bonuses); reinvested in part, the rest is income per person', () => {
  it.each<[string, Family, (b: { skills_bonus: number; mentoring_bonus: number; business_space_bonus: number }) => number]>([
    ['an untrained, unmentored business', {}, () => 1],
    ['a trained household', { services: TRAINED }, (b) => 1 + b.skills_bonus],
    ['a mentored household', { mentoringMonths: 3 }, (b) => 1 + b.mentoring_bonus],
    ['a household with an RST business space', { services: RST_BUSINESS_SPACE }, (b) => 1 + b.business_space_bonus],
    ['all three', { services: TRAINED | RST_BUSINESS_SPACE, mentoringMonths: 1 }, (b) => 1 + b.skills_bonus + b.mentoring_bonus + b.business_space_bonus],
  ])('%s', (_, family, bonus) => {
    const capital = 10_000_000;
    const t = tinyWorld([{ ...running, capital, ...family }], { hold: { 'behaviour.business.profit_sd': 0, 'behaviour.business.failure_hazard': 0 } });
    t.run(business);
    const b = t.ctx.params.behaviour.business;
    const profit = capital * b.monthly_return * bonus(b);
    close(t.h.income[0], 500_000 + ((1 - b.reinvestment) * profit) / 4);
    close(t.h.capital[0], capital * (1 - b.depreciation) + b.reinvestment * profit);
    expect(t.h.business[0]).toBe(1);
  });

  it('profit is log-normal around its mean: over many businesses the mean shock is about 1', () => {
    const n = 4000;
    const capital = 10_000_000;
    const t = tinyWorld(Array.from({ length: n }, () => ({ ...running, capital })), { hold: { 'behaviour.business.failure_hazard': 0 } });
    t.run(business);
    const b = t.ctx.params.behaviour.business;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += (t.h.income[i] - 500_000) / n;
    expect(mean / (((1 - b.reinvestment) * capital * b.monthly_return) / 4)).toBeCloseTo(1, 1);
  });

  it('a household without a business earns nothing from one and keeps its capital', () => {
    const t = tinyWorld([{ phase: TRANSITION, business: 0, capital: 2_000_000, income: 500_000 }]);
    t.run(business);
    expect(t.h.income[0]).toBe(500_000);
    expect(t.h.capital[0]).toBe(2_000_000);
  });
});

describe('mentoring counts down', () => {
  it.each<[string, Family, number]>([
    ['with a business', { ...running, capital: 10e6, mentoringMonths: 3 }, 2],
    ['without a business', { business: 0, mentoringMonths: 3 }, 2],
    ['at the last month', { business: 0, mentoringMonths: 1 }, 0],
    ['not mentored', { business: 0, mentoringMonths: 0 }, 0],
  ])('for a household %s', (_, family, left) => {
    const t = tinyWorld([family], { hold: { 'behaviour.business.failure_hazard': 0 } });
    t.run(business);
    expect(t.h.mentoringMonths[0]).toBe(left);
  });
});

describe('assets by kind: equipment wears out, livestock breeds', () => {
  // No profit (return 0) and no failure: only wear and herd growth move the assets.
  const still = { 'behaviour.business.monthly_return': 0, 'behaviour.business.failure_hazard': 0, 'behaviour.business.trap_failure_multiplier': 1 } as const;

  it.each<[string, Family, number, number]>([
    ['equipment of Rp 1 m loses depreciation (2 %) a month', { capital: 1_000_000 }, 1_000_000 * (1 - 0.02), 0],
    ['livestock of Rp 1 m grows by (1 + 12 %)^(1/12) a month', { livestock: 1_000_000 }, 0, 1_000_000 * 1.12 ** (1 / 12)],
    ['a business with both: each moves by its own rule', { capital: 1_000_000, livestock: 2_000_000 }, 1_000_000 * (1 - 0.02), 2_000_000 * 1.12 ** (1 / 12)],
  ])('%s', (_, assets, equipment, livestock) => {
    const t = tinyWorld([{ ...running, ...assets }], { hold: { ...still, 'behaviour.business.depreciation': 0.02, 'behaviour.business.livestock_growth': 0.12 } });
    t.run(business);
    close(t.h.capital[0], equipment);
    close(t.h.livestock[0], livestock);
  });

  it('over four years a herd growing 10 % a year is worth 1.1^4 times as much, while equipment keeps 0.98^48 of its value', () => {
    const t = tinyWorld([{ ...running, capital: 1_000_000 }, { ...running, livestock: 1_000_000 }], { hold: { ...still, 'behaviour.business.depreciation': 0.02, 'behaviour.business.livestock_growth': 0.1 } });
    for (let m = 0; m < 48; m++) {
      if (m > 0) t.next();
      t.run(business);
    }
    close(t.h.capital[0], 1_000_000 * 0.98 ** 48, 4);
    close(t.h.livestock[1], 1_000_000 * 1.1 ** 4, 4);
  });

  it('reinvested profit is shared between equipment and livestock in the mix the business holds (1 : 3)', () => {
    const t = tinyWorld([{ ...running, capital: 1_000_000, livestock: 3_000_000 }], {
      hold: { 'behaviour.business.profit_sd': 0, 'behaviour.business.failure_hazard': 0, 'behaviour.business.depreciation': 0, 'behaviour.business.livestock_growth': 0, 'behaviour.business.reinvestment': 0.5, 'behaviour.business.skills_bonus': 0, 'behaviour.business.mentoring_bonus': 0, 'behaviour.business.monthly_return': 0.05 },
    });
    t.run(business);
    const reinvested = 0.5 * 4_000_000 * 0.05; // Rp 100,000
    close(t.h.capital[0], 1_000_000 + reinvested / 4);
    close(t.h.livestock[0], 3_000_000 + (3 * reinvested) / 4);
  });

  it('a failed business keeps salvage of its equipment and sells its livestock into savings', () => {
    const hold = { ...still, 'behaviour.business.failure_hazard': 1, 'behaviour.business.salvage': 0.2, 'behaviour.business.depreciation': 0, 'behaviour.business.livestock_growth': 0 };
    const t = tinyWorld([{ ...running, capital: 1_000_000, livestock: 2_000_000, savings: 500_000 }], { hold });
    t.run(business);
    expect(t.h.business[0]).toBe(0);
    close(t.h.capital[0], 0.2 * 1_000_000);
    expect(t.h.livestock[0]).toBe(0);
    close(t.h.savings[0], 500_000 + 2_000_000);
  });

  it('the trap threshold counts equipment and livestock together: Rp 2 m + Rp 2.5 m is above Rp 4 m', () => {
    const trap = { 'behaviour.business.failure_hazard': 2 ** -21, 'behaviour.business.trap_failure_multiplier': 2 ** 21, 'behaviour.business.trap_threshold': 4_000_000 } as const;
    const t = tinyWorld([{ ...running, capital: 2_000_000, livestock: 2_500_000 }, { ...running, capital: 2_000_000 }], { hold: trap });
    t.run(business);
    expect([t.h.business[0], t.h.business[1]]).toEqual([1, 0]);
  });
});
