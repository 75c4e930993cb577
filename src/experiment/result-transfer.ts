/**
 * A job's result as it crosses from a worker thread to the caller: its rows as columns (each text a
 * number into a table of the texts, each value in a Float64Array) rather than tens of thousands of
 * objects with four strings each. The caller rebuilds the rows with one copy of each text for all
 * the jobs it receives, so the rows it keeps until the files are written are objects pointing at
 * shared strings: less to copy, to hold and for the garbage collector to walk.
 */
import type { ResultRow } from '../run/results';
import type { JobResult } from './job';

/** A job's result packed for postMessage. */
export interface PackedResult extends Omit<JobResult, 'rows'> {
  /** The texts the rows use, each once. */
  readonly texts: readonly string[];
  /** For each row: its scenario, month, indicator and group, as indices of `texts`. */
  readonly keys: Uint32Array;
  readonly replicates: Int32Array;
  readonly values: Float64Array;
}

/** The fields of a row that are texts, in the order of `keys`. */
const TEXT_FIELDS = ['scenario', 'month', 'indicator', 'group'] as const;

/** Packs a job's result in the worker thread. */
export function packResult(result: JobResult): PackedResult {
  const { rows, ...rest } = result;
  const index = new Map<string, number>();
  const texts: string[] = [];
  const keys = new Uint32Array(rows.length * TEXT_FIELDS.length);
  const replicates = new Int32Array(rows.length);
  const values = new Float64Array(rows.length);
  rows.forEach((row, r) => {
    TEXT_FIELDS.forEach((field, f) => {
      const text = row[field];
      let k = index.get(text);
      if (k === undefined) index.set(text, (k = texts.push(text) - 1));
      keys[r * TEXT_FIELDS.length + f] = k;
    });
    replicates[r] = row.replicate;
    values[r] = row.value;
  });
  return { ...rest, texts, keys, replicates, values };
}

/**
 * Rebuilds a job's rows in the caller. `shared` holds one copy of each text across every result it
 * has unpacked: pass the same map for all the results of a call.
 */
export function unpackResult(packed: PackedResult, shared: Map<string, string>): JobResult {
  const { texts, keys, replicates, values, ...rest } = packed;
  const canonical = texts.map((text) => {
    const known = shared.get(text);
    if (known !== undefined) return known;
    shared.set(text, text);
    return text;
  });
  const rows: ResultRow[] = new Array(values.length);
  for (let r = 0, k = 0; r < values.length; r++, k += TEXT_FIELDS.length) {
    rows[r] = { scenario: canonical[keys[k]], replicate: replicates[r], month: canonical[keys[k + 1]], indicator: canonical[keys[k + 2]], group: canonical[keys[k + 3]], value: values[r] };
  }
  return { ...rest, rows };
}
