/**
 * The record: the official figures of data/targets/targets.csv, one series per line, each with the
 * model indicator and group it is compared with, how it is read from the model's months (`measure`:
 * the value of one month; the peak or the sum of the monthly values over the period), its source,
 * period, unit, series and an uncertainty (sd). Values are read in the unit they were published in
 * and converted once, here, to the model's unit (a percentage to a share, millions to a count,
 * trillions of rupiah to rupiah, BPS's P1 on its 0–100 scale to the model's 0–1).
 *
 * A figure is an outcome the model produces or an input it is given (a poverty line: shown beside
 * the record to check it is read as published). The rows marked `calibrate` are the calibration's
 * targets (loadTargets); every row is the history view's record (loadRecord).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, shown } from '../parameters/load';
import { parseCsv } from '../population/csv';
import { measureProblems } from '../experiment/points';
import type { Measure } from '../experiment/points';
import { formatMonth, monthOf } from '../calendar/months';
import { didYouMean, nearest, ProblemError, refuse, type Problem } from '../problems/index';
import { loadPopulationData } from '../population/index';

export const TARGETS_FILE = join(REPO_ROOT, 'data', 'targets', 'targets.csv');

const COLUMNS = ['id', 'indicator', 'group', 'month', 'value', 'unit', 'series', 'period', 'measure', 'sd', 'sd_basis', 'source', 'url', 'confidence', 'kind', 'calibrate', 'notes'] as const;

/** Published unit → factor to the model's unit. */
const UNITS: Readonly<Record<string, number>> = {
  'percent of persons': 0.01,
  'index x 100': 0.01,
  persons: 1,
  'million persons': 1e6,
  'million households': 1e6,
  'Rp per person per month': 1,
  'Rp trillion': 1e12,
  'Gini ratio': 1,
};

/**
 * How a figure is read from the model's monthly values: 'month' — the value in `month`; 'peak' —
 * the highest monthly value over the period (families a programme reaches in a round); 'sum' — the
 * monthly values added over the period (a year's spending against the monthly `<programme>_spend`).
 */
export const MEASURES = ['month', 'peak', 'sum'] as const;
export type FigureMeasure = (typeof MEASURES)[number];

/** 'outcome': the model produces it; 'input': the model is given it (a poverty line). */
export const KINDS = ['outcome', 'input'] as const;
export type FigureKind = (typeof KINDS)[number];

/** One official figure the model is compared with. */
export interface Target extends Measure {
  readonly id: string;
  /** In the model's unit. */
  readonly value: number;
  /** Uncertainty of the figure in the model's unit (the distance's sd). */
  readonly sd: number;
  /** As published: the value, its unit and the sd in that unit. */
  readonly published: { readonly value: number; readonly unit: string; readonly sd: number };
  readonly series: string;
  readonly period: string;
  readonly measure: FigureMeasure;
  /** The months the figure reads, in order: `month` alone, or every month of the period. */
  readonly months: readonly string[];
  readonly kind: FigureKind;
  /** Whether the calibration uses it (fitted, held out or reported as a check). */
  readonly calibrate: boolean;
  readonly source: string;
  readonly url: string;
  readonly confidence: string;
  readonly notes: string;
}

/** The months of a period "YYYY", "YYYY-MM" or "YYYY-MM to YYYY-MM", or undefined for anything else. */
export function periodMonths(period: string): string[] | undefined {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2]))?(?: to (\d{4})-(0[1-9]|1[0-2]))?$/.exec(period);
  if (!m || (m[3] !== undefined && m[2] === undefined)) return undefined;
  const first = m[2] === undefined ? monthOf(`${m[1]}-01`) : monthOf(`${m[1]}-${m[2]}`);
  const last = m[2] === undefined ? monthOf(`${m[1]}-12`) : m[3] === undefined ? first : monthOf(`${m[3]}-${m[4]}`);
  if (last < first) return undefined;
  return Array.from({ length: last - first + 1 }, (_, k) => formatMonth(first + k));
}

/**
 * Every figure of `file` (default data/targets/targets.csv), checked: each problem names the file,
 * row and column. A figure the calibration uses must name a known indicator and a month from the
 * model's start on, read in that month; the others may name any indicator (a run that has none is
 * told "not modelled") and any month.
 */
