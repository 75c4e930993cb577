/**
 * The pathway: from assistance through pemulihan sosial, transisi and pengembangan to graduation,
 * and back by relapse — with the services of each phase and the capacity that limits them.
 *
 * Each month, in two passes over the households:
 *   1. tally — the candidates for each limited place: a facilitator (entry to pemulihan sosial),
 *      ATENSI rehabilitation, an RST house, skills training, PENA capital, a PROKUS grant; and the
 *      facilitators' current caseload;
 *   2. move — each household's phase rule, in phase order of the rules below, admitting candidates
 *      poorest first (PKH families under 40 in front while the push is on) as capacity allows.
 *
 * Rules (each move counted with its reason, see PATHWAY_MOVES):
 *   none → assistance        enrolled in PKH or BPNT (re-entered, after a relapse)
 *   assistance → none        no longer in PKH or BPNT
 *   assistance → recovery    the integration is in effect; extreme-poor by registry score, or a
 *                            PKH family whose head is under `push_age` while the push is on (these
 *                            come first, and enter for the push); and a facilitator has room
 *                            (count × caseload)
 *   recovery → transition    after `recovery_months`; a household with a severe disability or hit by
 *                            a disaster must first be rehabilitated (ATENSI; referred by TKSK, within
 *                            Sentra places); a household without a working-age member cannot move on
 *   transition → development its business has run `months_to_established` months
 *   transition → assistance  no business after `transition_max_months`
 *   development → transition its business failed
 *   development → graduated  consumption ≥ `income_multiple` × national line for `months_above`
 *                            months with a working business, of its own accord (`voluntary` a
 *                            month); or pushed: a PKH family under the push age that received PENA,
 *                            whose business stands and who is above the national line `exit_months`
 *                            after the capital
 *   graduated → none         below the national line, it relapses (`relapse_hazard` a month)
 * Graduating ends PKH and BPNT (they do not take the family back until it relapses).
 * Services with yearly places fill them evenly over the year (see yearlyRoom); ATENSI also within
 * TKSK referrals a month. ATENSI (recovery; `months` long; `success` lets the household move on), RST (recovery;
 * extreme-poor households without decent housing, `housing_need`; some with business space), skills
 * training (transition, going on in development; `months` long; dropped by a household that moves
 * elsewhere), PENA (transition; head aged min_age–max_age, in PKH or BPNT;
 * capital in kind plus mentoring), PROKUS (a running business in transition or development, or just
 * graduated; grant plus incubation). A business starts in transition once the household has capital.
 */
import { bits, UNIT } from '../random';
import { BLT_BBM, BPNT, LEFT_BY_GRADUATION, PKH } from '../households';
import type { Households } from '../households';
import {
  ASSISTANCE,
  ATENSI_DONE,
  DEVELOPMENT,
  DISASTER_VICTIM,
  ENTERED_EXTREME,
  GRADUATED,
  GRADUATED_BEFORE,
  IN_ATENSI,
  IN_TRAINING,
  NONE,
  PENA_RECEIVED,
  PROKUS_RECEIVED,
  RECOVERY,
  RELAPSED_BEFORE,
  RST_BUSINESS_SPACE,
  RST_HOUSE,
  TRAINED,
  TRANSITION,
} from '../phases';
import { REASON, countMove } from '../reasons';
import type { MonthContext, ServiceId, World } from '../world';
import { serve, serveOutsidePlaces } from '../services';
import { admit, createIntake, decide, intakeKey, queued, tally } from '../intake';
import type { Intake } from '../intake';

/** Members of working age: everyone who is not a young child, a pupil or aged 70+. */
export function workingAgeMembers(h: Households, i: number): number {
  return h.size[i] - h.earlyChildhood[i] - h.primaryPupils[i] - h.juniorPupils[i] - h.seniorPupils[i] - h.elderly[i];
}

/** A vulnerability ATENSI addresses before the household can move on: severe disability or a disaster. */
export function needsRehabilitation(h: Households, i: number): boolean {
  return (h.severeDisability[i] > 0 || (h.history[i] & DISASTER_VICTIM) !== 0) && (h.services[i] & ATENSI_DONE) === 0;
}

// Draw indices of the pathway stream.
const D_ATENSI = 0, D_RST_SPACE = 1, D_START = 2, D_GRADUATE = 3, D_RELAPSE = 4, D_HOUSING = 5;

