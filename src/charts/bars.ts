/**
 * Bars with error bars at one month: empowerment spending to date and graduations to date by
 * scenario (spendAndGraduations), and provinces ranked by an indicator (provinceRanking). A bar is the
 * mean over replicates, its line the 5th to 95th percentile. Bars lie horizontally, so scenario
 * and province names read without turning the head.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../observe/summary';
import { SCHEMA, WIDTH, config, nameAxis, titled } from './frame';

/** Pixels a scenario or province name may take beside its bar: enough for the longest built-in scenario's. */
const NAME_WIDTH = 600;
import type { ChartOptions } from './frame';
import { TEXT } from './labels';
import { firstScenario, labelOf, lastMonth, replicates, scenarioColours, scenarioNames, select } from './rows';
import { axisTitle, indicatorLabel, largest, scaleFor, shortLabel, unitOf } from './units';
import { fill, monthLabel } from '../lang/index';

export interface SpendOptions extends ChartOptions {
  /** The month, "YYYY-MM". Default the last month of the rows. */
  readonly month?: string;
}

export interface RankingOptions extends ChartOptions {
  /** Indicator to rank by. Default "p0_extreme". */
  readonly indicator?: string;
  /** The scenario. Default the first (in the order of `scenarios`, then of the rows). */
  readonly scenario?: string;
  /** The month, "YYYY-MM". Default the last month of the rows. */
  readonly month?: string;
}

/** One bar: a name, the mean and the band, already scaled. */
interface Bar {
  readonly name: string;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/**
 * Horizontal bars with error bars, top to bottom in the order given; `colour` maps names to colours;
 * without `labelled` the names are left out (a panel beside one that has them).
 */
function rangedBars(bars: readonly Bar[], names: { title: string; colour?: { domain: string[]; range: string[] }; labelled?: boolean }, valueTitle: string) {
  const colour = names.colour ? { color: { field: 'name', type: 'nominal', scale: names.colour, legend: null } as const } : {};
  const axis = names.labelled === false ? null : nameAxis(NAME_WIDTH);
  return {
    data: { values: bars.map((b) => ({ ...b })) },
    encoding: { y: { field: 'name', type: 'nominal', title: axis ? names.title : null, sort: bars.map((b) => b.name), axis } } as const,
    layer: [
      { mark: 'bar', encoding: { ...colour, x: { field: 'mean', type: 'quantitative', title: valueTitle } } } as const,
      { mark: { type: 'errorbar', ticks: true }, encoding: { x: { field: 'low', type: 'quantitative', title: valueTitle }, x2: { field: 'high' } } } as const,
    ],
  };
}

/**
 * Per scenario at a month (default the last): empowerment spending since the start of the run
 * (Rp, in billions or trillions) and graduations of every kind since then (households), side by
 * side. One is not divided by the other: most graduations (natural, sejahtera mandiri) owe little
 * to empowerment spending; what extra money buys is the report's cost-effectiveness table. Throws
 * when the rows hold neither.
 */
export function spendAndGraduations(rows: readonly SummaryRow[], options: SpendOptions = {}): TopLevelSpec {
  const { lang = 'en' } = options;
  const t = TEXT[lang];
  const chart = 'spendAndGraduations';
  const month = options.month ?? lastMonth(select(rows, { chart, indicator: 'empowerment_spend_to_date', group: 'national' }));
  const all = scenarioNames(rows, options.scenarios);
  const panel = (indicator: string, title: string, labelled: boolean) => {
    const picked = select(rows, { chart, indicator, group: 'national', month });
    const scale = scaleFor(unitOf(indicator), largest(picked), lang);
    const f = scale.factor;
    const bars = all.flatMap((s) => picked.filter((r) => r.scenario === s.id).map((r) => ({ name: s.label, mean: r.mean * f, low: r.p05 * f, high: r.p95 * f })));
    const colour = scenarioColours(all, picked.map((r) => r.scenario));
    return { title, width: WIDTH / 2 - 20, height: { step: 28 }, ...rangedBars(bars, { title: t.scenario, colour, labelled }, axisTitle(title, scale)) };
  };
  const n = replicates(select(rows, { chart, indicator: 'empowerment_spend_to_date', group: 'national', month }));
  return {
    $schema: SCHEMA,
    title: { text: fill(t.spendTitle, { month: monthLabel(month, lang) }), subtitle: fill(t.errorBars, { n }) },
    config: config(lang),
    hconcat: [panel('empowerment_spend_to_date', t.spendPanel, true), panel('graduations_to_date', t.graduationsPanel, false)], // the second panel's bars line up with the first's names
  };
}

/**
 * Provinces ranked by an indicator (default the extreme-poverty rate) in one scenario (default the
 * first) at a month (default the last), highest on top, with 5–95 % error bars. Throws when the
 * rows hold no province values of the indicator for the scenario or month.
 */
export function provinceRanking(rows: readonly SummaryRow[], options: RankingOptions = {}): TopLevelSpec {
  const { lang = 'en', indicator = 'p0_extreme' } = options;
  const t = TEXT[lang];
  const chart = 'provinceRanking';
  const all = scenarioNames(rows, options.scenarios);
  const scenario = options.scenario ?? firstScenario(rows, all);
  const inScenario = select(rows, { chart, indicator, group: 'province:*', scenario });
  const month = options.month ?? lastMonth(inScenario);
  const picked = select(rows, { chart, indicator, group: 'province:*', scenario, month });
  const scale = scaleFor(unitOf(indicator), largest(picked), lang);
  const f = scale.factor;
  const bars = picked
    .map((r) => ({ name: r.group.slice('province:'.length), mean: r.mean * f, low: r.p05 * f, high: r.p95 * f }))
    .sort((a, b) => b.mean - a.mean || a.name.localeCompare(b.name));
  return {
    $schema: SCHEMA,
    title: {
      text: titled(fill(t.rankingTitle, { indicator: indicatorLabel(indicator, lang), scenario: labelOf(all, scenario), month: monthLabel(month, lang) })),
      subtitle: fill(t.errorBars, { n: replicates(picked) }),
    },
    config: config(lang),
    width: WIDTH - 140,
    height: { step: 14 },
    ...rangedBars(bars, { title: t.province }, axisTitle(shortLabel(indicator, lang), scale)),
  };
}
