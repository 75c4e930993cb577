/**
 * Demography: children grow through school, pregnancies end in births, heads age, the elderly die —
 * so the members that give a family its PKH entitlement change month by month.
 *
 * Each month a household has at most one of these events (competing risks: each keeps its own
 * probability; two in one month, a few percent squared, are not drawn; the probabilities add up to
 * well under 1 for any household of fewer than ~25 members):
 *
 *   event                          probability this month                       what changes
 *   a child leaves early childhood earlyChildhood / (12 · early_childhood_years)  early − 1; primary + 1 with primary_entry
 *   a pupil finishes primary       primaryPupils / (12 · primary_years)          primary − 1; junior + 1 with junior_continuation
 *   a pupil finishes junior        juniorPupils / (12 · junior_years)            junior − 1; senior + 1 with senior_continuation
 *   a pupil finishes senior        seniorPupils / (12 · senior_years)            senior − 1
 *   a pregnancy ends in a birth    pregnant / pregnancy_window                   pregnant − 1; early + 1; size + 1
 *   a pregnancy begins             fertility / 12, when a woman of childbearing   pregnant + 1
 *                                  age heads the household or is the partner
 *   a member aged 70+ dies         elderly · (1 − e^(−elderly_mortality / 12)),   elderly − 1; size − 1
 *                                  in a household of two or more
 *
 * A child who does not go on at school leaves PKH's components and stays a household member. A woman of childbearing age: the head is under childbearing_age_limit and is a woman, or
 * a man in a household of two or more (his partner, of his age; the population module's proxy).
 * The newborn is counted when the pregnancy and post-partum window ends (about 1.4 months after the
 * birth); infant deaths are not drawn.
 *
 * Heads age one year in their household's birthday month: household i in month of year (i mod 12) + 1
 * (January for households 0, 12, 24 …), fixed and deterministic. A head reaching 70 joins PKH's
 * elderly component, and so does the partner of a male head of a household of two or more with
 * probability partner_share (a second draw, once in a household's life). Other members are not aged:
 * the model does not know their ages, only the components.
 *
 * A death leaves the head's age and sex as they were: if the head died, the partner (of the same age
 * group) or another member heads the household on. In a one-person household the death is not drawn:
 * the agent stays one household (the model neither dissolves nor forms households, so households and
 * weights are conserved), and a lone elderly member keeps her PKH component.
 *
 * A household's chance of a change of members in a month, p, is the sum of the events' probabilities,
 * and stays the same until its members change or its head crosses childbearing_age_limit or 70. So
 * the month of its next change is drawn, not tried each month: a geometric number of months on, with
 * probability p a month (households.nextMemberChange), the same law as a draw each month. In that
 * month one uniform draw, laid along the events' stretches end to end (total p), says which event it
 * is; where it falls inside the event's stretch (uniform there, whatever the event) decides whether
 * the child goes on at school. After a change, or a birthday that changes p, the next one is drawn anew; when
 * the rates in force change, every household's is (memorylessness makes the redraw exact). A month
 * reads the households without a change or a birthday once, and draws nothing for them.
 *
 * A household whose members changed is marked in World.membersChanged (and World.membersVersion is
 * bumped), so the programmes compute its entitlement anew; a household whose head crosses an age-group
 * boundary (../groups.ts: 40, 60) is listed in World.regrouped, so observers group it anew.
 *
 * Sources and derivations: data/parameters/behaviour/demography/ (TFR 2.18, school enrolment, the
 * age structure of the elderly, BPS).
 */
import { bits, UNIT } from '../random';
import { exp, log } from '../math';
import { FEMALE_HEAD } from '../households';
import { HEAD_AGE_REGROUPS, regroup } from '../groups';
import { monthOfYear } from '../../calendar/months';
import type { MonthContext, World } from '../world';
import type { Stream } from '../random';
import { overHouseholds } from '../threads';
import type { HouseholdView, RangeOut, RangeWork } from '../threads';

/** Age from which a member counts in PKH's elderly component (households.elderly: "lanjut usia", 70+). */
export const ELDERLY_AGE = 70;

