/**
 * Registry (DTKS): who is listed, with inclusion and exclusion errors.
 *
 * The registry is meant to list the bottom `eligible_share` (40 %) of households. Each month a share
 * `reassessment` of households is assessed again (DTKS takes proposals monthly); an assessment reads
 * the household's rank in the current consumption distribution and then:
 *   - an eligible household (rank below the cut) is listed unless it is missed (`exclusion_error`);
 *   - an ineligible household just above the cut (up to a band above it) is listed by mistake with
 *     the probability that makes `inclusion_error` the expected share of ineligible members — errors
 *     concentrate near the cut, as targeting studies find (Alatas et al. 2012);
 *   - anyone else is not listed.
 * The assessment also records a proxy-means score (log consumption plus a `score_error` normal
 * error) by which programmes rank the listed households.
 */
import { bits, UNIT } from '../random';
import { log } from '../math';
import { IN_REGISTRY } from '../households';
import { REASON } from '../reasons';
import { STANDARD_NORMAL } from '../normal-table';
import { welfareBin } from '../welfare';
import type { MonthContext, World } from '../world';
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

/** Assess household i: set its registry status and score, and count the move if its status changed. */
function assess(world: World, ctx: MonthContext, rule: ListingRule, s: Stream, i: number): void {
  const h = world.households;
  const consumption = h.consumption[i];
  const rank = world.welfare.rank[welfareBin(world.consumptionBits[i])];
  const u = (bits(s.k0, s.k1, i, ctx.month, 1) >>> 0) * UNIT;
  const eligible = rank < rule.cut;
  const listed = eligible ? u < rule.listEligible : rank < rule.cut + rule.band && u < rule.listByError;
  const was = (h.programmes[i] & IN_REGISTRY) !== 0;
  if (listed && !was) {
    h.programmes[i] |= IN_REGISTRY;
    ctx.flows[eligible ? REASON['registry.assessed_eligible'] : REASON['registry.assessed_by_error']] += h.weight[i];
  } else if (!listed && was) {
    h.programmes[i] &= ~IN_REGISTRY;
    ctx.flows[REASON['registry.assessed_out']] += h.weight[i];
  }
  const z = STANDARD_NORMAL[bits(s.k0, s.k1, i, ctx.month, 2) >>> 20];
  h.registryScore[i] = log(consumption) + ctx.params.behaviour.registry.score_error * z;
}

/** Monthly re-assessment of a random share of households. */
export function registry(world: World, ctx: MonthContext): void {
  const rule = listingRule(ctx.params);
  const share = ctx.params.behaviour.registry.reassessment;
  const s = ctx.streams.registry;
  for (let i = 0, n = world.households.count; i < n; i++) {
    if ((bits(s.k0, s.k1, i, ctx.month, 0) >>> 0) * UNIT < share) assess(world, ctx, rule, s, i);
  }
}

/** Initial assessment of every household (the registry as it stands when the run starts). */
export function initialRegistry(world: World, ctx: MonthContext): void {
  const rule = listingRule(ctx.params);
  const s = ctx.streams.initialRegistry;
  for (let i = 0, n = world.households.count; i < n; i++) assess(world, ctx, rule, s, i);
}
