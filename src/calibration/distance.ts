/**
 * The distance between a model's outputs and the targets it is calibrated to: a weighted sum of
 * squared standardised errors,
 *   D = Σ_i weight_i · ((simulated_i − value_i) / sd_i)²,
 * where sd_i is the uncertainty of target i (the standard error of a survey estimate, or a tolerance
 * set by judgement). Dividing by sd_i puts targets in different units (a poverty rate, a monthly
 * income in rupiah) on one scale and lets the precise ones pull harder; with weights 1 and independent
 * normal errors D is the χ² statistic, −2 × the log-likelihood up to a constant (Hartig et al. 2011,
 * Ecol. Lett. 14: 816–827, on calibrating simulation models to data). It is what `nelderMead`
 * minimises and what ABC compares with its tolerance.
 */

/** A calibration target: an observed value of a named model output and its uncertainty. */
export interface CalibrationTarget {
  /** The model output it is compared with, e.g. "poverty_rate". */
  readonly name: string;
  /** The observed value, in the output's unit. */
  readonly value: number;
  /** Its uncertainty (standard deviation), in the same unit, > 0: the error that counts as 1. */
  readonly sd: number;
  /** The target's weight in the sum, ≥ 0. Default 1. */
  readonly weight?: number;
}

/**
 * Σ weight · ((simulated − value) / sd)² over `targets`. `simulated` maps output names to values;
 * names no target mentions are ignored. Throws if a target's output is missing or not finite, or a
 * target is malformed (empty name, sd ≤ 0, negative weight), naming the target.
 */
export function distance(simulated: Readonly<Record<string, number>>, targets: readonly CalibrationTarget[]): number {
  const where = 'distance';
  if (typeof simulated !== 'object' || simulated === null) throw new Error(`${where}: "simulated": expected model outputs by name, e.g. { poverty_rate: 0.09 }, got ${String(simulated)}`);
  if (!Array.isArray(targets) || targets.length === 0) throw new Error(`${where}: "targets": expected a non-empty list of { name, value, sd }, got ${Array.isArray(targets) ? 'an empty list' : String(targets)}`);
  let sum = 0;
  targets.forEach((t, i) => {
    const at = `${where}: targets[${i}]${typeof t?.name === 'string' ? ` "${t.name}"` : ''}`;
    const { name, value, sd, weight = 1 } = t ?? ({} as CalibrationTarget);
    if (typeof name !== 'string' || name === '') throw new Error(`${at}: expected a non-empty "name", got ${String(name)}`);
    if (!Number.isFinite(value)) throw new Error(`${at}: expected a finite "value", got ${String(value)}`);
    if (!(sd > 0 && sd < Infinity)) throw new Error(`${at}: expected an "sd" > 0 (the target's uncertainty, in its unit), got ${String(sd)}`);
    if (!(weight >= 0 && weight < Infinity)) throw new Error(`${at}: expected a "weight" ≥ 0, got ${String(weight)}`);
    if (!(name in simulated)) {
      throw new Error(`${at}: "simulated" has no "${name}"; expected a value for every target (simulated has ${Object.keys(simulated).map((n) => `"${n}"`).join(', ') || 'nothing'})`);
    }
    const s = simulated[name];
    if (!Number.isFinite(s)) throw new Error(`${at}: expected a finite simulated "${name}", got ${String(s)}`);
    const z = (s - value) / sd;
    sum += weight * z * z;
  });
  return sum;
}
