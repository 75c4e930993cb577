/**
 * Moves along the pathway by calendar year, for one scenario: households entering assistance,
 * entering empowerment (pemulihan sosial), graduating and relapsing, each panel stacked by the
 * reason recorded for the move (the "flow.<reason>" indicators). Monthly moves are too noisy to
 * read, so the monthly means over replicates are summed per year; a year the run covers only in
 * part is said so in the subtitle. Panels have their own scale and unit (entries in millions,
 * graduations in thousands or single households): entries dwarf relapses.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../observe/summary';
import type { PATHWAY_MOVES } from '../model/reasons';
import { SCHEMA, config, titled } from './frame';
import type { ChartOptions } from './frame';
import { TEXT, groupLabel, reasonLabel } from './labels';
import { firstScenario, labelOf, replicates, scenarioNames, select } from './rows';
import { countAxis, magnitudeOf } from './units';
import { fill } from '../lang/index';
import { GRADUATION_KINDS, RELAPSE_REASONS } from '../model/graduation';

export interface FlowsOptions extends ChartOptions {
  /** The scenario to draw. Default the first scenario (in the order of `scenarios`, then of the rows). */
  readonly scenario?: string;
  /** Group of households: "national", "area:urban", "head_age:under_40", "head_sex:female"… Default "national". */
  readonly group?: string;
}

/** The panels, in order, and the pathway moves each stacks. */
const PANELS = [
  ['intoAssistance', ['pathway.enrolled_in_assistance', 'pathway.re_entered_after_relapse']],
  ['intoRecovery', ['pathway.recovery_extreme_poor', 'pathway.recovery_under40_push']],
  ['graduations', ['pathway.graduated_mandiri_judged', 'pathway.graduated_mandiri_declared', 'pathway.graduated_pena_exit', 'pathway.graduated_criteria_met']],
  ['relapses', ['pathway.relapsed']],
] as const satisfies ReadonlyArray<readonly [keyof (typeof TEXT)['en'], ReadonlyArray<keyof typeof PATHWAY_MOVES>]>;

/** Vega's "tableau10" colours, one per reason drawn. */
const REASON_COLOURS = ['#4c78a8', '#9ecae1', '#f58518', '#ffbf79', '#54a24b', '#88d27a', '#b79a20', '#f2cf5b', '#e45756'];

/** Graduations by kind, as Kemensos counts them, and relapses by the kind of graduation. */
const GRADUATION_PANELS = [
  ['graduations', GRADUATION_KINDS.map((k) => k.reason)],
  ['relapses', RELAPSE_REASONS.map((r) => r.code)],
] as const satisfies Panels;

/** Kinds in the strong tableau10 colours; their relapses in the light ones of the same hue. */
const KIND_COLOURS = ['#4c78a8', '#f58518', '#54a24b', '#b79a20', '#e45756', '#9ecae1', '#ffbf79', '#88d27a', '#f2cf5b', '#ff9d98'];

type Panels = ReadonlyArray<readonly [keyof (typeof TEXT)['en'], readonly string[]]>;

/**
 * Households moved per calendar year for each reason of entry, graduation and relapse, in one
 * scenario (default the first), in thousands when large. Throws when the rows hold no flows of a
 * reason for the group or scenario.
 */
export function flowsOverTime(rows: readonly SummaryRow[], options: FlowsOptions = {}): TopLevelSpec {
  return yearlyPanels(rows, 'flowsOverTime', PANELS, REASON_COLOURS, TEXT[options.lang ?? 'en'].flowsTitle, options);
}

/**
 * Graduations per calendar year by kind (natural, sejahtera mandiri judged or declared, the PENA
 * exit, the model's welfare criterion) and relapses by the kind of graduation, in one scenario
 * (default the first). Throws when the rows hold no flows of a kind for the group or scenario.
 */
export function graduationsOverTime(rows: readonly SummaryRow[], options: FlowsOptions = {}): TopLevelSpec {
  return yearlyPanels(rows, 'graduationsOverTime', GRADUATION_PANELS, KIND_COLOURS, TEXT[options.lang ?? 'en'].graduationsTitle, options);
}

/** Panels of reasons, each stacked by calendar year: the moves of one scenario and group. */
function yearlyPanels(rows: readonly SummaryRow[], chart: string, panels: Panels, colours: readonly string[], title: string, options: FlowsOptions): TopLevelSpec {
  const { lang = 'en', group = 'national' } = options;
  const t = TEXT[lang];
  const all = scenarioNames(rows, options.scenarios);
  const scenario = options.scenario ?? firstScenario(rows, all);
  const reasons = panels.flatMap(([panel, moves]) => moves.map((reason) => ({ panel, reason })));
  const picked = reasons.map(({ reason }) => select(rows, { chart, indicator: `flow.${reason}`, group, scenario }));

  const months = new Map<string, Set<string>>(); // year → months covered
  for (const r of picked[0]) {
    const year = r.month.slice(0, 4);
    if (!months.has(year)) months.set(year, new Set());
    months.get(year)!.add(r.month);
  }
  const sums = reasons.map((_, k) => {
    const byYear = new Map<string, number>([...months.keys()].map((year) => [year, 0]));
    for (const r of picked[k]) byYear.set(r.month.slice(0, 4), byYear.get(r.month.slice(0, 4))! + r.mean);
    return byYear;
  });
  /** One panel: its reasons stacked by year, in the unit its own largest year calls for. */
  const panelChart = (panel: Panels[number][0]) => {
    let highest = 0;
    for (const year of months.keys()) highest = Math.max(highest, reasons.reduce((s, x, k) => (x.panel === panel ? s + sums[k].get(year)! : s), 0));
    const m = magnitudeOf(highest);
    const f = m ? 1 / m.factor : 1;
    const values = reasons.flatMap(({ panel: p, reason }, k) => (p === panel ? [...sums[k]].map(([year, sum]) => ({ year, reason: reasonLabel(reason, lang), order: k, households: sum * f })) : []));
    return {
      title: t[panel],
      data: { values },
      width: 250,
      height: 190,
      mark: 'bar',
      encoding: {
        x: { field: 'year', type: 'ordinal', title: t.year, axis: { labelAngle: 0 } },
        y: { field: 'households', type: 'quantitative', title: countAxis(t.householdsPerYear, m, lang) },
        color: { field: 'reason', type: 'nominal', title: t.reason, scale: { domain: reasons.map(({ reason }) => reasonLabel(reason, lang)), range: [...colours] } },
        order: { field: 'order', type: 'quantitative', sort: 'ascending' },
      },
    } as const;
  };
  const partial = [...months].filter(([, covered]) => covered.size < 12).map(([year, covered]) => fill(t.partialYear, { year, months: covered.size }));

  return {
    $schema: SCHEMA,
    title: {
      text: titled(`${fill(title, { scenario: labelOf(all, scenario) })}, ${groupLabel(group, lang)}`),
      subtitle: [fill(t.flowsSubtitle, { n: replicates(picked[0]) }), ...(partial.length ? [partial.join('; ')] : [])],
    },
    config: config(lang),
    columns: 2,
    concat: panels.map(([panel]) => panelChart(panel)),
    resolve: { scale: { y: 'independent' } },
  };
}
