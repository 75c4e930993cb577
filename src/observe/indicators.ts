/**
 * Indicators: what a month looks like, as tidy rows.
 *
 * A reporter reads the world after the month's processes have run and returns rows of
 * { indicator, group, value }; the model never sees them. Poverty follows BPS and Foster–Greer–
 * Thorbecke: over persons (household weight × size), with y = consumption per person and z the line,
 *   P0 = share of persons with y < z,  P1 = mean of (1 − y/z) over the poor (0 for others),
 *   P2 = mean of (1 − y/z)² — at the extreme line and at the national line.
 * Coverage counts households (KPM). Targeting errors of a programme are judged against poverty at
 * the national line: inclusion error = share of recipient households that are not poor; exclusion
 * error = share of poor households that do not receive it. The registry's are judged against its
 * own target, the bottom 40 % of households.
 * Groups: "national" and "province:<name>".
 */
import { BLT_BBM, BPNT, IN_REGISTRY, PKH } from '../model/households';
import type { IndicatorRow, Reporter } from '../model/observation';
import { PROGRAMMES } from '../model/world';
import { REASONS } from '../model/reasons';
import { welfareQuantile } from '../model/welfare';

/** What each indicator means and its unit. */
export const INDICATORS = {
  households: { unit: 'households', label: 'Households' },
  persons: { unit: 'persons', label: 'Persons' },
  p0_extreme: { unit: 'share of persons', label: 'Extreme poverty rate (P0, USD 1.90 PPP line)' },
  p1_extreme: { unit: 'index', label: 'Extreme poverty gap (P1)' },
  p2_extreme: { unit: 'index', label: 'Extreme poverty severity (P2)' },
  poor_extreme: { unit: 'persons', label: 'Persons in extreme poverty' },
  p0_national: { unit: 'share of persons', label: 'Poverty rate (P0, BPS national line)' },
  p1_national: { unit: 'index', label: 'Poverty gap (P1, national line)' },
  p2_national: { unit: 'index', label: 'Poverty severity (P2, national line)' },
  poor_national: { unit: 'persons', label: 'Persons below the national line' },
  registry_households: { unit: 'households', label: 'Households in the registry (DTKS)' },
  registry_inclusion_error: { unit: 'share of registry households', label: 'Registry inclusion error (not in the bottom 40 %)' },
  registry_exclusion_error: { unit: 'share of bottom-40 % households', label: 'Registry exclusion error (bottom 40 % not listed)' },
  pkh_households: { unit: 'households', label: 'PKH families (KPM)' },
  pkh_coverage: { unit: 'share of households', label: 'PKH coverage' },
  pkh_inclusion_error: { unit: 'share of recipient households', label: 'PKH inclusion error (recipients not poor)' },
  pkh_exclusion_error: { unit: 'share of poor households', label: 'PKH exclusion error (poor not reached)' },
  pkh_spend: { unit: 'Rp per month', label: 'PKH spending' },
  bpnt_households: { unit: 'households', label: 'BPNT / Sembako families (KPM)' },
  bpnt_coverage: { unit: 'share of households', label: 'BPNT coverage' },
  bpnt_inclusion_error: { unit: 'share of recipient households', label: 'BPNT inclusion error (recipients not poor)' },
  bpnt_exclusion_error: { unit: 'share of poor households', label: 'BPNT exclusion error (poor not reached)' },
  bpnt_spend: { unit: 'Rp per month', label: 'BPNT spending' },
  blt_bbm_households: { unit: 'households', label: 'BLT BBM families' },
  blt_bbm_coverage: { unit: 'share of households', label: 'BLT BBM coverage' },
  blt_bbm_spend: { unit: 'Rp per month', label: 'BLT BBM spending' },
  cpi: { unit: 'index, start month = 1', label: 'Consumer price index' },
  line_extreme: { unit: 'Rp per person per month', label: 'Extreme-poverty line' },
  line_national: { unit: 'Rp per person per month', label: 'National poverty line' },
  flow: { unit: 'households per month', label: 'Households moved, by reason (group = reason)' },
} as const;

export type Indicator = keyof typeof INDICATORS;

// Per-group accumulators, in this order.
const HH = 0, PERSONS = 1, E0 = 2, E1 = 3, E2 = 4, N0 = 5, N1 = 6, N2 = 7;
const REG = 8, REG_IN = 9, BOTTOM = 10, BOTTOM_OUT = 11, POOR_HH = 12;
const PKH_HH = 13, PKH_NONPOOR = 14, PKH_POOR_OUT = 15, BPNT_HH = 16, BPNT_NONPOOR = 17, BPNT_POOR_OUT = 18, BLT_HH = 19;
const SLOTS = 20;

