/**
 * Initialisation: from a synthetic population to a world ready to step.
 *
 * The population gives each household its measured consumption in the start month (Susenas, March
 * 2022), which already includes the transfers it receives. So the start month is set up in this order:
 *   1. the welfare distribution of the measured consumption, and each household's rank in it (which
 *      sets its share of income growth, src/model/processes/income.ts);
 *   2. the registry as it stands: every household assessed once (and the ATENSI cluster traits
 *      no other attribute says drawn, ./services/atensi.ts);
 *   3. programmes in force take in their caseloads up to their quotas and budgets, and pay if the
 *      start month is one of their payment months; families in PKH or BPNT start in the assistance
 *      phase of the pathway, everyone else outside it;
 *   4. market income = consumption − the transfers that consumption holds (expected PKH payment
 *      under compliance, BPNT, BLT BBM), at least MIN_INCOME_SHARE of consumption (a household whose
 *      transfers exceed its measured consumption cannot have been receiving all of them when measured);
 *   5. that income is split into a permanent and a transitory part the way a statistician would
 *      read one observation: within the household's stratum (province × urban/rural), with y the log
 *      income, μ its weighted mean, V its weighted semi-variance on y's side of μ (incomes are skewed:
 *      the spread below the mean is smaller than above it), and m, v the stationary mean and variance
 *      of the transitory process, the transitory part is drawn from its distribution given y,
 *         τ ~ N(m + λ(y − μ), v(1 − λ)),  λ = v / V,
 *      and permanent = y − τ. Permanent and transitory parts are then uncorrelated and their
 *      variances add up to V, so the spread of incomes stays as measured instead of widening.
 */
import type { Households } from './households';
import { URBAN, copyHouseholds, copyHouseholdsInto, sharedArray } from './households';
import { oneThread, overHouseholds } from './threads';
import type { HouseholdView, RangeWork } from './threads';
import type { ParameterValues } from '../parameters/spec';
import type { Month } from '../calendar/months';
import type { MonthContext, Programme, ProgrammeBook, Registry, ServiceBook, Streams, World } from './world';
import type { Parameters } from '../parameters/types';
import type { PricePath } from './prices';
import { createWelfareDistribution, finishWelfareDistribution, logBin } from './welfare';
import { initialRegistry } from './processes/registry';
import { rankForGrowth } from './processes/income';
import { openMonth } from './month';
import { openCaseloads } from './processes/assistance';
import { flowBytes } from './groups';
import { log } from './math';
import { ASSISTANCE, NONE } from './phases';
import { CLUSTERS, drawClusters } from './services/atensi';
import { bits } from './random';
import type { RunKey, Stream } from './random';
import { stream } from './random';
import { STANDARD_NORMAL } from './normal-table';
import { yearOf } from '../calendar/months';

/** Market income is at least this share of measured consumption at the start. */
export const MIN_INCOME_SHARE = 0.2;

/** The streams of a run. */
export function runStreams(key: RunKey): Streams {
  return {
    initialIncome: stream(key, 'initial.income'),
    initialRegistry: stream(key, 'initial.registry'),
    province: stream(key, 'income.province'),
    income: stream(key, 'income.household'),
    registry: stream(key, 'registry'),
    compliance: stream(key, 'pkh.compliance'),
    pathway: stream(key, 'pathway'),
    business: stream(key, 'business'),
    community: stream(key, 'community'),
    offer: stream(key, 'offer'),
    demography: stream(key, 'demography'),
  };
}

/**
 * A programme's book for a run from `start` to `end`: the months of benefit it pays in each month from
 * January of the start year to December of the end year, and what it has spent of the start year's
 * budget in the months before the run (their share of the months of benefit).
 */
