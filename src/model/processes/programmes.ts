/**
 * Programmes: PKH, BPNT / Sembako and BLT BBM enrol, pay and let go of families.
 *
 * Each programme has a rule: who is eligible (status bits a family must have, and a benefit above
 * zero), how much a family is entitled to a month, a quota of families and an annual budget. Every
 * month, for each programme in turn:
 *   1. families no longer eligible leave, with the reason (left the registry, no eligible member,
 *      programme ended);
 *   2. if the families enrolled exceed the quota, or their monthly cost exceeds the budget room (what
 *      is left of the year's budget spread over the programme's remaining months), the least poor by
 *      registry score leave ("quota_or_budget_cut");
 *   3. otherwise free slots go to the poorest eligible families by registry score, as long as both
 *      the quota and the budget room hold;
 *   4. enrolled families are paid — PKH only in months its conditions are met (`compliance`).
 * Ranking uses a histogram of registry scores, not a sort: the cut falls in one score bin, inside
 * which families are taken in household order, so the result is exact and deterministic. Spending
 * never exceeds the budget: the budget room counts the full entitlement of every family enrolled.
 */
import { bits, UNIT } from '../random';
import type { Stream } from '../random';
import { BLT_BBM, BPNT, IN_REGISTRY, LEFT_BY_GRADUATION, PKH } from '../households';
import type { Households } from '../households';
import { REASON, countMove } from '../reasons';
import type { MonthContext, ProgrammeBook, ProgrammeId, World } from '../world';
import type { ParameterValues } from '../../parameters/spec';
import { yearOf } from '../../calendar/months';
import { LOG_BINS, logBin } from '../welfare';

/** What a programme needs from a family and gives it, this month. */
export interface ProgrammeRule {
  readonly id: ProgrammeId;
  /** The family's status bit for this programme. */
  readonly bit: number;
  /** Status bits a family must all have. */
  readonly requireAll: number;
  /** Status bits of which a family must have at least one (0: none needed). */
  readonly requireAny: number;
  /** Status bits a family must not have (a graduated family is not taken back until it relapses). */
  readonly forbid: number;
  /** Entitlement per family, Rp a month; null when every family gets `flat`. */
  readonly entitlement: Float32Array | null;
  readonly flat: number;
  /** Families the programme may enrol. */
  readonly quota: number;
  /** Budget for the year, Rp. */
  readonly budget: number;
  /** Paid as food assistance (BPNT) rather than cash. */
  readonly food: boolean;
  /** Probability a family is paid this month (conditions met); 1 when unconditional. */
  readonly compliance: number;
  readonly complianceStream: Stream | null;
  /** Reasons, as REASON indices: entering, leaving because a required bit is missing (all / any), entitlement zero, cut. */
  readonly reasons: { readonly enrolled: number; readonly missingAll: number; readonly missingAny: number; readonly noEntitlement: number; readonly cut: number };
}

/** Registry scores are ranked in log-scale bins taken from their Float32 bits (see ../welfare.ts). */
const SCORE_BINS = LOG_BINS;

/**
 * Rp a programme may spend a month from now to the year's end: what is left of the annual budget,
 * spread evenly over the months of the year in which it still pays.
 */
export function budgetRoom(book: ProgrammeBook, budget: number, activeMonthsLeft: number): number {
  if (activeMonthsLeft <= 0) return 0;
  return Math.max(0, budget - book.spent) / activeMonthsLeft;
}

