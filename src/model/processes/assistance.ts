/**
 * Assistance: every programme of the registry (PKH, BPNT / Sembako, BLT BBM, rice aid, …) enrols,
 * pays and lets go of families the same way, as the programmes are operated: a caseload set at each
 * payment and held between payments.
 *
 * Each programme declares (./programmes/) who is eligible (statuses a family must have, an area, and a
 * benefit above zero), how much a family is entitled to a month, a quota of families, an annual budget,
 * and how many months of benefit each month's payment covers (PKH pays quarterly tranches, rice aid
 * and one-off transfers in the months listed). Every month, for each programme in turn, in the
 * registry's order:
 *   1. families no longer eligible leave, with the reason (left the registry, no eligible member,
 *      programme ended);
 *   in a month the programme pays (and when the run opens, to set up the caseload as it stands):
 *   2. if the families enrolled exceed the quota, or their expected cost per month of benefit exceeds
 *      the budget room (what is left of the year's budget spread over the months of benefit still to
 *      pay this year), the least poor by registry score leave ("quota_or_budget_cut");
 *   3. otherwise free slots go to the poorest eligible families by registry score, as long as both
 *      the quota and the budget room hold;
 *   4. enrolled families are paid the months of benefit the payment covers — a conditional programme
 *      (PKH) only if its conditions are met (`compliance`) — and live on it over those months: each
 *      month a payment covers, a family paid by it holds one month's benefit in its transfers.
 * Between payments the caseload is held: nobody is cut or taken in, so there is no cliff when a new
 * budget year opens. The expected cost of a family is its entitlement times the probability it is
 * paid, so the caseload a budget holds is the one it pays for. Ranking uses a histogram of registry
 * scores, not a sort: the cut falls in one score bin, inside which families are taken in household
 * order, so the result is exact and deterministic.
 */
import { NATURAL } from '../graduation';
import { bits, UNIT } from '../random';
import type { Stream } from '../random';
import { countMove } from '../groups';
import { URBAN } from '../households';
import type { MonthContext, Programme, ProgrammeBook, Registry, World } from '../world';
import { overHouseholds } from '../threads';
import type { HouseholdView, RangeOut, RangeWork } from '../threads';
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
  /** A family is in the programme's area when `flags & areaMask` equals `areaValue` (0 and 0: everywhere). */
  readonly areaMask: number;
  readonly areaValue: number;
  /** Entitlement per family, Rp a month (on shared memory: the step's threads read it); null when every family gets `flat`. Zero for every family when the programme is not in force. */
  readonly entitlement: Float32Array | null;
  readonly flat: number;
  /** Whether the programme has a caseload this month. */
  readonly inForce: boolean;
  /** Leaving for no entitlement is natural graduation (the programme declares it and is in force). */
  readonly naturalGraduation: boolean;
  /** Months of benefit paid this month (0: no payment, the caseload is held). */
  readonly monthsPaid: number;
  /** Families the programme may enrol. */
  readonly quota: number;
  /** Budget for the year, Rp (Infinity: no budget figure, the quota binds). */
  readonly budget: number;
  /** Paid as food assistance (BPNT, rice aid) rather than cash. */
  readonly food: boolean;
  /** Probability a family is paid at a payment (conditions met); 1 when unconditional. */
  readonly compliance: number;
  readonly complianceStream: Stream | null;
  /** The probability a family is paid at a payment: `compliance` for a conditional programme, else 1 (its expected cost is its entitlement times this). */
  readonly paidShare: number;
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
  const inForce = programme.inForce(ctx.params);
  const area = programme.eligibility.area;
  const reason = (code: string) => registry.reason[code];
  return {
    id: programme.id,
    bit: registry.status[programme.id],
    requireAll: statusBits(registry, programme.eligibility.all),
    requireAny: statusBits(registry, programme.eligibility.any),
    forbid: statusBits(registry, programme.eligibility.forbid),
    areaMask: area === undefined ? 0 : URBAN,
    areaValue: area === 'urban' ? URBAN : 0,
    entitlement: inForce ? book.entitlement : null,
    flat: inForce ? terms.flat : 0,
    inForce,
    naturalGraduation: inForce && programme.naturalGraduation === true,
    monthsPaid: inForce ? book.monthsPaid[ctx.month - book.paidFrom] : 0,
    quota: terms.quota,
    budget: terms.budget,
    food: programme.paidAs === 'food',
    compliance: terms.compliance,
    complianceStream: programme.complianceStream === undefined ? null : ctx.streams[programme.complianceStream],
    paidShare: programme.complianceStream === undefined ? 1 : terms.compliance,
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
  const passes = passesOf(world);
  passes.listHouseholds(ctx);
  for (const programme of world.registry.programmes) passes.runProgramme(ctx, programmeRule(world, ctx, programme), false);
  world.membersChanged.fill(0); // every programme has counted the members as they now are
}

