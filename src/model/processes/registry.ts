/**
 * Registry (DTKS): who is listed, with inclusion and exclusion errors.
 *
 * The registry is meant to list the bottom `eligible_share` (40 %) of households. Households are
 * assessed again at random times — each month a share `reassessment` of them (DTKS takes proposals
 * monthly): after each assessment the next one is scheduled a geometric number of months later, with
 * the rate in force then. An assessment reads the household's rank in the current consumption
 * distribution and then:
 *   - an eligible household (rank below the cut) is listed unless it is missed (`exclusion_error`);
 *   - an ineligible household just above the cut (up to a band above it) is listed by mistake with
 *     the probability that makes `inclusion_error` the expected share of ineligible members — errors
 *     concentrate near the cut, as targeting studies find (Alatas et al. 2012);
 *   - anyone else is not listed.
 * The assessment also records a proxy-means score — consumption times a log-normal error of standard
 * deviation `score_error` — by which programmes rank the listed households.
 */
import { bits, UNIT } from '../random';
import { exp, log } from '../math';
import { IN_REGISTRY } from '../households';
import { countMove } from '../groups';
import { STANDARD_NORMAL } from '../normal-table';
import { logBin } from '../welfare';
import type { MonthContext, World } from '../world';
import { overHouseholds } from '../threads';
import type { HouseholdView, RangeOut, RangeWork } from '../threads';
import type { Stream } from '../random';
import type { ParameterValues } from '../../parameters/spec';

/** How an assessment lists households, derived from the registry parameters. */
export interface ListingRule {
  /** Rank below which a household is eligible. */
  readonly cut: number;
  /** Probability that an eligible household is listed. */
  readonly listEligible: number;
  /** Ranks in [cut, cut + band) may be listed by mistake … */
  readonly band: number;
  /** … with this probability. */
  readonly listByError: number;
}

/**
 * The listing rule that gives the parameters' error rates in expectation:
 *   inclusion = listed ineligible / listed = band·q / (band·q + cut·(1 − exclusion)).
 * The band is 20 points of rank, widened (up to all ineligible ranks) when q would exceed 1.
 */
export function listingRule(params: ParameterValues): ListingRule {
  const cut = params.policy.registry.eligible_share;
  const { exclusion_error: exclusion, inclusion_error: inclusion } = params.behaviour.registry;
  const listEligible = 1 - exclusion;
  // Ineligible weight to list, as a share of all households.
  const wanted = inclusion >= 1 ? Infinity : (inclusion * cut * listEligible) / (1 - inclusion);
  const band = Math.min(1 - cut, Math.max(0.2, wanted));
  if (wanted > band + 1e-12) {
    throw new Error(
      `behaviour.registry.inclusion_error = ${inclusion} cannot be reached: even listing every ineligible household gives a smaller share`,
    );
  }
  return { cut, listEligible, band, listByError: band > 0 ? wanted / band : 0 };
}

/** What every assessment of a month shares: the listing rule, the stream, the reasons and what the parameters give (plain data: it travels to the step's threads). */
export interface Assessing {
  readonly rule: ListingRule;
  readonly stream: Stream;
  readonly month: number;
  readonly assessedEligible: number;
  readonly assessedByError: number;
  readonly assessedOut: number;
  /** The score's standard deviation of log error. */
  readonly scoreError: number;
  readonly reassessment: number;
  /** log(1 − reassessment), for the waiting time. */
  readonly logStaying: number;
}

/** The score error factors of the last `score_error` asked for in this thread, kept from month to month. */
const scoreFactors = { error: NaN, factor: new Float64Array(STANDARD_NORMAL.length) };

/** The score's log-normal error factor for each of the 4,096 normal draws (STANDARD_NORMAL), for a standard deviation of log error `error`. */
function scoreFactorsFor(error: number): Float64Array {
  if (scoreFactors.error !== error) {
    for (let k = 0; k < STANDARD_NORMAL.length; k++) scoreFactors.factor[k] = exp(error * STANDARD_NORMAL[k]);
    scoreFactors.error = error;
  }
  return scoreFactors.factor;
}