/** Run one programme for the month: exits, cuts or entries, then payments. */
export function runProgramme(world: World, ctx: MonthContext, rule: ProgrammeRule, activeMonthsLeft: number): void {
  const h = world.households;
  const book = world.books[rule.id];
  if (book.families === 0 && book.active[ctx.month - book.activeFrom] !== 1) return; // nothing to pay, no one to let go
  const { programmes: status, weight } = h;
  const scoreBits = world.scoreBits;
  const { bit, requireAll: all, requireAny: any, forbid, entitlement, flat, reasons } = rule;
  const flows = ctx.flows;

  // 1. Exits; tally the enrolled and the candidates by score bin.
  const enrolledWeight = new Float64Array(SCORE_BINS);
  const enrolledCost = new Float64Array(SCORE_BINS);
  const candidateWeight = new Float64Array(SCORE_BINS);
  const candidateCost = new Float64Array(SCORE_BINS);
  let enrolled = 0;
  let cost = 0;
  for (let i = 0, n = h.count; i < n; i++) {
    const p = status[i];
    const hasAll = (p & all) === all && (p & forbid) === 0;
    const hasAny = any === 0 || (p & any) !== 0;
    if ((p & bit) === 0) {
      if (!hasAll || !hasAny) continue;
      const ent = entitlement === null ? flat : entitlement[i];
      if (ent <= 0) continue;
      const b = logBin(scoreBits[i]);
      candidateWeight[b] += weight[i];
      candidateCost[b] += weight[i] * ent;
      continue;
    }
    const ent = entitlement === null ? flat : entitlement[i];
    if (!hasAll || !hasAny || ent <= 0) {
      status[i] = p & ~bit;
      countMove(flows, !hasAll ? reasons.missingAll : !hasAny ? reasons.missingAny : reasons.noEntitlement, h, i);
      continue;
    }
    const b = logBin(scoreBits[i]);
    enrolledWeight[b] += weight[i];
    enrolledCost[b] += weight[i] * ent;
    enrolled += weight[i];
    cost += weight[i] * ent;
  }

  const quota = rule.quota;
  const room = budgetRoom(book, rule.budget, activeMonthsLeft);
  if (enrolled > quota || cost > room) {
    cut(world, rule, ctx, enrolledWeight, enrolledCost, enrolled, cost, quota, room);
    pay(world, ctx, rule, -1, 0, 0);
    return;
  }
  // 3. Entries: the lowest bins that fit whole, then part of the next bin in household order.
  let k = 0;
  let w = enrolled;
  let c = cost;
  while (k < SCORE_BINS && w + candidateWeight[k] <= quota && c + candidateCost[k] <= room) {
    w += candidateWeight[k];
    c += candidateCost[k];
    k++;
  }
  pay(world, ctx, rule, k, quota - w, room - c);
}

/** 2. Cut the least poor until the enrolled fit the quota and the budget room. */
function cut(
  world: World,
  rule: ProgrammeRule,
  ctx: MonthContext,
  enrolledWeight: Float64Array,
  enrolledCost: Float64Array,
  enrolled: number,
  cost: number,
  quota: number,
  room: number,
): void {
  // The highest bin that must be cut from: bins above it leave whole, it leaves in part.
  let k = SCORE_BINS - 1;
  while (k > 0 && enrolled - enrolledWeight[k] > quota) {
    enrolled -= enrolledWeight[k];
    cost -= enrolledCost[k];
    k--;
  }
  while (k > 0 && cost - enrolledCost[k] > room) {
    enrolled -= enrolledWeight[k];
    cost -= enrolledCost[k];
    k--;
  }
  const h = world.households;
  const { programmes: status, weight } = h;
  const scoreBits = world.scoreBits;
  const { bit, entitlement, flat } = rule;
  const reason = rule.reasons.cut;
  for (let i = h.count - 1; i >= 0; i--) {
    if ((status[i] & bit) === 0) continue;
    const b = logBin(scoreBits[i]);
    if (b < k) continue;
    const ent = entitlement === null ? flat : entitlement[i];
    if (b === k) {
      if (enrolled <= quota && cost <= room) continue;
      enrolled -= weight[i];
      cost -= weight[i] * ent;
    }
    status[i] &= ~bit;
    countMove(ctx.flows, reason, h, i);
  }
}

/**
 * 3–4. Admit candidates in bins below `admitBelow`, and in that bin in household order while
 * `weightLeft` and `costLeft` allow (−1: admit no one); then pay every enrolled family.
 */
function pay(world: World, ctx: MonthContext, rule: ProgrammeRule, admitBelow: number, weightLeft: number, costLeft: number): void {
  const h = world.households;
  const book = world.books[rule.id];
  const { programmes: status, weight, province } = h;
  const scoreBits = world.scoreBits;
  const { bit, requireAll: all, requireAny: any, forbid, entitlement, flat, compliance } = rule;
  const paid = rule.food ? h.foodTransfers : h.cashTransfers;
  const byProvince = book.spentByProvince;
  const s = rule.complianceStream;
  const enrolledReason = rule.reasons.enrolled;
  const flows = ctx.flows;
  const month = ctx.month;
  let total = 0;
  let families = 0;
  for (let i = 0, n = h.count; i < n; i++) {
    let p = status[i];
    if ((p & bit) === 0 && (admitBelow < 0 || (p & all) !== all || (p & forbid) !== 0 || (any !== 0 && (p & any) === 0))) continue;
    const ent = entitlement === null ? flat : entitlement[i];
    if ((p & bit) === 0) {
      if (ent <= 0) continue;
      const b = logBin(scoreBits[i]);
      if (b > admitBelow) continue;
      if (b === admitBelow) {
        if (weight[i] > weightLeft || weight[i] * ent > costLeft) continue;
        weightLeft -= weight[i];
        costLeft -= weight[i] * ent;
      }
      p |= bit;
      status[i] = p;
      countMove(flows, enrolledReason, h, i);
    }
    families += weight[i];
    if (s !== null && (bits(s.k0, s.k1, i, month, 0) >>> 0) * UNIT >= compliance) continue;
    paid[i] += ent;
    const amount = weight[i] * ent;
    byProvince[province[i]] += amount;
    total += amount;
  }
  book.spentThisMonth += total;
  book.spent += total;
  book.families = families;
}

