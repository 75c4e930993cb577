/**
 * Why households move: the closed list of reason codes.
 *
 * Every change of registry or programme status is made by a named rule that gives one of these
 * reasons; each month the engine counts the (weighted) households moved for each reason, so
 * observation can say why coverage changed, not only that it did — nationally and for the groups
 * below (urban/rural, age group and sex of the head).
 */
import type { Households } from './households';
import { FEMALE_HEAD, URBAN } from './households';
import type { Phase } from './phases';
export const REASONS = [
  // registry (DTKS)
  'registry.assessed_eligible', // re-assessment put an eligible household into the registry
  'registry.assessed_by_error', // re-assessment put an ineligible household into the registry (inclusion error)
  'registry.assessed_out', // re-assessment took the household out of the registry
  // programme entries
  'pkh.enrolled', // a free quota slot went to the poorest eligible family by registry score
  'bpnt.enrolled',
  'blt_bbm.enrolled',
  // programme exits
  'pkh.left_registry',
  'pkh.no_eligible_member',
  'pkh.quota_or_budget_cut', // the quota or budget fell below the families enrolled: the least poor leave
  'bpnt.left_registry',
  'bpnt.quota_or_budget_cut',
  'blt_bbm.not_in_pkh_or_bpnt',
  'blt_bbm.programme_ended',
  'blt_bbm.quota_or_budget_cut',
  'pkh.graduated', // the family graduated and left PKH
  'bpnt.graduated',
  // pathway moves (see PATHWAY_MOVES for from → to)
  'pathway.enrolled_in_assistance',
  'pathway.re_entered_after_relapse',
  'pathway.left_assistance',
  'pathway.recovery_extreme_poor',
  'pathway.recovery_under40_push',
  'pathway.recovered',
  'pathway.no_business_in_time',
  'pathway.business_established',
  'pathway.business_failed',
  'pathway.graduated_criteria_met',
  'pathway.graduated_pena_exit',
  'pathway.relapsed',
  // services and businesses (events, not phase moves)
  'atensi.admitted',
  'atensi.rehabilitated',
  'atensi.not_rehabilitated',
  'rst.built',
  'skills.admitted',
  'skills.trained',
  'pena.received',
  'prokus.received',
  'community.reached',
  'business.started',
  'business.failed',
] as const;

export type Reason = (typeof REASONS)[number];

/** The index of a reason in REASONS (what the monthly flow counters are indexed by). */
export const REASON: { readonly [R in Reason]: number } = Object.fromEntries(REASONS.map((r, i) => [r, i])) as {
  [R in Reason]: number;
};

/** The phase move each pathway reason stands for: [from, to] as phase names. */
export const PATHWAY_MOVES = {
  'pathway.enrolled_in_assistance': ['none', 'assistance'],
  'pathway.re_entered_after_relapse': ['none', 'assistance'],
  'pathway.left_assistance': ['assistance', 'none'],
  'pathway.recovery_extreme_poor': ['assistance', 'recovery'],
  'pathway.recovery_under40_push': ['assistance', 'recovery'],
  'pathway.recovered': ['recovery', 'transition'],
  'pathway.no_business_in_time': ['transition', 'assistance'],
  'pathway.business_established': ['transition', 'development'],
  'pathway.business_failed': ['development', 'transition'],
  'pathway.graduated_criteria_met': ['development', 'graduated'],
  'pathway.graduated_pena_exit': ['development', 'graduated'],
  'pathway.relapsed': ['graduated', 'none'],
} as const satisfies Partial<Record<Reason, readonly [Phase, Phase]>>;

/** Groups flows are counted for, besides the nation. */
export const FLOW_GROUPS = ['national', 'area:urban', 'area:rural', 'head_age:under_40', 'head_age:40_59', 'head_age:60_plus', 'head_sex:male', 'head_sex:female'] as const;

/** Age group of a head of household: 0 under 40, 1 40–59, 2 60 and over. */
export function headAgeGroup(age: number): number {
  return age < 40 ? 0 : age < 60 ? 1 : 2;
}

/** A zeroed flow counter: one slot per reason and group (reason-major). */
export function createFlows(): Float64Array {
  return new Float64Array(REASONS.length * FLOW_GROUPS.length);
}

/** Count household i (its weight) as moved for `reason`, nationally and in its groups. */
export function countMove(flows: Float64Array, reason: number, h: Households, i: number): void {
  const w = h.weight[i];
  const o = reason * FLOW_GROUPS.length;
  const f = h.flags[i];
  flows[o] += w;
  flows[o + ((f & URBAN) !== 0 ? 1 : 2)] += w;
  flows[o + 3 + headAgeGroup(h.headAge[i])] += w;
  flows[o + ((f & FEMALE_HEAD) !== 0 ? 7 : 6)] += w;
}
