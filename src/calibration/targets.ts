/**
 * Calibration targets: the official figures of data/targets/targets.csv, one series per line, each
 * with the model indicator, group and month it is compared with, its source, period, unit, series and
 * an uncertainty (sd). Values are read in the unit they were published in and converted once, here,
 * to the model's unit (a percentage to a share, millions to a count, BPS's P1 on its 0–100 scale to
 * the model's 0–1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, shown } from '../parameters/load';
import { parseCsv } from '../population/csv';
import { measureProblems } from '../experiment/points';
import type { Measure } from '../experiment/points';
import { didYouMean, nearest, ProblemError, refuse, type Problem } from '../problems/index';

export const TARGETS_FILE = join(REPO_ROOT, 'data', 'targets', 'targets.csv');

const COLUMNS = ['id', 'indicator', 'group', 'month', 'value', 'unit', 'series', 'period', 'sd', 'sd_basis', 'source', 'url', 'confidence', 'notes'] as const;

/** Published unit → factor to the model's unit. */
const UNITS: Readonly<Record<string, number>> = {
  'percent of persons': 0.01,
  'index x 100': 0.01,
  'million persons': 1e6,
  'million households': 1e6,
  'Rp per person per month': 1,
};

/** One official figure the model is compared with. */
export interface Target extends Measure {
  readonly id: string;
  /** In the model's unit. */
  readonly value: number;
  /** Uncertainty of the figure in the model's unit (the distance's sd). */
  readonly sd: number;
  /** As published: the value and its unit. */
  readonly published: { readonly value: number; readonly unit: string };
  readonly series: string;
  readonly period: string;
  readonly source: string;
  readonly url: string;
  readonly confidence: string;
}

/** Every target of `file` (default data/targets/targets.csv), checked: each problem names the file, row and column. */
export function loadTargets(file: string = TARGETS_FILE): Target[] {
  const where = shown(file);
  const text = readFileSync(file, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).trim();
  if (header !== COLUMNS.join(',')) throw new ProblemError([{ file: where, path: 'header', expected: `"${COLUMNS.join(',')}"`, got: `"${header}"` }]);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const targets = parseCsv(text, where).map((r, k) => {
    const at = `row ${k + 2}${r.id ? ` (${r.id})` : ''}`;
    const problem = (column: string, expected: string, got?: string) => problems.push({ file: where, path: `${at}: ${column}`, expected, got });
    const number = (column: 'value' | 'sd') => {
      const x = Number(r[column]);
      if (r[column] === '' || !Number.isFinite(x) || x < 0 || (column === 'sd' && x === 0)) problem(column, `a ${column === 'sd' ? 'positive' : 'non-negative'} number`, `"${r[column]}"`);
      return x;
    };
    if (!/^[a-z0-9_]+$/.test(r.id)) problem('id', 'lower-case letters, digits and _', `"${r.id}"`);
    if (seen.has(r.id)) problem('id', 'an id no other row has', `"${r.id}" a second time`);
    seen.add(r.id);
    const factor = UNITS[r.unit];
    if (factor === undefined) problem('unit', `one of ${Object.keys(UNITS).map((u) => `"${u}"`).join(', ')}`, `"${r.unit}"`);
    for (const column of ['series', 'period', 'source', 'confidence'] as const) if (!r[column]) problem(column, 'a value', 'nothing');
    const value = number('value');
    const sd = number('sd');
    for (const p of measureProblems({ indicator: r.indicator, group: r.group, month: r.month })) problems.push({ ...p, file: where, path: `${at}: ${p.path}` });
    return {
      id: r.id,
      indicator: r.indicator,
      group: r.group,
      month: r.month,
      value: value * (factor ?? NaN),
      sd: sd * (factor ?? NaN),
      published: { value, unit: r.unit },
      series: r.series,
      period: r.period,
      source: r.source,
      url: r.url,
      confidence: r.confidence,
    };
  });
  refuse(problems);
  return targets;
}

/** The targets with these ids, in this order; unknown ids are refused (at the path `option`) with the ids there are. */
export function pickTargets(targets: readonly Target[], ids: readonly string[], option: string): Target[] {
  const known = targets.map((t) => t.id);
  refuse(ids.filter((id) => !known.includes(id)).map((id) => ({ path: option, expected: `ids of ${shown(TARGETS_FILE)}: ${known.join(', ')}`, got: `"${id}"`, hint: didYouMean(nearest(id, known)) })));
  return ids.map((id) => targets.find((t) => t.id === id)!);
}
