/**
 * The path a virtual trial's effects should follow: targets over several horizons, each with its
 * source (data/evidence/*-paths.csv, e.g. brac-tup-paths.csv), checked against the ITT table. Where
 * ./published.ts sets each published effect beside the model's at the published horizon, a path
 * says how effects should run over time: inside a published range at a horizon, at a later horizon
 * at least what they were at an earlier one (effects that persist), or business assets above the
 * value the package transferred.
 *
 * Rules:
 *   within              the relative effect (% of the control mean) lies in [low, high];
 *   at_least_horizon    the relative effect is at least the one at reference_horizon_months;
 *   at_least_transfer   the effect (Rp) is at least the capital the package transferred.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../population/csv';
import { OUTCOMES } from './outcomes';
import type { Outcome, TrialEstimate } from './outcomes';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const PATH_RULES = ['within', 'at_least_horizon', 'at_least_transfer'] as const;
export type PathRule = (typeof PATH_RULES)[number];

/** One target of a path: a row of a paths file. */
export interface PathTarget {
  readonly target: string;
  readonly outcome: Outcome;
  readonly horizon: number;
  readonly rule: PathRule;
  /** For "within": the range of the relative effect, percent. NaN otherwise. */
  readonly low: number;
  readonly high: number;
  /** For "at_least_horizon": the earlier horizon whose effect this one must reach. NaN otherwise. */
  readonly referenceHorizon: number;
  readonly source: string;
  readonly url: string;
  readonly confidence: string;
  readonly notes: string;
}

/** A target with the model's value and whether it is met. */
export interface PathCheck extends PathTarget {
  /** The model's value in the rule's unit: the relative effect in percent, or the effect in Rp for "at_least_transfer". NaN when the horizon was not measured. */
  readonly model: number;
  /** What the model must reach: the range's low end, the earlier horizon's effect, or the capital transferred. */
  readonly threshold: number;
  readonly met: boolean;
}

const COLUMNS = ['target', 'outcome', 'horizon_months', 'rule', 'low', 'high', 'reference_horizon_months', 'source', 'url', 'confidence', 'notes'] as const;

/** The targets of a paths file (a path relative to the repository). Throws naming the file, line and column of a bad value. */
export function readPaths(file: string): PathTarget[] {
  const records = parseCsv(readFileSync(join(ROOT, file), 'utf8'), file);
  return records.map((r, k) => {
    const at = `${file}: line ${k + 2}`;
    for (const c of COLUMNS) if (!(c in r)) throw new Error(`${file}: expected a column "${c}"`);
    const number = (column: string, text: string, required: boolean) => {
      if (text.trim() === '' && !required) return NaN;
      const x = Number(text);
      if (text.trim() === '' || !Number.isFinite(x)) throw new Error(`${at}: ${column}: expected a number, got "${text}"`);
      return x;
    };
    if (!(PATH_RULES as readonly string[]).includes(r.rule)) throw new Error(`${at}: rule: expected one of ${PATH_RULES.join(', ')}, got "${r.rule}"`);
    if (!(OUTCOMES as readonly string[]).includes(r.outcome)) throw new Error(`${at}: outcome: expected one of ${OUTCOMES.join(', ')}, got "${r.outcome}"`);
    const rule = r.rule as PathRule;
    const horizon = number('horizon_months', r.horizon_months, true);
    if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`${at}: horizon_months: expected a whole number of months ≥ 1, got "${r.horizon_months}"`);
    const low = number('low', r.low, rule === 'within');
    const high = number('high', r.high, rule === 'within');
    if (rule === 'within' && !(low <= high)) throw new Error(`${at}: high: expected at least low (${low}), got "${r.high}"`);
    const referenceHorizon = number('reference_horizon_months', r.reference_horizon_months, rule === 'at_least_horizon');
    return { target: r.target, outcome: r.outcome as Outcome, horizon, rule, low, high, referenceHorizon, source: r.source, url: r.url, confidence: r.confidence, notes: r.notes };
  });
}

/** Each target checked against the ITT table; `transferred` is the capital the package gave, Rp per household. */
export function checkPaths(targets: readonly PathTarget[], itt: readonly TrialEstimate[], transferred: number): PathCheck[] {
  const at = (outcome: Outcome, horizon: number) => itt.find((r) => r.outcome === outcome && r.horizon === horizon);
  return targets.map((t) => {
    const row = at(t.outcome, t.horizon);
    const reference = t.rule === 'at_least_horizon' ? at(t.outcome, t.referenceHorizon) : undefined;
    const model = row === undefined ? NaN : t.rule === 'at_least_transfer' ? row.effect : row.relativeEffect;
    const threshold = t.rule === 'within' ? t.low : t.rule === 'at_least_transfer' ? transferred : (reference?.relativeEffect ?? NaN);
    const met = t.rule === 'within' ? model >= t.low && model <= t.high : model >= threshold;
    return { ...t, model, threshold, met };
  });
}
