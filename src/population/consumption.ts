/**
 * Consumption per person from the welfare score, fitted to BPS's poverty and consumption figures.
 *
 * For a household of stratum s (province × urban/rural; area a) with welfare score z, and t_s the z
 * at the national line L in that stratum, log consumption is piecewise linear in z:
 *   z < t_s        log c = log L + σ_poor (z − t_s)              (the poor: one slope everywhere)
 *   t_s ≤ z < 0    log c = log L + σ_mid,a (z − t_s)             (the line to the median, per area)
 *   z ≥ 0          log c = log L − σ_mid,a t_s + σ_high,a z      (above the median, per area)
 * so the median of stratum s is L e^(−σ_mid,a t_s). The fit works on each stratum's person-weighted
 * distribution of z, kept as a fine histogram (8,192 bins over [−7, 7]), so there is no sort over the
 * agents and the work is O(N) at any scale:
 * 1. t_s and σ_poor (./strata.ts): the known provincial P0 (and Papua's extreme-poverty rate),
 *    national urban and rural P0 exact, the national share below the extreme line exact (series B);
 * 2. per area, σ_mid,a and σ_high,a: the area's mean consumption and Gini exact. For a σ_mid, σ_high
 *    follows from the mean (bisection: the mean rises with σ_high); the Gini then falls as σ_mid rises
 *    (a higher median at the same mean), so σ_mid is found by bisection on the Gini, between 0 and
 *    the σ_mid at which the mean is reached with σ_high = 0. The Gini is computed on a fine grid of
 *    log consumption (bins of 0.003), without a sort;
 * 3. every household's consumption from its z.
 * All solves are deterministic; exp and log are the model's own (src/model/math).
 */
import type { Households } from '../model/households';
import { URBAN } from '../model/households';
import { exp, log } from '../model/math';
import { solveStrata } from './strata';
import type { PovertyTargets, StratumDistributions } from './strata';
import { bisect } from './solve';

/** Histogram of z per stratum: bins of width 14 / 8192 over [−7, 7] (z = 0 is a bin edge). */
const BINS = 8192;
const Z_MIN = -7;
const Z_MAX = 7;
const BIN_WIDTH = (Z_MAX - Z_MIN) / BINS;
const INV_BIN_WIDTH = BINS / (Z_MAX - Z_MIN);
/** A bin with at least this many agents is treated as continuous (quantiles interpolate within it). */
const INTERPOLATE_FROM = 8;
/** The grid of log(c / L) on which Gini ratios are computed: [−8, 16) in bins of 0.003. */
const GINI_FROM = -8;
const GINI_BINS = 8192;
const GINI_WIDTH = 24 / GINI_BINS;

/** The two areas, in stratum order (s = 2 × province + area). */
export const AREAS = ['urban', 'rural'] as const;

export interface ConsumptionTargets extends PovertyTargets {
  /** Person-weighted mean consumption per area, Rp per person per month. */
  readonly consumptionMean: { readonly urban: number; readonly rural: number };
  /** Gini ratio of consumption per person, per area. */
  readonly gini: { readonly urban: number; readonly rural: number };
}

/** The fitted consumption model. Stratum s = 2 × province + (0 urban, 1 rural). */
export interface ConsumptionFit {
  /** t_s: the z at the national line, per stratum (0 for an empty stratum). */
  readonly threshold: Float64Array;
  /** Slope of log consumption in z below the line (all strata). */
  readonly sigmaPoor: number;
  /** Slope from the line to the median, [urban, rural]. */
  readonly sigmaMid: readonly [number, number];
  /** Slope above the median, [urban, rural]. */
  readonly sigmaHigh: readonly [number, number];
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
 * One area's strata as person mass per z bin, for the mean and Gini of the area's consumption under
 * trial slopes. Each non-empty bin of each stratum keeps its mass, mean z and the stratum's threshold.
 */
class AreaMass {
  readonly persons: number;
  private readonly mass: Float64Array;
  private readonly z: Float64Array;
  private readonly t: Float64Array;
  /** Entries [0, upperFrom) lie below z = 0; [upperFrom, end) above, with their z bin among the upper half. */
  private readonly upperFrom: number;
  private readonly upperBin: Uint16Array;
  private readonly sigmaPoor: number;
  /** Σ mass × c / L over the households below their line (independent of σ_mid and σ_high). */
  private readonly poorSum: number;
  private readonly giniMass = new Float64Array(GINI_BINS);
  private readonly giniLevel: Float64Array;

