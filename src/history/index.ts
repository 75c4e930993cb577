/**
 * The baseline beside the record: each official figure of data/targets/targets.csv set beside what
 * a run of the model gives for it, the way EUROMOD validates a baseline against official statistics
 * (Sutherland and Figari 2013: the model's aggregates as a ratio to the official ones, figure by
 * figure, with the reasons a ratio strays).
 *
 * For each figure, from the run's rows of one scenario (one or more replicates):
 *   model value  = per replicate, the indicator in the figure's group read as the figure says — the
 *                  month's value, the peak over the period, or the sum over it (a year's spending
 *                  against the monthly `<programme>_spend`) — then the mean over replicates and the
 *                  5th and 95th percentiles;
 *   ratio        = model mean / official value;
 *   z            = (model mean − official) / √(sd² + s²), sd the figure's own (targets.csv: 2 % of
 *                  the value, an assumption) and s the standard deviation between replicates (0 for
 *                  one replicate), so a figure is judged against both its uncertainty and the model's.
 * A figure is "in span" when the run has every month it reads; "outside span" when one of its months
 * is before the run's first month or after its last (a run from March 2022 cannot show 2018);
 * "not observed" when its months are inside the run but the run did not record the figure's group
 * then (an experiment records groups other than the nation in March and the last month only); and
 * "not modelled" when the run has no rows of its indicator in its group at all (Gini; a programme the
 * run's registry lacks). No figure is dropped.
 */
import { quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import type { ResultRow } from '../run/results';
import { BAND } from '../observe/summary';
import type { Target } from '../calibration/targets';

export const STATUSES = ['in span', 'outside span', 'not observed', 'not modelled'] as const;
export type FigureStatus = (typeof STATUSES)[number];

/** The model's value of a figure over replicates, in the model's unit. */
export interface ModelValue {
  readonly replicates: number;
  readonly mean: number;
  /** 5th percentile over replicates. */
  readonly p05: number;
  /** 95th percentile over replicates. */
  readonly p95: number;
  /** Standard deviation between replicates (n − 1); 0 for one replicate. */
  readonly sd: number;
}

/** One official figure beside the model. */
export interface HistoryRow {
  readonly figure: Target;
  readonly status: FigureStatus;
  /** The official value in the model's unit (figure.value). */
  readonly official: number;
  /** Null unless the figure is in span. */
  readonly model: ModelValue | null;
  /** Model mean / official; NaN unless in span. */
  readonly ratio: number;
  /** (model mean − official) / √(figure sd² + replicates' sd²); NaN unless in span. */
  readonly z: number;
  /** The sd z divides by, in the model's unit; NaN unless in span. */
  readonly sd: number;
}

/** The one scenario of `rows`, or `scenario` when given; refuses rows of several scenarios without one named. */
function scenarioOf(rows: readonly ResultRow[], scenario: string | undefined): string {
  const ids = [...new Set(rows.map((r) => r.scenario))];
  if (scenario !== undefined) {
    if (!ids.includes(scenario)) throw new Error(`compareWithRecord: scenario "${scenario}" is not among the rows (${ids.join(', ') || 'none'})`);
    return scenario;
  }
  if (ids.length !== 1) throw new Error(`compareWithRecord: expected the rows of one scenario or a scenario named, got ${ids.length ? ids.join(', ') : 'no rows'}`);
  return ids[0];
}

/** A figure's value in one replicate from its months' values. */
const READ = {
  month: (values: readonly number[]) => values[0],
  peak: (values: readonly number[]) => Math.max(...values),
  sum: (values: readonly number[]) => values.reduce((a, b) => a + b, 0),
} as const;

function modelValue(values: readonly number[]): ModelValue {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { replicates: values.length, mean, p05: quantileSorted(sorted, BAND.low), p95: quantileSorted(sorted, BAND.high), sd: values.length > 1 ? sampleStandardDeviation(values) : 0 };
}

/**
 * Every figure of `record` beside the run `rows` (of `scenario`, needed when the rows hold several),
 * in the record's order.
 */
export function compareWithRecord(rows: readonly ResultRow[], record: readonly Target[], scenario?: string): HistoryRow[] {
  const id = scenarioOf(rows, scenario);
  // indicator|group → month → replicate → value
  const series = new Map<string, Map<string, Map<number, number>>>();
  const replicates = new Set<number>();
  let first = '9999-12';
  let last = '0000-01';
  for (const r of rows) {
    if (r.scenario !== id) continue;
    replicates.add(r.replicate);
    if (r.month < first) first = r.month;
    if (r.month > last) last = r.month;
    const key = `${r.indicator}|${r.group}`;
    let months = series.get(key);
    if (!months) series.set(key, (months = new Map()));
    let values = months.get(r.month);
    if (!values) months.set(r.month, (values = new Map()));
    values.set(r.replicate, r.value);
  }
  return record.map((figure): HistoryRow => {
    const official = figure.value;
    const months = series.get(`${figure.indicator}|${figure.group}`);
    const outside = (status: FigureStatus): HistoryRow => ({ figure, status, official, model: null, ratio: NaN, z: NaN, sd: NaN });
    if (months === undefined) return outside('not modelled');
    const read = figure.months.map((m) => months.get(m));
    if (figure.months[0] < first || figure.months.at(-1)! > last) return outside('outside span');
    if (read.some((values) => values === undefined || values.size < replicates.size)) return outside('not observed');
    const model = modelValue([...replicates].map((r) => READ[figure.measure](read.map((values) => values!.get(r)!))));
    const sd = Math.sqrt(figure.sd ** 2 + model.sd ** 2);
    return { figure, status: 'in span', official, model, ratio: official === 0 ? NaN : model.mean / official, z: (model.mean - official) / sd, sd };
  });
}
