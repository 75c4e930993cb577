/**
 * Income growth: mean growth from the national accounts times the calibrated multiplier, spread along
 * the distribution by growth incidence (behaviour.income.growth_at_bottom).
 */
import { describe, expect, it } from 'vitest';
import { income, rankForGrowth } from '../../src/model/processes/income';
import { consumption } from '../../src/model/processes/consumption';
import { tinyWorld } from './world-fixture';
import { DISASTER_VICTIM } from '../../src/model/phases';

/** No noise and no shocks: income moves only with growth and prices. */
const QUIET = {
  'behaviour.income.transitory_sd': 0,
  'behaviour.income.shock_probability': 0,
  'behaviour.income.province_sd': 0,
  'behaviour.shocks.covid_loss': 0,
  'behaviour.shocks.flood_loss': 0,
} as const;

/** Two households alike but for their rank: the poorest (rank 0) and the richest (rank 1). Returns the log growth of each over `months` months of income. */
function growthByRank(atBottom: number, months = 24): { bottom: number; top: number; mean: number; realMean: number } {
  const t = tinyWorld([{}, {}], { hold: { ...QUIET, 'behaviour.income.growth_at_bottom': atBottom } });
  t.h.permanentIncome.fill(Math.log(500_000));
  t.world.growthRank.set([0, 1]);
  t.run(income);
  const before = [t.h.income[0], t.h.income[1]];
  const grownBefore = t.world.growth;
  t.months(months, income);
  const bottom = Math.log(t.h.income[0] / before[0]);
  const top = Math.log(t.h.income[1] / before[1]);
  return { bottom, top, mean: (bottom + top) / 2, realMean: t.world.growth - grownBefore };
}

describe('growth along the distribution', () => {
  it('with growth_at_bottom = 1 every rank grows alike', () => {
    const g = growthByRank(1);
    expect(g.bottom).toBeGreaterThan(0);
    expect(g.bottom).toBeCloseTo(g.top, 5);
  });

  it('above 1 the poorest grow faster than the mean and the richest slower, by the stated multiples', () => {
    const neutral = growthByRank(1);
    const g = growthByRank(1.5);
    expect(g.bottom).toBeGreaterThan(neutral.bottom);
    expect(g.top).toBeLessThan(neutral.top);
    expect(g.mean).toBeCloseTo(neutral.mean, 5);
    // Real growth over 24 months at the bottom is 1.5 × the mean's, at the top 0.5 ×: the difference is the mean's real growth.
    expect(g.bottom - g.top).toBeCloseTo(g.realMean, 6);
  });

  it('below 1 growth favours the better-off', () => {
    const g = growthByRank(0.5);
    expect(g.bottom).toBeLessThan(g.top);
  });

  it('mean growth is real_growth × macro_growth a year: 0 stops it, 1 follows the national accounts', () => {
    // The world starts in December 2022, so the 12 months stepped are January–December 2023.
    const t = tinyWorld([{}], { month: '2022-12', hold: { ...QUIET, 'behaviour.income.real_growth': 0 } });
    t.months(12, income);
    expect(t.world.growth).toBe(0);
    const u = tinyWorld([{}], { month: '2022-12', hold: QUIET });
    u.months(12, income);
    const macro = u.params.at(u.ctx.month).behaviour.income.macro_growth;
    expect(u.world.growth).toBeCloseTo(Math.log(1 + macro), 10);
  });

  it('ranks households by their consumption in the start month', () => {
    const t = tinyWorld((lines) => [{ consumption: 2 * lines.national }, { consumption: 0.5 * lines.national }, { consumption: lines.national }]);
    t.run(consumption);
    rankForGrowth(t.world);
    const [rich, poor, middle] = t.world.growthRank;
    expect(poor).toBeLessThan(middle);
    expect(middle).toBeLessThan(rich);
  });
});

describe('disasters among household shocks', () => {
  /** 20,000 households after one month of income with these shock and disaster probabilities. */
  function hit(shock: number, disaster: number) {
    const t = tinyWorld(Array.from({ length: 20_000 }, () => ({})), { hold: { 'behaviour.income.shock_probability': shock, 'behaviour.income.disaster_share': disaster } });
    t.run(income);
    const victims = t.h.history.reduce((n, x) => n + ((x & DISASTER_VICTIM) !== 0 ? 1 : 0), 0) / t.h.count;
    return { victims, income: Array.from(t.h.income) };
  }

  it.each([
    [1, 1, 1],
    [1, 0, 0],
    [0, 1, 0],
    [0.5, 0.4, 0.5 * 0.4],
  ])('with a shock probability of %d and a disaster share of %d, a share %d of households become disaster victims', (shock, disaster, expected) => {
    const { victims } = hit(shock, disaster);
    expect(Math.abs(victims - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / 20_000) + 1e-12);
  });

  it('a disaster costs what any household shock costs: incomes do not depend on the disaster share', () => {
    expect(hit(0.5, 1).income).toEqual(hit(0.5, 0).income);
  });
});
