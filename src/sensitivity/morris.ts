/**
 * Morris screening: which parameters matter at all, from few runs (Morris 1991, Technometrics 33:
 * 161–174; Campolongo, Cariboni & Saltelli 2007, Environ. Model. Softw. 22: 1509–1518).
 *
 * Each parameter's unit interval is cut into a grid of p levels {0, 1/(p − 1), …, 1}, and
 * Δ = p / (2(p − 1)) (2/3 for p = 4). A trajectory starts at a random grid point and moves one
 * parameter at a time, in random order, by +Δ or −Δ (random direction, staying on the grid), so r
 * trajectories cost r(k + 1) runs. Each move gives an elementary effect of the parameter moved,
 *   EE_i = (f(x after) − f(x before)) / step,   step = ±Δ in the unit cube,
 * i.e. the output's change per whole range of the parameter, so parameters in different units
 * compare. Over the r effects of each parameter: μ* = mean |EE| (Campolongo et al. 2007: its overall
 * importance), μ = mean EE (near 0 beside a large μ* when effects change sign: non-monotone or
 * interacting) and σ = their sample standard deviation (non-linear or interacting when large).
 *
 * Draws come from the stream "sensitivity.morris" (src/model/random.ts), indexed by trajectory and
 * parameter: the same seed gives the same trajectories on any machine. Trajectories are drawn
 * independently; Campolongo et al.'s selection of the r most spread out of many candidates is not
 * done.
 */
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { runKey, stream, uniform } from '../model/random';
import type { Seed } from '../model/random';
import type { ModelOutput, ParameterRange } from '../experiment/ranges';
import { checkCount, checkOutputs, checkRanges, checkSeed, toParameterUnits } from '../experiment/ranges';

/** One step of a trajectory: the parameter moved (its index in `parameters`) and the signed step in the unit cube (±Δ). */
export interface MorrisMove {
  readonly parameter: number;
  readonly step: number;
}

/** The points at which to run the model for Morris screening. Plain data: it can be sent to workers or saved as JSON. */
export interface MorrisDesign {
  readonly method: 'morris';
  readonly parameters: readonly ParameterRange[];
  /** Trajectories (r). */
  readonly trajectories: number;
  /** Grid levels per parameter (p). */
  readonly levels: number;
  /** The step Δ = p / (2(p − 1)), as a share of each range. */
  readonly delta: number;
  readonly seed: Seed;
  /** The r(k + 1) points to run, in parameter units, trajectory after trajectory (trajectory t is points t(k + 1) … t(k + 1) + k). */
  readonly points: number[][];
  /** The r·k moves in order: move t·k + m goes from point t(k + 1) + m to the next point. */
  readonly moves: readonly MorrisMove[];
}

/** A parameter's Morris statistics over its r elementary effects, in output units per whole range of the parameter. */
export interface MorrisEffect {
  readonly parameter: string;
  /** μ*: mean absolute elementary effect — overall importance; 0 for a parameter the output ignores. */
  readonly muStar: number;
  /** μ: mean elementary effect (signed). */
  readonly mu: number;
  /** σ: sample standard deviation of the elementary effects — non-linearity or interaction. */
  readonly sigma: number;
}

/** Default grid levels (p). */
export const LEVELS = 4;

/**
 * The Morris design: `trajectories` (r ≥ 2) trajectories over `parameters` on a grid of `levels`
 * (p, even, ≥ 2; default 4). Throws on bad counts, an empty parameter list, a duplicate name or a
 * range with min ≥ max.
 */
export function morrisDesign(parameters: readonly ParameterRange[], trajectories: number, seed: Seed, options: { readonly levels?: number } = {}): MorrisDesign {
  const where = 'morrisDesign';
  const { levels = LEVELS } = options;
  checkRanges(parameters, where);
  checkCount(trajectories, 'trajectories', 2, 'r, for a standard deviation of the effects', where);
  checkSeed(seed, where);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new Error(`${where}: "levels": expected an even integer ≥ 2 (grid levels p; odd p puts x + Δ off the grid), got ${String(levels)}`);
  }
  const k = parameters.length;
  const delta = levels / (2 * (levels - 1));
  const s = stream(runKey(seed), 'sensitivity.morris');
  const points: number[][] = [];
  const moves: MorrisMove[] = [];
  for (let t = 0; t < trajectories; t++) {
    // Base levels 0 … p/2 − 1 leave room for +Δ; a parameter moving down starts Δ higher.
    const x: number[] = [];
    const end: number[] = [];
    for (let i = 0; i < k; i++) {
      const low = Math.floor(uniform(s, t, i, 0) * (levels / 2)) / (levels - 1);
      const up = uniform(s, t, i, 1) < 0.5;
      x.push(up ? low : low + delta);
      end.push(up ? low + delta : low);
    }
    const order = Array.from({ length: k }, (_, i) => i);
    for (let m = k - 1; m > 0; m--) {
      const swap = Math.floor(uniform(s, t, m, 2) * (m + 1)); // Fisher–Yates
      [order[m], order[swap]] = [order[swap], order[m]];
    }
    points.push(toParameterUnits(parameters, x));
    for (const i of order) {
      moves.push({ parameter: i, step: end[i] > x[i] ? delta : -delta });
      x[i] = end[i];
      points.push(toParameterUnits(parameters, x));
    }
  }
  return { method: 'morris', parameters: parameters.map(({ name, min, max }) => ({ name, min, max })), trajectories, levels, delta, seed, points, moves };
}

/**
 * μ*, μ and σ of each parameter's elementary effects. `outputs[j]` is the model's output at
 * `design.points[j]`. Throws if the count differs from the design's or an output is not finite.
 */
export function morrisEffects(design: MorrisDesign, outputs: ArrayLike<number>): MorrisEffect[] {
  const { parameters, trajectories, moves } = design;
  const k = parameters.length;
  checkOutputs(outputs, trajectories * (k + 1), `r(k + 1) = ${trajectories} × ${k + 1}`, 'morrisEffects');
  const effects = parameters.map(() => [] as number[]);
  moves.forEach((move, index) => {
    const before = index + Math.floor(index / k); // each trajectory has one more point than moves
    effects[move.parameter].push((outputs[before + 1] - outputs[before]) / move.step);
  });
  return parameters.map((p, i) => ({
    parameter: p.name,
    muStar: mean(effects[i].map(Math.abs)),
    mu: mean(effects[i]),
    sigma: sampleStandardDeviation(effects[i]),
  }));
}

/**
 * Morris screening of `model` over `parameters` in one call: the design, r(k + 1) runs in this
 * thread, then the effects. For cheap functions and tests; for the agent-based model make the design
 * with `morrisDesign`, run its points elsewhere and pass the outputs to `morrisEffects`.
 */
export function morrisScreening(parameters: readonly ParameterRange[], model: ModelOutput, options: { readonly trajectories: number; readonly seed: Seed; readonly levels?: number }): MorrisEffect[] {
  const design = morrisDesign(parameters, options.trajectories, options.seed, options);
  return morrisEffects(design, design.points.map(model));
}
