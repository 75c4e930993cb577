/**
 * Nelder–Mead: the simplex method for fitting parameters within their ranges (Nelder & Mead 1965,
 * Comput. J. 7: 308–313; coefficients and steps as in Lagarias, Reeds, Wright & Wright 1998, SIAM J.
 * Optim. 9: 112–147). It needs no gradient and tolerates a rough objective, which is why it is the
 * usual first choice for calibrating a simulation model against targets.
 *
 * The search runs in the unit cube: a point u ∈ [0, 1]^k stands for min + u · (max − min), as in
 * src/experiment/ranges.ts, so every parameter moves in shares of its range whatever its unit. A
 * simplex of k + 1 vertices starts at `start` and at `start` moved by `step` along each axis (inwards
 * where outwards would leave the range). Each iteration replaces the worst vertex by reflecting it
 * through the centroid of the others (coefficient 1), expanding (2) or contracting (1/2, outside or
 * inside), or else shrinks every vertex halfway towards the best.
 *
 * Bounds: a trial point outside the cube is clamped onto it, coordinate by coordinate (projection onto
 * the box). A minimum on a bound is then reached exactly, and f is never called outside the ranges
 * (where the model may be undefined). The price is that clamped vertices can fall onto a face and the
 * simplex can collapse there; so, as Press et al. advise (Numerical Recipes, 3rd ed., §10.5), when the
 * tolerances are met the search restarts from the best point with a fresh simplex, and it stops only
 * when a restart improves f by no more than `fTolerance`.
 *
 * Converged means: on the simplex the values differ by at most `fTolerance` (absolute, in f's unit)
 * and every vertex is within `xTolerance` (a share of each range) of the best, and a restart found
 * nothing better. The method is deterministic: no random draws, ties are broken by vertex order.
 */
import type { ModelOutput, ParameterRange } from '../experiment/ranges';
import { checkCount, checkRanges, toParameterUnits } from '../experiment/ranges';
import { formatPoint, named } from './points';

export interface NelderMeadOptions {
  /** Where to start, by parameter name, in parameter units; within the ranges. Default: the centre of every range. */
  readonly start?: Readonly<Record<string, number>>;
  /** Edge of the initial simplex, as a share of each range, in (0, 1]. Default 0.1. */
  readonly step?: number;
  /** Largest spread of f over the simplex at convergence, in f's unit (absolute). Default 1e-4. */
  readonly fTolerance?: number;
  /** Largest distance of a vertex from the best at convergence, per coordinate, as a share of the range. Default 1e-4. */
  readonly xTolerance?: number;
  /** Most calls of f, at least k + 1. Default 200 · k (as scipy's `minimize`). */
  readonly maxEvaluations?: number;
  /** Keep every evaluation in `history`. Default false. */
  readonly history?: boolean;
}

/** One call of f, in order. */
export interface Evaluation {
  /** 1 for the first call. */
  readonly evaluation: number;
  readonly point: Readonly<Record<string, number>>;
  readonly value: number;
}

export interface NelderMeadResult {
  /** The best point found, by parameter name, in parameter units. */
  readonly point: Readonly<Record<string, number>>;
  /** f at `point`. */
  readonly value: number;
  /** Calls of f made. */
  readonly evaluations: number;
  /** The tolerances were met and a restart found nothing better; false when `maxEvaluations` ran out first. */
  readonly converged: boolean;
  /** Restarts from the best point made. */
  readonly restarts: number;
  /** Every evaluation, in order (only with `history: true`). */
  readonly history?: readonly Evaluation[];
}

/** Default edge of the initial simplex (share of each range). */
export const STEP = 0.1;
/** Default tolerance on the spread of f over the simplex. */
export const F_TOLERANCE = 1e-4;
/** Default tolerance on the size of the simplex (share of each range). */
export const X_TOLERANCE = 1e-4;

const REFLECT = 1;
const EXPAND = 2;
const CONTRACT = 0.5;
const SHRINK = 0.5;

/** Thrown inside the search when the evaluation budget is spent; never escapes `nelderMead`. */
const OUT_OF_BUDGET = Symbol('out of budget');

/**
 * Minimise `f` over the box `parameters` by Nelder–Mead with clamping at the bounds and restarts (see
 * the module comment). `f` receives a point in parameter units (point[i] is parameters[i]) and returns
 * a number; Infinity marks a point to avoid, NaN is refused. Throws on bad ranges or options, a start
 * outside its range or naming an unknown parameter, and a NaN from f (naming the point).
 */
