/**
 * The intention-to-treat estimate of a randomised trial, in the shape published graduation trials
 * report it (Banerjee et al. 2015, Science 348: 1260799, tables 2–3; Bandiera et al. 2017, QJE 132:
 * 811–870): for each outcome and survey round, the control mean, the treatment mean, their difference
 * (the ITT effect: the effect of being assigned, whether or not the household took part), its standard
 * error, 95 % confidence interval and p-value, the effect in control standard deviations, and the
 * households behind each mean.
 *
 * Estimator, per arm a, over the n_a households with the outcome observed, with weights w (survey
 * weights: households represented; 1 for a plain sample):
 *   mean_a = Σ w y / Σ w
 *   V_a    = n_a / (n_a − 1) · Σ w² (y − mean_a)² / (Σ w)²     (variance of mean_a)
 *   effect = mean_t − mean_c,   SE = √(V_t + V_c)
 * V_a is the linearised (Taylor, sandwich) variance of a ratio mean, units taken as independent draws
 * (Cochran 1977, Sampling Techniques, ch. 6; Lumley 2010, Complex Surveys, ch. 2 — what Stata's
 * `mean [pweight]` and R survey's svymean report without strata or clusters). With equal weights it
 * is s²/n, so the SE is Welch's unequal-variance SE √(s_t²/n_t + s_c²/n_c). Multiplying every weight
 * by a constant changes nothing. A weight is not a count of independent households: a unit with weight 2 and two
 * copies of it give the same means but not the same SE (the copies would claim twice the information).
 *
 * Inference uses the normal approximation: CI = effect ± z·SE with z = Φ⁻¹(0.975) = 1.96, and
 * p = 2 Φ(−|effect / SE|), two-sided. For arms of a few hundred households, as in these trials, the
 * t distribution would differ little (with 300 households per arm its 97.5 % point is 1.964, not
 * 1.960). Clustering (randomisation by village) is not modelled.
 * The effect in control standard deviations divides by the weighted control SD √(Σ w (y − mean_c)² /
 * Σ w) (divisor Σ w, so it too ignores a common scale of the weights).
 *
 * A household without the outcome (undefined, null or NaN: attrition, item non-response) is left out
 * of that outcome only; n_t and n_c count the households used.
 */
import { normalCdf, normalQuantile } from '../model/math';

/** The arms of a two-arm trial. */
export const ARMS = ['treatment', 'control'] as const;
export type Arm = (typeof ARMS)[number];

/** One household of a trial at one survey round. */
export interface TrialUnit {
  readonly arm: Arm;
  /** Survey weight: the households it represents, > 0. Default 1. */
  readonly weight?: number;
  /** Outcome values by name, e.g. { consumption: 812_000, assets: 3.2 }; a missing outcome is left out of that outcome only. */
  readonly outcomes: Readonly<Record<string, number | null | undefined>>;
}

/** The households surveyed at one round, and how long after assignment. */
export interface TrialRound {
  /** Months since random assignment, e.g. 24 for the first endline. */
  readonly horizon: number;
  readonly units: readonly TrialUnit[];
}

/** One row of an ITT table: one outcome at one horizon, in the outcome's unit unless said otherwise. */
export interface IttEstimate {
  readonly outcome: string;
  /** Months since assignment (from the round; undefined from `ittEstimate`). */
  readonly horizon?: number;
  readonly controlMean: number;
  readonly treatmentMean: number;
  /** ITT effect: treatment mean − control mean. */
  readonly effect: number;
  /** Standard error of the effect (linearised; Welch's with equal weights). */
  readonly se: number;
  /** Lower end of the confidence interval (95 % by default). */
  readonly low: number;
  readonly high: number;
  /** Two-sided p-value of "no effect" (normal approximation); NaN when the SE is 0. */
  readonly p: number;
  /** Weighted standard deviation of the outcome in the control arm. */
  readonly controlSd: number;
  /** The effect in control standard deviations; NaN when the control SD is 0. */
  readonly standardised: number;
  /** Households used in each arm (with the outcome observed). */
  readonly nTreatment: number;
  readonly nControl: number;
}

/** Default coverage of the confidence interval. */
export const CONFIDENCE = 0.95;

/**
 * The ITT estimate of `outcome` from `units` (see the module comment). Throws if a unit's arm or
 * weight is invalid, an outcome value is infinite, or an arm has fewer than 2 households with the
 * outcome (no standard error), naming the unit or the arm.
 */
export function ittEstimate(units: readonly TrialUnit[], outcome: string, options: { readonly confidence?: number } = {}): IttEstimate {
  const where = 'ittEstimate';
  checkUnits(units, where);
  return estimate(units, outcome, confidenceZ(options.confidence, where), where);
}

/**
 * The ITT table: one row per round and outcome, rounds in the order given, outcomes in the order of
 * `options.outcomes` (default: every outcome name found in the round, in order of first appearance).
 * Throws as `ittEstimate` does, naming the round.
 */
