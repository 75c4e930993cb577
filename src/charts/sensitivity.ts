/**
 * Charts of a sensitivity study (src/sensitivity/study.ts): which behaviour parameters move an
 * outcome.
 *   - sobolChart: first- and total-order Sobol indices per parameter with their bootstrap
 *     intervals, ranked by total order — shares of the outcome's variance, so they compare across
 *     parameters and add up to about 1 (first order) when parameters do not interact;
 *   - morrisChart: Morris μ* (bars, overall influence) and σ (dots, non-linearity or interactions)
 *     per parameter, ranked by μ*, in the outcome's unit per whole range of a parameter;
 *   - oneAtATimeChart: the tornado (./tornado) of the outcome with each parameter alone at the ends
 *     of its range.
 * Parameters are named by the label of their file (data/parameters/behaviour), which is English;
 * in Bahasa Indonesia the path follows in brackets (without "behaviour."), so the parameter can be
 * found. Their names are never cut short (labelLimit 0): headless rendering in Node estimates text
 * wider than it is, so the label column of an SVG drawn there is wider than in a browser.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Measure } from '../experiment/points';
import type { MorrisStudy, OneAtATimeStudy, SobolStudy } from '../sensitivity/study';
import { SCHEMA, WIDTH, config } from './frame';
import { TEXT, groupLabel } from './labels';
import { tornado } from './tornado';
import { axisTitle, indicatorLabel, scaleFor, unitOf } from './units';
import { fill, monthLabel, NUMBER_LOCALE } from '../lang/index';
import type { Lang } from '../lang/index';

/** What a chart needs to name a parameter: its path and the label of its file. */
export interface NamedParameter {
  readonly name: string;
  readonly label: string;
}

/** A parameter's name on a chart: the file's (English) label; in Bahasa Indonesia with its path after it. */
export function parameterLabel(parameter: NamedParameter, lang: Lang): string {
  return lang === 'en' ? parameter.label : `${parameter.label} (${parameter.name.replace(/^behaviour\./, '')})`;
}

/** Labels of the study's parameters by path; throws if a parameter of the results is not among them. */
function labeller(parameters: readonly NamedParameter[], lang: Lang, chart: string): (path: string) => string {
  const labels = new Map(parameters.map((p) => [p.name, parameterLabel(p, lang)]));
  return (path) => {
    const label = labels.get(path);
    if (label === undefined) throw new Error(`${chart}: parameter ${path} has results but is not among the study's parameters (${[...labels.keys()].join(', ')})`);
    return label;
  };
}

/** "{indicator}, {group}, {month}" values for a title. */
function measured(measure: Measure, lang: Lang) {
  return { indicator: indicatorLabel(measure.indicator, lang), group: groupLabel(measure.group, lang), month: monthLabel(measure.month, lang) };
}

/** The options of every chart of a study. */
export interface StudyChartOptions {
  /** Language of every text: 'en' or 'id'. Default 'en'. */
  readonly lang?: Lang;
}

/**
 * First- and total-order Sobol indices of each parameter as horizontal bars, with the bootstrap
 * interval as a line, ranked by total order (the parameters whose fixing would cut the outcome's
 * variance most on top). Throws on a study without indices.
 */
