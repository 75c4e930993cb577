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
    legend: { labelLimit: 0 }, // scenario names in full: a name cut short can be mistaken for another
    axis: { titleFontWeight: 'normal' },
  };
}

/** Characters of a subtitle line that fit over a chart of WIDTH. */
export const SUBTITLE_CHARACTERS = 100;

/** Characters of a title line that fit across a report page. */
export const TITLE_CHARACTERS = 120;

/** A title as one line when it fits in `width` characters, else as lines (wrapped). */
export function titled(text: string, width: number = TITLE_CHARACTERS): string | string[] {
  return text.length <= width ? text : wrapped(text, width);
}

/** A text broken at spaces into lines of at most `width` characters (a longer word keeps its own line): a title or subtitle of several lines. */
export function wrapped(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The axis of names (scenarios, provinces, parameters) on the left of horizontal bars: labels up to
 * `labelLimit` pixels, its title level and above the labels, flush with the axis line, where no
 * label can run into it (a turned title beside them does when a label is long).
 */
export function nameAxis(labelLimit: number) {
  return { labelLimit, titleAngle: 0, titleAlign: 'right', titleBaseline: 'bottom', titleX: 0, titleY: -6 } as const;
}

/**
 * The x encoding of a month ("YYYY-MM", read as UTC so no time zone moves it), titled and labelled
 * ("Mar 2022", "Okt 2023") in the language.
 */
export function monthAxis(lang: Lang) {
  return { field: 'month', type: 'temporal', scale: { type: 'utc' }, title: TEXT[lang].month, axis: { format: '%b %Y' } } as const;
}
