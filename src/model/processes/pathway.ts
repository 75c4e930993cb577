/**
 * The pathway: from assistance through pemulihan sosial, transisi and pengembangan to graduation,
 * and back by relapse — with the services of each phase and the capacity that limits them.
 *
 * Each month, in a pass over the households and one over those on the pathway or entering it:
 *   1. tally — the candidates for each limited place: a facilitator (entry to pemulihan sosial) and
 *      each service of the registry with an intake (RST, skills, PENA, PROKUS; ATENSI has a pass
 *      of its own, ./rehabilitation.ts); and the facilitators' current caseload; and list the
 *      households the move visits (World.visiting) — a family on assistance the rules would leave
 *      where it is only counts one more month in its phase, in the pass over the households;
 *   2. move — for each of them, the services of its phase go on or admit it (poorest first, PKH
 *      families under 40 in front while the push is on, as capacity allows), in the registry's
 *      order; then its phase rule says where it goes and why, and `applyMove` moves it.
 *
 * Rules (each returns a move with its reason, see PATHWAY_MOVES, or nothing):
 *   none → assistance        enrolled in PKH or BPNT (re-entered, after a relapse)
 *   assistance → none        no longer in PKH or BPNT
 *   assistance → graduated   graduasi sejahtera mandiri of a PKH family: its registry assessment is
 *                            at least `mandiri_multiple` × the national line and its facilitator
 *                            judges it self-reliant (`judged` a month), or its consumption is and
 *                            it declares so (`declared` a month); with or without the integration
 *   assistance → recovery    the integration is in effect; extreme-poor by registry score, or a
 *                            PKH family whose head is under `push_age` while the push is on; and
 *                            a facilitator has room (count × caseload − current caseload, and at
 *                            most count × caseload / `intake_months` new families a month). The
 *                            places are shared by policy: `push_share` of them for the push, the
 *                            rest for the extreme poor (poorest first, a pushed family that is
 *                            extremely poor among them); places one group leaves go to the other
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
 * Graduating ends the assistance programmes (they do not take the family back until it relapses).
 * Each graduation is remembered by its kind (../graduation.ts), and so is each relapse; a natural
 * graduate (PKH: no eligible member left) relapses by the same rule in whatever phase it is.
 * The services themselves are declared in ../services/ (what each phase offers, who is a candidate,
 * its places, what admission gives). A business starts in transition once the household has capital.
 */
import { LEFT_BY_GRADUATION } from '../households';
import type { Households } from '../households';
import { ASSISTANCE, DEVELOPMENT, ENTERED_EXTREME, GRADUATED, GRADUATED_BEFORE, NONE, PHASES, RECOVERY, RELAPSED_BEFORE, TRANSITION } from '../phases';
import type { PathwayReason } from '../reasons';
import { countMove } from '../groups';
import type { MonthContext, PathwayMonth, Service, World } from '../world';
import { admit, decide, intakeKey, monthIntakes, pastCut, queued, tally } from '../intake';
import type { Intake } from '../intake';
import { PATHWAY_DRAW, pathwayUniform } from '../draws';
import { bits, UNIT } from '../random';
import { NATURAL, RELAPSE_REASONS, graduationCode } from '../graduation';
import { needsRehabilitation } from '../services/atensi';
import { hasBusinessAssets } from './business';
import { overHouseholds } from '../threads';
import type { HouseholdView, RangeOut, RangeWork } from '../threads';

/** Members of working age: everyone who is not a young child, a pupil or aged 70+. */
export function workingAgeMembers(h: Households, i: number): number {
  return h.size[i] - h.earlyChildhood[i] - h.primaryPupils[i] - h.juniorPupils[i] - h.seniorPupils[i] - h.elderly[i];
}

/** What a phase rule decides: the phase a household moves to, and why. */
export interface Move {
  readonly to: number;
  readonly reason: PathwayReason;
  /** For a graduation, its kind (graduationCode). */
  readonly graduation?: number;
}

