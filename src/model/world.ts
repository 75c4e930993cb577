/**
 * The world: the household store plus the little state that belongs to no single household —
 * province income shocks, cumulative growth, the welfare distribution, and each programme's budget
 * book. A month's processes read and update it through a MonthContext.
 */
import type { Households } from './households';
import type { Month } from '../calendar/months';
import type { ParameterValues } from '../parameters/spec';
import type { Stream } from './random';
import type { WelfareDistribution } from './welfare';

export const PROGRAMMES = ['pkh', 'bpnt', 'blt_bbm'] as const;
export type ProgrammeId = (typeof PROGRAMMES)[number];

/** A programme's money: what it has spent this budget year and this month. */
export interface ProgrammeBook {
  /** Budget year the `spent` figure belongs to. */
  year: number;
  /** Rp spent so far in `year` (for the start year, the share of the budget of the months before the run is counted as spent). */
  spent: number;
  /** Rp paid this month. */
  spentThisMonth: number;
  /** Families enrolled after this month's entries and exits (weighted). */
  families: number;
  /** Rp paid this month, by province. */
  readonly spentByProvince: Float64Array;
  /** First month of `active`: January of the start year. */
  readonly activeFrom: Month;
  /** 1 for each month from `activeFrom` to the end of the run in which the programme pays benefits. */
  readonly active: Uint8Array;
}

/** Services with a yearly intake, case-managed on the pathway. */
export const SERVICES = ['atensi', 'rst', 'skills', 'pena', 'prokus', 'community'] as const;
export type ServiceId = (typeof SERVICES)[number];

/** A service's money and intake: this month's and this year's. */
export interface ServiceBook {
  /** Year `admittedThisYear` belongs to. */
  year: number;
  /** Households taken in so far this year (weighted). */
  admittedThisYear: number;
  /** Places opened so far this year: a twelfth of the yearly places each month. */
  openedThisYear: number;
  /** Rp spent this month. */
  spentThisMonth: number;
  /** Rp spent this month, by province. */
  readonly spentByProvince: Float64Array;
  /** Households taken in this month (weighted). */
  admittedThisMonth: number;
  /** Households eligible but not taken in this month for want of capacity (weighted). */
  queue: number;
}

/** Pathway totals since the start of the run. */
export interface PathwayTotals {
  /** Rp spent on empowerment services (all of SERVICES). */
  spent: number;
  /** Graduations (weighted households). */
  graduations: number;
}

export interface World {
  readonly households: Households;
  /** The raw bits of `households.consumption` (a Uint32Array view of the same memory), for binning without logarithms. */
  readonly consumptionBits: Uint32Array;
  /** The raw bits of `households.registryScore`, likewise, for ranking households by score. */
  readonly scoreBits: Uint32Array;
  readonly provinceCount: number;
  /** First month of the run; incomes are expressed in its prices. */
  readonly start: Month;
  /** Last month of the run. */
  readonly end: Month;
  /** Log income shock shared by the households of each province (AR(1)). */
  readonly provinceShock: Float64Array;
  /** Cumulative log real growth of permanent income since `start`. */
  growth: number;
  /** Distribution of consumption per person over households, as of the end of last month. */
  readonly welfare: WelfareDistribution;
  readonly books: Record<ProgrammeId, ProgrammeBook>;
  /** The PKH benefit index and cap the households' `pkhEntitlement` was computed with. */
  pkhIndex: string;
  /** BPS code of each province (by index). */
  readonly provinceCodes: readonly number[];
  readonly services: Record<ServiceId, ServiceBook>;
  /** Households eligible for pemulihan sosial but without a facilitator this month (weighted). */
  facilitatorQueue: number;
  /** Households in pemulihan sosial that cannot move on, by reason (weighted), this month. */
  readonly blocked: { noWorkingAgeMember: number; awaitingRehabilitation: number };
  readonly totals: PathwayTotals;
}

/** The random streams of the processes, one per purpose. */
export interface Streams {
  readonly initialIncome: Stream;
  readonly initialRegistry: Stream;
  readonly province: Stream;
  readonly income: Stream;
  readonly registry: Stream;
  readonly compliance: Stream;
  readonly pathway: Stream;
  readonly business: Stream;
  readonly community: Stream;
  /** Draws of a trial's offer (processes/offer.ts): the take-up of treated households outside transisi. */
  readonly offer: Stream;
}

/** What a process may read about the month besides the world. */
export interface MonthContext {
  readonly month: Month;
  /** Every parameter value in force this month. */
  readonly params: ParameterValues;
  /** Consumer price index relative to the start month. */
  readonly cpi: number;
  /** The price level nominal incomes follow this month (underlying inflation now, price jumps `price_lag` months late), relative to the start month. */
  readonly incomePrices: number;
  /** Poverty lines this month, Rp per person per month. */
  readonly nationalLine: number;
  readonly extremeLine: number;
  readonly streams: Streams;
  /** Weighted households moved this month, by reason and group (see countMove in ./reasons.ts). Processes add to it. */
  readonly flows: Float64Array;
}
