/**
 * Who lives in each household: the head, a partner, and the other members by age group.
 *
 * The head's age comes from an assumed band distribution (national.csv head_age_*; uniform within
 * a band) and the head's sex from the urban and rural shares of female-headed households (BPS). In a
 * male-headed household of two or more, the second member is the head's partner with probability
 * partner_share, in the head's age group; female heads have no partner. Every other member draws an
 * age group (0–6, 7–12, 13–15, 16–18, 19–59, 60–69, 70+) from one distribution, computed from the
 * drawn heads and partners so that the person-weighted age structure matches the targets
 * (./targets.ts). Larger households, which are the poorer ones, so hold more children.
 *
 * From the members:
 * - pupils: each child aged 7–12 / 13–15 / 16–18 is enrolled in primary / junior / senior secondary
 *   school with the assumed enrolment rate;
 * - pregnant or post-partum: each "woman of childbearing age" — the partner of a head under 50, a
 *   female head under 50, and (as a proxy without sex) each other member aged 19–59 — with one
 *   probability, set so the person-weighted share matches births per year × window / 12;
 * - severe disability: each member with the SUPAS 2015 rate of the age group.
 * The draws are addressable: member j of household i uses draw index j in each purpose's stream.
 */
import type { Households } from '../model/households';
import { FEMALE_HEAD } from '../model/households';
import type { Stream } from '../model/random';
import { UNIT, bits } from '../model/random';
import type { PopulationTargets } from './targets';
import { ADULT, AGE_GROUPS, EARLY, ELDERLY, JUNIOR_AGE, OLDER, PRIMARY_AGE, SENIOR_AGE } from './targets';

/** The streams the composition draws from. */
export interface CompositionStreams {
  /** Draw 0: head's age; draw 1: head's sex; draw 2: partner present. */
  readonly head: Stream;
  /** Draw j: age group of member j. */
  readonly members: Stream;
  readonly enrolment: Stream;
  readonly pregnancy: Stream;
  readonly disability: Stream;
}

// Module-local copies of imported bindings used in the per-household loops (module-namespace
// getters are slow in hot loops under tsx and vitest).
const GROUP_ADULT = ADULT;
const GROUP_OLDER = OLDER;
const GROUP_ELDERLY = ELDERLY;
const FEMALE = FEMALE_HEAD;
const hash = bits;
const unit = UNIT;

/** Age group of a person of a given age (adults only: heads and partners). */
function adultGroup(age: number): number {
  return age >= 70 ? GROUP_ELDERLY : age >= 60 ? GROUP_OLDER : GROUP_ADULT;
}

/** The head's age for a uniform draw: band by cumulative share, then uniform within the band. */
export function headAgeOf(u: number, bands: PopulationTargets['national']['headAge']): number {
  let lo = 0;
  for (let k = 0; k < bands.length; k++) {
    const b = bands[k];
    if (u < lo + b.share || k === bands.length - 1) {
      const age = b.from + Math.floor(((u - lo) / b.share) * (b.to - b.from + 1));
      return Math.min(Math.max(age, b.from), b.to);
    }
    lo += b.share;
  }
  return bands[bands.length - 1].to;
}

/** Whether household i (male-headed, size ≥ 2) has the head's partner as its second member. */
function hasPartner(flags: number, size: number, i: number, k0: number, k1: number, share: number): boolean {
  return (flags & FEMALE) === 0 && size >= 2 && (hash(k0, k1, i, 0, 2) >>> 0) * unit < share;
}

/** What the composition fit found: the others' age distribution and the pregnancy probability. */
export interface CompositionFit {
  /** Age-group distribution of members other than the head and partner (AGE_GROUPS order). */
  readonly others: Float64Array;
  /** Probability that an eligible person is pregnant or post-partum. */
  readonly pregnancy: number;
}