  constructor(hist: Histograms, area: number, threshold: Float64Array, sigmaPoor: number) {
    this.sigmaPoor = sigmaPoor;
    const columns: number[][] = [[], [], [], []];
    let persons = 0;
    let upperFrom = 0;
    for (const upper of [false, true]) {
      if (upper) upperFrom = columns[0].length;
      for (let s = area; s < hist.strata; s += 2) {
        if (!(hist.persons[s] > 0)) continue;
        if (!upper) persons += hist.persons[s];
        for (let b = upper ? BINS / 2 : 0; b < (upper ? BINS : BINS / 2); b++) {
          const k = s * BINS + b;
          if (!(hist.mass[k] > 0)) continue;
          columns[0].push(hist.mass[k]);
          columns[1].push(hist.meanZ[k]);
          columns[2].push(threshold[s]);
          columns[3].push(upper ? b - BINS / 2 : 0);
        }
      }
    }
    this.upperFrom = upperFrom;
    this.persons = persons;
    this.mass = Float64Array.from(columns[0]);
    this.z = Float64Array.from(columns[1]);
    this.t = Float64Array.from(columns[2]);
    this.upperBin = Uint16Array.from(columns[3]);
    let poorSum = 0;
    for (let k = 0; k < this.upperFrom; k++) if (this.z[k] < this.t[k]) poorSum += this.mass[k] * exp(sigmaPoor * (this.z[k] - this.t[k]));
    this.poorSum = poorSum;
    this.giniLevel = Float64Array.from({ length: GINI_BINS }, (_, g) => exp(GINI_FROM + (g + 0.5) * GINI_WIDTH));
  }

  /**
   * Mean consumption over L as a function of σ_high, for a σ_mid: the part below the median summed
   * once, the part above it gathered per z bin (Σ mass × e^(−σ_mid t_s) and its mean z), so each
   * evaluation costs one exp per bin.
   */
  meanFor(sigmaMid: number): (sigmaHigh: number) => number {
    const { mass, z, t, upperFrom, upperBin } = this;
    let below = this.poorSum;
    for (let k = 0; k < upperFrom; k++) if (z[k] >= t[k]) below += mass[k] * exp(sigmaMid * (z[k] - t[k]));
    const half = BINS / 2;
    const scaled = new Float64Array(half);
    const scaledZ = new Float64Array(half);
    for (let k = upperFrom; k < mass.length; k++) {
      const w = mass[k] * exp(-sigmaMid * t[k]);
      scaled[upperBin[k]] += w;
      scaledZ[upperBin[k]] += w * z[k];
    }
    for (let b = 0; b < half; b++) if (scaled[b] > 0) scaledZ[b] /= scaled[b];
    return (sigmaHigh: number): number => {
      let sum = below;
      for (let b = 0; b < half; b++) if (scaled[b] > 0) sum += scaled[b] * exp(sigmaHigh * scaledZ[b]);
      return sum / this.persons;
    };
  }

