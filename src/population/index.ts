/**
 * The synthetic population: households of Indonesia at a Susenas round (March 2022, the round the
 * policy story starts from, unless another is asked for: any round from September 2018 in
 * data/population/rounds.csv), as typed arrays whose weights sum to the official household totals.
 * The frame (households, provinces, persons: SP2020 and the Dukcapil KK total) is the same in every
 * round; the round sets the poverty, inequality and consumption marginals and the poverty lines.
 *
 * Method (data: data/population/*.csv; sources and assumptions: data/README.md):
 * 1. Layout (./layout.ts). Provinces get agents in proportion to their households (the Dukcapil KK
 *    total split by SP2020 population share), with a floor for small ones (1 % of the agents, at
 *    most 1,000); within a province, fixed numbers of agents in three contiguous cells: urban, rural,
 *    and rural remote (KAT, oversampled 4×).
 * 2. Draws (./welfare.ts, ./composition.ts), each addressable by (seed, household index, purpose):
 *    a welfare score z, standard normal, sampled with importance (a quarter of the agents in the
 *    poorest 10 % of quantiles) — the weight carries the density ratio; household size
 *    1 + Poisson(λ0 e^(−βz)), fitted so mean size = persons / households (3.126) and the poor
 *    households' mean size is the round's (4.74 in March 2022, BPS), on the analytic distribution of
 *    z; the head's age (assumed
 *    bands) and sex (BPS urban / rural female-headed shares).
 * 3. Weights: post-stratified per province so they sum exactly to its official households, its
 *    urban share of persons is the target (DKI all urban; one common share elsewhere, giving the
 *    round's national share, 57.46 % in March 2022) and its KAT households are its share of the
 *    156,512 (KAT provinces only).
 * 4. Composition (./composition.ts): partner, members' age groups matched to the national age
 *    structure (TFR-based child cohorts, elderly 60+ and 70+), pupils, pregnant / post-partum women,
 *    severe disability (SUPAS 2015 rates).
 * 5. Consumption (./consumption.ts): log consumption per person piecewise linear in z, with a knot
 *    at the stratum's line and one at its median: the line's z fitted per province × urban/rural to
 *    the known provincial P0 (the 13 in the reference, with the national urban/rural ratio), Papua's
 *    extreme rate, and one common urban and rural rate elsewhere so national urban and rural P0 are
 *    exact; the slope below the line so the round's extreme-poverty rate (series B) is exact; per
 *    area, the slopes up to and above the median so the area's mean consumption and Gini are exact.
 * Everything is deterministic for a seed and a number of agents; no object per household, O(N) work
 * and no sort over the agents, so one agent per real household (`scale: 1`, 86.4 m agents) fits in
 * memory (the store's bytes per household, nothing else per agent; ~45 s to build). At least
 * MIN_HOUSEHOLDS agents (20,000), so that the smallest strata can be fitted.
 *
 * Consumption is nominal Rp per person per month at the round's month, as measured (transfers
 * received included), on one national scale: every stratum is compared with the same national line.
 */
import type { Households } from '../model/households';
import { FEMALE_HEAD, REMOTE, URBAN, allocateHouseholds } from '../model/households';
import type { Seed } from '../model/random';
import { runKey, stream, uniform } from '../model/random';
import type { Month } from '../calendar/months';
import { monthOf } from '../calendar/months';
import { exp } from '../model/math';
import { DEFAULT_ROUND, loadPopulationData } from './data';
import { deriveTargets } from './targets';
import type { PopulationTargets } from './targets';
import { MIN_HOUSEHOLDS, layoutAgents } from './layout';
import { ProblemError } from '../problems/index';
import type { ProvinceBlock } from './layout';
import { drawSize, fitSizeModel, welfareFactor, welfareScore } from './welfare';
import type { SizeModel } from './welfare';
import { fillComposition, headAgeOf } from './composition';
import type { CompositionFit, CompositionStreams } from './composition';
import { fitConsumption } from './consumption';
import type { ConsumptionFit } from './consumption';

export { MIN_HOUSEHOLDS, KAT_OVERSAMPLING } from './layout';
export { AGE_GROUPS } from './targets';
export { DEFAULT_ROUND, loadPopulationData, roundRecord } from './data';
export type { RoundRecord } from './data';

/** Agents built when neither `households` nor `scale` is given. */
export const DEFAULT_HOUSEHOLDS = 200_000;

/** The month the population describes unless another round is asked for: Susenas March 2022. */
export const REFERENCE_MONTH: Month = monthOf(DEFAULT_ROUND);

export interface PopulationOptions {
  /** The run's seed (a number or a string); the same seed and size give the same population. */
  seed: Seed;
  /** Number of agents (an integer ≥ MIN_HOUSEHOLDS). Default DEFAULT_HOUSEHOLDS = 200,000. */
  households?: number;
  /** Alternative to `households`: agents per real household, 0 < scale ≤ 1 (1 = 86.4 m agents). */
  scale?: number;
  /** Poverty lines, Rp per person per month in the round's month, from the caller's parameters. */
  lines: { national: number; extreme: number };
  /** The Susenas round, "YYYY-MM", one of data/population/rounds.csv. Default DEFAULT_ROUND, "2022-03". */
  round?: string;
}

