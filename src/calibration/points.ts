/** Points by parameter name: how results and error messages show a point (number[] in `parameters` order). */
import type { ParameterRange } from '../experiment/ranges';

/** `{ name: value }` for a point in parameter units (point[i] is parameters[i]). */
export function named(parameters: readonly ParameterRange[], point: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  parameters.forEach((p, i) => (out[p.name] = point[i]));
  return out;
}

/** A point for an error message: `{ a: 1, b: 2 }`. */
export function formatPoint(parameters: readonly ParameterRange[], point: ArrayLike<number>): string {
  return `{ ${parameters.map((p, i) => `${p.name}: ${point[i]}`).join(', ')} }`;
}
