/**
 * Consumption per person from the welfare score, fitted to BPS's poverty and consumption figures.
 *
 * log consumption = m_s + σ_low · z for z < 0 and m_s + σ_high · z for z ≥ 0, for a household of
 * stratum s = province × urban/rural with welfare score z (m_s is the stratum's median). The fit
 * works on each stratum's person-weighted distribution of z, kept as a fine histogram (8,192 bins over
 * [−7, 7]), so there is no sort over the agents and the work is O(N) at any scale:
 * 1. the stratum poverty rates, m_s and σ_low (./strata.ts): the known provincial P0 (and Papua's
 *    extreme-poverty rate), national urban and rural P0 exact, 2.04 % below the extreme line;
 * 2. σ_high: person-weighted mean consumption is Rp 1,327,782 (Susenas March 2022) — bisection to a
 *    bracket, then Newton from above (the mean is increasing and convex in σ_high);
 * 3. every household's consumption from its z.
 * All solves are deterministic; exp and log are the model's own (src/model/math).
 */
import type { Households } from '../model/households';
import { URBAN } from '../model/households';
import { exp } from '../model/math';
import { solveStrata } from './strata';
import type { PovertyTargets, StratumDistributions } from './strata';

/** Histogram of z per stratum: bins of width 14 / 8192 over [−7, 7] (z = 0 is a bin edge). */
const BINS = 8192;
const Z_MIN = -7;
const Z_MAX = 7;
const BIN_WIDTH = (Z_MAX - Z_MIN) / BINS;
const INV_BIN_WIDTH = BINS / (Z_MAX - Z_MIN);
/** A bin with at least this many agents is treated as continuous (quantiles interpolate within it). */
const INTERPOLATE_FROM = 8;

export interface ConsumptionTargets extends PovertyTargets {
  /** Person-weighted mean consumption, Rp per person per month. */
  readonly consumptionMean: number;
}

/** The fitted consumption model. Stratum s = 2 × province + (0 urban, 1 rural). */
export interface ConsumptionFit {
  /** m_s: log consumption at z = 0 (the stratum median), per stratum; 0 for an empty stratum. */
  readonly location: Float64Array;
  readonly sigmaLow: number;
  readonly sigmaHigh: number;
  /** The poverty rate (national line) each stratum was fitted to or, for Papua, ended with. */
  readonly stratumP0: Float64Array;
  /** The common P0 of the urban and of the rural strata of provinces without a known rate. */
  readonly commonP0: { readonly urban: number; readonly rural: number };
}

/** Person-weighted histograms of z per stratum, from a store whose `consumption` holds z for now. */
class Histograms implements StratumDistributions {
  readonly strata: number;
  /** Cumulative person weight at each bin edge: (BINS + 1) per stratum. */
  readonly cumulative: Float64Array;
  /** Person weight and mean z per bin. */
  readonly mass: Float64Array;
  readonly meanZ: Float64Array;
  readonly persons: Float64Array;
  /** Agents per bin. */
  readonly agents: Uint32Array;

  constructor(h: Households, strata: number) {
    this.strata = strata;
    const mass = new Float64Array(strata * BINS);
    const agents = new Uint32Array(strata * BINS);
    const massZ = new Float64Array(strata * BINS);
    const { weight, size, province, flags, consumption: zs } = h;
    const urbanBit = URBAN;
    for (let i = 0; i < h.count; i++) {
      const s = 2 * province[i] + ((flags[i] & urbanBit) !== 0 ? 0 : 1);
      const z = zs[i];
      let b = Math.floor((z - Z_MIN) * INV_BIN_WIDTH);
      if (b < 0) b = 0;
      else if (b >= BINS) b = BINS - 1;
      const pw = weight[i] * size[i];
      mass[s * BINS + b] += pw;
      massZ[s * BINS + b] += pw * z;
      agents[s * BINS + b]++;
    }
    this.mass = mass;
    this.agents = agents;
    this.meanZ = new Float64Array(strata * BINS);
    this.cumulative = new Float64Array(strata * (BINS + 1));
    this.persons = new Float64Array(strata);
    for (let s = 0; s < strata; s++) {
      let c = 0;
      for (let b = 0; b < BINS; b++) {
        const k = s * BINS + b;
        this.cumulative[s * (BINS + 1) + b] = c;
        c += mass[k];
        this.meanZ[k] = mass[k] > 0 ? massZ[k] / mass[k] : Z_MIN + (b + 0.5) * BIN_WIDTH;
      }
      this.cumulative[s * (BINS + 1) + BINS] = c;
      this.persons[s] = c;
    }
  }

  /** The person-weighted share of stratum s with z below t (linear within a bin). */
  cdf(s: number, t: number): number {
    const total = this.persons[s];
    if (!(total > 0)) return 0;
    const x = (t - Z_MIN) * INV_BIN_WIDTH;
    if (x <= 0) return 0;
    if (x >= BINS) return 1;
    const b = Math.floor(x);
    const base = s * (BINS + 1);
    const lo = this.cumulative[base + b];
    return (lo + (x - b) * (this.cumulative[base + b + 1] - lo)) / total;
  }