  /** Gini ratio of consumption per person (person-weighted), on the grid of log consumption. */
  gini(sigmaMid: number, sigmaHigh: number): number {
    const { mass, z, t, giniMass } = this;
    giniMass.fill(0);
    const sigmaPoor = this.sigmaPoor;
    for (let k = 0; k < mass.length; k++) {
      const x = z[k] < t[k] ? sigmaPoor * (z[k] - t[k]) : z[k] < 0 ? sigmaMid * (z[k] - t[k]) : -sigmaMid * t[k] + sigmaHigh * z[k];
      let g = Math.floor((x - GINI_FROM) / GINI_WIDTH);
      if (g < 0) g = 0;
      else if (g >= GINI_BINS) g = GINI_BINS - 1;
      giniMass[g] += mass[k];
    }
    return giniOfBins(giniMass, this.giniLevel);
  }
}

/** Gini of a distribution given as mass per level, levels increasing: 1 − Σ p_k (C_(k−1) + C_k), C the Lorenz ordinates. */
function giniOfBins(mass: Float64Array, level: Float64Array): number {
  let persons = 0;
  let total = 0;
  for (let g = 0; g < mass.length; g++) {
    persons += mass[g];
    total += mass[g] * level[g];
  }
  let cumulative = 0;
  let area = 0;
  for (let g = 0; g < mass.length; g++) {
    if (!(mass[g] > 0)) continue;
    const next = cumulative + (mass[g] * level[g]) / total;
    area += (mass[g] / persons) * (cumulative + next);
    cumulative = next;
  }
  return 1 - area;
}

/** σ_mid and σ_high of one area: its mean (as a multiple of L) and Gini exact. */
function fitArea(area: AreaMass, name: string, meanOverLine: number, gini: number): [number, number] {
  const highFor = (sigmaMid: number): number => bisect(area.meanFor(sigmaMid), meanOverLine, 0, 6, 1e-12);
  if (!(area.meanFor(0)(0) < meanOverLine)) throw new Error(`population: cannot fit ${name} mean consumption: even flat consumption above the line exceeds it`);
  const midMax = bisect((sm) => area.meanFor(sm)(0), meanOverLine, 0, 6, 1e-12);
  const lo = 1e-3;
  const hi = midMax * (1 - 1e-9);
  const giniLo = area.gini(lo, highFor(lo));
  const giniHi = area.gini(hi, highFor(hi));
  if (!(giniHi <= gini && gini <= giniLo)) {
    throw new Error(`population: cannot fit the ${name} Gini ${gini} at its mean consumption: the shape reaches only [${giniHi}, ${giniLo}]`);
  }
  const sigmaMid = bisect((sm) => -area.gini(sm, highFor(sm)), -gini, lo, hi, 1e-9);
  return [sigmaMid, highFor(sigmaMid)];
}

/**
 * Fits the consumption model to a store whose `consumption` array holds each household's z, and
 * writes consumption (nominal Rp per person per month) over z.
 */
export function fitConsumption(h: Households, targets: ConsumptionTargets): ConsumptionFit {
  const strata = 2 * targets.provinces.length;
  const hist = new Histograms(h, strata);
  const { sigmaPoor, p0, threshold, commonP0 } = solveStrata(hist, targets);
  const line = targets.lines.national;
  const mid: [number, number] = [0, 0];
  const high: [number, number] = [0, 0];
  AREAS.forEach((name, a) => {
    const area = new AreaMass(hist, a, threshold, sigmaPoor);
    [mid[a], high[a]] = fitArea(area, name, targets.consumptionMean[name] / line, targets.gini[name]);
  });

  const { consumption, province, flags } = h;
  const urbanBit = URBAN;
  const e = exp;
  const logL = log(line);
  for (let i = 0; i < h.count; i++) {
    const rural = (flags[i] & urbanBit) !== 0 ? 0 : 1;
    const t = threshold[2 * province[i] + rural];
    const z = consumption[i];
    consumption[i] = e(logL + (z < t ? sigmaPoor * (z - t) : z < 0 ? mid[rural] * (z - t) : -mid[rural] * t + high[rural] * z));
  }
  return { threshold, sigmaPoor, sigmaMid: mid, sigmaHigh: high, stratumP0: p0, commonP0 };
}