/**
 * The caseloads as they stand when a run opens: every programme in force takes in its families
 * within quota and budget, whether or not it pays in the start month (then it pays nothing).
 */
export function openCaseloads(world: World, ctx: MonthContext): void {
  const passes = passesOf(world);
  passes.listHouseholds(ctx);
  for (const programme of world.registry.programmes) passes.runProgramme(ctx, programmeRule(world, ctx, programme), true);
  world.membersChanged.fill(0);
}

/** Registry scores are ranked in log-scale bins taken from their Float32 bits (see ../welfare.ts). */
const SCORE_BINS = LOG_BINS;

/**
 * Rp a programme may spend per month of benefit from now to the year's end: what is left of the
 * annual budget, spread evenly over the months of benefit still to pay this year (this month's included).
 */
export function budgetRoom(book: ProgrammeBook, budget: number, monthsLeft: number): number {
  if (monthsLeft <= 0) return 0;
  return Math.max(0, budget - book.spent) / monthsLeft;
}

/** 1 when `x` (0 ≤ x < 2³¹) is 0, else 0, without a branch. */
function isZero(x: number): number {
  return (x - 1) >>> 31;
}

/** 1 when a family with statuses `p` and area flags `area` has every status it must, none it must not, and is in the area; else 0. */
function hasAllOf(p: number, area: number, all: number, forbid: number, areaMask: number, areaValue: number): number {
  return isZero(((p & all) ^ all) | (p & forbid) | ((area & areaMask) ^ areaValue));
}

/** 1 when a family with statuses `p` has one of the statuses `any` (or none is needed: `any` is 0); else 0. */
function hasAnyOf(p: number, any: number): number {
  return isZero(any) | (1 - isZero(p & any));
}

/** The score-bin tallies of the programme being settled (one set, reused every month): the candidates' bins, then the enrolled's. */
const tallies = {
  weight: new Float64Array(2 * SCORE_BINS),
  cost: new Float64Array(2 * SCORE_BINS),
};

/** What the assistance process does with one world: list its households, and run a programme's month (runProgramme). */
interface CaseloadPasses {
  readonly listHouseholds: (ctx: MonthContext) => void;
  readonly runProgramme: (ctx: MonthContext, rule: ProgrammeRule, opening: boolean) => void;
}

/**
 * The passes of the assistance process, made for one world, once (passesOf): they hold the world as a
 * constant of their closures, and where a thread makes them for one world only (a run of one
 * scenario and replicate), the optimising compiler reads its typed arrays without checking and
 * reloading each one at every read (see ../threads.ts, Kernel).
 */