/** Every move, once (rules return these, so deciding allocates nothing). */
const MOVE = {
  enrolled: { to: ASSISTANCE, reason: 'pathway.enrolled_in_assistance' },
  reEntered: { to: ASSISTANCE, reason: 'pathway.re_entered_after_relapse' },
  leftAssistance: { to: NONE, reason: 'pathway.left_assistance' },
  extremePoor: { to: RECOVERY, reason: 'pathway.recovery_extreme_poor' },
  pushed: { to: RECOVERY, reason: 'pathway.recovery_under40_push' },
  recovered: { to: TRANSITION, reason: 'pathway.recovered' },
  noBusinessInTime: { to: ASSISTANCE, reason: 'pathway.no_business_in_time' },
  established: { to: DEVELOPMENT, reason: 'pathway.business_established' },
  businessFailed: { to: TRANSITION, reason: 'pathway.business_failed' },
  criteriaMet: { to: GRADUATED, reason: 'pathway.graduated_criteria_met', graduation: graduationCode('welfare') },
  penaExit: { to: GRADUATED, reason: 'pathway.graduated_pena_exit', graduation: graduationCode('pena_exit') },
  mandiriJudged: { to: GRADUATED, reason: 'pathway.graduated_mandiri_judged', graduation: graduationCode('mandiri_judged') },
  mandiriDeclared: { to: GRADUATED, reason: 'pathway.graduated_mandiri_declared', graduation: graduationCode('mandiri_declared') },
  relapsed: { to: NONE, reason: 'pathway.relapsed' },
} as const satisfies Record<string, Move>;

/** What the phase rules of one month share. */
interface Step extends PathwayMonth {
  /** Whether the integration is in effect (households move beyond assistance). */
  readonly on: boolean;
  /** Whether the under-40 push is on, and its age. */
  readonly push: boolean;
  readonly pushAge: number;
  /** The status bit of PKH: the programme the push and graduasi sejahtera mandiri are about. */
  readonly pkh: number;
  /** Consumption per person a graduate must reach by the welfare criterion: income_multiple × national line. */
  readonly threshold: number;
  /** Registry assessment or consumption per person of a sejahtera mandiri family: mandiri_multiple × national line. */
  readonly mandiri: number;
  /** The bit of PENA received (for the push exit). */
  readonly penaReceived: number;
  /** The status bits of the assistance programmes (PKH, BPNT): a family in one is on the pathway. */
  readonly assistance: number;
  /** Candidates for a facilitator's place: the extreme poor, and the families of the push who are not extremely poor. */
  readonly extremePoor: Intake;
  readonly pushed: Intake;
  /** Each service's intake, by its index in the registry. */
  readonly intakes: readonly (Intake | null)[];
  /** What each service does in each phase (index: phase), in the registry's order: its intake and the intake's tally, its progress. */
  readonly byPhase: readonly (readonly PhaseService[])[];
}

/** Whether a family with this status and head's age is in the push: a PKH family whose head is under the push age, while the push is on. */
function isPushed(s: Step, status: number, headAge: number): boolean {
  return s.push && (status & s.pkh) !== 0 && headAge < s.pushAge;
}

/** New families the facilitators can take on this month: the free places of their caseload, at most a full caseload's `intake_months`th. */
export function facilitatorRoom(f: { readonly count: number; readonly caseload: number; readonly intake_months: number }, caseload: number): number {
  const places = f.count * f.caseload;
  return Math.min(Math.max(0, places - caseload), places / Math.max(1, f.intake_months));
}

/**
 * The facilitators' free places shared between the extreme poor and the push: `pushShare` of
 * `room` for the push, the rest for the extreme poor, and what one group cannot fill for the other.
 */
export function sharePlaces(room: number, extremePoor: number, pushed: number, pushShare: number): { extremePoor: number; pushed: number } {
  const forExtremePoor = Math.min(extremePoor, Math.max(room * (1 - pushShare), room - pushed));
  return { extremePoor: forExtremePoor, pushed: room - forExtremePoor };
}

/** The intakes of the facilitators' places (the extreme poor, the push) and of the services, kept from month to month. */
const FACILITATOR_INTAKES: Intake[] = [];
const SERVICE_INTAKES: Intake[] = [];

