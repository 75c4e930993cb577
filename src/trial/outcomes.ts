/**
 * The outcomes a virtual trial measures on each household, at baseline and at each horizon — the
 * ones graduation trials report (Banerjee et al. 2015; Bandiera et al. 2017), as the model has them.
 * Earnings are the model's market income per person: wages and other market income plus the share of
 * business profit not reinvested, before transfers. Business assets are equipment and livestock
 * together; savings are the household's cash savings (Rp per household).
 * Food security is not measured: the model has one consumption aggregate per person, with no food
 * share, meals or food-insecurity scale to read it from.
 * Each is a household's value at the end of the month; means over households use the households'
 * weights (the real households each agent stands for), so "per person" outcomes are household
 * averages of per-person values, as BRAC's per-capita consumption is.
 */
import type { MonthContext, World } from '../model/world';
import type { IttEstimate } from './estimate';
import type { Words } from '../lang/index';

/** Outcome names, in the order tables show them. */
export const OUTCOMES = ['consumption', 'income', 'assets', 'livestock', 'savings', 'business', 'poor', 'extreme_poor'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** An ITT row with the effect relative to the control mean. */
export interface TrialEstimate extends IttEstimate {
  readonly outcome: Outcome;
  /** Months after the offer (0: baseline, the end of the month before the offer). */
  readonly horizon: number;
  /** 100 · effect / control mean, in percent; NaN when the control mean is 0. */
  readonly relativeEffect: number;
}

/** How an outcome is measured and shown: money in Rp, or a 0/1 indicator whose mean is a share. */
export type OutcomeKind = 'money' | 'share';

export interface OutcomeInfo {
  readonly kind: OutcomeKind;
  readonly label: Words;
  /** Unit of a value (and of an effect, for money; effects on shares are in percentage points). */
  readonly unit: Words;
  /**
   * Whether the table shows the effect relative to the control mean. Not for outcomes most control
   * households do not have at all (business assets, running a business): a percentage of a mean near
   * zero says nothing; the treatment-to-control ratio is in the comparison with published effects.
   */
  readonly relative: boolean;
}

export const OUTCOME_INFO: { readonly [O in Outcome]: OutcomeInfo } = {
  consumption: { relative: true, kind: 'money', label: { en: 'Consumption per person', id: 'Pengeluaran per kapita' }, unit: { en: 'Rp a month', id: 'Rp sebulan' } },
  income: { relative: true, kind: 'money', label: { en: 'Earnings per person', id: 'Pendapatan per kapita' }, unit: { en: 'Rp a month', id: 'Rp sebulan' } },
  assets: { relative: false, kind: 'money', label: { en: 'Business assets (equipment and livestock)', id: 'Aset usaha (peralatan dan ternak)' }, unit: { en: 'Rp', id: 'Rp' } },
  livestock: { relative: false, kind: 'money', label: { en: 'Livestock', id: 'Ternak' }, unit: { en: 'Rp', id: 'Rp' } },
  savings: { relative: false, kind: 'money', label: { en: 'Savings', id: 'Tabungan' }, unit: { en: 'Rp', id: 'Rp' } },
  business: { relative: false, kind: 'share', label: { en: 'Runs a business', id: 'Menjalankan usaha' }, unit: { en: 'share of households', id: 'proporsi rumah tangga' } },
  poor: { relative: true, kind: 'share', label: { en: 'Below the national poverty line', id: 'Di bawah garis kemiskinan nasional' }, unit: { en: 'share of households', id: 'proporsi rumah tangga' } },
  extreme_poor: { relative: true, kind: 'share', label: { en: 'Below the extreme-poverty line (USD 1.90 PPP)', id: 'Di bawah garis kemiskinan ekstrem (USD 1,90 PPP)' }, unit: { en: 'share of households', id: 'proporsi rumah tangga' } },
};

/** Household i's outcomes at the end of the month of `ctx`. */
export function measureHousehold(world: World, ctx: MonthContext, i: number): Record<Outcome, number> {
  const h = world.households;
  const c = h.consumption[i];
  return {
    consumption: c,
    income: h.income[i],
    assets: h.capital[i] + h.livestock[i],
    livestock: h.livestock[i],
    savings: h.savings[i],
    business: h.business[i],
    poor: c < ctx.nationalLine ? 1 : 0,
    extreme_poor: c < ctx.extremeLine ? 1 : 0,
  };
}