  /**
   * The z below which a share p of stratum s's persons lie: interpolated within its bin if the bin
   * holds several agents (large populations), else the nearer edge of the bin, so that the share below
   * is within about half an agent of p (and within half a bin's mass, < 0.02 % of a stratum).
   */
  quantile(s: number, p: number): number {
    const base = s * (BINS + 1);
    const target = p * this.persons[s];
    let lo = 0;
    let hi = BINS; // cumulative[base + lo] ≤ target < cumulative[base + hi] (after the search)
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[base + mid] <= target) lo = mid;
      else hi = mid;
    }
    const c0 = this.cumulative[base + lo];
    const c1 = this.cumulative[base + lo + 1];
    if (this.agents[s * BINS + lo] >= INTERPOLATE_FROM) return Z_MIN + (lo + (c1 > c0 ? (target - c0) / (c1 - c0) : 0)) * BIN_WIDTH;
    return Z_MIN + (target - c0 < c1 - target ? lo : lo + 1) * BIN_WIDTH;
  }
}

/**
 * Fits the consumption model to a store whose `consumption` array holds each household's z, and
 * writes consumption (nominal Rp per person per month) over z.
 */
export function fitConsumption(h: Households, targets: ConsumptionTargets): ConsumptionFit {
  const strata = 2 * targets.provinces.length;
  const hist = new Histograms(h, strata);
  const { sigmaLow, p0, location, commonP0 } = solveStrata(hist, targets);

  // σ_high: mean consumption over the bins. Per bin b with centre c_b, a stratum's households
  // contribute e^(m_s) Σ w n e^(σ z) ≈ e^(m_s) e^(σ c_b) (mass + σ Σ w n (z − c_b)) (error below
  // 3e-7 relative: bins are 0.0017 wide), so one exp per bin serves every stratum.
  const massByBin = new Float64Array(BINS);
  const offsetByBin = new Float64Array(BINS);
  let total = 0;
  for (let s = 0; s < strata; s++) {
    if (!(hist.persons[s] > 0)) continue;
    const level = exp(location[s]);
    total += hist.persons[s];
    for (let b = 0; b < BINS; b++) {
      const k = s * BINS + b;
      const m = hist.mass[k];
      if (!(m > 0)) continue;
      massByBin[b] += level * m;
      offsetByBin[b] += level * m * (hist.meanZ[k] - (Z_MIN + (b + 0.5) * BIN_WIDTH));
    }
  }
  const e = exp;
  /** Σ over bins [from, to) of e^(σ c_b) (mass + σ offset), and its derivative in σ (in `slope`). */
  let slope = 0;
  const sum = (sigma: number, from: number, to: number): number => {
    let f = 0;
    let d = 0;
    for (let b = from; b < to; b++) {
      const c = Z_MIN + (b + 0.5) * BIN_WIDTH;
      const g = e(sigma * c);
      f += g * (massByBin[b] + sigma * offsetByBin[b]);
      d += g * (c * (massByBin[b] + sigma * offsetByBin[b]) + offsetByBin[b]);
    }
    slope = d / total;
    return f;
  };
  const lower = sum(sigmaLow, 0, BINS / 2);
  /** Mean consumption for a σ_high (and its derivative in `slope`). */
  const mean = (sigmaHigh: number): number => (lower + sum(sigmaHigh, BINS / 2, BINS)) / total;
  // The mean is increasing and convex in σ_high: bisect to a bracket, then Newton from above.
  const target = targets.consumptionMean;
  let lo = 0;
  let hi = 5;
  if (!(mean(lo) <= target && mean(hi) >= target)) {
    throw new Error(`population: cannot fit mean consumption ${target}: outside [${mean(lo)}, ${mean(hi)}]`);
  }
  while (hi - lo > 1 / 64) {
    const mid = 0.5 * (lo + hi);
    if (mean(mid) < target) lo = mid;
    else hi = mid;
  }
  let sigmaHigh = hi;
  for (let k = 0; k < 50; k++) {
    const step = (mean(sigmaHigh) - target) / slope;
    if (!(step > 1e-15 * sigmaHigh)) break;
    sigmaHigh -= step;
  }

  const { consumption, province, flags } = h;
  const urbanBit = URBAN;
  for (let i = 0; i < h.count; i++) {
    const s = 2 * province[i] + ((flags[i] & urbanBit) !== 0 ? 0 : 1);
    const z = consumption[i];
    consumption[i] = e(location[s] + (z < 0 ? sigmaLow : sigmaHigh) * z);
  }
  return { location, sigmaLow, sigmaHigh, stratumP0: p0, commonP0 };
}