/** Whether the household lacks decent housing: a fixed trait, drawn once (month 0) per household. */
function lacksHousing(ctx: MonthContext, i: number): boolean {
  const s = ctx.streams.pathway;
  return (bits(s.k0, s.k1, i, 0, D_HOUSING) >>> 0) * UNIT < ctx.params.behaviour.rst.housing_need;
}

function uniformOf(ctx: MonthContext, i: number, draw: number): number {
  const s = ctx.streams.pathway;
  return (bits(s.k0, s.k1, i, ctx.month, draw) >>> 0) * UNIT;
}

/**
 * Move household i to `phase` for `reason`. Skills training belongs to transisi and pengembangan: a
 * household that moves anywhere else leaves its training unfinished.
 */
function move(h: Households, ctx: MonthContext, i: number, phase: number, reason: number): void {
  if (phase !== TRANSITION && phase !== DEVELOPMENT) dropTraining(h, i);
  h.phase[i] = phase;
  h.monthsInPhase[i] = 0;
  h.monthsAbove[i] = 0;
  countMove(ctx.flows, reason, h, i);
}

function dropTraining(h: Households, i: number): void {
  if ((h.services[i] & IN_TRAINING) === 0) return;
  h.services[i] &= ~IN_TRAINING;
  h.serviceMonths[i] = 0;
}

/** Count down skills training (transisi and pengembangan); trained when it ends. */
function train(h: Households, ctx: MonthContext, i: number): void {
  if ((h.services[i] & IN_TRAINING) === 0 || --h.serviceMonths[i] > 0) return;
  h.services[i] = (h.services[i] & ~IN_TRAINING) | TRAINED;
  countMove(ctx.flows, REASON['skills.trained'], h, i);
}

interface Candidates {
  readonly facilitator: Intake;
  readonly atensi: Intake;
  readonly rst: Intake;
  readonly skills: Intake;
  readonly pena: Intake;
  readonly prokus: Intake;
}

/** What the phase rules of one month share. */
interface Step {
  readonly world: World;
  readonly ctx: MonthContext;
  readonly h: Households;
  readonly c: Candidates;
  readonly policy: MonthContext['params']['policy'];
  readonly behaviour: MonthContext['params']['behaviour'];
  /** Whether the under-40 push is on, and its age. */
  readonly push: boolean;
  readonly pushAge: number;
  readonly extremeLine: number;
  readonly nationalLine: number;
  /** Consumption per person a graduate must reach: income_multiple × national line. */
  readonly threshold: number;
}

/**
 * Places a service may still fill this month. Each month adds a twelfth of the yearly places in
 * force that month; places a month leaves unused stay open until the year ends.
 */
export function yearlyRoom(s: Step, id: ServiceId, places: number): number {
  const book = s.world.services[id];
  book.openedThisYear += places / 12;
  return Math.max(0, book.openedThisYear - book.admittedThisYear);
}

// Candidate tests: each is evaluated on the household as it stands when its phase rule starts, in
// both passes, so only tallied candidates are ever admitted.
function pushed(s: Step, i: number): boolean {
  return s.push && (s.h.programmes[i] & PKH) !== 0 && s.h.headAge[i] < s.pushAge;
}
function atensiCandidate(s: Step, i: number): boolean {
  return (s.h.services[i] & IN_ATENSI) === 0 && needsRehabilitation(s.h, i);
}
function rstCandidate(s: Step, i: number): boolean {
  return (s.h.services[i] & RST_HOUSE) === 0 && s.h.registryScore[i] < s.extremeLine && lacksHousing(s.ctx, i);
}
function skillsCandidate(s: Step, i: number): boolean {
  return (s.h.services[i] & (IN_TRAINING | TRAINED)) === 0;
}
function penaCandidate(s: Step, i: number): boolean {
  const h = s.h;
  return (
    (h.services[i] & PENA_RECEIVED) === 0 && h.business[i] === 0 && h.headAge[i] >= s.policy.pena.min_age && h.headAge[i] <= s.policy.pena.max_age && (h.programmes[i] & (PKH | BPNT)) !== 0
  );
}
function prokusCandidate(s: Step, i: number): boolean {
  return (s.h.services[i] & PROKUS_RECEIVED) === 0 && s.h.business[i] === 1;
}

