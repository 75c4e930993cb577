/**
 * Calibration charts: where the posterior sits within each parameter's range (the prior), and how
 * the fitted model compares with each target, the held-out ones included.
 */
import type { TopLevelSpec } from 'vega-lite';
import { SCHEMA, WIDTH, config } from './frame';
import { indicatorLabel } from './units';
import type { Lang } from '../lang/index';

const WORDS = {
  en: {
    posteriorTitle: 'Posterior of the behaviour parameters within their ranges',
    posteriorSubtitle: 'Each dot a particle (size: weight); the grey bar is the range, the uniform prior; the tick the point fit',
    position: 'Position within the range (0 = min, 1 = max)',
    parameter: 'Parameter',
    weight: 'Weight',
    fitTitle: 'Fitted model against the official figures',
    fitSubtitle: 'Posterior predictive median with 5th–95th percentile (bar) and point fit (tick), as a ratio to the observed value; 1 = exact',
    ratio: 'Model ÷ observed',
    target: 'Target',
    role: 'Role',
    roles: { fit: 'fitted', holdout: 'held out', check: 'check' },
  },
  id: {
    posteriorTitle: 'Posterior parameter perilaku dalam rentangnya',
    posteriorSubtitle: 'Setiap titik satu partikel (ukuran: bobot); batang abu-abu adalah rentang, prior seragam; garis kecil adalah titik kecocokan',
    position: 'Posisi dalam rentang (0 = min, 1 = maks)',
    parameter: 'Parameter',
    weight: 'Bobot',
    fitTitle: 'Model yang dikalibrasi dibandingkan angka resmi',
    fitSubtitle: 'Median prediktif posterior dengan persentil ke-5–95 (batang) dan titik kecocokan (garis kecil), sebagai rasio terhadap nilai pengamatan; 1 = tepat',
    ratio: 'Model ÷ pengamatan',
    target: 'Target',
    role: 'Peran',
    roles: { fit: 'dikalibrasi', holdout: 'ditahan', check: 'pemeriksaan' },
  },
} as const;

export interface PosteriorChartInput {
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly min: number; readonly max: number }>;
  readonly points: readonly (readonly number[])[];
  readonly weights: readonly number[];
  /** The point fit, by parameter name. */
  readonly pointFit?: Readonly<Record<string, number>>;
}

/** Short name of a parameter path: without "behaviour.". */
const short = (name: string) => name.replace(/^behaviour\./, '');

/** Each parameter's particles as positions in its range, sized by weight, with the point fit. */
export function posteriorChart(input: PosteriorChartInput, lang: Lang = 'en'): TopLevelSpec {
  const w = WORDS[lang];
  if (input.points.length === 0) throw new Error('posteriorChart: no particles were given');
  const share = (k: number, x: number) => (x - input.parameters[k].min) / (input.parameters[k].max - input.parameters[k].min);
  const particles = input.points.flatMap((point, j) => point.map((x, k) => ({ parameter: short(input.parameters[k].name), position: share(k, x), weight: input.weights[j] })));
  const fit = input.pointFit ? input.parameters.map((p, k) => ({ parameter: short(p.name), position: share(k, input.pointFit![p.name]) })) : [];
  const order = input.parameters.map((p) => short(p.name));
  const y = { field: 'parameter', type: 'nominal' as const, title: w.parameter, sort: order, axis: { labelLimit: 260 } };
  return {
    $schema: SCHEMA,
    title: { text: w.posteriorTitle, subtitle: w.posteriorSubtitle },
    config: config(lang),
    width: WIDTH - 200,
    height: { step: 28 },
    layer: [
      { data: { values: order.map((parameter) => ({ parameter, from: 0, to: 1 })) }, mark: { type: 'bar', color: '#eee', height: 16 }, encoding: { y, x: { field: 'from', type: 'quantitative', title: w.position, scale: { domain: [0, 1] } }, x2: { field: 'to' } } },
      { data: { values: particles }, mark: { type: 'circle', opacity: 0.45, color: '#4c78a8' }, encoding: { y, x: { field: 'position', type: 'quantitative' }, size: { field: 'weight', type: 'quantitative', title: w.weight, legend: null } } },
      ...(fit.length ? [{ data: { values: fit }, mark: { type: 'tick' as const, color: '#e45756', thickness: 3 }, encoding: { y, x: { field: 'position', type: 'quantitative' as const } } }] : []),
    ],
  };
}

export interface TargetFitRow {
  readonly id: string;
  readonly role: 'fit' | 'holdout' | 'check';
  readonly indicator: string;
  readonly observed: number;
  readonly pointFit: number;
  readonly p05: number;
  readonly median: number;
  readonly p95: number;
}

/** Each target's model value as a ratio to the observed one: posterior interval, median and point fit, coloured by role. */
export function targetFitChart(rows: readonly TargetFitRow[], lang: Lang = 'en'): TopLevelSpec {
  const w = WORDS[lang];
  if (rows.length === 0) throw new Error('targetFitChart: no targets were given');
  for (const r of rows) if (!(r.observed > 0)) throw new Error(`targetFitChart: target ${r.id} has observed value ${r.observed}; expected a positive number to divide by`);
  const values = rows.map((r) => ({
    target: r.id,
    label: `${r.id} — ${indicatorLabel(r.indicator, lang)}`,
    role: w.roles[r.role],
    low: r.p05 / r.observed,
    median: r.median / r.observed,
    high: r.p95 / r.observed,
    point: r.pointFit / r.observed,
  }));
  const y = { field: 'target', type: 'nominal' as const, title: w.target, sort: rows.map((r) => r.id), axis: { labelLimit: 260 } };
  const color = { field: 'role', type: 'nominal' as const, title: w.role, scale: { domain: Object.values(w.roles), range: ['#4c78a8', '#f58518', '#9d9d9d'] } };
  return {
    $schema: SCHEMA,
    title: { text: w.fitTitle, subtitle: w.fitSubtitle },
    config: config(lang),
    width: WIDTH - 200,
    height: { step: 26 },
    data: { values },
    layer: [
      { data: { values: [{}] }, mark: { type: 'rule', color: '#333', strokeDash: [4, 3] }, encoding: { x: { datum: 1, type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 6, opacity: 0.5 }, encoding: { y, x: { field: 'low', type: 'quantitative', title: w.ratio, scale: { zero: false } }, x2: { field: 'high' }, color } },
      { mark: { type: 'point', filled: true, size: 50 }, encoding: { y, x: { field: 'median', type: 'quantitative' }, color, tooltip: [{ field: 'label' }, { field: 'median', format: '.3f' }, { field: 'point', format: '.3f' }] } },
      { mark: { type: 'tick', color: '#e45756', thickness: 2 }, encoding: { y, x: { field: 'point', type: 'quantitative' } } },
    ],
  };
}