/** Fills the members of every household; needs weight, size, flags (sex) and headAge set. */
export function fillComposition(h: Households, targets: PopulationTargets, streams: CompositionStreams): CompositionFit {
  const n = targets.national;
  const groups = AGE_GROUPS.length;
  // 1. Weighted heads and partners by age group, and the weighted number of other members.
  const placed = new Float64Array(groups);
  let persons = 0;
  let others = 0;
  let eligible = 0;
  const partnerShare = n.partnerShare;
  const { k0: h0, k1: h1 } = streams.head;
  const { size: sizes, headAge, flags, weight } = h;
  for (let i = 0; i < h.count; i++) {
    const w = weight[i];
    const size = sizes[i];
    const g = adultGroup(headAge[i]);
    const partner = hasPartner(flags[i], size, i, h0, h1, partnerShare);
    const young = headAge[i] < 50;
    persons += w * size;
    placed[g] += partner ? 2 * w : w;
    others += w * (size - 1 - (partner ? 1 : 0));
    if (young && (partner || (flags[i] & FEMALE) !== 0)) eligible += w;
  }
  const dist = new Float64Array(groups);
  let sum = 0;
  for (let g = 0; g < groups; g++) {
    dist[g] = Math.max(0, targets.ageShares[g] * persons - placed[g]);
    sum += dist[g];
  }
  for (let g = 0; g < groups; g++) dist[g] /= sum;
  const cumulative = new Float64Array(groups);
  let c = 0;
  for (let g = 0; g < groups; g++) cumulative[g] = c += dist[g];
  eligible += dist[ADULT] * others;
  const pregnancy = Math.min(1, (targets.pregnantShare * persons) / eligible);

  // 2. Members. (Imported bindings are copied to locals: module-namespace getters are slow in hot
  // loops; `uniform(stream, i, 0, j)` is written out as `bits(…) >>> 0) * UNIT` with hoisted keys.)
  const [early, primaryAge, juniorAge, seniorAge, adult, elderly, femaleBit] = [EARLY, PRIMARY_AGE, JUNIOR_AGE, SENIOR_AGE, ADULT, ELDERLY, FEMALE_HEAD];
  const { k0: m0, k1: m1 } = streams.members;
  const { k0: e0, k1: e1 } = streams.enrolment;
  const { k0: p0, k1: p1 } = streams.pregnancy;
  const { k0: d0, k1: d1 } = streams.disability;
  const enrol = Float64Array.of(0, n.enrolment.primary, n.enrolment.junior, n.enrolment.senior);
  const disability = targets.disabilityRate;
  const last = groups - 1;
  const { earlyChildhood, elderly: elderlyMembers, primaryPupils, juniorPupils, seniorPupils, pregnant: pregnantMembers, severeDisability } = h;
  for (let i = 0; i < h.count; i++) {
    const size = sizes[i];
    const age = headAge[i];
    const female = (flags[i] & femaleBit) !== 0;
    const headGroup = adultGroup(age);
    const partner = hasPartner(flags[i], size, i, h0, h1, partnerShare);
    let pregnant = 0;
    let disabled = 0;
    let earlyCount = 0;
    let elderlyCount = headGroup === elderly ? 1 : 0;
    let pupils1 = 0;
    let pupils2 = 0;
    let pupils3 = 0;
    if ((hash(d0, d1, i, 0, 0) >>> 0) * unit < disability[headGroup]) disabled++;
    if (female && age < 50 && (hash(p0, p1, i, 0, 0) >>> 0) * unit < pregnancy) pregnant++;
    for (let j = 1; j < size; j++) {
      let g: number;
      if (j === 1 && partner) {
        g = headGroup;
        if (age < 50 && (hash(p0, p1, i, 0, j) >>> 0) * unit < pregnancy) pregnant++;
      } else {
        const u = (hash(m0, m1, i, 0, j) >>> 0) * unit;
        g = 0;
        while (g < last && u >= cumulative[g]) g++;
        if (g === adult) {
          if ((hash(p0, p1, i, 0, j) >>> 0) * unit < pregnancy) pregnant++;
        } else if (g === early) earlyCount++;
        else if (g >= primaryAge && g <= seniorAge && (hash(e0, e1, i, 0, j) >>> 0) * unit < enrol[g]) {
          if (g === primaryAge) pupils1++;
          else if (g === juniorAge) pupils2++;
          else pupils3++;
        }
      }
      if (g === elderly) elderlyCount++;
      if ((hash(d0, d1, i, 0, j) >>> 0) * unit < disability[g]) disabled++;
    }
    earlyChildhood[i] = earlyCount;
    elderlyMembers[i] = elderlyCount;
    primaryPupils[i] = pupils1;
    juniorPupils[i] = pupils2;
    seniorPupils[i] = pupils3;
    pregnantMembers[i] = pregnant;
    severeDisability[i] = disabled;
  }
  return { others: dist, pregnancy };
}