// Module-local copies of imported bindings used in the per-household loop (module-namespace getters
// are slow in hot loops under tsx and vitest).
const hash = bits;
const unit = UNIT;
const FEMALE = FEMALE_HEAD;
const REGROUPS = HEAD_AGE_REGROUPS;
const listRegrouped = regroup;
const ELDERLY = ELDERLY_AGE;
const ln = log;

export function demography(world: World, ctx: MonthContext): void {
  const d = ctx.params.behaviour.demography;
  const terms: DemographyTerms = {
    stream: ctx.streams.demography,
    month: ctx.month,
    leaveEarly: 1 / (12 * d.early_childhood_years),
    leavePrimary: 1 / (12 * d.primary_years),
    leaveJunior: 1 / (12 * d.junior_years),
    leaveSenior: 1 / (12 * d.senior_years),
    entry: d.primary_entry,
    toJunior: d.junior_continuation,
    toSenior: d.senior_continuation,
    partnerShare: d.partner_share,
    birth: 1 / d.pregnancy_window,
    conception: d.fertility / 12,
    childbearing: d.childbearing_age_limit,
    death: 1 - exp(-d.elderly_mortality / 12),
    birthdays: monthOfYear(ctx.month) - 1,
  };
  const rates = changeRates(terms);
  if (world.memberChangeRates !== rates) {
    world.households.nextMemberChange.fill(NOT_DRAWN); // every household's next change is drawn anew, with the rates now in force
    world.memberChangeRates = rates;
  }
  const moved = overHouseholds(world, ctx, { module: import.meta.url, name: 'demographyKernel' }, demographyKernel, terms);
  world.membersVersion += moved.membersChanged ? 1 : 0;
  if (moved.regroupedCount > 0) {
    const regrouped = world.regrouped;
    if (regrouped.households.length < moved.regroupedCount) regrouped.households = new Uint32Array(moved.regroupedCount);
    regrouped.households.set(moved.regrouped.subarray(0, moved.regroupedCount));
    regrouped.count = moved.regroupedCount;
    regrouped.version++;
  }
}

/** What every household's chance of a change of members in a month is made of (the terms that are rates), as one key. */
function changeRates(t: DemographyTerms): string {
  return [t.leaveEarly, t.leavePrimary, t.leaveJunior, t.leaveSenior, t.birth, t.conception, t.childbearing, t.death].join(' ');
}

/** What the demography of every household draws on this month: monthly probabilities from the parameters. */
export interface DemographyTerms {
  readonly stream: Stream;
  readonly month: number;
  readonly leaveEarly: number;
  readonly leavePrimary: number;
  readonly leaveJunior: number;
  readonly leaveSenior: number;
  readonly entry: number;
  readonly toJunior: number;
  readonly toSenior: number;
  readonly partnerShare: number;
  readonly birth: number;
  readonly conception: number;
  readonly childbearing: number;
  readonly death: number;
  /** Households i with i mod 12 equal to this age this month. */
  readonly birthdays: number;
}

/** `nextMemberChange` of a household whose next change is not drawn yet in this run. */
const NOT_DRAWN = 0;
/** `nextMemberChange` of a household whose members cannot change (the largest Uint16): no event has a chance. */
const NEVER = 0xffff;

// Draws of a household in a month (the last argument of `bits`).
/** Which change: where it falls along the events' stretches. */
const WHICH = 0;
/** Whether the partner of a head turning 70 joins the elderly component. */
const PARTNER = 1;
/** When the next change falls, drawn after a change or a birthday that changes the chance. */
const WHEN_NEXT = 2;
/** When the first change falls, drawn the first month of a run (or of new rates). */
const WHEN_FIRST = 3;

/**
 * The first month from `from` on in which a household whose chance of a change of members is `p` a
 * month has one: `from` + a geometric number of months (0, 1, …) for the uniform `u` in [0, 1);
 * NEVER when p is 0 (or the month is past the last a Uint16 holds).
 */
export function monthOfChange(from: number, p: number, u: number): number {
  if (!(p > 0)) return NEVER;
  const wait = p >= 1 ? 0 : Math.floor(ln(1 - u) / ln(1 - p));
  return Math.min(NEVER, from + wait);
}