function book(programme: Programme, params: Parameters, measured: Parameters, start: Month, end: Month, provinces: number, households: number): ProgrammeBook {
  const paidFrom = yearOf(start) * 12;
  const monthsPaid = new Uint8Array(yearOf(end) * 12 + 12 - paidFrom);
  for (let m = paidFrom; m < paidFrom + monthsPaid.length; m++) {
    const values = params.at(m);
    monthsPaid[m - paidFrom] = programme.inForce(values) ? programme.monthsPaid(values, m) : 0;
  }
  let before = 0;
  let inYear = 0;
  for (let m = paidFrom; m < paidFrom + 12; m++) {
    inYear += monthsPaid[m - paidFrom];
    if (m < start) before += monthsPaid[m - paidFrom];
  }
  const budget = programme.terms(measured.at(start)).budget; // what was spent before the start, under the policy then in force
  return {
    year: yearOf(start),
    spent: inYear > 0 && Number.isFinite(budget) ? (budget * before) / inYear : 0,
    spentThisMonth: 0,
    families: 0,
    paidThisMonth: 0,
    spentByProvince: new Float64Array(provinces),
    paidFrom,
    monthsPaid,
    entitlement: programme.entitlement === undefined ? null : sharedArray(Float32Array, households),
    entitlementKey: '',
    membersVersion: 0,
  };
}

/** What a world holds of one element per household (and the welfare distribution, which its threads read): what a world made again for another run keeps (renewWorld). */
type WorldArrays = Pick<World, 'households' | 'consumptionBits' | 'scoreBits' | 'consumptionDrafts' | 'visiting' | 'settling' | 'growthRank' | 'welfare' | 'membersChanged' | 'flowBytes'>;

/** New arrays of one element per household for a world on `households`. */
function worldArrays(households: Households): WorldArrays {
  return {
    households,
    consumptionBits: new Uint32Array(households.consumption.buffer, households.consumption.byteOffset, households.count),
    scoreBits: new Uint32Array(households.registryScore.buffer, households.registryScore.byteOffset, households.count),
    consumptionDrafts: new Float32Array(0),
    visiting: { households: sharedArray(Int32Array, households.count), count: 0 },
    settling: sharedArray(Int32Array, households.count),
    growthRank: sharedArray(Float32Array, households.count),
    welfare: createWelfareDistribution(),
    membersChanged: sharedArray(Uint8Array, households.count),
    flowBytes: flowBytes(households),
  };
}

/** A world at the start of a run on `arrays`, every other part of it new. */
function worldOn(arrays: WorldArrays, provinceCodes: readonly number[], params: Parameters, start: Month, end: Month, registry: Registry, measured: Parameters): World {
  const provinces = provinceCodes.length;
  const books: Record<string, ProgrammeBook> = {};
  for (const p of registry.programmes) books[p.id] = book(p, params, measured, start, end, provinces, arrays.households.count);
  const services: Record<string, ServiceBook> = {};
  for (const { id } of registry.services) services[id] = { year: yearOf(start), admittedThisYear: 0, openedThisYear: 0, spentThisMonth: 0, spentByProvince: new Float64Array(provinces), admittedThisMonth: 0, queue: 0 };
  return {
    ...arrays,
    provinceCount: provinces,
    start,
    end,
    provinceShock: new Float64Array(provinces),
    growth: 0,
    growthTilt: 0,
    registry,
    books,
    provinceCodes,
    services,
    facilitatorQueue: { extremePoor: 0, pushed: 0 },
    rehabilitation: { year: yearOf(start), admittedThisYear: new Float64Array(CLUSTERS.length) },
    blocked: { noWorkingAgeMember: 0, awaitingRehabilitation: 0 },
    totals: { spent: 0, graduations: 0 },
    regrouped: { version: 0, households: new Uint32Array(0), count: 0 },
    membersVersion: 0,
    memberChangeRates: '',
    threads: oneThread(),
    kernels: new Map(),
  };
}

/**
 * A new world on a copy of the population's households — or on the households themselves when
 * `take` (the population is not used again: a run of the whole registry needs no second copy);
 * `measured` is the policy the start month was measured under (default `params`): what programmes
 * had spent of their budgets before it.
 */
export function createWorld(population: Households, provinceCodes: readonly number[], params: Parameters, start: Month, end: Month, registry: Registry, measured: Parameters = params, take = false): World {
  return worldOn(worldArrays(take ? population : copyHouseholds(population)), provinceCodes, params, start, end, registry, measured);
}