export function sobolChart(study: Pick<SobolStudy, 'indices' | 'parameters' | 'measure' | 'design' | 'run' | 'confidence'>, options: StudyChartOptions = {}): TopLevelSpec {
  const { lang = 'en' } = options;
  const t = TEXT[lang];
  if (study.indices.length === 0) throw new Error('sobolChart: the study has no indices');
  const label = labeller(study.parameters, lang, 'sobolChart');
  const orders = [t.firstOrder, t.totalOrder];
  const ranked = [...study.indices].sort((a, b) => b.total - a.total);
  const interval = (low: number, high: number) => (Number.isFinite(low) && Number.isFinite(high) ? { low, high } : {});
  const values = ranked.flatMap((x) => [
    { parameter: label(x.parameter), index: t.firstOrder, value: x.first, ...interval(x.firstLow, x.firstHigh) },
    { parameter: label(x.parameter), index: t.totalOrder, value: x.total, ...interval(x.totalLow, x.totalHigh) },
  ]);
  for (const v of values) if (!Number.isFinite(v.value)) throw new Error(`sobolChart: parameter "${v.parameter}" has ${v.index} ${v.value}; expected a finite number`);
  const withIntervals = values.some((v) => 'low' in v);
  const locale = NUMBER_LOCALE[lang];
  const y = { field: 'parameter', type: 'nominal', title: null, sort: ranked.map((x) => label(x.parameter)), axis: { labelLimit: 0 } } as const;
  const yOffset = { field: 'index', type: 'nominal', sort: orders } as const;
  return {
    $schema: SCHEMA,
    title: {
      text: fill(t.sobolTitle, measured(study.measure, lang)),
      subtitle: fill(t.sobolSubtitle, { confidence: Math.round(study.confidence * 100), n: study.design.n.toLocaleString(locale), runs: study.run.runs.toLocaleString(locale) }),
    },
    config: config(lang),
    width: WIDTH - 160,
    height: { step: 14 },
    layer: [
      {
        data: { values },
        layer: [
          {
            mark: 'bar',
            encoding: {
              y,
              yOffset,
              x: { field: 'value', type: 'quantitative', title: t.sobolAxis },
              color: { field: 'index', type: 'nominal', title: t.sobolIndex, scale: { domain: orders, range: ['#9ecae9', '#4c78a8'] } },
            },
          },
          ...(withIntervals
            ? [
                {
                  transform: [{ filter: 'isValid(datum.low)' }],
                  mark: { type: 'rule' as const, color: '#333' },
                  encoding: { y, yOffset, x: { field: 'low', type: 'quantitative' as const }, x2: { field: 'high' } },
                },
              ]
            : []),
        ],
      },
      { data: { values: [{}] }, mark: { type: 'rule', color: '#888' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
    ],
  };
}

/**
 * Morris screening as horizontal bars of μ* per parameter, ranked, with σ as a dot on the same
 * axis, in the outcome's unit per whole range of the parameter (shares in percentage points).
 * A σ as large as μ* or larger marks a parameter whose effect depends on where the others are.
 */
export function morrisChart(study: Pick<MorrisStudy, 'effects' | 'parameters' | 'measure' | 'design' | 'run'>, options: StudyChartOptions = {}): TopLevelSpec {
  const { lang = 'en' } = options;
  const t = TEXT[lang];
  if (study.effects.length === 0) throw new Error('morrisChart: the study has no effects');
  const label = labeller(study.parameters, lang, 'morrisChart');
  for (const e of study.effects) {
    if (!Number.isFinite(e.muStar) || !Number.isFinite(e.sigma)) throw new Error(`morrisChart: parameter ${e.parameter} has μ* ${e.muStar} and σ ${e.sigma}; expected finite numbers`);
  }
  const ranked = [...study.effects].sort((a, b) => b.muStar - a.muStar);
  const scale = scaleFor(unitOf(study.measure.indicator), Math.max(...ranked.flatMap((e) => [e.muStar, e.sigma])), lang, true);
  const statistics = [t.muStar, t.sigma];
  const values = ranked.flatMap((e) => [
    { parameter: label(e.parameter), statistic: t.muStar, value: e.muStar * scale.factor },
    { parameter: label(e.parameter), statistic: t.sigma, value: e.sigma * scale.factor },
  ]);
  const x = { field: 'value', type: 'quantitative', title: axisTitle(t.morrisAxis, scale) } as const;
  const color = { field: 'statistic', type: 'nominal', title: t.statistic, scale: { domain: statistics, range: ['#4c78a8', '#e45756'] } } as const;
  const locale = NUMBER_LOCALE[lang];
  return {
    $schema: SCHEMA,
    title: {
      text: fill(t.morrisTitle, measured(study.measure, lang)),
      subtitle: fill(t.morrisSubtitle, { trajectories: study.design.trajectories.toLocaleString(locale), runs: study.run.runs.toLocaleString(locale) }),
    },
    config: config(lang),
    width: WIDTH - 160,
    height: { step: 20 },
    data: { values },
    encoding: { y: { field: 'parameter', type: 'nominal', title: null, sort: ranked.map((e) => label(e.parameter)), axis: { labelLimit: 0 } } },
    layer: [
      { transform: [{ filter: { field: 'statistic', equal: t.muStar } }], mark: 'bar', encoding: { x, color } },
      { transform: [{ filter: { field: 'statistic', equal: t.sigma } }], mark: { type: 'point', filled: true, size: 40, opacity: 1 }, encoding: { x, color } },
    ],
  };
}

/**
 * The tornado of a one-at-a-time study: the outcome at the data's values, and with each parameter
 * alone at the low and at the high end of its range, widest swing on top.
 */
export function oneAtATimeChart(study: Pick<OneAtATimeStudy, 'bars' | 'base' | 'parameters' | 'measure'>, options: StudyChartOptions = {}): TopLevelSpec {
  const { lang = 'en' } = options;
  const label = labeller(study.parameters, lang, 'oneAtATimeChart');
  return tornado(
    study.bars.map((b) => ({ ...b, label: label(b.parameter) })),
    { lang, base: study.base, indicator: study.measure.indicator, month: study.measure.month },
  );
}
