/**
 * What every chart shares: the options each takes (language, scenario names), the Vega-Lite v5
 * schema, the size of a report page's chart, the config (dates and numbers in the chart's
 * language) and the time axis of months.
 */
import type { Config } from 'vega-lite';
import { TEXT } from './labels';
import type { ScenarioName } from './rows';
import { VEGA_LOCALE } from '../lang/index';
import type { Lang } from '../lang/index';

/** Options every chart takes. */
export interface ChartOptions {
  /** Language of every text of the chart: 'en' English or 'id' Bahasa Indonesia. Default 'en'. */
  readonly lang?: Lang;
  /**
   * Display names of scenarios, in the order of the colour legend; scenarios of the rows not
   * listed follow, named by their id.
   */
  readonly scenarios?: ReadonlyArray<ScenarioName>;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Size of a single chart on a report page, in pixels. */
export const WIDTH = 560;
export const HEIGHT = 300;

/** Config of a chart in a language: its number and date formats, titles set flush left. */
export function config(lang: Lang): Config {
  const locale = VEGA_LOCALE[lang];
  return {
    ...(locale ? { locale } : {}),
    title: { anchor: 'start', subtitleColor: '#555', subtitleFontSize: 11 },
    legend: { labelLimit: 320 },
    axis: { titleFontWeight: 'normal' },
  };
}

/**
 * The x encoding of a month ("YYYY-MM", read as UTC so no time zone moves it), titled and labelled
 * ("Mar 2022", "Okt 2023") in the language.
 */
export function monthAxis(lang: Lang) {
  return { field: 'month', type: 'temporal', scale: { type: 'utc' }, title: TEXT[lang].month, axis: { format: '%b %Y' } } as const;
}
