/**
 * Synthetic trials with a planted effect. Household i of trial t has outcome
 *   y = 10 + sd_arm · z + τ · treated,   z ~ N(0, 1)
 * (z from the project's STANDARD_NORMAL table, indexed by household and trial), and arms from
 * `randomise` with seed "trial-t". The ITT effect is τ by construction and the standard error of the
 * difference in means is √(σ_t²/n_t + σ_c²/n_c).
 */
import { randomise } from '../../src/trial/index';
import type { TrialUnit } from '../../src/trial/index';
import { STANDARD_NORMAL } from '../../src/model/normal-table';
import { bits, runKey, stream } from '../../src/model/random';

export interface Planted {
  readonly n: number;
  /** The planted effect τ, or τ per household. */
  readonly tau: number | ((i: number) => number);
  readonly sdTreatment: number;
  readonly sdControl: number;
  /** Treated share. Default 0.5. */
  readonly share?: number;
  /** Which simulated trial: other draws and another assignment. Default 0. */
  readonly trial?: number;
  /** Survey weight of household i. Default none (1). */
  readonly weight?: (i: number) => number;
}

const s = stream(runKey('planted-trials'), 'test.trial.outcome');

export function plantedTrial({ n, tau, sdTreatment, sdControl, share = 0.5, trial = 0, weight }: Planted): TrialUnit[] {
  const arms = randomise(Array.from({ length: n }, (_, i) => i), share, `trial-${trial}`);
  return arms.map((arm, i) => {
    const z = STANDARD_NORMAL[bits(s.k0, s.k1, i, trial, 0) >>> 20];
    const treated = arm === 'treatment';
    const effect = typeof tau === 'number' ? tau : tau(i);
    const y = 10 + (treated ? sdTreatment : sdControl) * z + (treated ? effect : 0);
    return weight ? { arm, weight: weight(i), outcomes: { consumption: y } } : { arm, outcomes: { consumption: y } };
  });
}

/** √(σ_t²/n_t + σ_c²/n_c) for a trial of n households, round(share · n) treated. */
export function analyticSe(n: number, share: number, sdTreatment: number, sdControl: number): number {
  const treated = Math.round(share * n);
  return Math.sqrt(sdTreatment ** 2 / treated + sdControl ** 2 / (n - treated));
}