/** Demography of households lo ≤ i < hi. */
export function demographyKernel(view: HouseholdView): RangeWork<DemographyTerms> {
  const w = view;
  return (terms: DemographyTerms, lo: number, hi: number, out: RangeOut): void => {
    const { size, headAge, flags, pregnant, earlyChildhood: early, primaryPupils: primary, juniorPupils: junior, seniorPupils: senior, elderly, nextMemberChange: next } = w.households;
    const changedMembers = w.membersChanged;
    const { k0, k1 } = terms.stream;
    const { month, leaveEarly, leavePrimary, leaveJunior, leaveSenior, entry, toJunior, toSenior, partnerShare, birth, conception, childbearing, death, birthdays } = terms;
    let changed = false;
    const regrouped = { version: 0, households: out.regrouped, count: 0 };
    let regroupedCount = out.regroupedCount;

    /** Household i's chance of a change of members this month: the sum of the events' stretches, in the order they are walked. */
    const chance = (i: number): number =>
      early[i] * leaveEarly +
      primary[i] * leavePrimary +
      junior[i] * leaveJunior +
      senior[i] * leaveSenior +
      pregnant[i] * birth +
      (headAge[i] < childbearing && ((flags[i] & FEMALE) !== 0 || size[i] >= 2) ? conception : 0) +
      (size[i] >= 2 ? elderly[i] * death : 0);

    for (let i = lo, r = lo % 12; i < hi; i++, r = r === 11 ? 0 : r + 1) {
      if (next[i] > month && r !== birthdays) continue; // nothing happens to this household this month
      if (next[i] === NOT_DRAWN) next[i] = monthOfChange(month, chance(i), (hash(k0, k1, i, month, WHEN_FIRST) >>> 0) * unit);
      let moved = false;
      let drawAgain = false;
      if (next[i] <= month) {
        // The change: u walks along the events' stretches (p: the current one's length) until it falls in one.
        let u = (hash(k0, k1, i, month, WHICH) >>> 0) * unit * chance(i);
        let p = early[i] * leaveEarly;
        moved = true;
        if (u < p) {
          early[i]--;
          if (u < p * entry) primary[i]++;
        } else if ((u -= p) < (p = primary[i] * leavePrimary)) {
          primary[i]--;
          if (u < p * toJunior) junior[i]++;
        } else if ((u -= p) < (p = junior[i] * leaveJunior)) {
          junior[i]--;
          if (u < p * toSenior) senior[i]++;
        } else if ((u -= p) < (p = senior[i] * leaveSenior)) {
          senior[i]--;
        } else if ((u -= p) < (p = pregnant[i] * birth)) {
          pregnant[i]--;
          early[i]++;
          size[i]++;
        } else if ((u -= p) < (p = headAge[i] < childbearing && ((flags[i] & FEMALE) !== 0 || size[i] >= 2) ? conception : 0)) {
          pregnant[i]++;
        } else if (u - p < (size[i] >= 2 ? elderly[i] * death : 0)) {
          elderly[i]--;
          size[i]--;
        } else moved = false; // u fell past the last stretch by rounding: no change
        drawAgain = true;
      }

      if (r === birthdays) {
        const age = headAge[i] + 1;
        headAge[i] = age;
        if (REGROUPS[age] === 1) regroupedCount = listRegrouped(regrouped, regroupedCount, i);
        if (age === childbearing) drawAgain = true; // no new pregnancy from now on
        if (age === ELDERLY) {
          if (elderly[i] < size[i]) elderly[i]++;
          if ((flags[i] & FEMALE) === 0 && elderly[i] < size[i] && (hash(k0, k1, i, month, PARTNER) >>> 0) * unit < partnerShare) elderly[i]++;
          moved = true;
          drawAgain = true;
        }
      }
      if (drawAgain) next[i] = monthOfChange(month + 1, chance(i), (hash(k0, k1, i, month, WHEN_NEXT) >>> 0) * unit);
      if (moved) {
        changedMembers[i] = 1;
        changed = true;
      }
    }
    out.regrouped = regrouped.households;
    out.regroupedCount = regroupedCount;
    if (changed) out.membersChanged = true;
  };
}
