/**
 * Community programmes (who is reached, for how long) and the aggregate shocks of the income process,
 * on tiny worlds built by hand.
 */
import { describe, expect, it } from 'vitest';
import { community } from '../../src/model/processes/community';
import { income } from '../../src/model/processes/income';
import { pathway } from '../../src/model/processes/pathway';
import { REMOTE, URBAN } from '../../src/model/households';
import { DISASTER_VICTIM, PHASES, RECOVERY } from '../../src/model/phases';
import { tinyWorld, W } from './world-fixture';
import type { Family } from './world-fixture';

/** One reach a year for W households of non-KAT communities, none for KAT. */
const reach = (households: number, extra: Record<string, number> = {}) =>
  ({ 'policy.community.karang_taruna_households': households, 'policy.community.lks_households': 0, 'policy.community.kat_households': 0, ...extra }) as const;

describe('community programmes reach the poorest communities first', () => {
  it.each<[string, number, number, boolean[]]>([
    ['the rural area, where extreme poverty is higher, is reached before the urban area', 1.5, 0.5, [false, true]],
    ['the urban area, where extreme poverty is higher, is reached before the rural area', 0.5, 1.5, [true, false]],
  ])('%s', (_, urban, rural, reached) => {
    // January: a new year's reach (the world starts in December, so the whole year is left).
    const t = tinyWorld(({ extreme }) => [{ flags: URBAN, consumption: urban * extreme }, { flags: 0, consumption: rural * extreme }], { month: '2023-01', hold: reach(W) });
    t.run(community);
    const until = t.ctx.month + t.ctx.params.behaviour.community.enterprise_lifetime - 1;
    expect([0, 1].map((i) => t.h.communityUntil[i] === until)).toEqual(reached);
    expect(t.flow('community.reached')).toBe(W);
    expect(t.world.services.community.spentThisMonth).toBe(W * t.ctx.params.policy.community.cost_per_household);
  });

  it('within a community, every household not yet reached, in household order, while the year’s reach lasts', () => {
    const t = tinyWorld(({ extreme }) => [0.5, 0.5, 0.5, 0.5].map((s) => ({ consumption: s * extreme })), { month: '2023-01', hold: reach(3 * W) });
    t.run(community);
    expect([0, 1, 2, 3].map((i) => t.h.communityUntil[i] > 0)).toEqual([true, true, true, false]);
  });

  it('KAT programmes reach only KAT communities, and the others only the others', () => {
    const t = tinyWorld(({ extreme }) => [{ flags: REMOTE, consumption: 1.5 * extreme }, { flags: 0, consumption: 0.5 * extreme }, { flags: REMOTE, consumption: 1.5 * extreme }], {
      month: '2023-01',
      hold: reach(0, { 'policy.community.kat_households': 2 * W }),
    });
    t.run(community);
    expect([0, 1, 2].map((i) => t.h.communityUntil[i] > 0)).toEqual([true, false, true]);
  });

  it('outside January nobody new is reached', () => {
    const t = tinyWorld(({ extreme }) => [{ consumption: 0.5 * extreme }], { month: '2023-01', hold: reach(W) });
    t.next(); // February
    t.run(community);
    expect(t.h.communityUntil[0]).toBe(0);
  });

  it('in the first month of a run, the share of the year that is left (April: 9 / 12)', () => {
    const t = tinyWorld(({ extreme }) => Array.from({ length: 12 }, () => ({ consumption: 0.5 * extreme })), { month: '2023-04', hold: reach(12 * W) });
    t.run(community);
    expect(t.flow('community.reached')).toBe((12 * W * 9) / 12);
  });

  it.each([1, 12])('a Karang Taruna or LKS enterprise raises a reached household’s income by income_effect for its lifetime (%i months), then ends', (months) => {
    const families = ({ extreme }: { extreme: number }): Family[] => [{ consumption: 0.5 * extreme }];
    const hold = { 'behaviour.community.enterprise_lifetime': months, 'behaviour.community.income_effect': 0.5, 'behaviour.community.shock_reduction': 0 };
    const reached = tinyWorld(families, { month: '2023-01', hold: reach(W, hold) });
    const twin = tinyWorld(families, { month: '2023-01', hold: reach(0, hold) });
    const raised: boolean[] = [];
    for (let k = 0; k < months + 3; k++) {
      if (k > 0) {
        reached.next();
        twin.next();
      }
      // Reach once, in the first month; then only incomes move (a new year's reach would start a new programme).
      if (k === 0) {
        reached.run(community, income);
        twin.run(community, income);
      } else {
        reached.run(income);
        twin.run(income);
      }
      raised.push(Math.abs(reached.h.income[0] / twin.h.income[0] - 1.5) < 1e-6);
    }
    expect(raised).toEqual([...Array(months).fill(true), false, false, false]);
  });
});