/** The standard indicators, nationally and by province. */
export const standardIndicators: Reporter = (world, ctx, provinceNames) => {
  const h = world.households;
  const groups = world.provinceCount;
  const acc = new Float64Array((groups + 1) * SLOTS);
  const zE = ctx.extremeLine;
  const zN = ctx.nationalLine;
  const bottom = welfareQuantile(world.welfare, ctx.params.policy.registry.eligible_share);
  const { weight, size, consumption, programmes, province } = h;
  for (let i = 0, n = h.count; i < n; i++) {
    const o = province[i] * SLOTS;
    const w = weight[i];
    const wp = w * size[i];
    const y = consumption[i];
    const status = programmes[i];
    acc[o + HH] += w;
    acc[o + PERSONS] += wp;
    if (y < zE) {
      const g = 1 - y / zE;
      acc[o + E0] += wp;
      acc[o + E1] += wp * g;
      acc[o + E2] += wp * g * g;
    }
    const poor = y < zN;
    if (poor) {
      const g = 1 - y / zN;
      acc[o + N0] += wp;
      acc[o + N1] += wp * g;
      acc[o + N2] += wp * g * g;
      acc[o + POOR_HH] += w;
    }
    const listed = (status & IN_REGISTRY) !== 0;
    if (listed) acc[o + REG] += w;
    if (y < bottom) {
      acc[o + BOTTOM] += w;
      if (!listed) acc[o + BOTTOM_OUT] += w;
    } else if (listed) acc[o + REG_IN] += w;
    if ((status & PKH) !== 0) {
      acc[o + PKH_HH] += w;
      if (!poor) acc[o + PKH_NONPOOR] += w;
    } else if (poor) acc[o + PKH_POOR_OUT] += w;
    if ((status & BPNT) !== 0) {
      acc[o + BPNT_HH] += w;
      if (!poor) acc[o + BPNT_NONPOOR] += w;
    } else if (poor) acc[o + BPNT_POOR_OUT] += w;
    if ((status & BLT_BBM) !== 0) acc[o + BLT_HH] += w;
  }
  const national = groups * SLOTS;
  for (let r = 0; r < groups; r++) for (let k = 0; k < SLOTS; k++) acc[national + k] += acc[r * SLOTS + k];

  const rows: IndicatorRow[] = [];
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const describe = (o: number, group: string, spend: (id: (typeof PROGRAMMES)[number]) => number) => {
    const hh = acc[o + HH];
    const persons = acc[o + PERSONS];
    rows.push(
      { indicator: 'households', group, value: hh },
      { indicator: 'persons', group, value: persons },
      { indicator: 'p0_extreme', group, value: ratio(acc[o + E0], persons) },
      { indicator: 'p1_extreme', group, value: ratio(acc[o + E1], persons) },
      { indicator: 'p2_extreme', group, value: ratio(acc[o + E2], persons) },
      { indicator: 'poor_extreme', group, value: acc[o + E0] },
      { indicator: 'p0_national', group, value: ratio(acc[o + N0], persons) },
      { indicator: 'p1_national', group, value: ratio(acc[o + N1], persons) },
      { indicator: 'p2_national', group, value: ratio(acc[o + N2], persons) },
      { indicator: 'poor_national', group, value: acc[o + N0] },
      { indicator: 'registry_households', group, value: acc[o + REG] },
      { indicator: 'registry_inclusion_error', group, value: ratio(acc[o + REG_IN], acc[o + REG]) },
      { indicator: 'registry_exclusion_error', group, value: ratio(acc[o + BOTTOM_OUT], acc[o + BOTTOM]) },
      { indicator: 'pkh_households', group, value: acc[o + PKH_HH] },
      { indicator: 'pkh_coverage', group, value: ratio(acc[o + PKH_HH], hh) },
      { indicator: 'pkh_inclusion_error', group, value: ratio(acc[o + PKH_NONPOOR], acc[o + PKH_HH]) },
      { indicator: 'pkh_exclusion_error', group, value: ratio(acc[o + PKH_POOR_OUT], acc[o + POOR_HH]) },
      { indicator: 'pkh_spend', group, value: spend('pkh') },
      { indicator: 'bpnt_households', group, value: acc[o + BPNT_HH] },
      { indicator: 'bpnt_coverage', group, value: ratio(acc[o + BPNT_HH], hh) },
      { indicator: 'bpnt_inclusion_error', group, value: ratio(acc[o + BPNT_NONPOOR], acc[o + BPNT_HH]) },
      { indicator: 'bpnt_exclusion_error', group, value: ratio(acc[o + BPNT_POOR_OUT], acc[o + POOR_HH]) },
      { indicator: 'bpnt_spend', group, value: spend('bpnt') },
      { indicator: 'blt_bbm_households', group, value: acc[o + BLT_HH] },
      { indicator: 'blt_bbm_coverage', group, value: ratio(acc[o + BLT_HH], hh) },
      { indicator: 'blt_bbm_spend', group, value: spend('blt_bbm') },
    );
  };
  describe(national, 'national', (id) => world.books[id].spentThisMonth);
  rows.push(
    { indicator: 'cpi', group: 'national', value: ctx.cpi },
    { indicator: 'line_extreme', group: 'national', value: zE },
    { indicator: 'line_national', group: 'national', value: zN },
  );
  REASONS.forEach((reason, k) => rows.push({ indicator: 'flow', group: `reason:${reason}`, value: ctx.flows[k] }));
  for (let r = 0; r < groups; r++) describe(r * SLOTS, `province:${provinceNames[r]}`, (id) => world.books[id].spentByProvince[r]);
  return rows;
};