export function pathway(world: World, ctx: MonthContext): void {
  const h = world.households;
  const policy = ctx.params.policy;
  const c: Candidates = { facilitator: createIntake(), atensi: createIntake(), rst: createIntake(), skills: createIntake(), pena: createIntake(), prokus: createIntake() };
  const s: Step = {
    world,
    ctx,
    h,
    c,
    policy,
    behaviour: ctx.params.behaviour,
    push: policy.empowerment.under40_push,
    pushAge: policy.empowerment.push_age,
    extremeLine: ctx.extremeLine,
    nationalLine: ctx.nationalLine,
    threshold: policy.graduation.income_multiple * ctx.nationalLine,
  };
  const on = policy.empowerment.in_effect;
  const { push, pushAge, extremeLine: extreme } = s;
  const scoreBits = world.scoreBits;
  const { phase, programmes, headAge, registryScore, weight, monthsInPhase, consumption, history } = h;

  // 1. Tally. The assistance phase, where most households on the pathway are, is written out.
  let caseload = 0;
  for (let i = 0, n = h.count; i < n; i++) {
    const ph = phase[i];
    if (ph === NONE) continue;
    const w = weight[i];
    if (ph === ASSISTANCE) {
      const status = programmes[i];
      if (!on || (status & (PKH | BPNT)) === 0) continue;
      const isPushed = push && (status & PKH) !== 0 && headAge[i] < pushAge;
      if (isPushed || registryScore[i] < extreme) tally(c.facilitator, intakeKey(scoreBits[i], isPushed), w);
      continue;
    }
    const key = intakeKey(scoreBits[i], pushed(s, i));
    if (ph === RECOVERY) {
      caseload += w;
      if (atensiCandidate(s, i)) tally(c.atensi, key, w);
      if (rstCandidate(s, i)) tally(c.rst, key, w);
    } else if (ph === TRANSITION) {
      caseload += w;
      if (skillsCandidate(s, i)) tally(c.skills, key, w);
      if (penaCandidate(s, i)) tally(c.pena, key, w);
      if (prokusCandidate(s, i)) tally(c.prokus, key, w);
    } else if (ph === DEVELOPMENT) {
      caseload += w;
      if (prokusCandidate(s, i)) tally(c.prokus, key, w);
    } else if (monthsInPhase[i] < 12 && prokusCandidate(s, i)) tally(c.prokus, key, w); // just graduated
  }
  decide(c.facilitator, Math.max(0, policy.facilitators.count * policy.facilitators.caseload - caseload));
  decide(c.atensi, Math.min(yearlyRoom(s, 'atensi', policy.atensi.places), policy.tksk.count * policy.tksk.referrals));
  decide(c.rst, yearlyRoom(s, 'rst', policy.rst.houses));
  decide(c.skills, yearlyRoom(s, 'skills', policy.skills.places));
  decide(c.pena, yearlyRoom(s, 'pena', policy.pena.recipients));
  decide(c.prokus, yearlyRoom(s, 'prokus', policy.prokus.recipients));

  // 2. Move.
  for (let i = 0, n = h.count; i < n; i++) {
    const ph = phase[i];
    if (ph === NONE) {
      if ((programmes[i] & (PKH | BPNT)) !== 0) {
        move(h, ctx, i, ASSISTANCE, (history[i] & RELAPSED_BEFORE) !== 0 ? REASON['pathway.re_entered_after_relapse'] : REASON['pathway.enrolled_in_assistance']);
      }
      continue;
    }
    if (monthsInPhase[i] < 255) monthsInPhase[i]++;
    if (ph === ASSISTANCE) {
      const status = programmes[i];
      if ((status & (PKH | BPNT)) === 0) {
        move(h, ctx, i, NONE, REASON['pathway.left_assistance']);
        continue;
      }
      if (!on) continue;
      const isPushed = push && (status & PKH) !== 0 && headAge[i] < pushAge;
      if ((isPushed || registryScore[i] < extreme) && admit(c.facilitator, intakeKey(scoreBits[i], isPushed), weight[i])) {
        if (consumption[i] < extreme) history[i] |= ENTERED_EXTREME;
        move(h, ctx, i, RECOVERY, isPushed ? REASON['pathway.recovery_under40_push'] : REASON['pathway.recovery_extreme_poor']);
      }
      continue;
    }
    const key = intakeKey(scoreBits[i], pushed(s, i));
    if (ph === RECOVERY) recoveryRule(s, i, key);
    else if (ph === TRANSITION) transitionRule(s, i, key);
    else if (ph === DEVELOPMENT) developmentRule(s, i, key);
    else graduatedRule(s, i, key);
  }

  world.facilitatorQueue = queued(c.facilitator);
  for (const id of ['atensi', 'rst', 'skills', 'pena', 'prokus'] as const) world.services[id].queue = queued(c[id]);
}

