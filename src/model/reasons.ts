/**
 * Why households move: the closed list of reason codes.
 *
 * Every change of registry or programme status is made by a named rule that gives one of these
 * reasons; each month the engine counts the (weighted) households moved for each reason, so
 * observation can say why coverage changed, not only that it did.
 */
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
] as const;

export type Reason = (typeof REASONS)[number];

/** The index of a reason in REASONS (what the monthly flow counters are indexed by). */
export const REASON: { readonly [R in Reason]: number } = Object.fromEntries(REASONS.map((r, i) => [r, i])) as {
  [R in Reason]: number;
};
