/**
 * The welfare score and household size.
 *
 * Every household gets a standard-normal welfare score z: its rank in its stratum's consumption
 * distribution (./consumption.ts turns z into consumption). z is drawn by importance sampling: a
 * uniform u is mapped piecewise-linearly onto the normal quantile scale so that a quarter of the
 * agents come from the poorest 10 % of quantiles and another quarter from the next 30 %; the agent's
 * weight is multiplied by the density ratio (0.4 at the bottom, 1.2 elsewhere). The bottom, where
 * poverty and the programmes are, gets about 2.5 times as many agents as plain sampling would give.
 *
 * Household size falls with welfare: size = 1 + Poisson(λ0 · e^(−β z)) (Poisson by inverse CDF on a
 * uniform). With z standard normal, E[size] = 1 + λ0 e^(β²/2) and the mean size below a z threshold t
 * is 1 + λ0 e^(β²/2) Φ(t + β) / Φ(t), so λ0 and β are fitted on these formulas, without agents: the
 * mean size equals persons / households (3.126) and the mean size of poor households is BPS's 4.74,
 * the poor being the bottom of each stratum's person distribution at the stratum's poverty rate (the
 * rates themselves depend on the size model, so the fit iterates three times; see fitSizeModel).
 */
import { exp, normalCdf, normalQuantile } from '../model/math';
import { bisect } from './solve';
import { solveStrata } from './strata';
import type { PovertyTargets, StratumDistributions } from './strata';

/** Importance sampling of z: [upper quantile, share of draws] per segment, from the bottom. */
export const WELFARE_SEGMENTS: readonly { readonly upTo: number; readonly draws: number }[] = [
  { upTo: 0.1, draws: 0.25 },
  { upTo: 0.4, draws: 0.25 },
  { upTo: 1, draws: 0.5 },
];

// Module-local copies of imported functions used per household (module-namespace getters are slow
// in hot loops under tsx and vitest).
const e = exp;
const quantile = normalQuantile;

const HALF_UNIT = 1.1641532182693481e-10; // 2^−33: centres the 2^−32 grid of uniforms inside (0, 1)

/** The normal quantile (probability) a uniform draw stands for, in (0, 1). */
export function welfareQuantile(u: number): number {
  const v = u + HALF_UNIT;
  let q0 = 0;
  let u0 = 0;
  for (const s of WELFARE_SEGMENTS) {
    if (v < u0 + s.draws || s.upTo === 1) return q0 + ((v - u0) * (s.upTo - q0)) / s.draws;
    q0 = s.upTo;
    u0 += s.draws;
  }
  return v;
}

/** The welfare score z of a uniform draw. */
export function welfareScore(u: number): number {
  return quantile(welfareQuantile(u));
}

/** The importance weight of a uniform draw: (quantile width / draw share) of its segment. */
export function welfareFactor(u: number): number {
  const v = u + HALF_UNIT;
  let q0 = 0;
  let u0 = 0;
  for (const s of WELFARE_SEGMENTS) {
    if (v < u0 + s.draws || s.upTo === 1) return (s.upTo - q0) / s.draws;
    q0 = s.upTo;
    u0 += s.draws;
  }
  return 1;
}

/** Household size = 1 + Poisson(lambda0 · e^(−beta z)). */
export interface SizeModel {
  readonly lambda0: number;
  readonly beta: number;
}

/** A group of households with one poverty rate (urban, rural): share of households, P0 (share of persons). */
export interface PovertyGroup {
  readonly share: number;
  readonly p0: number;
}

/** Mean size of the poor households under a size model, the poor being each group's bottom P0 of persons. */
export function poorHouseholdSize(meanSize: number, beta: number, groups: readonly PovertyGroup[]): number {
  const tilt = meanSize - 1; // λ0 e^(β²/2)
  let poorPersons = 0;
  let poorHouseholds = 0;
  for (const g of groups) {
    // The z below which persons are poor: [Φ(t) + tilt Φ(t + β)] / meanSize = p0.
    const t = bisect((x) => (normalCdf(x) + tilt * normalCdf(x + beta)) / meanSize, g.p0, -9, 9, 1e-12);
    poorPersons += g.share * meanSize * g.p0;
    poorHouseholds += g.share * normalCdf(t);
  }
  return poorPersons / poorHouseholds;
}

/**
 * The person-weighted distribution of z under a size model: [Φ(t) + λ0 e^(β²/2) Φ(t + β)] / E[size],
 * the same in every stratum.
 */
export class SizeTiltedNormal implements StratumDistributions {
  readonly identical = true;
  private readonly tilt: number;

  constructor(
    readonly persons: Float64Array,
    private readonly meanSize: number,
    private readonly beta: number,
  ) {
    this.tilt = meanSize - 1;
  }

  cdf(_s: number, t: number): number {
    return (normalCdf(t) + this.tilt * normalCdf(t + this.beta)) / this.meanSize;
  }

  quantile(s: number, p: number): number {
    return bisect((t) => this.cdf(s, t), p, -9, 9, 1e-12);
  }
}

/**
 * λ0 and β such that E[size] = meanSize and the mean size of poor households is poorSize.
 *
 * Which households are poor depends on the stratum poverty rates, which depend (through σ_low and the
 * common rates, ./strata.ts) on the size model: start from the national urban and rural rates, then
 * three rounds of (stratum rates under the current β → β for those rates), on the analytic
 * distribution of z (no agents needed).
 * @param stratumHouseholds expected households per stratum (2 × province + 0 urban / 1 rural)
 */
export function fitSizeModel(meanSize: number, poorSize: number, stratumHouseholds: Float64Array, poverty: PovertyTargets): SizeModel {
  if (!(meanSize > 1 && poorSize > meanSize)) {
    throw new Error(`population: expected 1 < mean household size (${meanSize}) < poor household size (${poorSize})`);
  }
  let households = 0;
  let urban = 0;
  stratumHouseholds.forEach((hh, s) => {
    households += hh;
    if (s % 2 === 0) urban += hh;
  });
  let groups: PovertyGroup[] = [
    { share: urban / households, p0: poverty.p0Urban },
    { share: 1 - urban / households, p0: poverty.p0Rural },
  ];
  let beta = bisect((b) => poorHouseholdSize(meanSize, b, groups), poorSize, 0, 4, 1e-10);
  const persons = stratumHouseholds.map((hh) => hh * meanSize);
  for (let round = 0; round < 3; round++) {
    const { p0 } = solveStrata(new SizeTiltedNormal(persons, meanSize, beta), poverty);
    // Strata with the same rate form one group.
    const byRate = new Map<number, number>();
    stratumHouseholds.forEach((hh, s) => {
      if (hh > 0) byRate.set(p0[s], (byRate.get(p0[s]) ?? 0) + hh / households);
    });
    groups = [...byRate].map(([rate, share]) => ({ share, p0: rate }));
    beta = bisect((b) => poorHouseholdSize(meanSize, b, groups), poorSize, 0, 4, 1e-10);
  }
  return { lambda0: (meanSize - 1) * exp((-beta * beta) / 2), beta };
}

/** 1 + the Poisson(λ) count at cumulative probability u (inverse CDF), at most 255. */
export function drawSize(u: number, lambda: number): number {
  let p = e(-lambda);
  let cdf = p;
  let k = 0;
  while (u >= cdf && k < 254) {
    k++;
    p = (p * lambda) / k;
    cdf += p;
    if (p === 0) break;
  }
  return k + 1;
}
