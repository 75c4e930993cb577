/**
 * The baseline beside the record, drawn: each figure's model value as a ratio to the official one
 * (recordRatios: a dot at the mean, a line from the 5th to the 95th percentile, a rule at 1), and
 * an indicator over time with the official figures on it (recordOverTime: the model's mean and band
 * by month, the record as points — before the run starts too, so a series of Susenas rounds leads
 * into the model's months).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../observe/summary';
import { indicatorEntry } from '../observe/indicators';
import type { HistoryRow } from '../history/index';
import type { Target } from '../calibration/targets';
import { HEIGHT, SCHEMA, WIDTH, config, monthAxis } from './frame';
import type { ChartOptions } from './frame';
import { groupLabel } from './labels';
import { replicates, select } from './rows';
import { axisTitle, indicatorLabel, largest, scaleFor, shortLabel, unitOf } from './units';
import { fill } from '../lang/index';
import type { Bilingual, Lang, Words } from '../lang/index';

const WORDS: Bilingual<{ readonly [key: string]: string }> = {
  en: {
    ratiosTitle: 'The baseline beside the record: model ÷ official',
    ratiosSubtitle: 'Each official figure the run spans; dot: mean of {n} replicates, line: 5th to 95th percentile; 1 = the official figure',
    ratioAxis: 'Model ÷ official (ratio)',
    figure: 'Figure',
    outcome: 'outcome',
    input: 'input (poverty line)',
    overTimeTitle: '{indicator}, {group}: the model beside the record',
    overTimeSubtitle: 'Line and band: mean of {n} replicates, 5th to 95th percentile; points: official figures',
    official: 'Official',
    model: 'Model',
    peak: 'peak',
    sum: 'sum',
    input_: 'input',
  },
  id: {
    ratiosTitle: 'Baseline di samping data resmi: model ÷ resmi',
    ratiosSubtitle: 'Setiap angka resmi dalam rentang simulasi; titik: rata-rata {n} replikasi, garis: persentil ke-5 sampai ke-95; 1 = angka resmi',
    ratioAxis: 'Model ÷ resmi (rasio)',
    figure: 'Angka',
    outcome: 'hasil',
    input: 'masukan (garis kemiskinan)',
    overTimeTitle: '{indicator}, {group}: model di samping data resmi',
    overTimeSubtitle: 'Garis dan rentang: rata-rata {n} replikasi, persentil ke-5 sampai ke-95; titik: angka resmi',
    official: 'Resmi',
    model: 'Model',
    peak: 'puncak',
    sum: 'jumlah',
    input_: 'masukan',
  },
};

/** Names of the record's indicators the model's catalogue does not have. */
const NOT_IN_CATALOGUE: { readonly [indicator: string]: Words } = {
  gini: { en: 'Gini ratio', id: 'Rasio Gini' },
};

/** A figure's indicator in words: the catalogue's name, or the record's own for one the model lacks (its id otherwise). */
export function figureIndicator(indicator: string, lang: Lang): string {
  return indicatorEntry(indicator)?.label[lang] ?? NOT_IN_CATALOGUE[indicator]?.[lang] ?? indicator;
}

/** When a figure is read: "2022-03", "peak 2022-09 – 2022-12", "sum 2023" (puncak, jumlah). */
export function figurePeriod(figure: Target, lang: Lang): string {
  return figure.measure === 'month' ? figure.month : `${WORDS[lang][figure.measure]} ${figure.period.replace(' to ', ' – ')}`;
}

/** A figure in a short line: indicator, group (unless national) and when, marked when it is an input. */
export function figureName(figure: Target, lang: Lang): string {
  const group = figure.group === 'national' ? '' : `, ${groupLabel(figure.group, lang)}`;
  const input = figure.kind === 'input' ? ` [${WORDS[lang].input_}]` : '';
  return `${figureIndicator(figure.indicator, lang)}${group}, ${figurePeriod(figure, lang)}${input}`;
}

/**
 * Every figure the run spans as model ÷ official: the mean over replicates (a dot) and the 5–95 %
 * band (a line), a rule at 1, outcomes and inputs in two colours; one row per figure, in the
 * record's order. Throws when no figure is in span.
 */
