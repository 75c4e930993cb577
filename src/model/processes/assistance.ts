/**
 * Assistance: every programme of the registry (PKH, BPNT / Sembako, BLT BBM, …) enrols, pays and
 * lets go of families the same way.
 *
 * Each programme declares (./programmes/) who is eligible (statuses a family must have, and a
 * benefit above zero), how much a family is entitled to a month, a quota of families and an annual
 * budget. Every month, for each programme in turn, in the registry's order:
 *   1. families no longer eligible leave, with the reason (left the registry, no eligible member,
 *      programme ended);
 *   2. if the families enrolled exceed the quota, or their monthly cost exceeds the budget room (what
 *      is left of the year's budget spread over the programme's remaining months), the least poor by
 *      registry score leave ("quota_or_budget_cut");
 *   3. otherwise free slots go to the poorest eligible families by registry score, as long as both
 *      the quota and the budget room hold;
 *   4. enrolled families are paid — a conditional programme (PKH) only in months its conditions are met (`compliance`).
 * Ranking uses a histogram of registry scores, not a sort: the cut falls in one score bin, inside
 * which families are taken in household order, so the result is exact and deterministic. Spending
 * never exceeds the budget: the budget room counts the full entitlement of every family enrolled.
 */
import { bits, UNIT } from '../random';
import type { Stream } from '../random';
import { countMove } from '../groups';
import type { MonthContext, Programme, ProgrammeBook, Registry, World } from '../world';
import { yearOf } from '../../calendar/months';
import { LOG_BINS, logBin } from '../welfare';

/** What a programme needs from a family and gives it, this month. */
export interface ProgrammeRule {
  readonly id: string;
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
  /** Reasons, as indices of the registry's reasons: entering, leaving because a required status is missing (all / any), entitlement zero, cut. */
  readonly reasons: { readonly enrolled: number; readonly missingAll: number; readonly missingAny: number; readonly noEntitlement: number; readonly cut: number };
}

/** The statuses `names` as bits of `households.programmes`. */
function statusBits(registry: Registry, names: readonly string[] | undefined): number {
  let bits = 0;
  for (const name of names ?? []) bits |= registry.status[name];
  return bits;
}

/** A programme's rule for this month: its terms, and its per-family entitlement brought up to date. */
function programmeRule(world: World, ctx: MonthContext, programme: Programme): ProgrammeRule {
  const registry = world.registry;
  const book = world.books[programme.id];
  if (programme.entitlement !== undefined && book.entitlement !== null) {
    const key = programme.entitlement.key(ctx.params);
    if (book.entitlementKey !== key) {
      programme.entitlement.compute(world.households, ctx.params, book.entitlement);
      book.entitlementKey = key;
    } else if (book.membersVersion !== world.membersVersion) {
      programme.entitlement.compute(world.households, ctx.params, book.entitlement, world.membersChanged);
    }
    book.membersVersion = world.membersVersion;
  }
  const terms = programme.terms(ctx.params);
  const reason = (code: string) => registry.reason[code];
  return {
    id: programme.id,
    bit: registry.status[programme.id],
    requireAll: statusBits(registry, programme.eligibility.all),
    requireAny: statusBits(registry, programme.eligibility.any),
    forbid: statusBits(registry, programme.eligibility.forbid),
    entitlement: book.entitlement,
    flat: terms.flat,
    quota: terms.quota,
    budget: terms.budget,
    food: programme.paidAs === 'food',
    compliance: terms.compliance,
    complianceStream: programme.complianceStream === undefined ? null : ctx.streams[programme.complianceStream],
    reasons: {
      enrolled: reason(programme.reasons.enrolled.code),
      missingAll: reason(programme.leaves.missingAll),
      missingAny: reason(programme.leaves.missingAny),
      noEntitlement: reason(programme.leaves.noEntitlement),
      cut: reason(programme.leaves.cut),
    },
  };
}

/** The assistance process: every programme of the registry, in order. */
export function assistance(world: World, ctx: MonthContext): void {
  for (const programme of world.registry.programmes) {
    runProgramme(world, ctx, programmeRule(world, ctx, programme), activeMonthsLeft(world.books[programme.id], ctx.month));
  }
  world.membersChanged.fill(0); // every programme has counted the members as they now are
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
      countMove(flows, !hasAll ? reasons.missingAll : !hasAny ? reasons.missingAny : reasons.noEntitlement, world, i);
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
    countMove(ctx.flows, reason, world, i);
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
      countMove(flows, enrolledReason, world, i);
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

/** Months from `month` to the end of its year in which the programme pays (its `active` flags). */
export function activeMonthsLeft(book: ProgrammeBook, month: number): number {
  const year = yearOf(month);
  let left = 0;
  for (let m = month; yearOf(m) === year; m++) if (book.active[m - book.activeFrom] === 1) left++;
  return left;
}
