/**
 * The box a study samples: one interval per parameter, inputs taken as independent and uniform over
 * their intervals (what Sobol indices and Morris screening assume; Saltelli et al. 2008, Global
 * Sensitivity Analysis: The Primer, ch. 1; calibration searches the same box). It lives with the
 * experiment's parameter points (./points.ts), which every study runs, so calibration, sensitivity
 * and trials share it from below. Designs are drawn in the unit cube [0, 1]^k and
 * mapped onto the box by x = min + u · (max − min). A behaviour parameter's `range`
 * (data/parameters/behaviour) is such an interval:
 * `records.filter((r) => r.range).map((r) => ({ name: r.path, ...r.range }))`.
 *
 * The checks below run once, when a design is made or its outputs are read; errors name the
 * function, the argument and what was expected.
 */
import type { Seed } from '../model/random';

/** A parameter and the interval it varies over, in its own unit. */
export interface ParameterRange {
  /** Unique within a design, e.g. a parameter path such as "behaviour.community.income_effect". */
  readonly name: string;
  readonly min: number;
  /** Greater than `min`. */
  readonly max: number;
}

/** A model output as a function of one point in parameter units (point[i] is parameters[i]). */
export type ModelOutput = (point: number[]) => number;

/** Throws unless `parameters` is a non-empty list of uniquely named, finite intervals with min < max. */
export function checkRanges(parameters: readonly ParameterRange[], where: string): void {
  if (!Array.isArray(parameters) || parameters.length === 0) {
    throw new Error(`${where}: "parameters": expected a non-empty list of { name, min, max }, got ${Array.isArray(parameters) ? 'an empty list' : String(parameters)}`);
  }
  const seen = new Set<string>();
  parameters.forEach((p, i) => {
    const at = `${where}: parameters[${i}]${typeof p?.name === 'string' ? ` "${p.name}"` : ''}`;
    if (typeof p?.name !== 'string' || p.name === '') throw new Error(`${at}: expected a non-empty "name", got ${String(p?.name)}`);
    if (seen.has(p.name)) throw new Error(`${at}: expected a unique name, but parameters[${parameters.findIndex((q) => q.name === p.name)}] has it too`);
    seen.add(p.name);
    if (!Number.isFinite(p.min) || !Number.isFinite(p.max) || !(p.min < p.max)) {
      throw new Error(`${at}: expected finite numbers with min < max, got min ${String(p.min)}, max ${String(p.max)}`);
    }
  });
}

/** Throws unless `value` is an integer ≥ `least`; `meaning` says what the number counts. */
export function checkCount(value: number, name: string, least: number, meaning: string, where: string): void {
  if (!Number.isInteger(value) || value < least) throw new Error(`${where}: "${name}": expected an integer ≥ ${least} (${meaning}), got ${String(value)}`);
}

/** Throws unless `seed` is a finite number or a string. */
export function checkSeed(seed: Seed, where: string): void {
  if (!((typeof seed === 'number' && Number.isFinite(seed)) || typeof seed === 'string')) {
    throw new Error(`${where}: "seed": expected a finite number or a string, got ${String(seed)}`);
  }
}

/**
 * Throws unless `outputs` holds `expected` finite numbers; `layout` says how that count arises and
 * `name` what the argument is called (default "outputs"). A NaN or infinite output is refused by its
 * position, because it would silently poison every index.
 */
export function checkOutputs(outputs: ArrayLike<number>, expected: number, layout: string, where: string, name = 'outputs'): void {
  if (outputs?.length !== expected) {
    throw new Error(`${where}: "${name}": expected ${expected} values, one per design point (${layout}), got ${outputs?.length === undefined ? String(outputs) : outputs.length}`);
  }
  for (let j = 0; j < expected; j++) {
    if (!Number.isFinite(outputs[j])) throw new Error(`${where}: "${name}": expected finite numbers, got ${String(outputs[j])} at position ${j} (the output of points[${j}])`);
  }
}

/** A point of the unit cube in parameter units. */
export function toParameterUnits(parameters: readonly ParameterRange[], unit: ArrayLike<number>): number[] {
  return parameters.map((p, i) => p.min + unit[i] * (p.max - p.min));
}