export function recordRatios(history: readonly HistoryRow[], options: Pick<ChartOptions, 'lang'> = {}): TopLevelSpec {
  const { lang = 'en' } = options;
  const w = WORDS[lang];
  const spanned = history.filter((r) => r.status === 'in span' && r.official !== 0);
  if (spanned.length === 0) throw new Error('recordRatios: no figure of the record is in the run\'s span');
  const values = spanned.map((r) => ({
    figure: figureName(r.figure, lang),
    kind: w[r.figure.kind],
    ratio: r.ratio,
    low: r.model!.p05 / r.official,
    high: r.model!.p95 / r.official,
  }));
  const y = { field: 'figure', type: 'nominal', title: null, sort: null, axis: { labelLimit: 420 } } as const;
  const color = { field: 'kind', type: 'nominal', title: w.figure, scale: { domain: [w.outcome, w.input], range: ['#1f77b4', '#999999'] } } as const;
  return {
    $schema: SCHEMA,
    title: { text: w.ratiosTitle, subtitle: fill(w.ratiosSubtitle, { n: spanned[0].model!.replicates }) },
    width: 360,
    height: { step: 16 },
    config: config(lang),
    data: { values },
    layer: [
      { data: { values: [{}] }, mark: { type: 'rule', color: '#888', strokeDash: [4, 3] }, encoding: { x: { datum: 1, type: 'quantitative' } } },
      { mark: { type: 'rule' }, encoding: { y, x: { field: 'low', type: 'quantitative', title: w.ratioAxis }, x2: { field: 'high' }, color } },
      { mark: { type: 'point', filled: true, size: 40 }, encoding: { y, x: { field: 'ratio', type: 'quantitative', title: w.ratioAxis }, color, tooltip: [{ field: 'figure' }, { field: 'ratio', format: '.3f' }] } },
    ],
  } as TopLevelSpec;
}

export interface RecordOverTimeOptions extends ChartOptions {
  /** Indicator of the summary rows and of the record. Default "p0_national". */
  readonly indicator?: string;
  /** Group of households. Default "national". */
  readonly group?: string;
  /** The scenario drawn; needed when the summary rows hold several. */
  readonly scenario?: string;
}

/**
 * An indicator of a group by month — the model's mean and 5–95 % band of one scenario — with the
 * official figures of the record read in a month (not peaks or sums) as points, those before or
 * after the run included. Shares in percent, counts and money in thousands to trillions. Throws when
 * the summary rows hold no levels of the indicator in the group.
 */
export function recordOverTime(summary: readonly SummaryRow[], history: readonly HistoryRow[], options: RecordOverTimeOptions = {}): TopLevelSpec {
  const { lang = 'en', indicator = 'p0_national', group = 'national' } = options;
  const w = WORDS[lang];
  let picked = select(summary, { chart: 'recordOverTime', indicator, group, scenario: options.scenario });
  const scenarios = [...new Set(picked.map((r) => r.scenario))];
  if (scenarios.length > 1) throw new Error(`recordOverTime: the rows hold ${scenarios.join(', ')}; choose one with the option "scenario"`);
  picked = picked.filter((r) => r.scenario === scenarios[0]);
  const record = history.filter((r) => r.figure.indicator === indicator && r.figure.group === group && r.figure.measure === 'month');
  const scale = scaleFor(unitOf(indicator), Math.max(largest(picked), ...record.map((r) => r.official)), lang);
  const f = scale.factor;
  const model = picked.map((r) => ({ month: r.month, mean: r.mean * f, low: r.p05 * f, high: r.p95 * f, source: w.model }));
  const official = record.map((r) => ({ month: r.figure.month, value: r.official * f, source: w.official, figure: r.figure.id }));
  const axis = axisTitle(shortLabel(indicator, lang), scale);
  const color = { field: 'source', type: 'nominal', title: null, scale: { domain: [w.model, w.official], range: ['#1f77b4', '#d62728'] } } as const;
  return {
    $schema: SCHEMA,
    title: { text: fill(w.overTimeTitle, { indicator: indicatorLabel(indicator, lang), group: groupLabel(group, lang) }), subtitle: fill(w.overTimeSubtitle, { n: replicates(picked) }) },
    width: WIDTH,
    height: HEIGHT,
    config: config(lang),
    layer: [
      { data: { values: model }, mark: { type: 'area', opacity: 0.2 }, encoding: { x: monthAxis(lang), y: { field: 'low', type: 'quantitative', title: axis }, y2: { field: 'high' }, color } },
      { data: { values: model }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x: monthAxis(lang), y: { field: 'mean', type: 'quantitative', title: axis }, color } },
      { data: { values: official }, mark: { type: 'point', filled: true, size: 60 }, encoding: { x: monthAxis(lang), y: { field: 'value', type: 'quantitative', title: axis }, color, tooltip: [{ field: 'figure' }, { field: 'month' }, { field: 'value', format: ',.2f' }] } },
    ],
  } as TopLevelSpec;
}
