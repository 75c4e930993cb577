/**
 * Targets of the synthetic population, derived from the data files (./data.ts).
 *
 * Every derivation is written here once, with the arithmetic (the notes of the CSV files say the same):
 * - the round's marginals are its row of rounds.csv;
 * - urban share of persons in the round: urban persons = poor urban / urban P0 (March 2022: 11.82 m /
 *   7.50 %), rural persons = 14.34 m / 12.29 %; share = urban / (urban + rural) = 57.46 %; in a round
 *   without the counts (September 2020) from P0 = s × urban P0 + (1 − s) × rural P0. DKI Jakarta is
 *   all urban (assumption); every other province gets one common share so the national share holds;
 * - mean consumption by area: rural = mean / (s × ratio + 1 − s), urban = ratio × rural, with the
 *   urban / rural ratio of September 2022 (1.469341) in every round (assumption);
 * - provincial rates: the March 2022 P0 and extreme-poverty rates of provinces.csv; in another round
 *   each scaled by the national rate of that round over March 2022's (assumption: a stable provincial
 *   pattern over 2018–2022);
 * - province households = national KK total × the province's share of the SP2020 population, rounded
 *   to whole households by largest remainder (one mean household size everywhere: a gap);
 * - KAT households per province: the national KAT total spread over the rural households of the
 *   provinces flagged kat_area_assumption, in proportion to them;
 * - births per person-year = TFR / 35 × women 15–49 (= female share × share 15–64 × women 15–49 of
 *   15–64), ≈ 1.524 %; each single-year cohort of children 0–18 is that share of persons (no
 *   mortality, flat births), so 0–6 is 7 cohorts, 7–12 six, 13–15 and 16–18 three each;
 * - 60–69 and 70+ from the elderly share and its age structure; 19–59 is the rest;
 * - pregnant or post-partum persons = births per year × pregnancy window / 12;
 * - severe-disability rates = SUPAS 2015 counts / (2015 population × 2020 share of that age group),
 *   2015 population = SP2020 / 1.0125^5; the 0–6 group carries the 2–6 rate × 5/7.
 */
import type { NationalRecord, PopulationData, ProvinceRecord, RoundRecord } from './data';
import { DEFAULT_ROUND, roundRecord } from './data';

/** The round whose provincial rates provinces.csv holds. */
export const PROVINCE_ROUND = '2022-03';

/** Member age groups of the composition, in order. */
export const AGE_GROUPS = ['0-6', '7-12', '13-15', '16-18', '19-59', '60-69', '70+'] as const;
export const EARLY = 0;
export const PRIMARY_AGE = 1;
export const JUNIOR_AGE = 2;
export const SENIOR_AGE = 3;
export const ADULT = 4;
export const OLDER = 5;
export const ELDERLY = 6;

export interface PopulationTargets {
  readonly national: NationalRecord;
  /** The Susenas round's marginals (rounds.csv). */
  readonly round: RoundRecord;
  /** Provinces with their rates for the round (P0, extreme; scaled from March 2022 in other rounds). */
  readonly provinces: readonly ProvinceRecord[];
  /** Mean consumption per person, urban and rural, Rp per month (the national mean split with the urban / rural ratio). */
  readonly consumptionMean: { readonly urban: number; readonly rural: number };
  /** Official households per province (whole numbers summing to the national KK total). */
  readonly provinceHouseholds: Float64Array;
  /** Urban share of persons per province. */
  readonly provinceUrbanShare: Float64Array;
  /** KAT households per province (summing to the national KAT total). */
  readonly provinceKat: Float64Array;
  /** Urban share of persons, national (derived from the urban and rural poverty counts and rates). */
  readonly urbanShare: number;
  /** The urban share of every province without a fixed one. */
  readonly commonUrbanShare: number;
  /** Persons per household: population / households. */
  readonly meanSize: number;
  /** Births per person per year (and the share of persons in each single-year child cohort). */
  readonly birthsPerPerson: number;
  /** Share of persons pregnant or post-partum at any time. */
  readonly pregnantShare: number;
  /** Share of persons in each member age group (AGE_GROUPS). */
  readonly ageShares: Float64Array;
  /** Probability that a person of each age group has a severe disability. */
  readonly disabilityRate: Float64Array;
}

