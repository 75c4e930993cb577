/**
 * Poverty targets per stratum (province × urban/rural) and the spread of log consumption below the line.
 *
 * Within a stratum, consumption rises with the welfare score z, so the stratum's poverty rate is the
 * person-weighted share of its households below a z threshold t_s, and its extreme-poverty rate the
 * share below t_s − (log L − log E) / σ_poor (L, E: national and extreme lines; σ_poor the slope of
 * log consumption in z below the line). Given the person
 * distribution of z in each stratum (the sample's histograms, or the analytic distribution the size
 * model implies), this module sets:
 * - provinces with a known P0: urban and rural rates in the national urban/rural ratio (7.50 / 12.29),
 *   averaging to the province's P0 over its persons;
 * - provinces with a known extreme-poverty rate but no P0 (Papua): the same split of the extreme rate;
 *   their P0 follows from σ_poor;
 * - every other province: one urban and one rural P0, solved so the national urban and rural P0 are
 *   the targets;
 * - σ_poor (bisection): the national share of persons below the extreme line is the target (series B).
 */
import { log } from '../model/math';
import type { ProvinceRecord } from './data';
import { bisect } from './solve';

/** The person-weighted distribution of z in each stratum (s = 2 × province + 0 urban / 1 rural). */
export interface StratumDistributions {
  /** Persons (weighted) per stratum. */
  readonly persons: Float64Array;
  /** Share of stratum s's persons with z below t. */
  cdf(s: number, t: number): number;
  /** The z below which a share p of stratum s's persons lie. */
  quantile(s: number, p: number): number;
  /** True if every stratum has the same distribution (then one quantile serves all strata). */
  readonly identical?: boolean;
}

export interface PovertyTargets {
  /** Rp per person per month at the reference month. */
  readonly lines: { readonly national: number; readonly extreme: number };
  readonly p0Urban: number;
  readonly p0Rural: number;
  readonly extreme: number;
  readonly provinces: readonly ProvinceRecord[];
}

export interface StrataSolution {
  /** Slope of log consumption in z below the national line. */
  readonly sigmaPoor: number;
  /** Poverty rate (national line) per stratum. */
  readonly p0: Float64Array;
  /** t_s: the z at the national line (below 0: every stratum's line is below its median). */
  readonly threshold: Float64Array;
  /** The common P0 of the urban and of the rural strata of provinces without a known rate. */
  readonly commonP0: { readonly urban: number; readonly rural: number };
}

const KNOWN = 0;
const EXTREME = 1;
const COMMON = 2;

/** Stratum poverty rates and σ_poor for a set of stratum distributions. */
export function solveStrata(dist: StratumDistributions, targets: PovertyTargets): StrataSolution {
  const provinces = targets.provinces;
  const strata = 2 * provinces.length;
  const persons = dist.persons;
  const logL = log(targets.lines.national);
  const gap = logL - log(targets.lines.extreme);
  const ratio = targets.p0Urban / targets.p0Rural;

  const kind = new Uint8Array(strata);
  const rate = new Float64Array(strata); // the P0 (KNOWN) or extreme rate (EXTREME) a stratum is fitted to
  const quantileAtRate = new Float64Array(strata);
  let urbanPersons = 0;
  let ruralPersons = 0;
  let urbanCommon = 0;
  let ruralCommon = 0;
  for (let p = 0; p < provinces.length; p++) {
    const pu = persons[2 * p];
    const pr = persons[2 * p + 1];
    urbanPersons += pu;
    ruralPersons += pr;
    const share = pu / (pu + pr);
    const { p0, extreme } = provinces[p];
    const known = p0 ?? extreme;
    for (let r = 0; r < 2; r++) {
      const s = 2 * p + r;
      if (known === undefined) {
        kind[s] = COMMON;
        if (r === 0) urbanCommon += pu;
        else ruralCommon += pr;
        continue;
      }
      kind[s] = p0 !== undefined ? KNOWN : EXTREME;
      const rural = known / (share * ratio + 1 - share);
      rate[s] = r === 0 ? ratio * rural : rural;
      if (persons[s] > 0) quantileAtRate[s] = dist.quantile(s, rate[s]);
    }
  }

  const p0 = new Float64Array(strata);
  const threshold = new Float64Array(strata);
  let commonUrban = 0;
  let commonRural = 0;
  /** Sets every stratum's P0 and t_s for a σ_poor; returns the national extreme-poverty rate. */
  const extremeRate = (sigmaPoor: number): number => {
    let knownUrban = 0;
    let knownRural = 0;
    for (let s = 0; s < strata; s++) {
      if (kind[s] === COMMON || !(persons[s] > 0)) continue;
      threshold[s] = kind[s] === KNOWN ? quantileAtRate[s] : quantileAtRate[s] + gap / sigmaPoor;
      p0[s] = kind[s] === KNOWN ? rate[s] : dist.cdf(s, threshold[s]);
      if (s % 2 === 0) knownUrban += p0[s] * persons[s];
      else knownRural += p0[s] * persons[s];
    }
    commonUrban = (targets.p0Urban * urbanPersons - knownUrban) / urbanCommon;
    commonRural = (targets.p0Rural * ruralPersons - knownRural) / ruralCommon;
    const urbanT = dist.identical ? dist.quantile(0, clamp01(commonUrban)) : 0;
    const ruralT = dist.identical ? dist.quantile(0, clamp01(commonRural)) : 0;
    let extremePersons = 0;
    for (let s = 0; s < strata; s++) {
      if (!(persons[s] > 0)) continue;
      if (kind[s] === COMMON) {
        p0[s] = s % 2 === 0 ? commonUrban : commonRural;
        threshold[s] = dist.identical ? (s % 2 === 0 ? urbanT : ruralT) : dist.quantile(s, clamp01(p0[s]));
      }
      extremePersons += kind[s] === EXTREME ? rate[s] * persons[s] : dist.cdf(s, threshold[s] - gap / sigmaPoor) * persons[s];
    }
    return extremePersons / (urbanPersons + ruralPersons);
  };

  const sigmaPoor = bisect(extremeRate, targets.extreme, 0.02, 5);
  extremeRate(sigmaPoor);
  if (!(commonUrban > 0 && commonRural > 0)) {
    throw new Error(`population: cannot fit: the known provincial rates leave no poverty for the other provinces (urban ${commonUrban}, rural ${commonRural})`);
  }
  for (let s = 0; s < strata; s++) {
    if (!(persons[s] > 0)) continue;
    if (!(threshold[s] < 0)) {
      const p = provinces[s >> 1];
      throw new Error(
        `population: cannot fit ${p.name} (${s % 2 === 0 ? 'urban' : 'rural'}): a poverty rate of ${p0[s]} puts the line above the stratum's median in this sample (too few agents there: build more households)`,
      );
    }
  }
  return { sigmaPoor, p0, threshold, commonP0: { urban: commonUrban, rural: commonRural } };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