/**
 * `world`, of a run that has ended, made the world at the start of a new run (as createWorld makes
 * it, on a copy of the population's households) on the same arrays, keeping the step's kernels made
 * for it: the same rows as a new world. A thread that runs many worlds one after the other then has
 * one closure of each kernel, which the compiler specialises to the world's arrays (./threads.ts,
 * Kernel). `world` must be of the population's size and of `registry`.
 */
export function renewWorld(world: World, population: Households, provinceCodes: readonly number[], params: Parameters, start: Month, end: Month, registry: Registry, measured: Parameters = params): World {
  if (world.households.count !== population.count || world.registry !== registry) throw new Error(`renewWorld: a world of ${world.households.count} households cannot be made again for a population of ${population.count} or another registry`);
  copyHouseholdsInto(world.households, population);
  world.visiting.count = 0;
  world.welfare.weight.fill(0);
  world.welfare.rank.fill(0);
  world.membersChanged.fill(0);
  world.growthRank.fill(0);
  const { households, consumptionBits, scoreBits, consumptionDrafts, visiting, settling, growthRank, welfare, membersChanged, flowBytes: bytes, kernels } = world;
  return Object.assign(world, worldOn({ households, consumptionBits, scoreBits, consumptionDrafts, visiting, settling, growthRank, welfare, membersChanged, flowBytes: bytes }, provinceCodes, params, start, end, registry, measured), { kernels });
}

/** The context of one month of a run. */
export function monthContext(params: Parameters, prices: PricePath, streams: Streams, flows: Float64Array, start: Month, month: Month): MonthContext {
  const values = params.at(month);
  return {
    month,
    params: values,
    cpi: prices.cpi(month) / prices.cpi(start),
    incomePrices: prices.incomePrices(month, Math.round(values.behaviour.income.price_lag)) / prices.incomePrices(start, 0),
    nationalLine: prices.nationalLine(month),
    extremeLine: prices.extremeLine(month),
    streams,
    flows,
  };
}

/** Set up the start month (steps 1–5 above). `ctx` is the start month's context. */
export function initialise(world: World, ctx: MonthContext): void {
  const h = world.households;
  const hist = world.welfare.weight;
  for (let i = 0; i < h.count; i++) hist[logBin(world.consumptionBits[i])] += h.weight[i];
  finishWelfareDistribution(world.welfare);
  rankForGrowth(world);

  openMonth(world, ctx);
  drawClusters(world, ctx);
  initialRegistry(world, ctx);
  openCaseloads(world, ctx);

  const p = ctx.params;
  const logIncome = sharedArray(Float64Array, h.count);
  const income: IncomeTerms = {
    transferShare: p.behaviour.consumption.transfer_share,
    onAssistance: world.registry.assistance,
    logIncome,
    expected: world.registry.programmes.map((programme) => {
      const terms = programme.terms(p);
      return { bit: world.registry.status[programme.id], food: programme.paidAs === 'food', entitlement: world.books[programme.id].entitlement, flat: terms.flat, compliance: terms.compliance };
    }),
  };
  overHouseholds(world, ctx, { module: import.meta.url, name: 'incomeAtStart' }, incomeAtStart, income);

  // Weighted mean, and semi-variances below and above it, of log income per stratum (province × urban/rural), in household order.
  const strata = world.provinceCount * 2;
  const sum = new Float64Array(strata);
  const total = new Float64Array(strata);
  for (let i = 0; i < h.count; i++) {
    sum[stratumOf(h, i)] += h.weight[i] * logIncome[i];
    total[stratumOf(h, i)] += h.weight[i];
  }
  const below = new Float64Array(strata * 2); // [weighted squares, weight] below the mean
  const above = new Float64Array(strata * 2);
  for (let i = 0; i < h.count; i++) {
    const k = stratumOf(h, i);
    const d = logIncome[i] - sum[k] / total[k];
    const side = d < 0 ? below : above;
    side[2 * k] += h.weight[i] * d * d;
    side[2 * k + 1] += h.weight[i];
  }
  const { mean, variance } = transitoryMoments(p.behaviour.income);
  overHouseholds(world, ctx, { module: import.meta.url, name: 'incomeSplit' }, incomeSplit, { logIncome, sum, total, below, above, mean, variance, stream: ctx.streams.initialIncome, month: ctx.month });
}