function step(world: World, ctx: MonthContext): Step {
  const policy = ctx.params.policy;
  const services = world.registry.services;
  const kept = monthIntakes(SERVICE_INTAKES, services.length);
  const intakes = services.map((x, k) => (x.intake === undefined ? null : kept[k]));
  const [extremePoor, pushed] = monthIntakes(FACILITATOR_INTAKES, 2);
  return {
    world,
    ctx,
    h: world.households,
    policy,
    behaviour: ctx.params.behaviour,
    extremeLine: ctx.extremeLine,
    nationalLine: ctx.nationalLine,
    on: policy.empowerment.in_effect,
    push: policy.empowerment.under40_push,
    pushAge: policy.empowerment.push_age,
    pkh: world.registry.status['pkh'] ?? 0,
    threshold: policy.graduation.income_multiple * ctx.nationalLine,
    mandiri: policy.graduation.mandiri_multiple * ctx.nationalLine,
    penaReceived: world.registry.flag['pena.received'] ?? 0,
    assistance: world.registry.assistance,
    extremePoor,
    pushed,
    intakes,
    byPhase: PHASES.map((_, phase) =>
      services.flatMap((x, k) => {
        const intake = x.intake?.phases.includes(phase) ? x.intake : null;
        const progress = x.progress?.phases.includes(phase) ? x.progress : null;
        return intake || progress ? [{ intake, tally: intakes[k], progress }] : [];
      }),
    ),
  };
}

/**
 * The pathway's month for one world, made once (pathway): the phase rules hold the world and its
 * households as constants of their closures, and where a thread makes them for one world only (a run
 * of one scenario and replicate), the optimising compiler reads the households' typed arrays without
 * checking and reloading each one at every read (see ../threads.ts, Kernel).
 */