export function ittTable(rounds: readonly TrialRound[], options: { readonly outcomes?: readonly string[]; readonly confidence?: number } = {}): IttEstimate[] {
  const where = 'ittTable';
  if (!Array.isArray(rounds as unknown)) throw new Error(`${where}: "rounds": expected a list of { horizon, units }, got ${String(rounds)}`);
  const z = confidenceZ(options.confidence, where);
  return rounds.flatMap((round, r) => {
    const at = `${where}: rounds[${r}]`;
    if (!Number.isFinite(round?.horizon)) throw new Error(`${at}: expected a "horizon" in months since assignment, got ${String(round?.horizon)}`);
    checkUnits(round.units, at);
    const outcomes = options.outcomes ?? [...new Set(round.units.flatMap((u) => Object.keys(u.outcomes)))];
    return outcomes.map((outcome) => ({ ...estimate(round.units, outcome, z, `${at} (horizon ${round.horizon})`), horizon: round.horizon }));
  });
}

/** Weighted sums of one arm for one outcome. */
interface ArmSums {
  n: number;
  weight: number;
  mean: number;
  /** Σ w (y − mean)² */
  spread: number;
  /** Σ w² (y − mean)² */
  sandwich: number;
}

function estimate(units: readonly TrialUnit[], outcome: string, z: number, where: string): IttEstimate {
  const treatment = sums(units, outcome, 'treatment', where);
  const control = sums(units, outcome, 'control', where);
  const variance = (a: ArmSums) => ((a.n / (a.n - 1)) * a.sandwich) / (a.weight * a.weight);
  const effect = treatment.mean - control.mean;
  const se = Math.sqrt(variance(treatment) + variance(control));
  const controlSd = Math.sqrt(control.spread / control.weight);
  return {
    outcome,
    controlMean: control.mean,
    treatmentMean: treatment.mean,
    effect,
    se,
    low: effect - z * se,
    high: effect + z * se,
    p: se > 0 ? 2 * normalCdf(-Math.abs(effect / se)) : NaN,
    controlSd,
    standardised: controlSd > 0 ? effect / controlSd : NaN,
    nTreatment: treatment.n,
    nControl: control.n,
  };
}

function sums(units: readonly TrialUnit[], outcome: string, arm: Arm, where: string): ArmSums {
  const ys: number[] = [];
  const ws: number[] = [];
  for (const u of units) {
    const y = u.outcomes[outcome];
    if (u.arm !== arm || !observed(y)) continue;
    ys.push(y);
    ws.push(u.weight ?? 1);
  }
  const n = ys.length;
  if (n < 2) throw new Error(`${where}: "${outcome}": expected at least 2 ${arm} households with the outcome, got ${n}; no standard error`);
  let weight = 0;
  let total = 0;
  for (let j = 0; j < n; j++) {
    weight += ws[j];
    total += ws[j] * ys[j];
  }
  const mean = total / weight;
  let spread = 0;
  let sandwich = 0;
  for (let j = 0; j < n; j++) {
    const e = ws[j] * (ys[j] - mean);
    spread += e * (ys[j] - mean);
    sandwich += e * e;
  }
  return { n, weight, mean, spread, sandwich };
}

const observed = (y: number | null | undefined): y is number => y !== undefined && y !== null && !Number.isNaN(y);

/** Throws unless every unit has a known arm, a finite weight > 0 and outcome values that are numbers or missing. */
function checkUnits(units: readonly TrialUnit[], where: string): void {
  if (!Array.isArray(units as unknown)) throw new Error(`${where}: "units": expected a list of { arm, weight, outcomes }, got ${String(units)}`);
  units.forEach((u, j) => {
    const at = `${where}: units[${j}]`;
    if (!ARMS.includes(u?.arm)) throw new Error(`${at}: expected "arm" to be ${ARMS.map((a) => `"${a}"`).join(' or ')}, got ${JSON.stringify(u?.arm)}`);
    if (u.weight !== undefined && !(u.weight > 0 && u.weight < Infinity)) throw new Error(`${at}: expected a "weight" > 0 (households represented), got ${String(u.weight)}`);
    if (typeof u.outcomes !== 'object' || u.outcomes === null) throw new Error(`${at}: expected "outcomes" by name, e.g. { consumption: 812000 }, got ${String(u.outcomes)}`);
    for (const [name, y] of Object.entries(u.outcomes)) {
      if (observed(y) && (typeof y !== 'number' || !Number.isFinite(y))) throw new Error(`${at}: expected outcome "${name}" to be a finite number or missing, got ${String(y)}`);
    }
  });
}

/** z = Φ⁻¹((1 + confidence) / 2): 1.96 for 0.95. */
function confidenceZ(confidence: number = CONFIDENCE, where: string): number {
  if (!(confidence > 0 && confidence < 1)) throw new Error(`${where}: "confidence": expected a coverage in (0, 1), e.g. 0.95, got ${String(confidence)}`);
  return normalQuantile((1 + confidence) / 2);
}