export function nelderMead(parameters: readonly ParameterRange[], f: ModelOutput, options: NelderMeadOptions = {}): NelderMeadResult {
  const where = 'nelderMead';
  checkRanges(parameters, where);
  const k = parameters.length;
  const { step = STEP, fTolerance = F_TOLERANCE, xTolerance = X_TOLERANCE, maxEvaluations = 200 * k, history: keep = false } = options;
  if (typeof f !== 'function') throw new Error(`${where}: "f": expected a function of a point (number[]) returning a number, got ${String(f)}`);
  if (!(step > 0 && step <= 1)) throw new Error(`${where}: "step": expected a share of each range in (0, 1], e.g. 0.1, got ${String(step)}`);
  for (const [name, value] of [['fTolerance', fTolerance], ['xTolerance', xTolerance]] as const) {
    if (!(value >= 0 && value < Infinity)) throw new Error(`${where}: "${name}": expected a finite number ≥ 0, got ${String(value)}`);
  }
  checkCount(maxEvaluations, 'maxEvaluations', k + 1, 'calls of f; the first simplex alone takes k + 1', where);
  const start = startOf(parameters, options.start, where);

  const history: Evaluation[] = [];
  let evaluations = 0;
  let best = { u: start, value: Infinity };
  const evaluate = (u: number[]): number => {
    if (evaluations >= maxEvaluations) throw OUT_OF_BUDGET;
    const x = toParameterUnits(parameters, u);
    const value = f(x);
    evaluations++;
    if (typeof value !== 'number' || Number.isNaN(value)) {
      throw new Error(`${where}: "f" returned ${String(value)} at ${formatPoint(parameters, x)} (evaluation ${evaluations}); expected a number (Infinity marks a point to avoid)`);
    }
    if (keep) history.push({ evaluation: evaluations, point: named(parameters, x), value });
    if (value < best.value) best = { u, value };
    return value;
  };

  let restarts = 0;
  let converged = false;
  try {
    let value = evaluate(start);
    for (;;) {
      const before = value;
      value = search(best.u, value, k, step, fTolerance, xTolerance, evaluate);
      if (restarts > 0 && before - value <= fTolerance) {
        converged = true;
        break;
      }
      restarts++;
    }
  } catch (error) {
    if (error !== OUT_OF_BUDGET) throw error;
  }
  const result = { point: named(parameters, toParameterUnits(parameters, best.u)), value: best.value, evaluations, converged, restarts };
  return keep ? { ...result, history } : result;
}

/**
 * One Nelder–Mead search in the unit cube from vertex `u0` (whose value is known), until the simplex
 * meets both tolerances; returns the best value on it (the best point is tracked by `evaluate`).
 */
function search(u0: number[], f0: number, k: number, step: number, fTolerance: number, xTolerance: number, evaluate: (u: number[]) => number): number {
  const simplex: { u: number[]; value: number }[] = [{ u: u0, value: f0 }];
  for (let i = 0; i < k; i++) {
    const u = u0.slice();
    u[i] = u0[i] + step <= 1 ? u0[i] + step : u0[i] - step;
    simplex.push({ u, value: evaluate(u) });
  }
  for (;;) {
    simplex.sort((a, b) => a.value - b.value || 0); // stable: ties keep their order
    const bestVertex = simplex[0];
    const worst = simplex[k];
    if (worst.value - bestVertex.value <= fTolerance && size(simplex) <= xTolerance) return bestVertex.value;

    const centroid = new Array<number>(k).fill(0);
    for (let j = 0; j < k; j++) for (let i = 0; i < k; i++) centroid[i] += simplex[j].u[i] / k;
    const along = (t: number) => centroid.map((c, i) => clamp(c + t * (c - worst.u[i])));

    const reflected = along(REFLECT);
    const fr = evaluate(reflected);
    if (fr < bestVertex.value) {
      const expanded = along(EXPAND);
      // Clamping can put the expansion on the reflection; do not pay twice for one point.
      const fe = same(expanded, reflected) ? Infinity : evaluate(expanded);
      simplex[k] = fe < fr ? { u: expanded, value: fe } : { u: reflected, value: fr };
      continue;
    }
    if (fr < simplex[k - 1].value) {
      simplex[k] = { u: reflected, value: fr };
      continue;
    }
    const outside = fr < worst.value;
    const contracted = outside ? centroid.map((c, i) => c + CONTRACT * (reflected[i] - c)) : along(-CONTRACT);
    const fc = evaluate(contracted);
    if (outside ? fc <= fr : fc < worst.value) {
      simplex[k] = { u: contracted, value: fc };
      continue;
    }
    for (let j = 1; j <= k; j++) {
      const u = simplex[j].u.map((v, i) => bestVertex.u[i] + SHRINK * (v - bestVertex.u[i]));
      simplex[j] = { u, value: evaluate(u) };
    }
  }
}

/** The start in the unit cube: `start` by name, or the centre of the box. */
function startOf(parameters: readonly ParameterRange[], start: Readonly<Record<string, number>> | undefined, where: string): number[] {
  if (start === undefined) return parameters.map(() => 0.5);
  if (typeof start !== 'object' || start === null) throw new Error(`${where}: "start": expected a point by parameter name, e.g. { "${parameters[0].name}": ${parameters[0].min} }, got ${String(start)}`);
  for (const name of Object.keys(start)) {
    if (!parameters.some((p) => p.name === name)) throw new Error(`${where}: "start": "${name}" is not one of the parameters (${parameters.map((p) => p.name).join(', ')})`);
  }
  return parameters.map((p) => {
    const value = start[p.name];
    if (!(value >= p.min && value <= p.max)) throw new Error(`${where}: "start": expected "${p.name}" within its range [${p.min}, ${p.max}], got ${String(value)}`);
    return (value - p.min) / (p.max - p.min);
  });
}

/** The largest distance of a vertex from the best (vertex 0), over coordinates: the simplex's size in shares of the ranges. */
function size(simplex: readonly { u: number[] }[]): number {
  let largest = 0;
  for (let j = 1; j < simplex.length; j++) {
    for (let i = 0; i < simplex[0].u.length; i++) largest = Math.max(largest, Math.abs(simplex[j].u[i] - simplex[0].u[i]));
  }
  return largest;
}

const clamp = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
const same = (a: readonly number[], b: readonly number[]) => a.every((v, i) => v === b[i]);