function pathwayMonth(view: World): PathwayParts {
  const world = view;
  const h = world.households;
  /** The month's step, from its listing to its moves. */
  let current: Step | null = null;

  // 1. List the households pass 2 visits (on the pathway, or outside it and entering it or a natural
  // graduate; a family on assistance that can only wait is counted on instead) in World.visiting.
  function list(ctx: MonthContext): void {
    const s = (current = step(world, ctx));
    world.visiting.count = overHouseholds(world, ctx, { module: import.meta.url, name: 'listPathway' }, listPathway, listing(s), { list: world.visiting.households }).listed;
  }

  function move(ctx: MonthContext): void {
    const s = current;
    if (s === null || s.ctx !== ctx) throw new Error('pathway: a month\'s moves must follow its listing');
    current = null;
    const services = world.registry.services;
    const { on } = s;
    const scoreBits = world.scoreBits;
    const onAssistance = world.registry.assistance;
    const { phase, programmes, weight, monthsInPhase, headAge, graduation } = h;
    const visiting = world.visiting.households;
    const visits = world.visiting.count;

    // Tally over the listed households; the assistance phase, where most households on the pathway
    // are, is written out.
    let caseload = 0;
    for (let k = 0; k < visits; k++) {
      const i = visiting[k];
      const ph = phase[i];
      if (ph === NONE) continue;
      const w = weight[i];
      if (ph === ASSISTANCE) {
        const status = programmes[i];
        if (!on || (status & onAssistance) === 0) continue;
        const intake = recoveryIntake(s, i, status);
        if (intake !== null) tally(intake, intakeKey(scoreBits[i], false), w);
        continue;
      }
      if (ph !== GRADUATED) caseload += w;
      const key = intakeKey(scoreBits[i], isPushed(s, programmes[i], headAge[i]));
      for (const { intake, tally: candidates } of s.byPhase[ph]) if (intake !== null && intake.candidate(s, i, monthsInPhase[i])) tally(candidates!, key, w);
    }
    const places = sharePlaces(facilitatorRoom(s.policy.facilitators, caseload), s.extremePoor.candidates, s.pushed.candidates, s.policy.empowerment.push_share);
    decide(s.extremePoor, places.extremePoor);
    decide(s.pushed, places.pushed);
    services.forEach((x, k) => x.intake !== undefined && decide(s.intakes[k]!, x.intake.room(s)));

    // 2. Services, then the phase rule; one place applies the move.
    for (let k = 0; k < visits; k++) {
      const i = visiting[k];
      const ph = phase[i];
      const before = monthsInPhase[i];
      if (ph !== NONE && before < 255) monthsInPhase[i]++;
      if (graduation[i] === NATURAL && relapses(s, i)) relapse(s, i);
      if (ph >= RECOVERY) serveHousehold(s, i, ph, before);
      const move = ruleOf(s, i, ph);
      if (move !== null) applyMove(s, i, move);
    }

    world.facilitatorQueue.extremePoor = queued(s.extremePoor);
    world.facilitatorQueue.pushed = queued(s.pushed);
    services.forEach((x, k) => x.intake !== undefined && (world.services[x.id].queue = queued(s.intakes[k]!)));
  }

  /**
   * The intake household i, on assistance, is a candidate in for pemulihan sosial: the extreme poor
   * by registry score (pushed or not), else the push's; null when it is neither.
   */
  function recoveryIntake(s: Step, i: number, status: number): Intake | null {
    if (h.registryScore[i] < s.extremeLine) return s.extremePoor;
    return isPushed(s, status, h.headAge[i]) ? s.pushed : null;
  }

  /**
   * The services of household i's phase: one under way goes on; otherwise a candidate is admitted if
   * its place comes. A household whose key is past an intake's cut has no place in it this month,
   * candidate or not, so the intake does not ask whether it is one (most are past the cut).
   */
  function serveHousehold(s: Step, i: number, ph: number, monthsInPhase: number): void {
    let key = -1;
    for (const { intake, tally: candidates, progress } of s.byPhase[ph]) {
      if (progress !== null && progress.active(s, i)) progress.run(s, i);
      else if (intake !== null) {
        if (key < 0) key = intakeKey(world.scoreBits[i], isPushed(s, h.programmes[i], h.headAge[i]));
        if (!pastCut(candidates!, key) && intake.candidate(s, i, monthsInPhase) && admit(candidates!, key, h.weight[i])) intake.admit(s, i);
      }
    }
  }

  /** Outside the pathway: into assistance once enrolled in an assistance programme (PKH, BPNT). */
  function noneRule(s: Step, i: number): Move | null {
    if ((h.programmes[i] & s.assistance) === 0) return null;
    return (h.history[i] & RELAPSED_BEFORE) !== 0 ? MOVE.reEntered : MOVE.enrolled;
  }

  /** Assistance: out when no longer in a programme; graduasi sejahtera mandiri; into pemulihan sosial when eligible and a facilitator has room. */
  function assistanceRule(s: Step, i: number): Move | null {
    const status = h.programmes[i];
    if ((status & s.assistance) === 0) return MOVE.leftAssistance;
    const mandiri = (status & s.pkh) !== 0 ? mandiriRule(s, i) : null;
    if (mandiri !== null || !s.on) return mandiri;
    const intake = recoveryIntake(s, i, status);
    return intake === null ? null : facilitatorPlace(s, i, intake);
  }

  /** Graduasi sejahtera mandiri of a PKH family: judged by its facilitator on its registry assessment, or declared by the family on its consumption. */
  function mandiriRule(s: Step, i: number): Move | null {
    const { ctx } = s;
    const { judged, declared } = s.behaviour.graduation;
    if (h.registryScore[i] >= s.mandiri && pathwayUniform(ctx, i, PATHWAY_DRAW.mandiriJudged) < judged) return MOVE.mandiriJudged;
    if (h.consumption[i] >= s.mandiri && pathwayUniform(ctx, i, PATHWAY_DRAW.mandiriDeclared) < declared) return MOVE.mandiriDeclared;
    return null;
  }

  /** A candidate for pemulihan sosial enters if its group's share of the facilitators' places has room for it (poorest first). */
  function facilitatorPlace(s: Step, i: number, intake: Intake): Move | null {
    if (!admit(intake, intakeKey(world.scoreBits[i], false), h.weight[i])) return null;
    return intake === s.extremePoor ? MOVE.extremePoor : MOVE.pushed;
  }

  /** Pemulihan sosial: on to transisi after recovery_months, unless no member can work or rehabilitation is still needed. */
  function recoveryRule(s: Step, i: number): Move | null {
    if (h.monthsInPhase[i] < s.policy.empowerment.recovery_months) return null;
    if (workingAgeMembers(h, i) < 1) world.blocked.noWorkingAgeMember += h.weight[i];
    else if (needsRehabilitation(world, i)) world.blocked.awaitingRehabilitation += h.weight[i];
    else return MOVE.recovered;
    return null;
  }

  /** Transisi: a business starts once there is capital; pengembangan once it stands; back to assistance without one in time. */
  function transitionRule(s: Step, i: number): Move | null {
    const { ctx } = s;
    if (h.business[i] === 0 && hasBusinessAssets(h, i) && pathwayUniform(ctx, i, PATHWAY_DRAW.businessStart) < s.behaviour.business.start_probability) startBusiness(s.world, ctx, i);
    if (h.business[i] === 1 && h.businessMonths[i] >= s.behaviour.business.months_to_established) return MOVE.established;
    if (h.business[i] === 0 && h.monthsInPhase[i] >= s.policy.empowerment.transition_max_months) return MOVE.noBusinessInTime;
    return null;
  }

  /** Pengembangan: graduation when the criteria hold (of its own accord, or pushed after PENA); back to transisi if the business fails. */
  function developmentRule(s: Step, i: number): Move | null {
    const { ctx, policy } = s;
    if (h.business[i] === 0) return MOVE.businessFailed;
    const consumption = h.consumption[i];
    h.monthsAbove[i] = consumption >= s.threshold ? Math.min(255, h.monthsAbove[i] + 1) : 0;
    const pushedOut = isPushed(s, h.programmes[i], h.headAge[i]) && (h.services[i] & s.penaReceived) !== 0 && ctx.month - h.penaMonth[i] >= policy.pena.exit_months && consumption >= s.nationalLine;
    if (pushedOut) return MOVE.penaExit;
    if (h.monthsAbove[i] >= policy.graduation.months_above && !needsRehabilitation(world, i) && pathwayUniform(ctx, i, PATHWAY_DRAW.graduate) < s.behaviour.graduation.voluntary) {
      return MOVE.criteriaMet;
    }
    return null;
  }

  /** Graduated: below the national line, it relapses (relapse_hazard a month). */
  function graduatedRule(s: Step, i: number): Move | null {
    return relapses(s, i) ? MOVE.relapsed : null;
  }

  /** Whether graduate i relapses this month: below the national line, with the relapse hazard. */
  function relapses(s: Step, i: number): boolean {
    return h.consumption[i] < s.nationalLine && pathwayUniform(s.ctx, i, PATHWAY_DRAW.relapse) < s.behaviour.graduation.relapse_hazard;
  }

  /** Count graduate i's relapse by the kind of its graduation, which it no longer holds. */
  function relapse(s: Step, i: number): void {
    const kind = h.graduation[i];
    countMove(s.ctx.flows, world.registry.reason[RELAPSE_REASONS[kind - 1].code], s.world, i);
    h.graduation[i] = 0;
  }

  /** The rule of household i's phase: what it decides. */
  function ruleOf(s: Step, i: number, phase: number): Move | null {
    switch (phase) {
      case NONE:
        return noneRule(s, i);
      case ASSISTANCE:
        return assistanceRule(s, i);
      case RECOVERY:
        return recoveryRule(s, i);
      case TRANSITION:
        return transitionRule(s, i);
      case DEVELOPMENT:
        return developmentRule(s, i);
      default:
        return graduatedRule(s, i);
    }
  }

  /**
   * Move household i as `move` says, counted with its reason. A service under way ends unfinished
   * when the new phase is not one of its own (skills training outside transisi and pengembangan);
   * entering pemulihan sosial extremely poor is remembered; graduating ends the assistance
   * programmes; relapsing lets them take the family back.
   */
  function applyMove(s: Step, i: number, move: Move): void {
    const { ctx } = s;
    const registry = world.registry;
    if (move.to === RECOVERY && h.consumption[i] < s.extremeLine) h.history[i] |= ENTERED_EXTREME;
    if (move.graduation !== undefined) {
      leaveAssistance(world, ctx, i);
      h.graduation[i] = move.graduation;
    }
    if (move === MOVE.relapsed) {
      h.programmes[i] &= ~LEFT_BY_GRADUATION;
      h.history[i] |= RELAPSED_BEFORE;
      relapse(s, i);
    }
    for (const service of registry.services) if (service.keep !== undefined && !service.keep.phases.includes(move.to)) service.keep.drop(world, i);
    h.phase[i] = move.to;
    h.monthsInPhase[i] = 0;
    h.monthsAbove[i] = 0;
    countMove(ctx.flows, registry.reason[move.reason], world, i);
  }

  return { list, move };
}

