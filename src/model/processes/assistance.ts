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
  for (const rule of passes.listHouseholds(ctx)) passes.runProgramme(ctx, rule, false);
  world.membersChanged.fill(0); // every programme has counted the members as they now are
}

/**
 * The caseloads as they stand when a run opens: every programme in force takes in its families
 * within quota and budget, whether or not it pays in the start month (then it pays nothing).
 */
export function openCaseloads(world: World, ctx: MonthContext): void {
  const passes = passesOf(world);
  for (const rule of passes.listHouseholds(ctx)) passes.runProgramme(ctx, rule, true);
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

/**
 * The score-bin tallies of the programme being settled (one set, reused every month): the candidates'
 * weights, the enrolled's, the candidates' expected costs, the enrolled's (SCORE_BINS each, from the
 * offsets below). Weights are sums of Float32 weights and a per-family entitlement's costs sums of
 * whole rupiah, exact in Float64, so the step's threads may add their parts in any order; a flat
 * entitlement's cost is not summed over families but taken once for each bin (binCosts).
 */
const tally = new Float64Array(4 * SCORE_BINS + 1);
const CANDIDATE_WEIGHT = 0;
const ENROLLED_WEIGHT = SCORE_BINS;
const CANDIDATE_COST = 2 * SCORE_BINS;
const ENROLLED_COST = 3 * SCORE_BINS;
/** The slot after the bins: the number of families listed in World.visiting that are enrolled (before the month's exits). */
const MEMBERS = 4 * SCORE_BINS;

/**
 * The expected cost of a family per month of benefit: its weight times its entitlement times the
 * probability it is paid, to the nearest rupiah where the entitlement is the family's own (a sum of
 * such costs is exact).
 */
function expectedCost(weight: number, entitlement: Float32Array | null, flat: number, i: number, paidShare: number): number {
  return entitlement === null ? weight * flat * paidShare : Math.floor(weight * entitlement[i] * paidShare + 0.5);
}

/** A flat entitlement's expected costs by score bin: each bin's weight (an exact sum) times the flat times the probability a family is paid. */
function binCosts(flat: number, paidShare: number): void {
  for (let b = 0; b < 2 * SCORE_BINS; b++) tally[CANDIDATE_COST + b] = tally[CANDIDATE_WEIGHT + b] * flat * paidShare;
}

/** What the assistance process does with one world: list its households, and run a programme's month (runProgramme). */
interface CaseloadPasses {
  readonly listHouseholds: (ctx: MonthContext) => ProgrammeRule[];
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
   * household can enter); every household when some programme requires none. Returns the
   * programmes' rules for the month, in the registry's order, which the calling thread works out
   * while the helpers list (a rule reads and brings up to date its programme's book alone).
   */
  function listHouseholds(ctx: MonthContext): ProgrammeRule[] {
    const everyone = !world.registry.programmes.every((p) => (p.eligibility.all?.length ?? 0) > 0);
    const listed = world.visiting.households;
    let rules: ProgrammeRule[] = [];
    const before = () => (rules = world.registry.programmes.map((programme) => programmeRule(world, ctx, programme)));
    world.visiting.count = overHouseholds(world, ctx, { module: import.meta.url, name: 'listKernel' }, listKernel, { everyone }, { list: listed, before }).listed;
    return rules;
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
    // 1. Tally the candidates and the enrolled by score bin (expected cost per month of benefit); list the leavers and the candidates.
    const { enrolled, cost, listed, members } = settle(ctx, rule);
    const enrolledWeight = tally.subarray(ENROLLED_WEIGHT, ENROLLED_WEIGHT + SCORE_BINS);
    const enrolledCost = tally.subarray(ENROLLED_COST, ENROLLED_COST + SCORE_BINS);
    const quota = rule.quota;
    const room = rule.budget === Infinity ? Infinity : budgetRoom(book, rule.budget, Math.max(1, monthsLeft(book, ctx.month)));
    if (enrolled > quota || cost > room) {
      letGo(ctx, rule, listed); // the leavers leave first: they are not among those cut
      cut(rule, ctx, enrolledWeight, enrolledCost, enrolled, cost, quota, room, rule.paidShare);
    } else {
      // 3. Entries: the lowest bins that fit whole, then part of the next bin in household order.
      const candidateWeight = tally.subarray(CANDIDATE_WEIGHT, CANDIDATE_WEIGHT + SCORE_BINS);
      const candidateCost = tally.subarray(CANDIDATE_COST, CANDIDATE_COST + SCORE_BINS);
      let k = 0;
      let w = enrolled;
      let c = cost;
      while (k < SCORE_BINS && w + candidateWeight[k] <= quota && c + candidateCost[k] <= room) {
        w += candidateWeight[k];
        c += candidateCost[k];
        k++;
      }
      admit(ctx, rule, listed, k, quota - w, room - c);
    }
    pay(ctx, rule, members < SPARSE * world.visiting.count);
  }

  /**
   * 1. The enrolled and the candidates are tallied by score bin (`tally`: their weights and expected
   * costs per month of benefit), and the leavers and the candidates listed in household order at the
   * front of `World.settling` (settleKernel, split over the run's threads). The leavers leave before
   * the enrolled are cut (letGo) or with the admissions (admitKernel).
   */
  function settle(ctx: MonthContext, rule: ProgrammeRule): { enrolled: number; cost: number; listed: number; members: number } {
    tally.fill(0);
    const terms: SettleTerms = {
      bit: rule.bit,
      requireAll: rule.requireAll,
      requireAny: rule.requireAny,
      forbid: rule.forbid,
      areaMask: rule.areaMask,
      areaValue: rule.areaValue,
      entitlement: rule.entitlement,
      flat: rule.flat,
      paidShare: rule.paidShare,
    };
    const listed = overHouseholds(world, ctx, { module: import.meta.url, name: 'settleKernel' }, settleKernel, terms, { over: 'visiting', sums: tally, list: world.settling }).listed;
    if (rule.entitlement === null) binCosts(rule.flat, rule.paidShare);
    let enrolled = 0;
    let cost = 0;
    for (let b = 0; b < SCORE_BINS; b++) {
      enrolled += tally[ENROLLED_WEIGHT + b];
      cost += tally[ENROLLED_COST + b];
    }
    return { enrolled, cost, listed, members: tally[MEMBERS] };
  }

  /** The leavers among the first `count` entries of `World.settling` (a leaver i is listed as ~i) leave, in household order. */
  function letGo(ctx: MonthContext, rule: ProgrammeRule, count: number): void {
    const status = world.households.programmes;
    const listed = world.settling;
    for (let j = 0; j < count; j++) {
      if (listed[j] >= 0) continue;
      const i = ~listed[j];
      world.totals.graduations += leave(world, rule, ctx.flows, i, status[i]);
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
    const { requireAll, requireAny, forbid, areaMask, areaValue } = rule;
    const terms: HoldTerms = { requireAll, requireAny, forbid, areaMask, areaValue, ...paymentTerms(rule, book, ctx.month) };
    heldFamilies[0] = 0;
    const leavers = overHouseholds(world, ctx, { module: import.meta.url, name: 'holdKernel' }, holdKernel, terms, { over: 'visiting', sums: heldFamilies, list: world.settling }).listed;
    letGo(ctx, rule, leavers);
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
        cost -= expectedCost(weight[i], entitlement, flat, i, expected);
      }
      status[i] &= ~bit;
      countMove(ctx.flows, reason, world, i);
    }
  }

  /**
   * 3. The leavers among the first `count` entries of `World.settling` (a leaver i is listed as ~i)
   * leave, and the candidates among them (a candidate i is listed as i) are admitted in bins below
   * `admitBelow` (admitKernel, split over the run's threads, which lists those of that bin), and in
   * that bin in household order while `weightLeft` and `costLeft` allow.
   */
  function admit(ctx: MonthContext, rule: ProgrammeRule, count: number, admitBelow: number, weightLeft: number, costLeft: number): void {
    const { bit, requireAll, requireAny, forbid, areaMask, areaValue, naturalGraduation, reasons } = rule;
    const terms: AdmitTerms = { bit, requireAll, requireAny, forbid, areaMask, areaValue, naturalGraduation, reasons, admitBelow };
    naturalGraduates[0] = 0;
    const inBin = overHouseholds(world, ctx, { module: import.meta.url, name: 'admitKernel' }, admitKernel, terms, { over: count, sums: naturalGraduates, list: world.settling }).listed;
    world.totals.graduations += naturalGraduates[0];
    const { programmes: status, weight } = world.households;
    const { entitlement, flat, paidShare: expected } = rule;
    const listed = world.settling;
    for (let j = 0; j < inBin; j++) {
      const i = listed[j];
      const cost = expectedCost(weight[i], entitlement, flat, i, expected);
      if (weight[i] > weightLeft || cost > costLeft) continue;
      weightLeft -= weight[i];
      costLeft -= cost;
      status[i] |= bit;
      countMove(ctx.flows, rule.reasons.enrolled, world, i);
    }
  }

  /**
   * 4. Pay every enrolled family the months of benefit this month's payment covers (payKernel, split
   * over the run's threads). A family lives on a payment over the months it covers: each of those
   * months its transfers (what consumption sees) hold one month's benefit, if it was paid. `sparse`:
   * few of the households listed are enrolled (PayTerms).
   */
  function pay(ctx: MonthContext, rule: ProgrammeRule, sparse: boolean): void {
    const book = world.books[rule.id];
    const terms: PayTerms = { ...paymentTerms(rule, book, ctx.month), monthsPaid: rule.monthsPaid, sparse };
    paidSums.fill(0);
    overHouseholds(world, ctx, { module: import.meta.url, name: 'payKernel' }, payKernel, terms, { over: 'visiting', sums: paidSums });
    // A flat entitlement's spending in a province: the weight of the families paid there times the flat times the months paid.
    const flatPaid = rule.entitlement === null ? rule.flat * rule.monthsPaid : 1;
    let total = 0;
    for (let r = 0; r < world.provinceCount; r++) {
      const amount = paidSums[PAID_IN_PROVINCE + r] * flatPaid;
      book.spentByProvince[r] += amount;
      total += amount;
    }
    book.spentThisMonth += total;
    book.spent += total;
    book.families = paidSums[PAID_ENROLLED];
    book.paidThisMonth += paidSums[PAID_FAMILIES];
  }

  /** What a payment adds up (payKernel): the families enrolled, the families paid (sums of weights), and what was paid in each province. */
  const paidSums = new Float64Array(PAID_IN_PROVINCE + world.provinceCount);

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
export type HoldTerms = Pick<ProgrammeRule, 'requireAll' | 'requireAny' | 'forbid' | 'areaMask' | 'areaValue'> & PaymentTerms;

/** What a family's payment reads: its rule's terms and the month's payment (paymentTerms). */
export type PaymentTerms = Pick<ProgrammeRule, 'bit' | 'entitlement' | 'flat' | 'food' | 'compliance'> & {
  /** The month of the payment that covers this month (−1: none). */
  readonly paidIn: number;
  /** Whether a family is paid only when it meets the conditions (its draw of the compliance stream, k0 and k1). */
  readonly conditional: boolean;
  readonly k0: number;
  readonly k1: number;
};

/** The payment terms of `rule` in `month` (plain data: they travel to the step's threads). */
function paymentTerms(rule: ProgrammeRule, book: ProgrammeBook, month: number): PaymentTerms {
  const s = rule.complianceStream;
  return {
    bit: rule.bit,
    entitlement: rule.entitlement,
    flat: rule.flat,
    food: rule.food,
    compliance: rule.compliance,
    paidIn: rule.inForce ? paymentCovering(book, month) : -1,
    conditional: s !== null,
    k0: s === null ? 0 : s.k0,
    k1: s === null ? 0 : s.k1,
  };
}

/**
 * A programme's month of holding, over the households listed in World.visiting (lo ≤ k < hi): an
 * enrolled family no longer eligible is listed in World.settling from lo on (as ~i, a leaver); the
 * others are counted (out.sums[0], a sum of weights) and, if the payment that covers the month paid
 * them, live on it.
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
        leaving[leavers++] = ~i;
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

/** The weight of the natural graduates among the families an admission lets go (admitKernel's sums). */
const naturalGraduates = new Float64Array(1);

/** What a family's leaving reads: its rule's eligibility, whether leaving for no entitlement is natural graduation, and the reasons (plain data: it travels to the step's threads). */
export type LeaveTerms = Pick<ProgrammeRule, 'bit' | 'requireAll' | 'requireAny' | 'forbid' | 'areaMask' | 'areaValue' | 'naturalGraduation' | 'reasons'>;

/** What an admission reads: how its families leave, and the score bin below which every candidate enters. */
export type AdmitTerms = LeaveTerms & { readonly admitBelow: number };

/**
 * Family i, enrolled (its statuses `p`) and no longer eligible, leaves, counted with its reason: a
 * status of the programme's `all` missing or one of its `forbid` held, none of its `any`, or no
 * entitlement — natural graduation where the programme declares it. Returns the weight of a natural
 * graduate, 0 for any other leaver.
 */
function leave(w: HouseholdView, t: LeaveTerms, flows: Float64Array, i: number, p: number): number {
  const h = w.households;
  const hasAll = hasAllOf(p, h.flags[i], t.requireAll, t.forbid, t.areaMask, t.areaValue) === 1;
  const hasAny = hasAnyOf(p, t.requireAny) === 1;
  h.programmes[i] = p & ~t.bit;
  countMove(flows, !hasAll ? t.reasons.missingAll : !hasAny ? t.reasons.missingAny : t.reasons.noEntitlement, w, i);
  if (!hasAll || !hasAny || !t.naturalGraduation) return 0;
  h.graduation[i] = NATURAL;
  return h.weight[i];
}

/**
 * A programme's admissions, over the entries lo ≤ k < hi of World.settling (a candidate i listed as i,
 * a leaver as ~i): a leaver leaves (the natural graduates' weight in out.sums[0]); a candidate in a
 * score bin below `admitBelow` enters; one in that bin is listed in World.settling from lo on, in
 * household order, for the calling thread to admit while the quota and the budget allow.
 */
export function admitKernel(view: HouseholdView): RangeWork<AdmitTerms> {
  const w = view;
  return (t: AdmitTerms, lo: number, hi: number, out: RangeOut): void => {
    const status = w.households.programmes;
    const scoreBits = w.scoreBits;
    const settling = w.settling;
    const { bit, admitBelow } = t;
    const reason = t.reasons.enrolled;
    let inBin = lo;
    let graduates = 0;
    for (let k = lo; k < hi; k++) {
      const i = settling[k];
      if (i < 0) {
        const leaver = ~i;
        graduates += leave(w, t, out.flows, leaver, status[leaver]);
        continue;
      }
      const b = logBin(scoreBits[i]);
      if (b > admitBelow) continue;
      if (b === admitBelow) {
        settling[inBin++] = i;
        continue;
      }
      status[i] |= bit;
      countMove(out.flows, reason, w, i);
    }
    out.sums[0] += graduates;
    out.listed = inBin - lo;
  };
}

/** What a payment reads: its rule's terms, the month of the payment that covers this month and the months of benefit it pays (plain data: it travels to the step's threads). */
export type PayTerms = PaymentTerms & {
  readonly monthsPaid: number;
  /**
   * Few of the households listed are enrolled (fewer than SPARSE of them, as the month's settling
   * counted them): the payment then skips the others with a branch rather than passing over them
   * branch-free. Either way gives the same bits. BLT Dana Desa, which pays every month, enrols about
   * 7 % of the households listed: at 2 million households on one thread, alternating, assistance's
   * median month took 59.8, 58.1 and 62.6 ms so against 72.5, 72.7 and 74.4 with every payment
   * branch-free. With every payment behind the branch, BPNT's and rice aid's (62 % and 71 % enrolled)
   * were slower instead (on average over a run's months, 24.8 and 26.7 ms against 19.9 and 24.7).
   */
  readonly sparse: boolean;
};

/** The share of the households listed below which a programme's enrolled are few (PayTerms.sparse). */
const SPARSE = 0.2;

/** Slots of a payment's sums: the enrolled families, the families paid, then the rupiah paid in each province. */
const PAID_ENROLLED = 0;
const PAID_FAMILIES = 1;
const PAID_IN_PROVINCE = 2;

/** A range's payment sums (the layout of out.sums, for up to 256 provinces: a Uint8 province), this thread's own, added to out.sums after the range. */
const rangePaid = new Float64Array(PAID_IN_PROVINCE + 256);

/**
 * A programme's payment, over the households listed in World.visiting (lo ≤ k < hi): every enrolled
 * family is counted (out.sums[PAID_ENROLLED]); if the payment that covers the month paid it (a
 * conditional programme pays a family only if its conditions are met), it lives on its month's
 * benefit, and if a payment is made this month, its weight is added to the families paid
 * (out.sums[PAID_FAMILIES]) and to its province's payment (out.sums[PAID_IN_PROVINCE + province]):
 * with a flat entitlement, its weight, which pay() turns into rupiah; with the family's own, its
 * weight times its benefit, to the nearest rupiah, times the months paid. Both are exact sums.
 */
export function payKernel(view: HouseholdView): RangeWork<PayTerms> {
  const w = view;
  return (t: PayTerms, lo: number, hi: number, out: RangeOut): void => {
    const { programmes: status, weight, province, cashTransfers, foodTransfers } = w.households;
    const received = t.food ? foodTransfers : cashTransfers;
    const listed = w.visiting.households;
    const sums = rangePaid;
    sums.fill(0);
    const { bit, entitlement, flat, paidIn, conditional, k0, k1, compliance, monthsPaid, sparse } = t;
    let families = 0;
    let paid = 0;
    if (!sparse && !conditional && paidIn >= 0 && monthsPaid > 0) {
      // An unconditional payment: every member is paid, branch-free (a non-member's terms are multiplied
      // by 0, and x + 0 = x: the same bits as skipping it).
      const memberShift = 31 - Math.clz32(bit);
      for (let k = lo; k < hi; k++) {
        const i = listed[k];
        const member = (status[i] >>> memberShift) & 1;
        const w = weight[i] * member;
        const ent = (entitlement === null ? flat : entitlement[i]) * member;
        families += w;
        received[i] += ent;
        sums[PAID_IN_PROVINCE + province[i]] += entitlement === null ? w : Math.floor(w * ent + 0.5) * monthsPaid;
      }
      paid = families;
    } else {
      for (let k = lo; k < hi; k++) {
        const i = listed[k];
        if ((status[i] & bit) === 0) continue;
        families += weight[i];
        if (paidIn < 0) continue;
        if (conditional && (bits(k0, k1, i, paidIn, 0) >>> 0) * UNIT >= compliance) continue;
        const ent = entitlement === null ? flat : entitlement[i];
        received[i] += ent;
        if (monthsPaid === 0) continue;
        sums[PAID_IN_PROVINCE + province[i]] += entitlement === null ? weight[i] : Math.floor(weight[i] * ent + 0.5) * monthsPaid;
        paid += weight[i];
      }
    }
    sums[PAID_ENROLLED] = families;
    sums[PAID_FAMILIES] = paid;
    for (let j = 0; j < out.sums.length; j++) out.sums[j] += sums[j];
  };
}

/** What a month of settling reads: its rule's terms (plain data: it travels to the step's threads). */
export type SettleTerms = Pick<ProgrammeRule, 'bit' | 'requireAll' | 'requireAny' | 'forbid' | 'areaMask' | 'areaValue' | 'entitlement' | 'flat' | 'paidShare'>;

/**
 * A programme's settling, over the households listed in World.visiting (lo ≤ k < hi): each eligible
 * family is tallied by score bin (out.sums, the layout of `tally`: its weight and, where the
 * entitlement is the family's own, its expected cost per month of benefit, as a candidate or as
 * enrolled); a family enrolled and no longer eligible (a
 * leaver, listed as ~i) and an eligible family not enrolled (a candidate, listed as i) are listed in
 * World.settling from lo on, in household order.
 *
 * Branch-free: a family's weight is multiplied by 0 or 1 (eligible) and added to the candidates' half
 * of the tally or the enrolled's (member, 0 or 1, picks the half), the same bits as branches would
 * give (x · 1 = x, x + 0 = x); every family is written to the list, and the count moves on past
 * leavers and candidates.
 */
/**
 * A range's tally (the layout of `tally`), this thread's own, added to out.sums after the range (at 2
 * million households on one thread, settling ran 15–20% faster so than adding to out.sums directly).
 */
const rangeTally = new Float64Array(4 * SCORE_BINS + 1);

export function settleKernel(view: HouseholdView): RangeWork<SettleTerms> {
  const w = view;
  return (t: SettleTerms, lo: number, hi: number, out: RangeOut): void => {
    const { programmes: status, weight, flags } = w.households;
    const scoreBits = w.scoreBits;
    const visiting = w.visiting.households;
    const settling = w.settling;
    const sums = rangeTally;
    sums.fill(0);
    const { bit, requireAll: all, requireAny: any, forbid, areaMask, areaValue, entitlement, flat, paidShare } = t;
    const memberShift = 31 - Math.clz32(bit);
    let listed = lo;
    let members = 0;
    for (let k = lo; k < hi; k++) {
      const i = visiting[k];
      const p = status[i];
      const member = (p >>> memberShift) & 1;
      members += member;
      const ent = entitlement === null ? flat : entitlement[i];
      const eligible = hasAllOf(p, flags[i], all, forbid, areaMask, areaValue) & hasAnyOf(p, any) & +(ent > 0);
      const leaver = member & (1 - eligible);
      settling[listed] = i ^ -leaver; // ~i for a leaver
      listed += leaver | (eligible & (1 - member));
      const counted = weight[i] * eligible;
      const b = logBin(scoreBits[i]) + member * SCORE_BINS;
      sums[CANDIDATE_WEIGHT + b] += counted;
      if (entitlement !== null) sums[CANDIDATE_COST + b] += expectedCost(counted, entitlement, flat, i, paidShare);
    }
    sums[MEMBERS] = members;
    for (let j = 0; j < sums.length; j++) out.sums[j] += sums[j];
    out.listed = listed - lo;
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