export function loadRecord(file: string = TARGETS_FILE): Target[] {
  const where = shown(file);
  const text = readFileSync(file, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).trim();
  if (header !== COLUMNS.join(',')) throw new ProblemError([{ file: where, path: 'header', expected: `"${COLUMNS.join(',')}"`, got: `"${header}"` }]);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const targets = parseCsv(text, where).map((r, k): Target => {
    const at = `row ${k + 2}${r.id ? ` (${r.id})` : ''}`;
    const problem = (column: string, expected: string, got?: string) => problems.push({ file: where, path: `${at}: ${column}`, expected, got });
    const number = (column: 'value' | 'sd') => {
      const x = Number(r[column]);
      if (r[column] === '' || !Number.isFinite(x) || x < 0 || (column === 'sd' && x === 0)) problem(column, `a ${column === 'sd' ? 'positive' : 'non-negative'} number`, `"${r[column]}"`);
      return x;
    };
    const oneOf = <C extends string>(column: string, choices: readonly C[]): C => {
      if (!(choices as readonly string[]).includes(r[column])) problem(column, `one of ${choices.join(', ')}`, `"${r[column]}"`);
      return r[column] as C;
    };
    if (!/^[a-z0-9_]+$/.test(r.id)) problem('id', 'lower-case letters, digits and _', `"${r.id}"`);
    if (seen.has(r.id)) problem('id', 'an id no other row has', `"${r.id}" a second time`);
    seen.add(r.id);
    const factor = UNITS[r.unit];
    if (factor === undefined) problem('unit', `one of ${Object.keys(UNITS).map((u) => `"${u}"`).join(', ')}`, `"${r.unit}"`);
    for (const column of ['series', 'period', 'source', 'confidence'] as const) if (!r[column]) problem(column, 'a value', 'nothing');
    const value = number('value');
    const sd = number('sd');
    const measure = oneOf('measure', MEASURES);
    const kind = oneOf('kind', KINDS);
    const calibrate = oneOf('calibrate', ['yes', 'no'] as const) === 'yes';
    let months = [r.month];
    if (calibrate) {
      // A figure the calibration uses is read from a run, which starts at a Susenas round at the earliest.
      for (const p of measureProblems({ indicator: r.indicator, group: r.group, month: r.month }, loadPopulationData().rounds[0].round)) problems.push({ ...p, file: where, path: `${at}: ${p.path}` });
      if (measure !== 'month') problem('measure', 'month for a figure the calibration uses (it reads one month)', `"${measure}"`);
    } else {
      if (!/^[a-z0-9_.]+$/.test(r.indicator)) problem('indicator', 'an indicator id: lower-case letters, digits, _ and .', `"${r.indicator}"`);
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(r.month)) problem('month', 'a month YYYY-MM', `"${r.month}"`);
    }
    if (!r.group) problem('group', 'a group such as "national" or "area:urban"', 'nothing');
    if (measure !== 'month' && r.period) {
      const inPeriod = periodMonths(r.period);
      if (inPeriod === undefined) problem('period', 'a period YYYY, YYYY-MM or "YYYY-MM to YYYY-MM" for a peak or a sum', `"${r.period}"`);
      else if (inPeriod.at(-1) !== r.month) problem('month', `the last month of the period, ${inPeriod.at(-1)}`, `"${r.month}"`);
      else months = inPeriod;
    }
    return {
      id: r.id,
      indicator: r.indicator,
      group: r.group,
      month: r.month,
      value: value * (factor ?? NaN),
      sd: sd * (factor ?? NaN),
      published: { value, unit: r.unit, sd },
      series: r.series,
      period: r.period,
      measure,
      months,
      kind,
      calibrate,
      source: r.source,
      url: r.url,
      confidence: r.confidence,
      notes: r.notes,
    };
  });
  refuse(problems);
  return targets;
}

/** The calibration's targets: the figures of `file` (default data/targets/targets.csv) marked `calibrate`. */
export function loadTargets(file: string = TARGETS_FILE): Target[] {
  return loadRecord(file).filter((t) => t.calibrate);
}

/** The targets with these ids, in this order; unknown ids are refused (at the path `option`) with the ids there are. */
export function pickTargets(targets: readonly Target[], ids: readonly string[], option: string): Target[] {
  const known = targets.map((t) => t.id);
  refuse(ids.filter((id) => !known.includes(id)).map((id) => ({ path: option, expected: `ids of ${shown(TARGETS_FILE)}: ${known.join(', ')}`, got: `"${id}"`, hint: didYouMean(nearest(id, known)) })));
  return ids.map((id) => targets.find((t) => t.id === id)!);
}