function caseloadPasses(view: World): CaseloadPasses {
  const world = view;

  /**
   * Lists the households the month's programmes can touch (World.visiting; listKernel, split over the
   * run's threads): those with a registry status, when every programme requires one (no other
   * household can enter); every household when some programme requires none.
   */
  function listHouseholds(ctx: MonthContext): void {
    const everyone = !world.registry.programmes.every((p) => (p.eligibility.all?.length ?? 0) > 0);
    const listed = world.visiting.households;
    world.visiting.count = overHouseholds(world, ctx, { module: import.meta.url, name: 'listKernel' }, listKernel, { everyone }, { list: listed }).listed;
  }

  /**
   * Run one programme for the month: exits; in a month it pays (or when the caseloads open), cuts or
   * entries; then payments.
   */
  function runProgramme(ctx: MonthContext, rule: ProgrammeRule, opening: boolean): void {
    const book = world.books[rule.id];
    if (book.families === 0 && !rule.inForce) return; // nothing to pay, no one to let go
    if (rule.monthsPaid === 0 && !(opening && rule.inForce)) {
      hold(ctx, rule);
      return;
    }
    // 1. Exits; tally the candidates and the enrolled by score bin (expected cost per month of benefit).
    const { enrolled, cost, candidates } = settle(ctx, rule);
    const enrolledWeight = tallies.weight.subarray(SCORE_BINS);
    const enrolledCost = tallies.cost.subarray(SCORE_BINS);
    const quota = rule.quota;
    const room = rule.budget === Infinity ? Infinity : budgetRoom(book, rule.budget, Math.max(1, monthsLeft(book, ctx.month)));
    if (enrolled > quota || cost > room) {
      cut(rule, ctx, enrolledWeight, enrolledCost, enrolled, cost, quota, room, rule.paidShare);
    } else {
      // 3. Entries: the lowest bins that fit whole, then part of the next bin in household order.
      const candidateWeight = tallies.weight.subarray(0, SCORE_BINS);
      const candidateCost = tallies.cost.subarray(0, SCORE_BINS);
      let k = 0;
      let w = enrolled;
      let c = cost;
      while (k < SCORE_BINS && w + candidateWeight[k] <= quota && c + candidateCost[k] <= room) {
        w += candidateWeight[k];
        c += candidateCost[k];
        k++;
      }
      admit(ctx, rule, candidates, k, quota - w, room - c);
    }
    pay(ctx, rule);
  }

  /**
   * 1. Families no longer eligible leave; the enrolled and the candidates are tallied by score bin
   * (`tallies`), and the candidates listed in household order at the front of `World.settling`.
   *
   * The tally is branch-free: a family's weight is multiplied by 0 or 1 (eligible) and added to the
   * candidates' half of the tally or the enrolled's (member, 0 or 1, picks the half), the same bits as
   * branches would give (x · 1 = x, x + 0 = x), and no branch for the processor to mispredict. The
   * leavers, few, are listed from the back of `World.settling` and leave after the pass.
   */
  function settle(ctx: MonthContext, rule: ProgrammeRule): { enrolled: number; cost: number; candidates: number } {
    const { programmes: status, weight, flags } = world.households;
    const scoreBits = world.scoreBits;
    const { bit, requireAll: all, requireAny: any, forbid, areaMask, areaValue, entitlement, flat, paidShare: expected } = rule;
    const { weight: tallyWeight, cost: tallyCost } = tallies;
    tallyWeight.fill(0);
    tallyCost.fill(0);
    const memberShift = 31 - Math.clz32(bit);
    const settling = world.settling;
    const last = settling.length - 1;
    let candidates = 0;
    let leavers = 0;
    let enrolled = 0;
    let cost = 0;
    const { households: listed, count: n } = world.visiting;
    for (let k = 0; k < n; k++) {
      const i = listed[k];
      const p = status[i];
      const member = (p >>> memberShift) & 1;
      const ent = entitlement === null ? flat : entitlement[i];
      const eligible = hasAllOf(p, flags[i], all, forbid, areaMask, areaValue) & hasAnyOf(p, any) & +(ent > 0);
      if (member > eligible) {
        settling[last - leavers++] = i;
        continue;
      }
      settling[candidates] = i;
      candidates += eligible & (1 - member);
      const counted = weight[i] * eligible;
      const b = logBin(scoreBits[i]) + member * SCORE_BINS;
      const expectedCost = counted * ent * expected;
      tallyWeight[b] += counted;
      tallyCost[b] += expectedCost;
      enrolled += counted * member;
      cost += expectedCost * member;
    }
    letGo(ctx, rule, leavers, true);
    return { enrolled, cost, candidates };
  }

  /** The `count` leavers listed in `World.settling`, from its back (a month it pays) or its front (a month of holding), leave, in household order. */
  function letGo(ctx: MonthContext, rule: ProgrammeRule, count: number, fromBack: boolean): void {
    const { programmes: status, flags } = world.households;
    const { requireAll: all, requireAny: any, forbid, areaMask, areaValue } = rule;
    const leaving = world.settling;
    const last = leaving.length - 1;
    for (let j = 0; j < count; j++) {
      const i = leaving[fromBack ? last - j : j];
      const p = status[i];
      leave(ctx, rule, i, hasAllOf(p, flags[i], all, forbid, areaMask, areaValue) === 1, hasAnyOf(p, any) === 1);
    }
  }

  /** A family no longer eligible leaves, with the reason; leaving for no entitlement is natural graduation where the programme declares it. */
  function leave(ctx: MonthContext, rule: ProgrammeRule, i: number, hasAll: boolean, hasAny: boolean): void {
    const h = world.households;
    const { reasons } = rule;
    h.programmes[i] &= ~rule.bit;
    countMove(ctx.flows, !hasAll ? reasons.missingAll : !hasAny ? reasons.missingAny : reasons.noEntitlement, world, i);
    if (hasAll && hasAny && rule.naturalGraduation) {
      h.graduation[i] = NATURAL;
      world.totals.graduations += h.weight[i];
    }
  }

  /**
   * 1 and 4 in one pass, in a month the programme does not pay (holdKernel, split over the run's
   * threads): families no longer eligible leave (listed in `World.settling` during the pass, and let go
   * after it, in household order), and the others live on the payment that covers the month, if one
   * does (no one is cut or taken in).
   */
  function hold(ctx: MonthContext, rule: ProgrammeRule): void {
    const book = world.books[rule.id];
    const s = rule.complianceStream;
    const terms: HoldTerms = {
      bit: rule.bit,
      requireAll: rule.requireAll,
      requireAny: rule.requireAny,
      forbid: rule.forbid,
      areaMask: rule.areaMask,
      areaValue: rule.areaValue,
      entitlement: rule.entitlement,
      flat: rule.flat,
      food: rule.food,
      paidIn: rule.inForce ? paymentCovering(book, ctx.month) : -1,
      conditional: s !== null,
      k0: s === null ? 0 : s.k0,
      k1: s === null ? 0 : s.k1,
      compliance: rule.compliance,
    };
    heldFamilies[0] = 0;
    const leavers = overHouseholds(world, ctx, { module: import.meta.url, name: 'holdKernel' }, holdKernel, terms, { over: 'visiting', sums: heldFamilies, list: world.settling }).listed;
    letGo(ctx, rule, leavers, false);
    book.families = heldFamilies[0];
  }

  /** 2. Cut the least poor until the enrolled fit the quota and the budget room. */
  function cut(
    rule: ProgrammeRule,
    ctx: MonthContext,
    enrolledWeight: Float64Array,
    enrolledCost: Float64Array,
    enrolled: number,
    cost: number,
    quota: number,
    room: number,
    expected: number,
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
    const listed = world.visiting.households;
    for (let j = world.visiting.count - 1; j >= 0; j--) {
      const i = listed[j];
      if ((status[i] & bit) === 0) continue;
      const b = logBin(scoreBits[i]);
      if (b < k) continue;
      const ent = entitlement === null ? flat : entitlement[i];
      if (b === k) {
        if (enrolled <= quota && cost <= room) continue;
        enrolled -= weight[i];
        cost -= weight[i] * ent * expected;
      }
      status[i] &= ~bit;
      countMove(ctx.flows, reason, world, i);
    }
  }

  /**
   * 3. Admit the first `count` candidates of `World.settling` in bins below `admitBelow`, and in that bin in
   * household order while `weightLeft` and `costLeft` allow.
   */
  function admit(ctx: MonthContext, rule: ProgrammeRule, count: number, admitBelow: number, weightLeft: number, costLeft: number): void {
    const { programmes: status, weight } = world.households;
    const scoreBits = world.scoreBits;
    const { bit, entitlement, flat, paidShare: expected } = rule;
    const candidates = world.settling;
    for (let j = 0; j < count; j++) {
      const i = candidates[j];
      const b = logBin(scoreBits[i]);
      if (b > admitBelow) continue;
      if (b === admitBelow) {
        const ent = entitlement === null ? flat : entitlement[i];
        if (weight[i] > weightLeft || weight[i] * ent * expected > costLeft) continue;
        weightLeft -= weight[i];
        costLeft -= weight[i] * ent * expected;
      }
      status[i] |= bit;
      countMove(ctx.flows, rule.reasons.enrolled, world, i);
    }
  }

  /**
   * 4. Pay every enrolled family the months of benefit this month's payment covers. A family lives on a
   * payment over the months it covers: each of those months its transfers (what consumption sees) hold
   * one month's benefit, if it was paid.
   */
  function pay(ctx: MonthContext, rule: ProgrammeRule): void {
    const h = world.households;
    const book = world.books[rule.id];
    const { programmes: status, weight, province } = h;
    const { bit, entitlement, flat, compliance, monthsPaid } = rule;
    const received = rule.food ? h.foodTransfers : h.cashTransfers;
    const byProvince = book.spentByProvince;
    const s = rule.complianceStream;
    const paidIn = rule.inForce ? paymentCovering(book, ctx.month) : -1;
    let total = 0;
    let families = 0;
    let paid = 0;
    const { households: listed, count: n } = world.visiting;
    if (s === null && paidIn >= 0 && monthsPaid > 0) {
      // An unconditional payment: every member is paid, branch-free (a non-member's terms are multiplied
      // by 0, and x + 0 = x: the same bits as skipping it).
      const memberShift = 31 - Math.clz32(bit);
      for (let k = 0; k < n; k++) {
        const i = listed[k];
        const member = (status[i] >>> memberShift) & 1;
        const w = weight[i] * member;
        const ent = (entitlement === null ? flat : entitlement[i]) * member;
        families += w;
        received[i] += ent;
        const amount = w * ent * monthsPaid;
        byProvince[province[i]] += amount;
        total += amount;
        paid += w;
      }
    } else {
      for (let k = 0; k < n; k++) {
        const i = listed[k];
        if ((status[i] & bit) === 0) continue;
        families += weight[i];
        if (paidIn < 0) continue;
        if (s !== null && (bits(s.k0, s.k1, i, paidIn, 0) >>> 0) * UNIT >= compliance) continue;
        const ent = entitlement === null ? flat : entitlement[i];
        received[i] += ent;
        if (monthsPaid === 0) continue;
        const amount = weight[i] * ent * monthsPaid;
        byProvince[province[i]] += amount;
        total += amount;
        paid += weight[i];
      }
    }
    book.spentThisMonth += total;
    book.spent += total;
    book.families = families;
    book.paidThisMonth += paid;
  }

  return { listHouseholds, runProgramme };
}

