/**
 * An indicator over time, one line per scenario: the mean over replicates with a shaded band from
 * the 5th to the 95th percentile — of the scenario's own values (povertyOverTime) or of its paired
 * difference from the reference scenario (differenceOverTime, around a zero rule). Replicates of a
 * seed share population and draws across scenarios, so the band of a difference is the spread of
 * the policy's effect, narrower than the spread of the levels.
 *
 * Up to OVERLAID scenarios share one chart; more would hide each other's lines and bands, so they
 * are drawn as small multiples, one panel per scenario on a common scale, each level panel with
 * the first scenario's mean (the baseline) as a grey line to read it against.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../observe/summary';
import { HEIGHT, SCHEMA, WIDTH, config, monthAxis, titled, wrapped } from './frame';
import type { ChartOptions } from './frame';
import { TEXT, groupLabel } from './labels';
import { labelOf, replicates, scenarioColours, scenarioNames, select } from './rows';
import type { ScenarioName } from './rows';
import { axisTitle, indicatorLabel, largest, scaleFor, shortLabel, unitOf } from './units';
import type { Scale } from './units';
import { fill } from '../lang/index';
import type { Lang } from '../lang/index';

export interface OverTimeOptions extends ChartOptions {
  /** Indicator (a key of INDICATORS, or "flow.<reason>"). Default "p0_extreme". */
  readonly indicator?: string;
  /** Group of households: "national", "province:<name>", "area:urban"… Default "national". */
  readonly group?: string;
}

export interface DifferenceOptions extends OverTimeOptions {
  /** The reference scenario; needed only when the rows hold differences from more than one. */
  readonly reference?: string;
}

/** What a band chart draws, once rows are picked and scaled. */
interface Band {
  readonly lang: Lang;
  readonly rows: readonly SummaryRow[];
  readonly all: readonly ScenarioName[];
  readonly scale: Scale;
  readonly title: string;
  readonly subtitle: string;
  readonly axis: string;
  /** Draw a rule at zero (for differences). */
  readonly zero: boolean;
}

/** Scenarios drawn on one chart; more are drawn as small multiples. */
export const OVERLAID = 4;

/** Small multiples: panels per row, their size, and the characters of a panel's title line. */
const PANELS = { columns: 3, width: 200, height: 130, characters: 36 } as const;

/** Mean lines and 5–95 % bands per scenario over months: one chart, or small multiples past OVERLAID scenarios. */
function bandChart(band: Band): TopLevelSpec {
  const shown = new Set(band.rows.map((r) => r.scenario));
  return shown.size > OVERLAID ? smallMultiples(band) : overlaid(band);
}

/** Every scenario's line and band on one chart. */
function overlaid({ lang, rows, all, scale, title, subtitle, axis, zero }: Band): TopLevelSpec {
  const f = scale.factor;
  const values = rows.map((r) => ({ scenario: labelOf(all, r.scenario), month: r.month, mean: r.mean * f, low: r.p05 * f, high: r.p95 * f }));
  const byScenario = {
    x: monthAxis(lang),
    color: {
      field: 'scenario',
      type: 'nominal',
      title: TEXT[lang].scenario,
      scale: scenarioColours(all, rows.map((r) => r.scenario)),
      legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolOpacity: 1 },
    },
  } as const;
  return {
    $schema: SCHEMA,
    title: { text: titled(title), subtitle },
    width: WIDTH,
    height: HEIGHT,
    config: config(lang),
    data: { values },
    layer: [
      { mark: { type: 'area', opacity: 0.2 }, encoding: { ...byScenario, y: { field: 'low', type: 'quantitative', title: axis }, y2: { field: 'high' } } },
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { ...byScenario, y: { field: 'mean', type: 'quantitative', title: axis } } },
      ...(zero ? [{ data: { values: [{}] }, mark: { type: 'rule', color: '#888' }, encoding: { y: { datum: 0, type: 'quantitative' } } } as const] : []),
    ],
  };
}

/**
 * One panel per scenario, in legend order, on a common scale; its name wrapped over the panel. A
 * level panel (not `zero`) also draws the first scenario's mean as a grey line, the baseline read
 * against; a difference panel draws the rule at zero.
 */
