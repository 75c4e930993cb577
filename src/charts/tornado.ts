/**
 * A sensitivity tornado: how far an outcome moves when one uncertain parameter (a behavioural
 * estimate) is set to the low or the high end of its plausible range, the others held at their
 * base. Each parameter is a row of two bars from the base value, one to each end's result; rows
 * are sorted by swing (|high − low|), widest on top, so the parameters that matter most lead.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, WIDTH, config, nameAxis } from './frame';
import type { ChartOptions } from './frame';
import { TEXT } from './labels';
import { axisTitle, indicatorLabel, scaleFor, shortLabel, unitOf } from './units';
import { fill, monthLabel, NUMBER_LOCALE } from '../lang/index';

/** One parameter's results: the outcome with the parameter at the low and at the high end of its range. */
export interface SensitivityBar {
  /** Parameter path, e.g. "behaviour.business.failure". */
  readonly parameter: string;
  /** Its display name, in the chart's language. */
  readonly label: string;
  /** The outcome with the parameter at the low end of its range (in the indicator's unit, e.g. a share). */
  readonly low: number;
  /** The outcome with the parameter at the high end of its range. */
  readonly high: number;
}

export interface TornadoOptions extends Pick<ChartOptions, 'lang'> {
  /** The outcome with every parameter at its base value (in the indicator's unit). */
  readonly base: number;
  /** The indicator the outcome is, for its name, unit and scale. Default "p0_extreme". */
  readonly indicator?: string;
  /** The month the outcome is of, "YYYY-MM", named in the title. */
  readonly month?: string;
}

/** Parameters sorted by swing, widest first (ties by label). */
export function bySwing(bars: readonly SensitivityBar[]): SensitivityBar[] {
  const swing = (b: SensitivityBar) => Math.abs(b.high - b.low);
  return [...bars].sort((a, b) => swing(b) - swing(a) || a.label.localeCompare(b.label));
}

/**
 * The tornado of `bars` around `options.base`, sorted by swing. Values are in the indicator's unit
 * (default p0_extreme: a share, drawn in percent). Throws on no bars, a value that is not a finite
 * number, or two parameters with one label.
 */
export function tornado(bars: readonly SensitivityBar[], options: TornadoOptions): TopLevelSpec {
  const { lang = 'en', indicator = 'p0_extreme', base, month } = options;
  const t = TEXT[lang];
  if (bars.length === 0) throw new Error('tornado: no parameters were given');
  if (!Number.isFinite(base)) throw new Error(`tornado: the base value is ${base}, not a finite number`);
  const seen = new Set<string>();
  for (const b of bars) {
    if (!Number.isFinite(b.low) || !Number.isFinite(b.high)) throw new Error(`tornado: parameter ${b.parameter} has low ${b.low} and high ${b.high}; both must be finite numbers`);
    if (seen.has(b.label)) throw new Error(`tornado: two parameters are labelled "${b.label}"`);
    seen.add(b.label);
  }
  const sorted = bySwing(bars);
  const scale = scaleFor(unitOf(indicator), Math.max(Math.abs(base), ...bars.flatMap((b) => [Math.abs(b.low), Math.abs(b.high)])), lang);
  const f = scale.factor;
  const values = sorted.flatMap((b) => [
    { label: b.label, end: t.low, value: b.low * f, base: base * f },
    { label: b.label, end: t.high, value: b.high * f, base: base * f },
  ]);
  const axis = axisTitle(shortLabel(indicator, lang), scale);
  const shownBase = `${(base * f).toLocaleString(NUMBER_LOCALE[lang], { maximumSignificantDigits: 3 })} ${scale.words}`;
  return {
    $schema: SCHEMA,
    title: {
      text: `${fill(t.tornadoTitle, { indicator: indicatorLabel(indicator, lang) })}${month ? `, ${monthLabel(month, lang)}` : ''}`,
      subtitle: fill(t.tornadoSubtitle, { base: shownBase }),
    },
    config: config(lang),
    width: WIDTH - 160,
    height: { step: 22 },
    data: { values },
    layer: [
      {
        mark: 'bar',
        encoding: {
          y: { field: 'label', type: 'nominal', title: t.parameter, sort: sorted.map((b) => b.label), axis: nameAxis(400) },
          x: { field: 'value', type: 'quantitative', title: axis, scale: { zero: false } },
          x2: { field: 'base' },
          color: { field: 'end', type: 'nominal', title: t.end, scale: { domain: [t.low, t.high], range: ['#4c78a8', '#f58518'] } },
        },
      },
      { data: { values: [{}] }, mark: { type: 'rule', color: '#333' }, encoding: { x: { datum: base * f, type: 'quantitative' } } },
    ],
  };
}
