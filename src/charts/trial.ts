/**
 * A virtual trial's intention-to-treat effects by horizon: one small panel per outcome, the effect
 * (treatment − control) at each horizon as a point with its 95 % confidence interval, around a zero
 * line. Each panel has its own scale and unit — money in thousands of rupiah, shares in percentage
 * points — because the outcomes are of different kinds and sizes.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, config } from './frame';
import { OUTCOME_INFO, OUTCOMES } from '../trial/outcomes';
import type { Outcome, TrialEstimate } from '../trial/outcomes';
import type { Lang } from '../lang/index';

export interface TrialEffectsOptions {
  /** Language of every text: 'en' or 'id'. Default 'en'. */
  readonly lang?: Lang;
  /** The outcomes to draw, in panel order. Default every outcome of the rows, in OUTCOMES order. */
  readonly outcomes?: readonly Outcome[];
  /** Title; default "Intention-to-treat effects by months after the offer". */
  readonly title?: string;
}

const WORDS = {
  en: {
    title: 'Intention-to-treat effects by months after the offer',
    subtitle: 'Treatment mean − control mean; points: estimate; lines: 95 % confidence interval; money in Rp thousand, shares in percentage points',
    months: 'Months after the offer',
    effect: 'Effect',
    thousand: 'Rp thousand',
    points: 'pp',
  },
  id: {
    title: 'Dampak intention-to-treat menurut bulan setelah penawaran',
    subtitle: 'Rata-rata perlakuan − rata-rata kontrol; titik: estimasi; garis: selang kepercayaan 95 %; uang dalam ribu Rp, proporsi dalam poin persentase',
    months: 'Bulan setelah penawaran',
    effect: 'Dampak',
    thousand: 'ribu Rp',
    points: 'poin',
  },
} as const;

/** Between a panel's name and its unit: the header shows them on two lines. */
const LINE = ' · ';

/** The panel title of an outcome and, after LINE, the unit its effects are drawn in. */
function panel(outcome: Outcome, lang: Lang): string {
  const o = OUTCOME_INFO[outcome];
  const w = WORDS[lang];
  const name = o.label[lang];
  if (o.kind === 'share') return `${name}${LINE}${w.points}`;
  const per = o.unit[lang].replace(/^Rp ?/, '');
  return `${name}${LINE}${w.thousand}${per ? ` ${per}` : ''}`;
}

/**
 * Panels of effects with 95 % intervals by horizon, from the ITT rows of a trial (TrialResult.itt).
 * Throws when no row holds a requested outcome, or a value is not a finite number.
 */
export function trialEffects(rows: readonly TrialEstimate[], options: TrialEffectsOptions = {}): TopLevelSpec {
  const { lang = 'en' } = options;
  const w = WORDS[lang];
  const outcomes = options.outcomes ?? OUTCOMES.filter((o) => rows.some((r) => r.outcome === o));
  if (outcomes.length === 0) throw new Error('trialEffects: no ITT rows were given');
  const values = outcomes.flatMap((outcome) => {
    const own = rows.filter((r) => r.outcome === outcome);
    if (own.length === 0) throw new Error(`trialEffects: no ITT rows of outcome "${outcome}" (rows hold ${[...new Set(rows.map((r) => r.outcome))].join(', ')})`);
    const factor = OUTCOME_INFO[outcome].kind === 'money' ? 1e-3 : 100;
    return own.map((r) => {
      if (![r.effect, r.low, r.high].every(Number.isFinite)) throw new Error(`trialEffects: outcome "${outcome}" at ${r.horizon} months: the effect or its interval is not a finite number`);
      return { panel: panel(outcome, lang), months: r.horizon, effect: r.effect * factor, low: r.low * factor, high: r.high * factor };
    });
  });
  const x = { field: 'months', type: 'ordinal', title: w.months, axis: { labelAngle: 0 } } as const;
  return {
    $schema: SCHEMA,
    title: { text: options.title ?? w.title, subtitle: w.subtitle },
    config: config(lang),
    data: { values },
    facet: { field: 'panel', type: 'nominal', title: null, sort: outcomes.map((o) => panel(o, lang)), header: { labelFontSize: 11, labelExpr: `split(datum.value, '${LINE}')` } },
    columns: 3,
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: 190,
      height: 140,
      layer: [
        { mark: { type: 'rule', color: '#888', strokeDash: [3, 3] }, encoding: { y: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: 2, color: '#4c78a8' }, encoding: { x, y: { field: 'low', type: 'quantitative', title: w.effect }, y2: { field: 'high' } } },
        { mark: { type: 'point', filled: true, size: 50, color: '#4c78a8' }, encoding: { x, y: { field: 'effect', type: 'quantitative', title: w.effect } } },
      ],
    },
  };
}
