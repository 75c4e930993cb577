/**
 * Businesses: profit, growth and failure — with a poverty trap.
 *
 * A business holds two kinds of assets: equipment and stock (`capital`), which wear out, and
 * livestock (`livestock`), which breeds. For a household running a business, each month
 *   assets     = equipment + livestock
 *   profit     = assets × monthly_return × (1 + skills_bonus·trained + mentoring_bonus·mentored
 *                + business_space_bonus·RST business space) × e^(profit_sd·ε − profit_sd²/2)
 *   equipment ← equipment × (1 − depreciation) + reinvestment × profit × equipment / assets
 *   livestock ← livestock × (1 + livestock_growth)^(1/12) + reinvestment × profit × livestock / assets
 * (the reinvested profit keeps the mix of the two), and the rest of the profit adds to the
 * household's income per person. The business fails with a monthly hazard, `trap_failure_multiplier`
 * times higher while its assets are below `trap_threshold` and cut by `mentoring_failure_reduction`
 * while mentored; a failed business leaves `salvage` of its equipment, and its livestock is sold into
 * the household's savings. Below the threshold failures come often: households pushed above it keep
 * accumulating, those below slide back (Balboni et al. 2022, BRAC's programme). Mentoring counts down
 * here for every household.
 */
import { bits } from '../random';
import { exp, log } from '../math';
import { STANDARD_NORMAL } from '../normal-table';
import { countMove } from '../groups';
import type { MonthContext, World } from '../world';
import type { Stream } from '../random';
import type { ParameterValues } from '../../parameters/spec';
import { overHouseholds } from '../threads';
import type { HouseholdView, RangeOut, RangeWork } from '../threads';
import type { Households } from '../households';

/** 2^−20: turns the low 20 bits of a draw into a uniform in [0, 1). */
const TWO_TO_MINUS_20 = 9.5367431640625e-7;

export function business(world: World, ctx: MonthContext): void {
  const b = ctx.params.behaviour.business;
  const terms: BusinessTerms = {
    business: b,
    stream: ctx.streams.business,
    month: ctx.month,
    herdGrowth: exp(log(1 + b.livestock_growth) / 12),
    trained: world.registry.flag['skills.trained'] ?? 0,
    businessSpace: world.registry.flag['rst.business_space'] ?? 0,
    failed: world.registry.reason['business.failed'],
  };
  overHouseholds(world, ctx, { module: import.meta.url, name: 'businessKernel' }, businessKernel, terms);
}

/** What the businesses of every household draw on this month. */
export interface BusinessTerms {
  readonly business: ParameterValues['behaviour']['business'];
  readonly stream: Stream;
  readonly month: number;
  /** (1 + livestock_growth)^(1/12). */
  readonly herdGrowth: number;
  /** The service flags of skills training and of an RST house's business space. */
  readonly trained: number;
  readonly businessSpace: number;
  /** The reason a business fails, in the flows. */
  readonly failed: number;
}

/** Businesses of households lo ≤ i < hi. */
export function businessKernel(view: HouseholdView): RangeWork<BusinessTerms> {
  const w = view;
  return (terms: BusinessTerms, lo: number, hi: number, out: RangeOut): void => {
    const { business: running, businessMonths, capital, livestock, savings, mentoringMonths, services, income, size } = w.households;
    const { business: b, month, herdGrowth, trained, businessSpace, failed } = terms;
    const { k0, k1 } = terms.stream;
    const meanCorrection = -0.5 * b.profit_sd * b.profit_sd;
    const wear = 1 - b.depreciation;
    for (let i = lo; i < hi; i++) {
      const mentored = mentoringMonths[i] > 0;
      if (mentored) mentoringMonths[i]--;
      if (running[i] === 0) continue;
      // One 32-bit draw: the top 12 bits give the profit shock, the low 20 bits decide failure.
      const draw = bits(k0, k1, i, month, 0);
      const s = services[i];
      const bonus = 1 + ((s & trained) !== 0 ? b.skills_bonus : 0) + (mentored ? b.mentoring_bonus : 0) + ((s & businessSpace) !== 0 ? b.business_space_bonus : 0);
      const equipment = capital[i];
      const herd = livestock[i];
      const assets = equipment + herd;
      const profit = assets * b.monthly_return * bonus * exp(b.profit_sd * STANDARD_NORMAL[draw >>> 20] + meanCorrection);
      const reinvested = assets > 0 ? (b.reinvestment * profit) / assets : 0;
      capital[i] = equipment * (wear + reinvested);
      livestock[i] = herd * (herdGrowth + reinvested);
      income[i] += ((1 - b.reinvestment) * profit) / size[i];
      let hazard = b.failure_hazard;
      if (capital[i] + livestock[i] < b.trap_threshold) hazard *= b.trap_failure_multiplier;
      if (mentored) hazard *= 1 - b.mentoring_failure_reduction;
      if ((draw & 0xfffff) * TWO_TO_MINUS_20 < hazard) {
        running[i] = 0;
        businessMonths[i] = 0;
        capital[i] *= b.salvage;
        savings[i] += livestock[i];
        livestock[i] = 0;
        countMove(out.flows, failed, w, i);
      } else if (businessMonths[i] < 255) businessMonths[i]++;
    }
  };
}

/** Whether household i holds business assets (equipment or livestock) to start a business with. */
export function hasBusinessAssets(h: Households, i: number): boolean {
  return h.capital[i] > 0 || h.livestock[i] > 0;
}