describe('community assets last their lifetime', () => {
  const kat = (extra: Record<string, number> = {}) => reach(0, { 'policy.community.kat_households': W, ...extra });

  it.each<[string, number, string]>([
    ['a KAT asset (settlement, clean water, lumbung sosial) works for kat_asset_lifetime months', REMOTE, 'behaviour.community.kat_asset_lifetime'],
    ['a Karang Taruna or LKS enterprise works for enterprise_lifetime months', 0, 'behaviour.community.enterprise_lifetime'],
  ])('%s', (_, flags, lifetime) => {
    const hold = { ...reach(W, { 'policy.community.kat_households': W }), 'behaviour.community.kat_asset_lifetime': 120, 'behaviour.community.enterprise_lifetime': 60 };
    const t = tinyWorld(({ extreme }) => [{ flags, consumption: 0.5 * extreme }], { month: '2023-01', hold });
    t.run(community);
    expect(t.h.communityUntil[0]).toBe(t.ctx.month + (lifetime.endsWith('kat_asset_lifetime') ? 120 : 60) - 1);
  });

  it('a household whose asset still works is not reached again next January; once its asset has ended, it is', () => {
    const t = tinyWorld(({ extreme }) => [{ flags: REMOTE, consumption: 0.5 * extreme }], { month: '2023-01', hold: kat({ 'behaviour.community.kat_asset_lifetime': 12 }) });
    t.run(community);
    const first = t.h.communityUntil[0];
    expect(first).toBe(t.ctx.month + 11); // January to December 2023
    for (let k = 0; k < 12; k++) t.next(); // January 2024: the asset ended in December
    t.run(community);
    expect(t.h.communityUntil[0]).toBe(first + 12);
    const u = tinyWorld(({ extreme }) => [{ flags: REMOTE, consumption: 0.5 * extreme }], { month: '2023-01', hold: kat({ 'behaviour.community.kat_asset_lifetime': 24 }) });
    u.run(community);
    const kept = u.h.communityUntil[0];
    for (let k = 0; k < 12; k++) u.next(); // January 2024: the asset still works
    u.run(community);
    expect(u.h.communityUntil[0]).toBe(kept);
  });

  it.each<[string, number, number]>([
    ['a KAT asset spares its household a shock that hits every month (shock_reduction 1)', REMOTE, 1 - 0.5],
    ['a Karang Taruna or LKS enterprise does not cut shocks', 0, 1],
  ])('%s', (_, flags, ratio) => {
    const hold = { 'behaviour.income.shock_probability': 1, 'behaviour.income.shock_size': 0.5, 'behaviour.community.shock_reduction': 1, 'behaviour.community.income_effect': 0 };
    const families = ({ extreme }: { extreme: number }): Family[] => [{ flags, consumption: 0.5 * extreme }];
    const served = tinyWorld(families, { month: '2023-01', hold: { ...hold, ...reach(W, { 'policy.community.kat_households': W }) } });
    const twin = tinyWorld(families, { month: '2023-01', hold: { ...hold, ...reach(0) } });
    for (const t of [served, twin]) {
      t.h.permanentIncome.fill(13);
      t.run(community, income);
    }
    // The twin is hit (income × (1 − shock_size)); the served household too, unless its asset cuts the shock.
    expect(twin.h.income[0] / served.h.income[0]).toBeCloseTo(ratio, 6);
  });
});

describe('aggregate shocks (income process)', () => {
  const twoProvinces = (): Family[] => [{ province: 0 }, { province: 0 }, { province: 1 }];
  /** Two worlds with provinces 11 and 12, one with `hold`, after a month of income: the same draws. */
  function pair(hold: Record<string, number>) {
    const shocked = tinyWorld(twoProvinces, { hold, provinces: [11, 12] });
    const calm = tinyWorld(twoProvinces, { provinces: [11, 12] });
    for (const t of [shocked, calm]) {
      t.h.permanentIncome.fill(13);
      t.run(income);
    }
    return { shocked, calm };
  }

  it('a COVID-like loss of 10 % cuts every household’s market income by 10 % in the month it hits', () => {
    const { shocked, calm } = pair({ 'behaviour.shocks.covid_loss': 0.1 });
    for (let i = 0; i < 3; i++) expect(shocked.h.income[i] / calm.h.income[i]).toBeCloseTo(0.9, 6);
  });

  it('a flood in province 12 cuts its households’ income by flood_loss and makes them disaster victims; province 11 is spared', () => {
    const { shocked, calm } = pair({ 'behaviour.shocks.flood_province': 12, 'behaviour.shocks.flood_loss': 0.2 });
    expect([0, 1, 2].map((i) => shocked.h.income[i] / calm.h.income[i])).toEqual([1, 1, expect.closeTo(0.8, 6)]);
    expect([0, 1, 2].map((i) => (shocked.h.history[i] & DISASTER_VICTIM) !== 0)).toEqual([false, false, true]);
  });

  it('a flood victim in pemulihan sosial must be rehabilitated before moving on', () => {
    const t = tinyWorld([{ phase: RECOVERY, monthsInPhase: 10 }], { hold: { 'behaviour.shocks.flood_province': 11, 'behaviour.shocks.flood_loss': 0.2, 'policy.atensi.places': 0 } });
    t.h.permanentIncome.fill(13);
    t.run(income, pathway);
    expect(PHASES[t.h.phase[0]]).toBe('recovery');
    expect(t.world.blocked.awaitingRehabilitation).toBe(W);
  });
});
