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
import { PATHWAY_DRAW, pathwayUniform } from '../draws';
import { countMove } from '../groups';
import { admit, decide, intakeKey, monthIntakes, queued, tally } from '../intake';
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
  const { phase, programmes, services, weight, clusters, severeDisability, history } = h;
  const scoreBits = world.scoreBits;
  const intakes = monthIntakes(CLUSTER_INTAKES, CLUSTERS.length);

  // 1. Courses go on (a course that ends leaves its household out of this month's intake); candidates are tallied and listed.
  const waiting = world.visiting.households;
  let candidates = 0;
  for (let i = 0, n = h.count; i < n; i++) {
    const held = services[i];
    if ((held & inCourse) !== 0) {
      goOn(world, ctx, i);
      continue;
    }
    // A candidate: in a cluster (most households are in none), free for a course, and listed or on the pathway.
    if ((clusters[i] | severeDisability[i] | (history[i] & DISASTER_VICTIM)) === 0 || (held & unavailable) !== 0) continue;
    if ((programmes[i] & IN_REGISTRY) === 0 && (phase[i] < RECOVERY || phase[i] > DEVELOPMENT)) continue;
    const c = clusterOf(h, i);
    if (c < 0) continue;
    tally(intakes[c], intakeKey(scoreBits[i], phase[i] === RECOVERY), weight[i]);
    waiting[candidates++] = i;
  }
  world.visiting.count = candidates;
  const rooms = clusterRooms(world, ctx);
  rooms.forEach((room, c) => decide(intakes[c], room));

  // 2. Candidates are admitted, in household order.
  const reasons = CLUSTERS.map(admittedReason);
  for (let k = 0; k < candidates; k++) {
    const i = waiting[k];
    const c = clusterOf(h, i);
    if (!admit(intakes[c], intakeKey(scoreBits[i], phase[i] === RECOVERY), weight[i])) continue;
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

/** A month of household i's course; when it ends, the household is rehabilitated with probability behaviour.atensi.success. */
function goOn(world: World, ctx: MonthContext, i: number): void {
  const h = world.households;
  if (--h.serviceMonths[i] !== 0) return;
  const flag = world.registry.flag;
  h.services[i] &= ~flag['atensi.in_rehabilitation'];
  const rehabilitated = pathwayUniform(ctx, i, PATHWAY_DRAW.atensiSuccess) < ctx.params.behaviour.atensi.success;
  if (rehabilitated) h.services[i] |= flag['atensi.rehabilitated'];
  countMove(ctx.flows, world.registry.reason[rehabilitated ? 'atensi.rehabilitated' : 'atensi.not_rehabilitated'], world, i);
}
