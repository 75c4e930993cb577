/**
 * Income: market income per person moves with growth, prices and shocks.
 *
 *   log real income = permanent + growth(t) + tilt(t) · (1 − 2 rank) + transitory + province shock
 *   growth(t)       = Σ g,  g = log(1 + real_growth × macro_growth) / 12 a month
 *   tilt(t)         = Σ g · (growth_at_bottom − 1)
 *   transitory(t)   = ρ · transitory(t−1) + σ · ε   (+ log(1 − size) when a household shock hits)
 *   province(t)     = ρp · province(t−1) + σp · εp   (one draw per province and month)
 *   nominal income  = real income × prices (underlying inflation at once, price jumps `price_lag` months late)
 *
 * Mean growth is the national accounts' growth of household consumption per person (macro_growth,
 * dated by year) times a calibrated multiplier (real_growth). Growth incidence: a household's rank in
 * the welfare distribution of the start month (0 = poorest, 1 = richest) sets its share of growth,
 * growth_at_bottom times the mean at the bottom, falling linearly to (2 − growth_at_bottom) times it
 * at the top, so the mean over households is the mean growth.
 *
 * So a price jump (the 2022 fuel-price rise) cuts real income until nominal incomes catch up, a
 * household shock (job loss, illness, harvest failure) cuts it for a while, and a province shock moves
 * every household of a province together. An RST house and a KAT community asset (clean water, a
 * food barn, a settlement) make household shocks rarer; a community asset, KAT or a Karang Taruna or
 * LKS enterprise, also raises income while it works (behaviour.rst, behaviour.community, ./community.ts).
 * A share of household shocks (disaster_share) are disasters: the household is then a disaster
 * victim, whom ATENSI serves (../services/atensi.ts); the loss is the same.
 *
 * Aggregate shocks placed in time by parameters (behaviour.shocks) hit the transitory part in the
 * month they occur and then fade like any transitory shock: a COVID-like loss for every household,
 * a flood for the households of one province — who are then disaster victims, a vulnerability ATENSI
 * rehabilitation addresses.
 */
import { exp, log } from '../math';
import { bits } from '../random';
import type { MonthContext, World } from '../world';
import type { Stream } from '../random';
import { overHouseholds } from '../threads';
import type { HouseholdView, RangeWork } from '../threads';
import { STANDARD_NORMAL } from '../normal-table';
import { DISASTER_VICTIM } from '../phases';
import { REMOTE } from '../households';
import { logBin } from '../welfare';

/** 2^−20: turns the low 20 bits of a draw into a uniform in [0, 1). */
const TWO_TO_MINUS_20 = 9.5367431640625e-7;

export function income(world: World, ctx: MonthContext): void {
  const p = ctx.params.behaviour.income;
  const growth = log(1 + p.real_growth * p.macro_growth) / 12;
  world.growth += growth;
  world.growthTilt += growth * (p.growth_at_bottom - 1);

  const shock = world.provinceShock;
  const ps = ctx.streams.province;
  for (let r = 0; r < world.provinceCount; r++) {
    const z = STANDARD_NORMAL[bits(ps.k0, ps.k1, r, ctx.month, 0) >>> 20];
    shock[r] = p.province_persistence * shock[r] + p.province_sd * z;
  }

  // Aggregate shocks of this month, as log income losses by province.
  const shocks = ctx.params.behaviour.shocks;
  const covid = shocks.covid_loss > 0 ? log(1 - shocks.covid_loss) : 0;
  const flooded = shocks.flood_loss > 0 ? world.provinceCodes.indexOf(shocks.flood_province) : -1;
  const flood = flooded >= 0 ? log(1 - shocks.flood_loss) : 0;

  const reached = ctx.params.behaviour.community;
  const terms: IncomeTerms = {
    stream: ctx.streams.income,
    month: ctx.month,
    persistence: p.transitory_persistence,
    sd: p.transitory_sd,
    hit: p.shock_probability,
    disaster: p.disaster_share,
    loss: log(1 - p.shock_size),
    covid,
    flooded,
    flood,
    rstReduction: 1 - ctx.params.behaviour.rst.shock_reduction,
    communityReduction: 1 - reached.shock_reduction,
    communityRaise: 1 + reached.income_effect,
    // Growth of rank r: growth + tilt · (1 − 2r) = atBottom − slope · r.
    atBottom: world.growth + world.growthTilt,
    slope: 2 * world.growthTilt,
    prices: ctx.incomePrices,
    house: world.registry.flag['rst.house'] ?? 0,
    provinceShock: shock,
  };
  overHouseholds(world, ctx, { module: import.meta.url, name: 'incomeKernel' }, incomeKernel, terms);
}

/** What the income of every household draws on this month. */
export interface IncomeTerms {
  readonly stream: Stream;
  readonly month: number;
  readonly persistence: number;
  readonly sd: number;
  readonly hit: number;
  readonly disaster: number;
  /** log(1 − shock_size). */
  readonly loss: number;
  readonly covid: number;
  /** The flooded province's index (−1: none) and its log loss. */
  readonly flooded: number;
  readonly flood: number;
  readonly rstReduction: number;
  readonly communityReduction: number;
  readonly communityRaise: number;
  readonly atBottom: number;
  readonly slope: number;
  readonly prices: number;
  readonly house: number;
  readonly provinceShock: Float64Array;
}

/** Income of households lo ≤ i < hi. */
export function incomeKernel(view: HouseholdView): RangeWork<IncomeTerms> {
  const w = view;
  return (terms: IncomeTerms, lo: number, hi: number): void => {
    const { permanentIncome, transitory, income: nominal, province, services, communityUntil, history, flags } = w.households;
    const { persistence: rho, sd, hit, disaster, loss, covid, flooded, flood, rstReduction, communityReduction, communityRaise, atBottom, slope, prices, house, month } = terms;
    const shock = terms.provinceShock;
    const rank = w.growthRank;
    const { k0, k1 } = terms.stream;
    for (let i = lo; i < hi; i++) {
      // One 32-bit draw: the top 12 bits pick the normal innovation, the low 20 bits decide the shock.
      const b = bits(k0, k1, i, month, 0);
      const inCommunity = communityUntil[i] >= month;
      let hazard = hit;
      if ((services[i] & house) !== 0) hazard *= rstReduction;
      if (inCommunity && (flags[i] & REMOTE) !== 0) hazard *= communityReduction;
      let t = rho * transitory[i] + sd * STANDARD_NORMAL[b >>> 20] + covid;
      const u = (b & 0xfffff) * TWO_TO_MINUS_20;
      if (u < hazard) {
        t += loss;
        if (u < hazard * disaster) history[i] |= DISASTER_VICTIM; // a disaster: the share disaster_share of shocks
      }
      const r = province[i];
      if (r === flooded) {
        t += flood;
        history[i] |= DISASTER_VICTIM;
      }
      transitory[i] = t;
      nominal[i] = exp(permanentIncome[i] + atBottom - slope * rank[i] + t + shock[r]) * prices * (inCommunity ? communityRaise : 1);
    }
  };
}

/** Each household's rank in the start month's welfare distribution, which sets its share of growth. */
export function rankForGrowth(world: World): void {
  const { rank } = world.welfare;
  const bitsOfConsumption = world.consumptionBits;
  const ranks = world.growthRank;
  for (let i = 0, n = world.households.count; i < n; i++) ranks[i] = rank[logBin(bitsOfConsumption[i])];
}
