/**
 * ATENSI's month: rehabilitation for the persons of its clusters (../services/atensi.ts), inside
 * the pathway and outside it, within the year's places.
 *
 * Who: any household the registry lists, or on the pathway, with a member in a cluster, neither in
 * a course nor rehabilitated, and not in skills training (the two courses share serviceMonths). A
 * household with members in several clusters is served once, for the first in CLUSTERS order.
 *
 * Places: each cluster has its share (policy.atensi.cluster_share) of the places opened so far this
 * year — a twelfth of policy.atensi.places a month, as for every service with yearly places — less
 * what it has filled, so a cluster's places a month leaves open carry over to its next month within
 * the year. The month's rooms together are no more than the TKSK can refer (policy.tksk.count ×
 * referrals); when they are, each is cut in proportion. Within a cluster, households in pemulihan sosial come first (their
 * facilitator refers them and they cannot move on without it), then everyone else, poorest by
 * registry score first (../intake.ts). Each admission serves one person of its cluster.
 *
 * In one pass over the households and one over the candidates: each household's course goes on, and
 * the candidates of each cluster are tallied and listed; then, in household order, a candidate is
 * admitted if its cluster's place comes.
 */
import { IN_REGISTRY } from '../households';
import { DEVELOPMENT, DISASTER_VICTIM, RECOVERY } from '../phases';
import { PATHWAY_DRAW } from '../draws';
import { UNIT, bits } from '../random';
import type { Stream } from '../random';
import { overHouseholds } from '../threads';
import type { HouseholdView, RangeOut, RangeWork } from '../threads';
import { countMove } from '../groups';
import { INTAKE_KEYS, admit, decide, intakeKey, monthIntakes, pastCut, queued, tallyAll } from '../intake';
import type { Intake } from '../intake';
import type { MonthContext, World } from '../world';
import { CLUSTERS, admittedReason, clusterOf } from '../services/atensi';
import { serve, yearlyRoom } from '../services/serve';

/** Each cluster's intake, kept from month to month. */
const CLUSTER_INTAKES: Intake[] = [];

export function rehabilitation(world: World, ctx: MonthContext): void {
  const h = world.households;
  const policy = ctx.params.policy;
  const flag = world.registry.flag;
  const inCourse = flag['atensi.in_rehabilitation'];
  const unavailable = inCourse | flag['atensi.rehabilitated'] | (flag['skills.in_training'] ?? 0);
  const { services, weight } = h;
  const intakes = monthIntakes(CLUSTER_INTAKES, CLUSTERS.length);

  // 1. Courses go on (a course that ends leaves its household out of this month's intake); candidates
  // are tallied and listed, each with its cluster and intake key beside it, split over the run's
  // threads (the tallies are sums of weights, exact in any order).
  const waiting = world.visiting.households;
  const keys = world.settling;
  const reason = world.registry.reason;
  const terms: CourseTerms = {
    inCourse,
    unavailable,
    rehabilitated: flag['atensi.rehabilitated'],
    stream: ctx.streams.pathway,
    month: ctx.month,
    success: ctx.params.behaviour.atensi.success,
    rehabilitatedReason: reason['atensi.rehabilitated'],
    notRehabilitatedReason: reason['atensi.not_rehabilitated'],
  };
  candidateWeights.fill(0);
  const candidates = overHouseholds(world, ctx, { module: import.meta.url, name: 'coursesAndCandidates' }, coursesAndCandidates, terms, { list: waiting, beside: keys, sums: candidateWeights }).listed;
  intakes.forEach((intake, c) => tallyAll(intake, candidateWeights.subarray(c * INTAKE_KEYS, (c + 1) * INTAKE_KEYS)));
  world.visiting.count = candidates;
  const rooms = clusterRooms(world, ctx);
  rooms.forEach((room, c) => decide(intakes[c], room));

  // 2. Candidates are admitted, in household order. Most are past their intake's cut, which the key
  // beside them tells without reading the household.
  const reasons = CLUSTERS.map(admittedReason);
  for (let k = 0; k < candidates; k++) {
    const packed = keys[k];
    const c = Math.floor(packed / INTAKE_KEYS);
    const key = packed - c * INTAKE_KEYS;
    if (pastCut(intakes[c], key)) continue;
    const i = waiting[k];
    if (!admit(intakes[c], key, weight[i])) continue;
    services[i] |= inCourse;
    h.serviceMonths[i] = Math.max(1, policy.atensi.months);
    serve(world, ctx, 'atensi', i, policy.atensi.unit_cost, reasons[c]);
    world.rehabilitation.admittedThisYear[c] += weight[i];
  }
  world.services.atensi.queue = intakes.reduce((sum, intake) => sum + queued(intake), 0);
}