/**
 * The pathway's month in its two parts: the listing, on the step's threads, then the tally and the
 * moves, on the calling thread alone. The moves read the households' consumption of last month and
 * write neither their income, transfers, size, weight, savings nor consumption (consumption may run
 * beside them: ../month.ts, SIDE_BY_SIDE).
 */
export interface PathwayParts {
  readonly list: (ctx: MonthContext) => void;
  readonly move: (ctx: MonthContext) => void;
}

/** The pathway's parts made for `world` (pathwayMonth), made the first time. */
export function pathwayParts(world: World): PathwayParts {
  let parts = world.kernels.get(PATHWAY) as PathwayParts | undefined;
  if (parts === undefined) world.kernels.set(PATHWAY, (parts = pathwayMonth(world)));
  return parts;
}

/** The pathway's month: its listing, then its moves. */
export function pathway(world: World, ctx: MonthContext): void {
  const { list, move } = pathwayParts(world);
  list(ctx);
  move(ctx);
}

const PATHWAY = `${import.meta.url}#pathwayMonth`;

/** What the pathway's listing reads besides the households (plain data: it travels to the step's threads). */
export interface PathwayListing {
  /** The status bits of the assistance programmes. */
  readonly onAssistance: number;
  /** Whether a family on assistance may only wait: no service of the registry works in the assistance phase. */
  readonly assistanceWaits: boolean;
  /** Months in the graduated phase from which a graduate may only wait (graduatesWaitFrom). */
  readonly graduatesWaitFrom: number;
  readonly on: boolean;
  readonly push: boolean;
  readonly pushAge: number;
  readonly pkh: number;
  readonly extremeLine: number;
  readonly nationalLine: number;
  readonly mandiri: number;
  /** The month's chances of graduasi sejahtera mandiri, judged and declared, and the pathway's stream and month they are drawn from (mandiriRule). */
  readonly judged: number;
  readonly declared: number;
  readonly k0: number;
  readonly k1: number;
  readonly month: number;
}