/** Pemulihan sosial: rehabilitation (ATENSI) and housing (RST); then transisi, unless something blocks. */
function recoveryRule(s: Step, i: number, key: number): void {
  const { h, ctx, world, c, policy } = s;
  const w = h.weight[i];
  if ((h.services[i] & IN_ATENSI) !== 0) {
    if (--h.serviceMonths[i] === 0) {
      h.services[i] &= ~IN_ATENSI;
      if (uniformOf(ctx, i, D_ATENSI) < s.behaviour.atensi.success) {
        h.services[i] |= ATENSI_DONE;
        countMove(ctx.flows, REASON['atensi.rehabilitated'], h, i);
      } else countMove(ctx.flows, REASON['atensi.not_rehabilitated'], h, i);
    }
  } else if (atensiCandidate(s, i) && admit(c.atensi, key, w)) {
    h.services[i] |= IN_ATENSI;
    h.serviceMonths[i] = Math.max(1, policy.atensi.months);
    serve(world, ctx, 'atensi', i, policy.atensi.unit_cost, REASON['atensi.admitted']);
  }
  if (rstCandidate(s, i) && admit(c.rst, key, w)) {
    h.services[i] |= RST_HOUSE;
    if (uniformOf(ctx, i, D_RST_SPACE) < policy.rst.business_space_share) h.services[i] |= RST_BUSINESS_SPACE;
    serve(world, ctx, 'rst', i, policy.rst.grant, REASON['rst.built']);
  }
  if (h.monthsInPhase[i] < policy.empowerment.recovery_months) return;
  if (workingAgeMembers(h, i) < 1) world.blocked.noWorkingAgeMember += w;
  else if (needsRehabilitation(h, i)) world.blocked.awaitingRehabilitation += w;
  else move(h, ctx, i, TRANSITION, REASON['pathway.recovered']);
}

/** Transisi: skills, PENA capital, PROKUS; a business starts once there is capital; pengembangan once it stands. */
function transitionRule(s: Step, i: number, key: number): void {
  const { h, ctx, world, c, policy } = s;
  const w = h.weight[i];
  if ((h.services[i] & IN_TRAINING) !== 0) train(h, ctx, i);
  else if (skillsCandidate(s, i) && admit(c.skills, key, w)) {
    h.services[i] |= IN_TRAINING;
    h.serviceMonths[i] = Math.max(1, policy.skills.months);
    serve(world, ctx, 'skills', i, policy.skills.unit_cost, REASON['skills.admitted']);
  }
  if (penaCandidate(s, i) && admit(c.pena, key, w)) grantPena(world, ctx, i, 'within-places');
  prokus(s, i, key);
  if (h.business[i] === 0 && h.capital[i] > 0 && uniformOf(ctx, i, D_START) < s.behaviour.business.start_probability) startBusiness(h, ctx, i);
  if (h.business[i] === 1 && h.businessMonths[i] >= s.behaviour.business.months_to_established) move(h, ctx, i, DEVELOPMENT, REASON['pathway.business_established']);
  else if (h.business[i] === 0 && h.monthsInPhase[i] >= policy.empowerment.transition_max_months) move(h, ctx, i, ASSISTANCE, REASON['pathway.no_business_in_time']);
}