export interface Province {
  /** Index in `provinces` and value of `Households.province`. */
  index: number;
  /** BPS province code. */
  code: number;
  name: string;
  /** Island group (Sumatra, Java, Bali-Nusa Tenggara, Kalimantan, Sulawesi, Maluku-Papua). */
  island: string;
  /** Persons, SP2020. */
  population: number;
  /** Official households the province's weights sum to (KK total × population share). */
  households: number;
}

/** The fitted values of the population model (for documentation, manifests and checks). */
export interface PopulationCalibration {
  /** Household size = 1 + Poisson(lambda0 · e^(−beta z)). */
  readonly size: SizeModel;
  /** Log-consumption model: the line's z per stratum (2 × province + 0 urban / 1 rural), σ_poor, σ_mid and σ_high per area. */
  readonly consumption: ConsumptionFit;
  /** Age distribution of the other members and the pregnancy probability. */
  readonly composition: CompositionFit;
  /** Official targets derived from the data files (urban shares, province households, age shares …). */
  readonly targets: PopulationTargets;
}

export interface Population {
  households: Households;
  provinces: readonly Province[];
  /** The Susenas round's month ("YYYY-MM" in `round`): the first month of a run from this population. */
  referenceMonth: Month;
  round: string;
  /** The official totals the weights stand for: households (KK, sum of weights, exact) and persons (SP2020; Σ weight × size matches it up to sampling error). */
  totals: { households: number; persons: number };
  /** The fitted values (an addition to the planned contract: read-only, for docs and checks). */
  calibration: PopulationCalibration;
}

/** The number of agents the options ask for; throws on invalid options. */
export function agentCount(options: PopulationOptions, officialHouseholds: number): number {
  const { seed, households, scale, lines } = options;
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) {
    throw new ProblemError([{ file: 'population options', path: 'seed', expected: 'a finite number or a string', got: String(seed) }]);
  }
  if (households !== undefined && scale !== undefined) {
    throw new ProblemError([{ file: 'population options', path: 'households and scale', expected: 'one of them', got: 'both' }]);
  }
  if (!lines || !Number.isFinite(lines.national) || !(lines.national > 0)) {
    throw new ProblemError([{ file: 'population options', path: 'lines.national', expected: 'a positive finite number (Rp per person per month)', got: String(lines?.national) }]);
  }
  if (!Number.isFinite(lines.extreme) || !(lines.extreme > 0) || !(lines.extreme < lines.national)) {
    throw new ProblemError([{ file: 'population options', path: 'lines.extreme', expected: 'a positive finite number below lines.national (Rp per person per month)', got: String(lines.extreme) }]);
  }
  if (scale !== undefined) {
    if (!(typeof scale === 'number' && scale > 0 && scale <= 1)) {
      throw new ProblemError([{ file: 'population options', path: 'scale', expected: 'agents per real household in (0, 1]', got: String(scale) }]);
    }
    const count = Math.round(scale * officialHouseholds);
    if (count < MIN_HOUSEHOLDS) {
      throw new ProblemError([{ file: 'population options', path: 'scale', expected: `at least ${MIN_HOUSEHOLDS / officialHouseholds} (${MIN_HOUSEHOLDS.toLocaleString('en')} agents)`, got: `${scale} (${count.toLocaleString('en')} agents)` }]);
    }
    return count;
  }
  if (households === undefined) return DEFAULT_HOUSEHOLDS;
  if (!(Number.isInteger(households) && households >= MIN_HOUSEHOLDS)) {
    throw new ProblemError([{ file: 'population options', path: 'households', expected: `a whole number of at least ${MIN_HOUSEHOLDS.toLocaleString('en')} (agents)`, got: String(households) }]);
  }
  return households;
}