/**
 * PKH entitlement of every family, Rp a month: the annual index of each eligible member, counting at
 * most `member_cap` members, the most valuable first.
 */
export function pkhEntitlements(h: Households, params: ParameterValues): void {
  const b = params.policy.pkh.benefit;
  const members = [h.pregnant, h.earlyChildhood, h.primaryPupils, h.juniorPupils, h.seniorPupils, h.severeDisability, h.elderly];
  const amounts = [b.pregnant, b.early_childhood, b.primary_school, b.junior_secondary, b.senior_secondary, b.severe_disability, b.elderly];
  const order = amounts.map((_, k) => k).sort((x, y) => amounts[y] - amounts[x] || x - y);
  const cap = params.policy.pkh.member_cap;
  const out = h.pkhEntitlement;
  for (let i = 0, n = h.count; i < n; i++) {
    let left = cap;
    let annual = 0;
    for (let j = 0; j < order.length && left > 0; j++) {
      const k = order[j];
      const m = members[k][i];
      const counted = m < left ? m : left;
      annual += counted * amounts[k];
      left -= counted;
    }
    out[i] = annual / 12;
  }
}

/** The PKH rule for this month. */
export function pkhRule(h: Households, ctx: MonthContext): ProgrammeRule {
  const p = ctx.params;
  return {
    id: 'pkh',
    bit: PKH,
    requireAll: IN_REGISTRY,
    requireAny: 0,
    forbid: LEFT_BY_GRADUATION,
    entitlement: h.pkhEntitlement,
    flat: 0,
    quota: p.policy.pkh.quota,
    budget: p.policy.pkh.budget,
    food: false,
    compliance: p.behaviour.pkh.compliance,
    complianceStream: ctx.streams.compliance,
    reasons: {
      enrolled: REASON['pkh.enrolled'],
      missingAll: REASON['pkh.left_registry'],
      missingAny: REASON['pkh.left_registry'],
      noEntitlement: REASON['pkh.no_eligible_member'],
      cut: REASON['pkh.quota_or_budget_cut'],
    },
  };
}

/** The BPNT / Sembako rule for this month. */
export function bpntRule(ctx: MonthContext): ProgrammeRule {
  const p = ctx.params.policy.bpnt;
  return {
    id: 'bpnt',
    bit: BPNT,
    requireAll: IN_REGISTRY,
    requireAny: 0,
    forbid: LEFT_BY_GRADUATION,
    entitlement: null,
    flat: p.benefit,
    quota: p.quota,
    budget: p.budget,
    food: true,
    compliance: 1,
    complianceStream: null,
    reasons: {
      enrolled: REASON['bpnt.enrolled'],
      missingAll: REASON['bpnt.left_registry'],
      missingAny: REASON['bpnt.left_registry'],
      noEntitlement: REASON['bpnt.left_registry'],
      cut: REASON['bpnt.quota_or_budget_cut'],
    },
  };
}

/** The BLT BBM rule for this month: PKH or BPNT families, while the benefit is paid. */
export function bltBbmRule(ctx: MonthContext): ProgrammeRule {
  const p = ctx.params.policy.blt_bbm;
  return {
    id: 'blt_bbm',
    bit: BLT_BBM,
    requireAll: 0,
    requireAny: PKH | BPNT,
    forbid: 0,
    entitlement: null,
    flat: p.benefit,
    quota: p.quota,
    budget: p.budget,
    food: false,
    compliance: 1,
    complianceStream: null,
    reasons: {
      enrolled: REASON['blt_bbm.enrolled'],
      missingAll: REASON['blt_bbm.not_in_pkh_or_bpnt'],
      missingAny: REASON['blt_bbm.not_in_pkh_or_bpnt'],
      noEntitlement: REASON['blt_bbm.programme_ended'],
      cut: REASON['blt_bbm.quota_or_budget_cut'],
    },
  };
}

/** Months from `month` to the end of its year in which the programme pays (its `active` flags). */
export function activeMonthsLeft(book: ProgrammeBook, month: number): number {
  const year = yearOf(month);
  let left = 0;
  for (let m = month; yearOf(m) === year; m++) if (book.active[m - book.activeFrom] === 1) left++;
  return left;
}