/** Pengembangan: graduation when the criteria hold (of its own accord, or pushed after PENA); back to transisi if the business fails. */
function developmentRule(s: Step, i: number, key: number): void {
  const { h, ctx, world, policy } = s;
  prokus(s, i, key);
  train(h, ctx, i);
  if (h.business[i] === 0) {
    move(h, ctx, i, TRANSITION, REASON['pathway.business_failed']);
    return;
  }
  const consumption = h.consumption[i];
  h.monthsAbove[i] = consumption >= s.threshold ? Math.min(255, h.monthsAbove[i] + 1) : 0;
  const pushedOut =
    pushed(s, i) && (h.services[i] & PENA_RECEIVED) !== 0 && ctx.month - h.penaMonth[i] >= policy.pena.exit_months && consumption >= s.nationalLine;
  if (pushedOut) graduate(world, ctx, i, REASON['pathway.graduated_pena_exit']);
  else if (h.monthsAbove[i] >= policy.graduation.months_above && !needsRehabilitation(h, i) && uniformOf(ctx, i, D_GRADUATE) < s.behaviour.graduation.voluntary) {
    graduate(world, ctx, i, REASON['pathway.graduated_criteria_met']);
  }
}

/** Graduated: PROKUS in the first year; below the national line, relapse. */
function graduatedRule(s: Step, i: number, key: number): void {
  const { h, ctx } = s;
  if (h.monthsInPhase[i] <= 12) prokus(s, i, key);
  if (h.consumption[i] < s.nationalLine && uniformOf(ctx, i, D_RELAPSE) < s.behaviour.graduation.relapse_hazard) {
    h.programmes[i] &= ~LEFT_BY_GRADUATION;
    h.history[i] |= RELAPSED_BEFORE;
    move(h, ctx, i, NONE, REASON['pathway.relapsed']);
  }
}

/** Household i starts a business (it has capital; the caller has drawn the start). */
export function startBusiness(h: Households, ctx: MonthContext, i: number): void {
  h.business[i] = 1;
  h.businessMonths[i] = 0;
  countMove(ctx.flows, REASON['business.started'], h, i);
}

/**
 * PENA for household i: policy.pena.capital in kind, mentoring for policy.pena.mentoring_months, the
 * month it was received (for the push exit) and its cost. On one of the year's places
 * ('within-places', the pathway) or outside them ('outside-places', a trial's offer, ./offer.ts).
 */
export function grantPena(world: World, ctx: MonthContext, i: number, places: 'within-places' | 'outside-places'): void {
  const h = world.households;
  const pena = ctx.params.policy.pena;
  h.services[i] |= PENA_RECEIVED;
  h.capital[i] += pena.capital;
  h.mentoringMonths[i] = Math.max(h.mentoringMonths[i], pena.mentoring_months);
  h.penaMonth[i] = ctx.month;
  (places === 'within-places' ? serve : serveOutsidePlaces)(world, ctx, 'pena', i, pena.capital, REASON['pena.received']);
}

/** PROKUS: a grant and incubation for a household with a running business, if admitted. */
function prokus(s: Step, i: number, key: number): void {
  const h = s.h;
  if (!prokusCandidate(s, i) || !admit(s.c.prokus, key, h.weight[i])) return;
  const p = s.policy.prokus;
  h.services[i] |= PROKUS_RECEIVED;
  h.capital[i] += p.grant;
  h.mentoringMonths[i] = Math.max(h.mentoringMonths[i], p.incubation_months);
  serve(s.world, s.ctx, 'prokus', i, p.grant, REASON['prokus.received']);
}

/** Graduate household i: it leaves PKH and BPNT (and BLT BBM) and is not taken back until it relapses. */
function graduate(world: World, ctx: MonthContext, i: number, reason: number): void {
  const h = world.households;
  const status = h.programmes[i];
  if ((status & PKH) !== 0) countMove(ctx.flows, REASON['pkh.graduated'], h, i);
  if ((status & BPNT) !== 0) countMove(ctx.flows, REASON['bpnt.graduated'], h, i);
  if ((status & BLT_BBM) !== 0) countMove(ctx.flows, REASON['blt_bbm.not_in_pkh_or_bpnt'], h, i);
  h.programmes[i] = (status & ~(PKH | BPNT | BLT_BBM)) | LEFT_BY_GRADUATION;
  dropTraining(h, i);
  h.history[i] |= GRADUATED_BEFORE;
  world.totals.graduations += h.weight[i];
  h.phase[i] = GRADUATED;
  h.monthsInPhase[i] = 0;
  h.monthsAbove[i] = 0;
  countMove(ctx.flows, reason, h, i);
}