/** Builds the synthetic population for a seed. Deterministic: same options → identical arrays. */
export function buildPopulation(options: PopulationOptions): Population {
  const data = loadPopulationData();
  const round = options.round ?? DEFAULT_ROUND;
  const targets = deriveTargets(data, round);
  const count = agentCount(options, data.national.households);
  const n = targets.national;
  const r = targets.round;
  const key = runKey(options.seed);
  const welfareStream = stream(key, 'population.welfare');
  const sizeStream = stream(key, 'population.size');
  const composition: CompositionStreams = {
    head: stream(key, 'population.head'),
    members: stream(key, 'population.members'),
    enrolment: stream(key, 'population.enrolment'),
    pregnancy: stream(key, 'population.pregnancy'),
    disability: stream(key, 'population.disability'),
  };

  const blocks = layoutAgents(count, targets);
  const poverty = { lines: options.lines, p0Urban: r.p0Urban, p0Rural: r.p0Rural, extreme: r.extreme, provinces: targets.provinces };
  const stratumHouseholds = new Float64Array(2 * targets.provinces.length);
  targets.provinces.forEach((_, p) => {
    stratumHouseholds[2 * p] = targets.provinceHouseholds[p] * targets.provinceUrbanShare[p];
    stratumHouseholds[2 * p + 1] = targets.provinceHouseholds[p] * (1 - targets.provinceUrbanShare[p]);
  });
  const size = fitSizeModel(targets.meanSize, r.poorHouseholdSize, stratumHouseholds, poverty);
  const h = allocateHouseholds(count);

  // Draws: cell, welfare score (kept in `consumption` until the consumption fit), size, head.
  // (Imported bindings are copied to locals: module-namespace getters are slow in hot loops.)
  const draw = uniform;
  const score = welfareScore;
  const factor = welfareFactor;
  const sizeOf = drawSize;
  const ageOf = headAgeOf;
  const e = exp;
  const [urbanBit, remoteBit, femaleBit] = [URBAN, REMOTE, FEMALE_HEAD];
  const { province, flags, consumption: zs, weight, size: sizes, headAge } = h;
  const { lambda0, beta } = size;
  const bands = n.headAge;
  const femaleUrban = n.femaleHeadedUrban;
  const femaleRural = n.femaleHeadedRural;
  blocks.forEach((block, p) => {
    const end = block.start + block.urban + block.rural + block.remote;
    for (let i = block.start; i < end; i++) {
      const urban = i < block.start + block.urban;
      const remote = i >= block.start + block.urban + block.rural;
      const u = draw(welfareStream, i, 0, 0);
      const z = score(u);
      const female = draw(composition.head, i, 0, 1) < (urban ? femaleUrban : femaleRural);
      province[i] = p;
      flags[i] = (urban ? urbanBit : 0) | (remote ? remoteBit : 0) | (female ? femaleBit : 0);
      zs[i] = z;
      weight[i] = factor(u);
      sizes[i] = sizeOf(draw(sizeStream, i, 0, 0), lambda0 * e(-beta * z));
      headAge[i] = ageOf(draw(composition.head, i, 0, 0), bands);
    }
  });
  calibrateWeights(h, blocks, targets);
  const compositionFit = fillComposition(h, targets, composition);
  const consumption = fitConsumption(h, { ...poverty, consumptionMean: targets.consumptionMean, gini: { urban: r.giniUrban, rural: r.giniRural } });

  const provinces: Province[] = targets.provinces.map((p, index) => ({
    index,
    code: p.code,
    name: p.name,
    island: p.island,
    population: p.population,
    households: targets.provinceHouseholds[index],
  }));
  return {
    households: h,
    provinces,
    referenceMonth: monthOf(round),
    round,
    totals: { households: n.households, persons: n.population },
    calibration: { size, consumption, composition: compositionFit, targets },
  };
}

/**
 * Post-stratification: per province, one factor per cell (urban, rural, remote) multiplies the
 * importance weights so that the province's weights sum to its households, its urban persons are its
 * urban share, and its remote (KAT) households are its KAT target.
 */
function calibrateWeights(h: Households, blocks: readonly ProvinceBlock[], targets: PopulationTargets): void {
  const { weight, size } = h;
  blocks.forEach((b, p) => {
    const cells = [b.start, b.start + b.urban, b.start + b.urban + b.rural, b.start + b.urban + b.rural + b.remote];
    const hh = [0, 0, 0];
    const persons = [0, 0, 0];
    for (let c = 0; c < 3; c++) {
      for (let i = cells[c]; i < cells[c + 1]; i++) {
        hh[c] += weight[i];
        persons[c] += weight[i] * size[i];
      }
    }
    const total = targets.provinceHouseholds[p];
    const share = targets.provinceUrbanShare[p];
    const kat = targets.provinceKat[p];
    let factors: number[];
    if (b.rural + b.remote === 0) factors = [total / hh[0], 0, 0];
    else {
      // c K_h = kat; a U_h + b R_h = total − kat; (1 − share) a U_n = share (b R_n + c K_n).
      const remote = b.remote > 0 ? kat / hh[2] : 0;
      const k = (share * hh[0]) / ((1 - share) * persons[0]);
      const rural = (total - kat - k * remote * persons[2]) / (k * persons[1] + hh[1]);
      const urban = (share * (rural * persons[1] + remote * persons[2])) / ((1 - share) * persons[0]);
      factors = [urban, rural, remote];
    }
    if (!factors.every((f) => Number.isFinite(f) && f >= 0)) {
      throw new Error(`population: cannot calibrate the weights of ${targets.provinces[p].name} (factors ${factors.join(', ')})`);
    }
    // Float32 weights: carry each rounding error to the next agent so the sums stay exact (within one
    // rounding) rather than drifting by the cell's count × a rounding.
    let carry = 0;
    for (let c = 0; c < 3; c++) {
      for (let i = cells[c]; i < cells[c + 1]; i++) {
        const exact = weight[i] * factors[c] + carry;
        weight[i] = exact;
        carry = exact - weight[i];
      }
    }
  });
}