function listing(s: Step): PathwayListing {
  const { on, push, pushAge, pkh, extremeLine, nationalLine, mandiri } = s;
  const { judged, declared } = s.behaviour.graduation;
  const { k0, k1 } = s.ctx.streams.pathway;
  return {
    onAssistance: s.assistance,
    assistanceWaits: s.byPhase[ASSISTANCE].length === 0,
    graduatesWaitFrom: graduatesWaitFrom(s),
    on,
    push,
    pushAge,
    pkh,
    extremeLine,
    nationalLine,
    mandiri,
    judged,
    declared,
    k0,
    k1,
    month: s.ctx.month,
  };
}

/**
 * The months in the graduated phase from which no service of the registry works there: every
 * service of the phase is an intake with a window on it (PROKUS's after graduating), the longest
 * window; Infinity when a service of the phase has none.
 */
function graduatesWaitFrom(s: Step): number {
  let from = 0;
  for (const { intake, progress } of s.byPhase[GRADUATED]) {
    if (progress !== null || intake?.window?.phase !== GRADUATED) return Infinity;
    from = Math.max(from, intake.window.months(s));
  }
  return from;
}

/**
 * List the households lo ≤ i < hi the pathway's month visits in World.visiting from lo on: those on
 * the pathway (NONE is 0), on assistance (`onAssistance`: the status bits of the assistance
 * programmes) or graduated — except a family on assistance, still in an assistance programme, that
 * only waits this month (the rules would leave it where it is: it is not judged and does not declare
 * itself sejahtera mandiri this month, by the draws mandiriRule makes, is no candidate for pemulihan
 * sosial, and is no natural graduate below the line, who may relapse: assistanceRule, mandiriRule,
 * recoveryIntake, relapses), and a graduate past every
 * window of the graduated phase's services and at or above the national line (it cannot relapse),
 * which count one more month in their phase here instead (no service works in their phase this
 * month, so nothing in the month reads their months in the phase).
 *
 * Branch-free: each condition is a 0 or 1 and they are combined bit by bit; every household's months
 * in its phase is written (plus 1 or 0), every household is written in the list, and the count moves
 * on past those listed (the status and phase in 16 bits at most, a value above 0 carries into bit
 * 16). Whether a household waits turns on its consumption and score, and a branch on it the processor
 * mispredicts often: this way the pathway took 49.5 and 49.6 ms a month at 2 million households
 * against 56.4 and 56.5 with branches, on one thread, alternating. Only a PKH family at the sejahtera
 * mandiri level (by score or consumption, about 6 % of households) draws whether it is judged or
 * declared so this month, behind a branch.
 */