/** Household i's stratum: province × urban/rural. */
function stratumOf(h: Households, i: number): number {
  return h.province[i] * 2 + (h.flags[i] & URBAN);
}

/** What a month of a programme pays a family on average, for incomeAtStart. */
interface ExpectedTransfer {
  readonly bit: number;
  readonly food: boolean;
  readonly entitlement: Float32Array | null;
  readonly flat: number;
  readonly compliance: number;
}

/** What incomeAtStart reads and where it writes each household's log income (plain data and shared memory: it travels to the step's threads). */
interface IncomeTerms {
  readonly transferShare: number;
  readonly onAssistance: number;
  readonly expected: readonly ExpectedTransfer[];
  readonly logIncome: Float64Array;
}

/** Steps 3 (the phase) and 4 (market income and its log) for households lo ≤ i < hi. */
export function incomeAtStart(view: HouseholdView): RangeWork<IncomeTerms> {
  const w = view;
  return (t: IncomeTerms, lo: number, hi: number): void => {
    const h = w.households;
    for (let i = lo; i < hi; i++) {
      const status = h.programmes[i];
      // Families in an assistance programme (PKH, BPNT) start in the assistance phase; empowerment begins with the first month stepped.
      h.phase[i] = (status & t.onAssistance) !== 0 ? ASSISTANCE : NONE;
      // Transfers a month holds on average: each programme's monthly entitlement times the chance its conditions are met.
      let cash = 0;
      let food = 0;
      for (const e of t.expected) {
        if ((status & e.bit) === 0) continue;
        const amount = e.entitlement === null ? e.flat : e.entitlement[i];
        if (e.food) food += amount * e.compliance;
        else cash += amount * e.compliance;
      }
      const measured = h.consumption[i];
      const income = Math.max(measured - (t.transferShare * cash + food) / h.size[i], MIN_INCOME_SHARE * measured);
      h.income[i] = income;
      t.logIncome[i] = log(income);
    }
  };
}

/** What incomeSplit reads: the log incomes, the strata's sums (above), the transitory process's moments and the stream. */
interface IncomeSplitTerms {
  readonly logIncome: Float64Array;
  readonly sum: Float64Array;
  readonly total: Float64Array;
  readonly below: Float64Array;
  readonly above: Float64Array;
  readonly mean: number;
  readonly variance: number;
  readonly stream: Stream;
  readonly month: number;
}

/** Step 5 for households lo ≤ i < hi: the transitory part drawn given the log income, the permanent part the rest. */
export function incomeSplit(view: HouseholdView): RangeWork<IncomeSplitTerms> {
  const w = view;
  return (t: IncomeSplitTerms, lo: number, hi: number): void => {
    const h = w.households;
    const { logIncome, sum, total, below, above, mean: m, variance: v } = t;
    const { k0, k1 } = t.stream;
    for (let i = lo; i < hi; i++) {
      const k = stratumOf(h, i);
      const mu = sum[k] / total[k];
      const side = logIncome[i] < mu ? below : above;
      const V = Math.max(side[2 * k] / side[2 * k + 1], v);
      const lambda = v / V;
      const z = STANDARD_NORMAL[bits(k0, k1, i, t.month, 0) >>> 20];
      const tau = m + lambda * (logIncome[i] - mu) + Math.sqrt(v * (1 - lambda)) * z;
      h.transitory[i] = tau;
      h.permanentIncome[i] = logIncome[i] - tau;
    }
  };
}

/**
 * Stationary mean and variance of the transitory process τ(t) = ρτ(t−1) + σε + L·B, where a shock of
 * log size L = log(1 − shock_size) hits with probability q (B ~ Bernoulli(q)):
 *   mean = qL / (1 − ρ),  variance = (σ² + q(1 − q)L²) / (1 − ρ²).
 */
export function transitoryMoments(p: ParameterValues['behaviour']['income']): { mean: number; variance: number } {
  const rho = p.transitory_persistence;
  const q = p.shock_probability;
  const L = log(1 - p.shock_size);
  return { mean: (q * L) / (1 - rho), variance: (p.transitory_sd ** 2 + q * (1 - q) * L * L) / (1 - rho * rho) };
}