function assessing(world: World, ctx: MonthContext, stream: Stream): Assessing {
  const { score_error: error, reassessment } = ctx.params.behaviour.registry;
  const reason = world.registry.reason;
  return {
    rule: listingRule(ctx.params),
    stream,
    month: ctx.month,
    assessedEligible: reason['registry.assessed_eligible'],
    assessedByError: reason['registry.assessed_by_error'],
    assessedOut: reason['registry.assessed_out'],
    scoreError: error,
    reassessment,
    logStaying: log(1 - reassessment),
  };
}

/**
 * Assess household i: set its registry status and score, count the move if its status changed, and
 * schedule the next assessment.
 */
function assess(world: HouseholdView, flows: Float64Array, a: Assessing, scoreFactor: Float64Array, i: number): void {
  const h = world.households;
  const { rule, stream: s, month } = a;
  const consumption = h.consumption[i];
  const rank = world.welfare.rank[logBin(world.consumptionBits[i])];
  const u = (bits(s.k0, s.k1, i, month, 1) >>> 0) * UNIT;
  const eligible = rank < rule.cut;
  const listed = eligible ? u < rule.listEligible : rank < rule.cut + rule.band && u < rule.listByError;
  const was = (h.programmes[i] & IN_REGISTRY) !== 0;
  if (listed && !was) {
    h.programmes[i] |= IN_REGISTRY;
    countMove(flows, eligible ? a.assessedEligible : a.assessedByError, world, i);
  } else if (!listed && was) {
    h.programmes[i] &= ~IN_REGISTRY;
    countMove(flows, a.assessedOut, world, i);
  }
  h.registryScore[i] = consumption * scoreFactor[bits(s.k0, s.k1, i, month, 2) >>> 20];
  const wait = monthsToNextAssessment((bits(s.k0, s.k1, i, month, 3) >>> 0) * UNIT, a.reassessment, a.logStaying);
  h.nextAssessment[i] = Math.min(NEVER, month + wait);
}

/** `nextAssessment` of a household that will not be assessed again (the largest Uint16). */
const NEVER = 0xffff;

/**
 * A geometric waiting time in months (≥ 1; Infinity when `rate` is 0) for a monthly assessment
 * probability `rate`, from a uniform u in [0, 1); `logStaying` is log(1 − rate).
 */
export function monthsToNextAssessment(u: number, rate: number, logStaying = log(1 - rate)): number {
  if (rate >= 1) return 1;
  if (rate <= 0) return Infinity;
  return 1 + Math.floor(log(1 - u) / logStaying);
}

/** Assess the households whose assessment falls this month. */
export function registry(world: World, ctx: MonthContext): void {
  overHouseholds(world, ctx, { module: import.meta.url, name: 'registryKernel' }, registryKernel, assessing(world, ctx, ctx.streams.registry));
}

/** Assess the households lo ≤ i < hi whose assessment falls this month. */
export function registryKernel(view: HouseholdView): RangeWork<Assessing> {
  const w = view;
  return (a: Assessing, lo: number, hi: number, out: RangeOut): void => {
    const next = w.households.nextAssessment;
    const month = a.month;
    const scoreFactor = scoreFactorsFor(a.scoreError);
    for (let i = lo; i < hi; i++) if (next[i] === month) assess(w, out.flows, a, scoreFactor, i);
  };
}

/** Initial assessment of every household (the registry as it stands when the run starts). */
export function initialRegistry(world: World, ctx: MonthContext): void {
  overHouseholds(world, ctx, { module: import.meta.url, name: 'initialRegistryKernel' }, initialRegistryKernel, assessing(world, ctx, ctx.streams.initialRegistry));
}

/** Assess every household lo ≤ i < hi. */
export function initialRegistryKernel(view: HouseholdView): RangeWork<Assessing> {
  const w = view;
  return (a: Assessing, lo: number, hi: number, out: RangeOut): void => {
    const scoreFactor = scoreFactorsFor(a.scoreError);
    for (let i = lo; i < hi; i++) assess(w, out.flows, a, scoreFactor, i);
  };
}
