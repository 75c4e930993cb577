/**
 * The adaptive community model: programmes that leave community assets behind.
 *
 * Kemensos's community actors run community-level empowerment: for remote indigenous communities
 * (KAT) — a settlement, clean water, a social food barn (lumbung sosial), productive assets — and,
 * elsewhere, enterprises of Karang Taruna (youth organisations) and LKS (social welfare institutions):
 * salt farming, boats, chicken farming. A community here is a province's urban area, its rural area,
 * or its KAT settlements. Each January the programmes reach their yearly households (in the first
 * month of a run, the share of the year that is left): communities are taken in order of their
 * extreme-poverty rate (highest first), and within a community every household not served by a
 * working asset, in household order. What they build serves the households reached for its lifetime
 * (`communityUntil`, the last month it works): a KAT asset for `kat_asset_lifetime` months, raising
 * market income by `income_effect` and cutting the household-shock probability by `shock_reduction`;
 * a Karang Taruna or LKS enterprise for `enterprise_lifetime` months, raising market income by
 * `income_effect` (behaviour.community; the income process applies them). When an asset's life ends,
 * its households can be reached again.
 */
import { REMOTE, URBAN } from '../households';
import type { Households } from '../households';
import { serve } from '../services/serve';
import type { MonthContext, World } from '../world';
import { monthOfYear } from '../../calendar/months';

/** The community of household i: province × (rural, urban, KAT). */
export function communityOf(h: Households, i: number): number {
  const f = h.flags[i];
  return h.province[i] * 3 + ((f & REMOTE) !== 0 ? 2 : (f & URBAN) !== 0 ? 1 : 0);
}

export function community(world: World, ctx: MonthContext): void {
  const h = world.households;
  const p = ctx.params.policy.community;
  const first = ctx.month === world.start + 1;
  if (monthOfYear(ctx.month) !== 1 && !first) return;
  const share = first ? (13 - monthOfYear(ctx.month)) / 12 : 1;
  const kat = p.kat_households * share;
  const others = (p.karang_taruna_households + p.lks_households) * share;
  if (kat <= 0 && others <= 0) return;
  const communities = world.provinceCount * 3;
  const persons = new Float64Array(communities);
  const extremePoor = new Float64Array(communities);
  const unreached = new Float64Array(communities);
  const { weight, size, consumption, communityUntil } = h;
  const line = ctx.extremeLine;
  for (let i = 0, n = h.count; i < n; i++) {
    const k = communityOf(h, i);
    const wp = weight[i] * size[i];
    persons[k] += wp;
    if (consumption[i] < line) extremePoor[k] += wp;
    if (communityUntil[i] < ctx.month) unreached[k] += weight[i];
  }
  // Households to reach in each community this month.
  const quota = new Float64Array(communities);
  const order = Array.from({ length: communities }, (_, k) => k).sort((a, b) => extremePoor[b] / (persons[b] || 1) - extremePoor[a] / (persons[a] || 1) || a - b);
  let leftKat = kat;
  let leftOthers = others;
  for (const k of order) {
    if (k % 3 === 2) {
      quota[k] = Math.min(leftKat, unreached[k]);
      leftKat -= quota[k];
    } else {
      quota[k] = Math.min(leftOthers, unreached[k]);
      leftOthers -= quota[k];
    }
  }
  const lifetime = ctx.params.behaviour.community;
  // An asset built this month works this month and the next lifetime − 1.
  const katUntil = Math.min(0xffff, ctx.month + lifetime.kat_asset_lifetime - 1);
  const enterpriseUntil = Math.min(0xffff, ctx.month + lifetime.enterprise_lifetime - 1);
  for (let i = 0, n = h.count; i < n; i++) {
    if (communityUntil[i] >= ctx.month) continue;
    const k = communityOf(h, i);
    if (weight[i] > quota[k]) continue;
    quota[k] -= weight[i];
    communityUntil[i] = k % 3 === 2 ? katUntil : enterpriseUntil;
    serve(world, ctx, 'community', i, p.cost_per_household, 'community.reached');
  }
}