/** The population's targets from its data, for a Susenas round (default March 2022; refused if not in rounds.csv). */
export function deriveTargets(data: PopulationData, roundName: string = DEFAULT_ROUND): PopulationTargets {
  const n = data.national;
  const round = roundRecord(data, roundName);
  const base = roundRecord(data, PROVINCE_ROUND);
  const provinces = data.provinces.map((p) => ({
    ...p,
    p0: p.p0 === undefined ? undefined : (p.p0 * round.p0) / base.p0,
    extreme: p.extreme === undefined ? undefined : (p.extreme * round.extreme) / base.extreme,
  }));
  const urbanShare =
    round.poorUrbanMillions !== undefined && round.poorRuralMillions !== undefined
      ? round.poorUrbanMillions / round.p0Urban / (round.poorUrbanMillions / round.p0Urban + round.poorRuralMillions / round.p0Rural)
      : (round.p0Rural - round.p0) / (round.p0Rural - round.p0Urban);
  const rural = round.consumptionMean / (urbanShare * n.consumptionUrbanRuralRatio + 1 - urbanShare);

  let fixedPersons = 0;
  let fixedUrban = 0;
  for (const p of provinces) {
    if (p.urbanShare !== undefined) {
      fixedPersons += p.population;
      fixedUrban += p.urbanShare * p.population;
    }
  }
  const commonUrbanShare = (urbanShare * n.population - fixedUrban) / (n.population - fixedPersons);
  if (!(commonUrbanShare > 0 && commonUrbanShare < 1)) {
    throw new Error(`population targets: the fixed urban shares leave an impossible common urban share (${commonUrbanShare})`);
  }
  const provinceUrbanShare = Float64Array.from(provinces, (p) => p.urbanShare ?? commonUrbanShare);
  const provinceHouseholds = largestRemainder(
    provinces.map((p) => (n.households * p.population) / n.population),
    n.households,
  );

  let katRural = 0;
  provinces.forEach((p, k) => {
    if (p.katArea) katRural += provinceHouseholds[k] * (1 - provinceUrbanShare[k]);
  });
  const provinceKat = Float64Array.from(provinces, (p, k) =>
    p.katArea && katRural > 0 ? (n.katHouseholds * provinceHouseholds[k] * (1 - provinceUrbanShare[k])) / katRural : 0,
  );

  const birthsPerPerson = (n.tfr / 35) * (1 - n.maleShare) * n.age15to64 * n.women15to49Of15to64;
  const c = birthsPerPerson;
  const older = n.elderly60plus * (1 - n.elderly70to79 - n.elderly80plus);
  const elderly = n.elderly60plus * (n.elderly70to79 + n.elderly80plus);
  const ageShares = new Float64Array(AGE_GROUPS.length);
  ageShares[EARLY] = 7 * c;
  ageShares[PRIMARY_AGE] = 6 * c;
  ageShares[JUNIOR_AGE] = 3 * c;
  ageShares[SENIOR_AGE] = 3 * c;
  ageShares[OLDER] = older;
  ageShares[ELDERLY] = elderly;
  ageShares[ADULT] = 1 - 19 * c - older - elderly;

  let growth = 1;
  for (let y = 0; y < 5; y++) growth *= 1 + n.populationGrowth;
  const population2015 = n.population / growth;
  const d = n.severeDisability;
  const rate2to6 = d.age2to6 / (population2015 * 5 * c);
  const rate7to18 = d.age7to18 / (population2015 * 12 * c);
  const rate19to59 = d.age19to59 / (population2015 * ageShares[ADULT]);
  const rate60plus = d.age60plus / (population2015 * n.elderly60plus);
  const disabilityRate = new Float64Array(AGE_GROUPS.length);
  disabilityRate[EARLY] = (rate2to6 * 5) / 7;
  disabilityRate[PRIMARY_AGE] = rate7to18;
  disabilityRate[JUNIOR_AGE] = rate7to18;
  disabilityRate[SENIOR_AGE] = rate7to18;
  disabilityRate[ADULT] = rate19to59;
  disabilityRate[OLDER] = rate60plus;
  disabilityRate[ELDERLY] = rate60plus;

  return {
    national: n,
    round,
    provinces,
    consumptionMean: { urban: n.consumptionUrbanRuralRatio * rural, rural },
    provinceHouseholds,
    provinceUrbanShare,
    provinceKat,
    urbanShare,
    commonUrbanShare,
    meanSize: n.population / n.households,
    birthsPerPerson,
    pregnantShare: (birthsPerPerson * n.pregnancyWindowMonths) / 12,
    ageShares,
    disabilityRate,
  };
}

/**
 * Whole numbers summing to `total` (an integer), each the floor of its quota or one more: the largest
 * remainders get the extra units; ties go to the earlier entry.
 */
export function largestRemainder(quotas: readonly number[], total: number): Float64Array {
  const result = Float64Array.from(quotas, Math.floor);
  let left = total - result.reduce((s, v) => s + v, 0);
  const order = quotas.map((_, k) => k).sort((a, b) => quotas[b] - result[b] - (quotas[a] - result[a]) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) result[order[k]] += 1;
  return result;
}