/**
 * Households lo ≤ i < hi the month's programmes can touch, listed in World.visiting from lo on: every
 * one (`everyone`), or those with a registry status.
 */
export function listKernel(view: HouseholdView): RangeWork<{ readonly everyone: boolean }> {
  const w = view;
  return (t: { readonly everyone: boolean }, lo: number, hi: number, out: RangeOut): void => {
    const status = w.households.programmes;
    const listed = w.visiting.households;
    let count = lo;
    if (t.everyone) {
      for (let i = lo; i < hi; i++) listed[count++] = i;
    } else {
      // Branch-free: every household is written, and the count moves on past those with a status (a
      // Uint16 status above 0 carries into bit 16).
      for (let i = lo; i < hi; i++) {
        listed[count] = i;
        count += (status[i] + 0xffff) >>> 16;
      }
    }
    out.listed = count - lo;
  };
}

/** The families a month of holding keeps (the sum of their weights), set by each hold. */
const heldFamilies = new Float64Array(1);

/** What a programme's month of holding reads: its rule's terms and the month's payment (plain data: it travels to the step's threads). */
export type HoldTerms = Pick<ProgrammeRule, 'bit' | 'requireAll' | 'requireAny' | 'forbid' | 'areaMask' | 'areaValue' | 'entitlement' | 'flat' | 'food' | 'compliance'> & {
  /** The month of the payment that covers this month (−1: none). */
  readonly paidIn: number;
  /** Whether a family is paid only when it meets the conditions (its draw of the compliance stream, k0 and k1). */
  readonly conditional: boolean;
  readonly k0: number;
  readonly k1: number;
};

