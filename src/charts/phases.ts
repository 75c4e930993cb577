/**
 * Households along the graduation pathway by month: assistance only, then pemulihan sosial
 * (social recovery), transisi, pengembangan (development) and graduasi, stacked in that order
 * from the bottom, for one scenario or as small multiples of every scenario. Households outside
 * the pathway (phase "none") are left out: they are most households and would flatten the rest.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../observe/summary';
import { PHASES } from '../model/phases';
import { HEIGHT, SCHEMA, SUBTITLE_CHARACTERS, WIDTH, config, monthAxis, titled, wrapped } from './frame';
import type { ChartOptions } from './frame';
import { PHASE_LABELS, TEXT, groupLabel } from './labels';
import { labelOf, replicates, scenarioNames, select } from './rows';
import { countAxis, magnitudeOf } from './units';
import { fill } from '../lang/index';

export interface PhasesOptions extends ChartOptions {
  /** The scenario to draw; default every scenario, one small chart each. */
  readonly scenario?: string;
  /** Group of households. Default "national". */
  readonly group?: string;
}

/** The phases drawn, bottom to top, with their colours: assistance grey, empowerment blues, graduation green. */
const DRAWN = [
  ['assistance', '#bab0ac'],
  ['recovery', '#9ecae1'],
  ['transition', '#4292c6'],
  ['development', '#08519c'],
  ['graduated', '#54a24b'],
] as const satisfies ReadonlyArray<readonly [Exclude<(typeof PHASES)[number], 'none'>, string]>;

/**
 * Households per phase of the pathway (the mean over replicates) by month, in two tiers with their
 * own scales: households on assistance only above, and below them the empowerment phases and the
 * graduated, stacked (a few hundred thousand beside some 18 million would not show on one scale).
 * One chart for `options.scenario`, else one column per scenario. Throws when the rows hold no
 * phase counts for the group or scenario.
 */
export function phasesOverTime(rows: readonly SummaryRow[], options: PhasesOptions = {}): TopLevelSpec {
  const { lang = 'en', group = 'national', scenario } = options;
  const t = TEXT[lang];
  const all = scenarioNames(rows, options.scenarios);
  const picked = DRAWN.map(([phase]) => select(rows, { chart: 'phasesOverTime', indicator: `phase_${phase}`, group, scenario }));
  const one = scenario !== undefined;
  const shown = all.filter((s) => picked[0].some((r) => r.scenario === s.id)).map((s) => s.label);

  /** One tier: the phases DRAWN[first…last] stacked, on a scale of their own. */
  const tier = (first: number, last: number, height: number) => {
    const stacked = new Map<string, number>();
    for (let k = first; k <= last; k++) for (const r of picked[k]) stacked.set(`${r.scenario} ${r.month}`, (stacked.get(`${r.scenario} ${r.month}`) ?? 0) + r.mean);
    const m = magnitudeOf(Math.max(0, ...stacked.values()));
    const f = m ? 1 / m.factor : 1;
    const values = picked.slice(first, last + 1).flatMap((phaseRows, j) =>
      phaseRows.map((r) => ({ scenario: labelOf(all, r.scenario), month: r.month, phase: PHASE_LABELS[DRAWN[first + j][0]][lang], order: first + j, households: r.mean * f })),
    );
    return {
      data: { values },
      width: one ? WIDTH : WIDTH / 2 - 10,
      height,
      mark: 'area',
      encoding: {
        ...(one ? {} : { facet: { field: 'scenario', type: 'nominal', title: null, sort: shown, columns: shown.length, header: { labels: first === 0 } } as const }),
        x: monthAxis(lang),
        y: { field: 'households', type: 'quantitative', stack: 'zero', title: countAxis(t.households, m, lang) },
        color: {
          field: 'phase',
          type: 'nominal',
          title: t.phase,
          scale: { domain: DRAWN.map(([phase]) => PHASE_LABELS[phase][lang]), range: DRAWN.map(([, colour]) => colour) },
        },
        order: { field: 'order', type: 'quantitative', sort: 'ascending' },
      },
    } as const;
  };
  return {
    $schema: SCHEMA,
    title: {
      text: titled(`${t.phasesTitle}${one ? `: ${labelOf(all, scenario)}` : ''}, ${groupLabel(group, lang)}`),
      subtitle: [fill(t.phasesSubtitle, { n: replicates(picked[0]) }), ...wrapped(t.phasesRhythm, SUBTITLE_CHARACTERS)],
    },
    config: config(lang),
    vconcat: [tier(0, 0, HEIGHT / 3), tier(1, DRAWN.length - 1, (HEIGHT * 2) / 3)],
  };
}
