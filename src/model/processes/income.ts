/**
 * Income: market income per person moves with growth, prices and shocks.
 *
 *   log real income = permanent + growth(t) + transitory + province shock
 *   transitory(t)   = ρ · transitory(t−1) + σ · ε   (+ log(1 − size) when a household shock hits)
 *   province(t)     = ρp · province(t−1) + σp · εp   (one draw per province and month)
 *   nominal income  = real income × prices (underlying inflation at once, price jumps `price_lag` months late)
 *
 * So a price jump (the 2022 fuel-price rise) cuts real income until nominal incomes catch up, a
 * household shock (job loss, illness, harvest failure) cuts it for a while, and a province shock moves
 * every household of a province together.
 */
import { exp, log } from '../math';
import { bits } from '../random';
import type { MonthContext, World } from '../world';
import { STANDARD_NORMAL } from '../normal-table';

/** 2^−20: turns the low 20 bits of a draw into a uniform in [0, 1). */
const TWO_TO_MINUS_20 = 9.5367431640625e-7;

export function income(world: World, ctx: MonthContext): void {
  const h = world.households;
  const p = ctx.params.behaviour.income;
  world.growth += log(1 + p.real_growth) / 12;

  const shock = world.provinceShock;
  const ps = ctx.streams.province;
  for (let r = 0; r < world.provinceCount; r++) {
    const z = STANDARD_NORMAL[bits(ps.k0, ps.k1, r, ctx.month, 0) >>> 20];
    shock[r] = p.province_persistence * shock[r] + p.province_sd * z;
  }

  const { permanentIncome, transitory, income: nominal, province } = h;
  const rho = p.transitory_persistence;
  const sd = p.transitory_sd;
  const hit = p.shock_probability;
  const loss = log(1 - p.shock_size);
  const level = world.growth;
  const prices = ctx.incomePrices;
  const { k0, k1 } = ctx.streams.income;
  const month = ctx.month;
  for (let i = 0, n = h.count; i < n; i++) {
    // One 32-bit draw: the top 12 bits pick the normal innovation, the low 20 bits decide the shock.
    const b = bits(k0, k1, i, month, 0);
    let t = rho * transitory[i] + sd * STANDARD_NORMAL[b >>> 20];
    if ((b & 0xfffff) * TWO_TO_MINUS_20 < hit) t += loss;
    transitory[i] = t;
    nominal[i] = exp(permanentIncome[i] + level + t + shock[province[i]]) * prices;
  }
}