function smallMultiples({ lang, rows, all, scale, title, subtitle, zero }: Band): TopLevelSpec {
  const f = scale.factor;
  const order = all.filter((s) => rows.some((r) => r.scenario === s.id));
  const panelOf = new Map(order.map((s) => [s.id, wrapped(s.label, PANELS.characters).join('\n')]));
  const baseline = zero ? undefined : order[0];
  const point = (r: SummaryRow, panel: string, role: 'own' | 'baseline') => ({ panel, role, scenario: labelOf(all, r.scenario), month: r.month, mean: r.mean * f, low: r.p05 * f, high: r.p95 * f });
  const values = rows.flatMap((r) => [
    point(r, panelOf.get(r.scenario)!, 'own'),
    ...(baseline && r.scenario === baseline.id ? order.slice(1).map((s) => point(r, panelOf.get(s.id)!, 'baseline')) : []),
  ]);
  const own = { filter: "datum.role === 'own'" } as const;
  const colour = { field: 'scenario', type: 'nominal', scale: scenarioColours(all, rows.map((r) => r.scenario)), legend: null } as const;
  const x = { ...monthAxis(lang), axis: { format: '%Y' } } as const; // years: month names crowd a small panel
  const y = { type: 'quantitative', title: scale.words } as const; // the unit alone: the title names the indicator, and a long name would run into the next row
  return {
    $schema: SCHEMA,
    title: { text: titled(title), subtitle: [subtitle, ...(baseline ? [fill(TEXT[lang].baselineLine, { baseline: baseline.label })] : [])] },
    config: config(lang),
    data: { values },
    columns: PANELS.columns,
    facet: {
      field: 'panel',
      type: 'nominal',
      title: null,
      sort: [...panelOf.values()],
      header: { labelExpr: "split(datum.value, '\\n')", labelLimit: 0, labelAlign: 'left', labelAnchor: 'start', labelFontSize: 11 },
    },
    spec: {
      width: PANELS.width,
      height: PANELS.height,
      layer: [
        ...(baseline ? [{ transform: [{ filter: "datum.role === 'baseline'" }], mark: { type: 'line', color: '#999', strokeWidth: 1.5 }, encoding: { x, y: { ...y, field: 'mean' } } } as const] : []),
        { transform: [own], mark: { type: 'area', opacity: 0.25 }, encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' }, color: colour } },
        { transform: [own], mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: { ...y, field: 'mean' }, color: colour } },
        ...(zero ? [{ transform: [{ aggregate: [{ op: 'count', as: 'rows' }] }], mark: { type: 'rule', color: '#888' }, encoding: { y: { datum: 0, type: 'quantitative' } } } as const] : []),
      ],
    },
  } as TopLevelSpec;
}

/**
 * An indicator (default the extreme-poverty rate, P0 at USD 1.90 PPP) of one group of households
 * (default national) by month: per scenario, the mean over replicates and the 5–95 % band. Shares
 * are drawn in percent, counts and money in thousands to trillions. Throws when the rows hold no
 * levels of the indicator in the group.
 */
export function povertyOverTime(rows: readonly SummaryRow[], options: OverTimeOptions = {}): TopLevelSpec {
  const { lang = 'en', indicator = 'p0_extreme', group = 'national' } = options;
  const picked = select(rows, { chart: 'povertyOverTime', indicator, group });
  const scale = scaleFor(unitOf(indicator), largest(picked), lang);
  return bandChart({
    lang,
    rows: picked,
    all: scenarioNames(rows, options.scenarios),
    scale,
    title: `${indicatorLabel(indicator, lang)}, ${groupLabel(group, lang)}`,
    subtitle: fill(TEXT[lang].band, { n: replicates(picked) }),
    axis: axisTitle(shortLabel(indicator, lang), scale),
    zero: false,
  });
}

/**
 * The paired difference of each scenario from the reference (scenario minus reference, replicate
 * by replicate) for an indicator (default p0_extreme) of a group (default national) by month: mean
 * line and 5–95 % band per scenario, with a rule at zero. Shares are drawn in percentage points.
 * Throws when the rows hold no differences of the indicator in the group.
 */
export function differenceOverTime(rows: readonly SummaryRow[], options: DifferenceOptions = {}): TopLevelSpec {
  const { lang = 'en', indicator = 'p0_extreme', group = 'national' } = options;
  const picked = select(rows, { chart: 'differenceOverTime', indicator, group, differences: true, reference: options.reference });
  const references = [...new Set(picked.map((r) => r.compared_with))];
  if (references.length > 1) throw new Error(`differenceOverTime: the rows hold differences from ${references.join(' and ')}; choose one with the option "reference"`);
  const all = scenarioNames(rows, options.scenarios);
  const reference = labelOf(all, references[0]);
  const t = TEXT[lang];
  const scale = scaleFor(unitOf(indicator), largest(picked), lang, true);
  return bandChart({
    lang,
    rows: picked,
    all,
    scale,
    title: `${fill(t.differenceTitle, { indicator: indicatorLabel(indicator, lang), reference })}, ${groupLabel(group, lang)}`,
    subtitle: fill(t.paired, { reference, n: replicates(picked) }),
    axis: axisTitle(t.difference, scale),
    zero: true,
  });
}