/**
 * A programme's month of holding, over the households listed in World.visiting (lo ≤ k < hi): an
 * enrolled family no longer eligible is listed in World.settling from lo on; the others are counted
 * (out.sums[0], a sum of weights) and, if the payment that covers the month paid them, live on it.
 */
export function holdKernel(view: HouseholdView): RangeWork<HoldTerms> {
  const w = view;
  return (t: HoldTerms, lo: number, hi: number, out: RangeOut): void => {
    const { programmes: status, weight, flags, cashTransfers, foodTransfers } = w.households;
    const received = t.food ? foodTransfers : cashTransfers;
    const listed = w.visiting.households;
    const leaving = w.settling;
    const { bit, requireAll: all, requireAny: any, forbid, areaMask, areaValue, entitlement, flat, paidIn, conditional, k0, k1, compliance } = t;
    let leavers = lo;
    let kept = 0;
    for (let k = lo; k < hi; k++) {
      const i = listed[k];
      const p = status[i];
      if ((p & bit) === 0) continue;
      const ent = entitlement === null ? flat : entitlement[i];
      if ((hasAllOf(p, flags[i], all, forbid, areaMask, areaValue) & hasAnyOf(p, any) & +(ent > 0)) === 0) {
        leaving[leavers++] = i;
        continue;
      }
      kept += weight[i];
      if (paidIn < 0) continue;
      if (conditional && (bits(k0, k1, i, paidIn, 0) >>> 0) * UNIT >= compliance) continue;
      received[i] += ent;
    }
    out.sums[0] += kept;
    out.listed = leavers - lo;
  };
}

/** The passes of the assistance process made for `world` (caseloadPasses), made the first time. */
function passesOf(world: World): CaseloadPasses {
  let passes = world.kernels.get(PASSES) as CaseloadPasses | undefined;
  if (passes === undefined) world.kernels.set(PASSES, (passes = caseloadPasses(world)));
  return passes;
}

const PASSES = `${import.meta.url}#caseloadPasses`;

/**
 * The month of the payment whose months of benefit cover `month` (the latest payment month p ≤ month
 * with month < p + its months of benefit), or −1 when no payment covers it.
 */
export function paymentCovering(book: ProgrammeBook, month: number): number {
  for (let p = month; p >= book.paidFrom; p--) {
    const covered = book.monthsPaid[p - book.paidFrom];
    if (covered > 0) return month < p + covered ? p : -1;
  }
  return -1;
}

/** Months of benefit the programme pays from `month` to the end of its year (its `monthsPaid`). */
export function monthsLeft(book: ProgrammeBook, month: number): number {
  const year = yearOf(month);
  let left = 0;
  for (let m = month; yearOf(m) === year && m - book.paidFrom < book.monthsPaid.length; m++) left += book.monthsPaid[m - book.paidFrom];
  return left;
}