/** Each cluster's room this month (weighted persons), in CLUSTERS order. Call once a month. */
function clusterRooms(world: World, ctx: MonthContext): number[] {
  const { policy } = ctx.params;
  const book = world.services.atensi;
  const year = world.rehabilitation;
  if (year.year !== book.year) {
    year.year = book.year;
    year.admittedThisYear.fill(0);
  }
  yearlyRoom(world, 'atensi', policy.atensi.places);
  const rooms = CLUSTERS.map((cluster, c) => Math.max(0, book.openedThisYear * policy.atensi.cluster_share[cluster] - year.admittedThisYear[c]));
  const wanted = rooms.reduce((a, b) => a + b, 0);
  const referrals = policy.tksk.count * policy.tksk.referrals;
  return wanted > referrals ? rooms.map((room) => (room * referrals) / wanted) : rooms;
}

/** Each cluster's candidate weight by intake key (cluster-major), the month's sums, kept from month to month. */
const candidateWeights = new Float64Array(CLUSTERS.length * INTAKE_KEYS);

/** What ATENSI's courses and candidates read this month: the service flags, the draws of course success and the reasons. */
interface CourseTerms {
  /** Service flags: in a course; in a course, rehabilitated or in skills training (not free for a course); rehabilitated. */
  readonly inCourse: number;
  readonly unavailable: number;
  readonly rehabilitated: number;
  readonly stream: Stream;
  readonly month: number;
  readonly success: number;
  readonly rehabilitatedReason: number;
  readonly notRehabilitatedReason: number;
}

/**
 * Households lo ≤ i < hi: a course goes on; a candidate (in a cluster, most households are in none;
 * free for a course; listed or on the pathway) is tallied by cluster and intake key in out.sums and
 * listed in World.visiting from lo on, its cluster and key (cluster × INTAKE_KEYS + key) beside it in
 * World.settling.
 */
export function coursesAndCandidates(view: HouseholdView): RangeWork<CourseTerms> {
  const w = view;
  return (terms: CourseTerms, lo: number, hi: number, out: RangeOut): void => {
    const h = w.households;
    const { phase, programmes, services, weight, clusters, severeDisability, history } = h;
    const { inCourse, unavailable } = terms;
    const scoreBits = w.scoreBits;
    const waiting = w.visiting.households;
    const keys = w.settling;
    const tallies = out.sums;
    // Households in a course or in a cluster, listed first, branch-free (most are neither); then each
    // of them, read again from the list, is listed again if it is a candidate.
    let listed = lo;
    for (let i = lo; i < hi; i++) {
      waiting[listed] = i;
      listed += +((clusters[i] | severeDisability[i] | (history[i] & DISASTER_VICTIM) | (services[i] & inCourse)) !== 0);
    }
    let candidates = lo;
    for (let k = lo; k < listed; k++) {
      const i = waiting[k];
      const held = services[i];
      if ((held & inCourse) !== 0) {
        goOn(w, terms, out.flows, i);
        continue;
      }
      if ((clusters[i] | severeDisability[i] | (history[i] & DISASTER_VICTIM)) === 0 || (held & unavailable) !== 0) continue;
      if ((programmes[i] & IN_REGISTRY) === 0 && (phase[i] < RECOVERY || phase[i] > DEVELOPMENT)) continue;
      const c = clusterOf(h, i);
      if (c < 0) continue;
      const key = c * INTAKE_KEYS + intakeKey(scoreBits[i], phase[i] === RECOVERY);
      tallies[key] += weight[i];
      keys[candidates] = key;
      waiting[candidates++] = i;
    }
    out.listed = candidates - lo;
  };
}

/** A month of household i's course; when it ends, the household is rehabilitated with probability behaviour.atensi.success. */
function goOn(w: HouseholdView, terms: CourseTerms, flows: Float64Array, i: number): void {
  const h = w.households;
  if (--h.serviceMonths[i] !== 0) return;
  h.services[i] &= ~terms.inCourse;
  const rehabilitated = (bits(terms.stream.k0, terms.stream.k1, i, terms.month, PATHWAY_DRAW.atensiSuccess) >>> 0) * UNIT < terms.success;
  if (rehabilitated) h.services[i] |= terms.rehabilitated;
  countMove(flows, rehabilitated ? terms.rehabilitatedReason : terms.notRehabilitatedReason, w, i);
}
