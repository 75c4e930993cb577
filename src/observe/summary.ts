/**
 * Summaries of an experiment's tidy rows: per scenario, month, indicator and group, the mean over
 * replicates and a band (the 5th and 95th percentiles of the replicates), and, against a reference
 * scenario, the same for the paired difference (scenario minus reference, replicate by replicate:
 * both saw the same population and the same random draws, so the difference is the policy's).
 */
import { mean, quantileSorted } from 'simple-statistics';
import type { ResultRow } from '../run/results';
import { recurringCsvFields } from '../run/results';

/** The band's quantiles: the 5th and 95th percentiles over replicates. */
export const BAND = { low: 0.05, high: 0.95 } as const;

export interface SummaryRow {
  readonly scenario: string;
  /** "" for the scenario's own values; the reference scenario's id for a paired difference. */
  readonly compared_with: string;
  readonly month: string;
  readonly indicator: string;
  readonly group: string;
  /** Replicates summarised. */
  readonly replicates: number;
  readonly mean: number;
  /** 5th percentile over replicates. */
  readonly p05: number;
  readonly median: number;
  /** 95th percentile over replicates. */
  readonly p95: number;
}

/** A mean over replicates and its band, the 5th and 95th percentiles (BAND). */
export interface Band {
  readonly mean: number;
  readonly p05: number;
  readonly p95: number;
}

/** The mean of `values` and their 5th and 95th percentiles (BAND). */
export function band(values: readonly number[]): Band {
  const sorted = [...values].sort((a, b) => a - b);
  return { mean: mean(values), p05: quantileSorted(sorted, BAND.low), p95: quantileSorted(sorted, BAND.high) };
}

export const SUMMARY_HEADER = 'scenario,compared_with,month,indicator,group,replicates,mean,p05,median,p95';

function describe(values: number[]): Pick<SummaryRow, 'replicates' | 'mean' | 'p05' | 'median' | 'p95'> {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    replicates: values.length,
    mean: mean(values),
    p05: quantileSorted(sorted, BAND.low),
    median: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, BAND.high),
  };
}

/** A scenario's values of one month, indicator and group, by replicate. */
interface Cell {
  readonly row: ResultRow;
  readonly values: number[];
}

/**
 * A scenario's cells, found by month, indicator and group (maps of maps: no key text is built per
 * row) and kept in the order they first appear.
 */
class Cells {
  private readonly index = new Map<string, Map<string, Map<string, Cell>>>();
  readonly inOrder: Cell[] = [];

  /** The cell of `row`'s month, indicator and group, made when it is new. */
  of(row: ResultRow): Cell {
    let byIndicator = this.index.get(row.month);
    if (byIndicator === undefined) this.index.set(row.month, (byIndicator = new Map()));
    let byGroup = byIndicator.get(row.indicator);
    if (byGroup === undefined) byIndicator.set(row.indicator, (byGroup = new Map()));
    let cell = byGroup.get(row.group);
    if (cell === undefined) {
      byGroup.set(row.group, (cell = { row, values: [] }));
      this.inOrder.push(cell);
    }
    return cell;
  }

  /** The cell of `row`'s month, indicator and group, or undefined. */
  find(row: ResultRow): Cell | undefined {
    return this.index.get(row.month)?.get(row.indicator)?.get(row.group);
  }
}

const describeKey = (row: ResultRow) => `${row.month} / ${row.indicator} / ${row.group}`;

/**
 * Summaries of every scenario's rows, then (when `reference` is given) paired differences of every
 * other scenario against it. Rows are kept in the order the keys first appear, scenario by scenario.
 * A key a scenario has in one replicate but not in another is an error (the runs differ in shape).
 */
export function summarise(rows: readonly ResultRow[], reference?: string): SummaryRow[] {
  // scenario → key → value per replicate (index = position of the replicate in first-seen order)
  const byScenario = new Map<string, { replicates: Map<number, number>; cells: Cells }>();
  for (const r of rows) {
    let s = byScenario.get(r.scenario);
    if (!s) byScenario.set(r.scenario, (s = { replicates: new Map(), cells: new Cells() }));
    let slot = s.replicates.get(r.replicate);
    if (slot === undefined) s.replicates.set(r.replicate, (slot = s.replicates.size));
    s.cells.of(r).values[slot] = r.value;
  }
  if (reference !== undefined && !byScenario.has(reference)) {
    throw new Error(`reference scenario "${reference}" is not among the results (${[...byScenario.keys()].join(', ')})`);
  }
  const complete = (scenario: string, row: ResultRow, values: number[], n: number): number[] => {
    if (values.length !== n || values.some((v) => v === undefined)) {
      throw new Error(`scenario ${scenario}: ${describeKey(row)} is missing in some replicates`);
    }
    return values;
  };

  const out: SummaryRow[] = [];
  for (const [scenario, s] of byScenario) {
    const n = s.replicates.size;
    for (const { row, values } of s.cells.inOrder) {
      out.push({ scenario, compared_with: '', month: row.month, indicator: row.indicator, group: row.group, ...describe(complete(scenario, row, values, n)) });
    }
  }
  if (reference === undefined) return out;

  const ref = byScenario.get(reference)!;
  const refOrder = [...ref.replicates.keys()];
  for (const [scenario, s] of byScenario) {
    if (scenario === reference) continue;
    const order = [...s.replicates.keys()];
    if (order.length !== refOrder.length || order.some((r) => !ref.replicates.has(r))) {
      throw new Error(`scenario ${scenario} has replicates ${order.join(', ')} but the reference ${reference} has ${refOrder.join(', ')}: differences need the same replicates`);
    }
    for (const { row, values } of s.cells.inOrder) {
      const base = ref.cells.find(row);
      if (!base) continue;
      const diffs = order.map((replicate) => values[s.replicates.get(replicate)!] - base.values[ref.replicates.get(replicate)!]);
      out.push({ scenario, compared_with: reference, month: row.month, indicator: row.indicator, group: row.group, ...describe(diffs) });
    }
  }
  return out;
}

/**
 * Summary rows as a CSV document with header. Rows come scenario by scenario (levels, then paired
 * differences) and month by month, so the start of a line is made once for each run of rows that
 * share it.
 */
export function summaryCsv(rows: readonly SummaryRow[]): string {
  const field = recurringCsvFields();
  const lines = new Array<string>(rows.length);
  let start = '';
  let scenario: string | undefined;
  let comparedWith: string | undefined;
  let month: string | undefined;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r.scenario !== scenario || r.compared_with !== comparedWith || r.month !== month) {
      ({ scenario, compared_with: comparedWith, month } = r);
      start = `${field(scenario)},${field(comparedWith)},${month}`;
    }
    lines[k] = [start, field(r.indicator), field(r.group), r.replicates, r.mean, r.p05, r.median, r.p95].join(',');
  }
  return `${SUMMARY_HEADER}\n${lines.join('\n')}\n`;
}
