/**
 * The rolling-origin backtest drawn (src/backtest): the published series of a measure by Susenas
 * round, and from each origin a dashed path to the model's predictions one and two rounds on, each
 * with its 5th to 95th percentile as a vertical rule. A path that leaves the published line shows
 * how far, and in which direction, the model drifts from that origin.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { BacktestMeasure, Prediction } from '../backtest/index';
import type { Target } from '../calibration/targets';
import { HEIGHT, SCHEMA, WIDTH, config, monthAxis } from './frame';
import { axisTitle, indicatorLabel, scaleFor, shortLabel, unitOf } from './units';
import { fill, monthLabel } from '../lang/index';
import type { Bilingual, Lang } from '../lang/index';

const WORDS: Bilingual<{ readonly [key: string]: string }> = {
  en: {
    title: 'Backtest: {indicator}, predicted from each Susenas round',
    subtitle: 'Black: BPS; dashed, from each origin: the model one and two rounds on (mean of {n} replicates, rule: 5th to 95th percentile)',
    origin: 'From',
  },
  id: {
    title: 'Uji balik: {indicator}, diprediksi dari setiap putaran Susenas',
    subtitle: 'Hitam: BPS; putus-putus, dari setiap titik awal: model satu dan dua putaran kemudian (rata-rata {n} replikasi, garis: persentil ke-5 sampai ke-95)',
    origin: 'Dari',
  },
};

export interface BacktestChartOptions {
  readonly lang?: Lang;
  /** The measure drawn (default the national poverty rate). */
  readonly indicator?: BacktestMeasure;
}

/** Throws when the predictions hold none of the measure. */
export function backtestChart(predictions: readonly Prediction[], record: readonly Target[], options: BacktestChartOptions = {}): TopLevelSpec {
  const { lang = 'en', indicator = 'p0_national' } = options;
  const w = WORDS[lang];
  const of = predictions.filter((p) => p.row.figure.indicator === indicator);
  if (of.length === 0) throw new Error(`backtestChart: the predictions hold no ${indicator}`);
  const origins = [...new Set(of.map((p) => p.origin))];
  const last = of.map((p) => p.row.figure.month).sort().at(-1)!;
  const published = record.filter((t) => t.indicator === indicator && t.group === 'national' && t.measure === 'month' && t.month <= last && t.month >= origins[0]);
  const scale = scaleFor(unitOf(indicator), Math.max(...published.map((t) => t.value), ...of.map((p) => p.row.model!.p95)), lang);
  const f = scale.factor;
  const officialAt = new Map(published.map((t) => [t.month, t.value * f]));
  const official = published.map((t) => ({ month: t.month, value: t.value * f }));
  const paths = origins.flatMap((origin) => {
    const start = officialAt.has(origin) ? [{ origin: monthLabel(origin, lang), month: origin, value: officialAt.get(origin)!, low: null, high: null }] : [];
    const ahead = of.filter((p) => p.origin === origin).map((p) => ({ origin: monthLabel(origin, lang), month: p.row.figure.month, value: p.row.model!.mean * f, low: p.row.model!.p05 * f, high: p.row.model!.p95 * f }));
    return [...start, ...ahead];
  });
  const axis = axisTitle(shortLabel(indicator, lang), scale);
  const color = { field: 'origin', type: 'nominal', title: w.origin, sort: origins.map((o) => monthLabel(o, lang)) } as const;
  const y = { field: 'value', type: 'quantitative', title: axis, scale: { zero: false } } as const;
  return {
    $schema: SCHEMA,
    title: { text: fill(w.title, { indicator: indicatorLabel(indicator, lang) }), subtitle: fill(w.subtitle, { n: of[0].row.model!.replicates }) },
    width: WIDTH,
    height: HEIGHT,
    config: config(lang),
    layer: [
      { data: { values: official }, mark: { type: 'line', color: 'black', strokeWidth: 2.5, point: { color: 'black', size: 50 } }, encoding: { x: monthAxis(lang), y, tooltip: [{ field: 'month' }, { field: 'value', format: '.2f' }] } },
      { data: { values: paths }, mark: { type: 'line', strokeDash: [5, 3], point: { size: 40 } }, encoding: { x: monthAxis(lang), y, color, detail: { field: 'origin' }, tooltip: [{ field: 'origin' }, { field: 'month' }, { field: 'value', format: '.2f' }] } },
      { data: { values: paths.filter((p) => p.low !== null) }, mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x: monthAxis(lang), y: { field: 'low', type: 'quantitative', title: axis }, y2: { field: 'high' }, color } },
    ],
  } as TopLevelSpec;
}
