/**
 * Published effects beside a virtual trial's: each row of an evidence file (data/evidence/*.csv, e.g.
 * brac-tup.csv, BRAC's "Targeting the Ultra-Poor" after four years) next to the model's estimate of
 * the same measure at the same horizon.
 *
 * Measures: "percent_change" — the effect as a percentage of the control mean, 100 · effect /
 * control mean; "ratio" — the treatment mean over the control mean, 1 + effect / control mean. Their
 * intervals divide the effect's 95 % interval by the control mean, so they ignore the (smaller)
 * uncertainty of the control mean itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../population/csv';
import { OUTCOMES } from './outcomes';
import type { Outcome, TrialEstimate } from './outcomes';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const MEASURES = ['percent_change', 'ratio'] as const;
export type Measure = (typeof MEASURES)[number];

/** One published effect: a row of an evidence file. */
export interface PublishedEffect {
  readonly study: string;
  /** Short name, e.g. "earnings". */
  readonly outcome: string;
  /** As the study names it, e.g. "per-capita nondurable consumption". */
  readonly publishedOutcome: string;
  /** The trial outcome it is compared with, or null when the model has none (savings). */
  readonly modelOutcome: Outcome | null;
  readonly horizon: number;
  readonly measure: Measure;
  /** "" exact, ">" more than, "~" about. */
  readonly qualifier: '' | '>' | '~';
  readonly value: number;
  /** The value in another version of the paper, if one differs. */
  readonly valueOtherVersion: number | null;
  readonly source: string;
  readonly url: string;
  readonly confidence: string;
  readonly notes: string;
}

/** A published effect with the model's estimate of the same measure (NaN when it has none). */
export interface PublishedComparison extends PublishedEffect {
  readonly model: number;
  readonly modelLow: number;
  readonly modelHigh: number;
}

const COLUMNS = ['study', 'outcome', 'published_outcome', 'model_outcome', 'horizon_months', 'measure', 'qualifier', 'value', 'value_other_version', 'source', 'url', 'confidence', 'notes'] as const;

/** The published effects of an evidence file (a path relative to the repository). Throws naming the file, line and column of a bad value. */
export function readPublished(file: string): PublishedEffect[] {
  const records = parseCsv(readFileSync(join(ROOT, file), 'utf8'), file);
  return records.map((r, k) => {
    const at = `${file}: line ${k + 2}`;
    for (const c of COLUMNS) if (!(c in r)) throw new Error(`${file}: expected a column "${c}"`);
    const number = (column: string, text: string) => {
      const x = Number(text);
      if (text.trim() === '' || !Number.isFinite(x)) throw new Error(`${at}: ${column}: expected a number, got "${text}"`);
      return x;
    };
    if (!(MEASURES as readonly string[]).includes(r.measure)) throw new Error(`${at}: measure: expected ${MEASURES.join(' or ')}, got "${r.measure}"`);
    if (!['', '>', '~'].includes(r.qualifier)) throw new Error(`${at}: qualifier: expected "", ">" or "~", got "${r.qualifier}"`);
    if (r.model_outcome !== '' && !(OUTCOMES as readonly string[]).includes(r.model_outcome)) throw new Error(`${at}: model_outcome: expected one of ${OUTCOMES.join(', ')} or empty, got "${r.model_outcome}"`);
    const horizon = number('horizon_months', r.horizon_months);
    if (!Number.isInteger(horizon) || horizon < 1) throw new Error(`${at}: horizon_months: expected a whole number of months ≥ 1, got "${r.horizon_months}"`);
    return {
      study: r.study,
      outcome: r.outcome,
      publishedOutcome: r.published_outcome,
      modelOutcome: r.model_outcome === '' ? null : (r.model_outcome as Outcome),
      horizon,
      measure: r.measure as Measure,
      qualifier: r.qualifier as PublishedEffect['qualifier'],
      value: number('value', r.value),
      valueOtherVersion: r.value_other_version === '' ? null : number('value_other_version', r.value_other_version),
      source: r.source,
      url: r.url,
      confidence: r.confidence,
      notes: r.notes,
    };
  });
}

/** Each published effect beside the model's estimate from `itt` (NaN when the model has no such outcome or horizon). */
export function comparePublished(published: readonly PublishedEffect[], itt: readonly TrialEstimate[]): PublishedComparison[] {
  return published.map((p) => {
    const row = p.modelOutcome === null ? undefined : itt.find((r) => r.outcome === p.modelOutcome && r.horizon === p.horizon);
    if (!row) return { ...p, model: NaN, modelLow: NaN, modelHigh: NaN };
    const [scale, shift] = p.measure === 'percent_change' ? [100, 0] : [1, 1];
    const of = (effect: number) => shift + (scale * effect) / row.controlMean;
    return { ...p, model: of(row.effect), modelLow: of(row.low), modelHigh: of(row.high) };
  });
}