export function listPathway(view: HouseholdView): RangeWork<PathwayListing> {
  const w = view;
  return (t: PathwayListing, lo: number, hi: number, out: RangeOut): void => {
    const { phase, programmes, graduation, registryScore, consumption, headAge, monthsInPhase } = w.households;
    const visiting = w.visiting.households;
    const { onAssistance, graduatesWaitFrom, nationalLine, extremeLine, mandiri, pkh, pushAge, judged, declared, k0, k1, month } = t;
    const assistanceWaits = +t.assistanceWaits;
    const on = +t.on;
    const push = +t.push;
    let visits = lo;
    for (let i = lo; i < hi; i++) {
      const status = programmes[i];
      const ph = phase[i];
      const natural = graduation[i];
      const score = registryScore[i];
      const c = consumption[i];
      const months = monthsInPhase[i];
      const inPkh = +((status & pkh) !== 0);
      let mandiriNow = inPkh & (+(score >= mandiri) | +(c >= mandiri)) & +(ph === ASSISTANCE); // may be judged or declared sejahtera mandiri
      if (mandiriNow !== 0) {
        mandiriNow = +((score >= mandiri && (bits(k0, k1, i, month, PATHWAY_DRAW.mandiriJudged) >>> 0) * UNIT < judged) || (c >= mandiri && (bits(k0, k1, i, month, PATHWAY_DRAW.mandiriDeclared) >>> 0) * UNIT < declared));
      }
      const candidate = on & (+(score < extremeLine) | (push & inPkh & +(headAge[i] < pushAge))); // for pemulihan sosial
      const mayRelapse = +(natural === NATURAL) & +(c < nationalLine);
      const onAssistanceWaits = +(ph === ASSISTANCE) & assistanceWaits & +((status & onAssistance) !== 0) & (1 - (mandiriNow | candidate | mayRelapse));
      const graduateWaits = +(ph === GRADUATED) & +(months >= graduatesWaitFrom) & +(c >= nationalLine);
      const waits = onAssistanceWaits | graduateWaits;
      monthsInPhase[i] = months + (waits & +(months < 255));
      visiting[visits] = i;
      visits += (1 - waits) & (((ph | (status & onAssistance) | natural) + 0xffff) >>> 16);
    }
    out.listed = visits - lo;
  };
}

/** What a service does in one phase: admit (its intake, with the tally of its candidates) and go on (its progress). */
interface PhaseService {
  readonly intake: NonNullable<Service['intake']> | null;
  readonly tally: Intake | null;
  readonly progress: NonNullable<Service['progress']> | null;
}

/** A graduating family leaves every programme it is in (counted with each programme's graduation reason) and is not taken back by assistance until it relapses. */
function leaveAssistance(world: World, ctx: MonthContext, i: number): void {
  const h = world.households;
  const registry = world.registry;
  let status = h.programmes[i];
  for (const p of registry.programmes) {
    const bit = registry.status[p.id];
    if ((status & bit) === 0) continue;
    countMove(ctx.flows, registry.reason[p.leaves.graduated], world, i);
    status &= ~bit;
  }
  h.programmes[i] = status | LEFT_BY_GRADUATION;
  h.history[i] |= GRADUATED_BEFORE;
  world.totals.graduations += h.weight[i];
}

/** Household i starts a business (it has capital; the caller has drawn the start). */
export function startBusiness(world: World, ctx: MonthContext, i: number): void {
  const h = world.households;
  h.business[i] = 1;
  h.businessMonths[i] = 0;
  countMove(ctx.flows, world.registry.reason['business.started'], world, i);
}
