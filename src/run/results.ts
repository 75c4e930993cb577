/**
 * Results: tidy rows and the manifest that says exactly what produced them.
 */
import { createHash } from 'node:crypto';

/** One value of one indicator, for one group, month, scenario and replicate. */
export interface ResultRow {
  readonly scenario: string;
  readonly replicate: number;
  /** "YYYY-MM". */
  readonly month: string;
  readonly indicator: string;
  readonly group: string;
  readonly value: number;
}

/** A data file (relative to the repository) and its SHA-256. */
export interface DataFile {
  readonly file: string;
  readonly sha256: string;
}

/** The code and data a result came from: the header of every manifest (./provenance.ts). */
export interface Provenance {
  readonly model: 'graduasi';
  /** The package version in package.json. */
  readonly version: string;
  /** Node.js version: Math functions outside the model's own may differ between V8 versions. */
  readonly node: string;
  /** Git commit of the code ("-dirty" when the work tree had uncommitted changes), or "unknown". */
  readonly commit: string;
  /** With a "-dirty" commit: SHA-256 of `git diff --binary HEAD`, the uncommitted changes to tracked files. */
  readonly diff?: string;
  /** SHA-256 of every data file under data/ (not the READMEs), sorted by path. */
  readonly data: readonly DataFile[];
}

/** Everything needed to reproduce a result. No wall-clock time: identical runs have identical manifests. */
export interface Manifest extends Provenance {
  readonly scenario: { readonly id: string; readonly patchHash: string };
  /** Hash of the (patched) parameter tree the run used. */
  readonly parametersHash: string;
  /** The parameter tree the scenario patched: the folder it was read from and its (unpatched) hash. */
  readonly parameterTree: { readonly folder: string; readonly hash: string };
  readonly seed: string | number;
  readonly replicate: number;
  readonly options: { readonly start: string; readonly end: string; readonly agents: number };
  /** The offer of a virtual trial, when the run had one (SimulateOptions.offer). */
  readonly offer?: {
    readonly programme: string;
    readonly month: string;
    readonly households: number;
    /** SHA-256 of the agent indices (Int32, little-endian). */
    readonly householdsSha256: string;
    readonly package?: { readonly capital: number; readonly asset: string; readonly stipend: number; readonly stipendMonths: number; readonly mentoringMonths: number; readonly training: boolean };
  };
  /** The programmes and services of the run, when they are not the model's own (SimulateOptions.registry). */
  readonly registry?: { readonly programmes: readonly string[]; readonly services: readonly string[] };
  readonly population: { readonly households: number; readonly persons: number };
  readonly results: { readonly rows: number; readonly sha256: string };
}

export interface Result {
  readonly rows: readonly ResultRow[];
  readonly manifest: Manifest;
}

export const CSV_HEADER = 'scenario,replicate,month,indicator,group,value';

/** A CSV field, quoted when it holds a comma, quote or line break. */
export function csvField(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * csvField of texts that recur (the scenarios, indicators and groups of a run's rows), each quoted
 * once: the same fields, without a test of every row's texts.
 */
export function recurringCsvFields(): (s: string) => string {
  const fields = new Map<string, string>();
  return (s) => {
    let field = fields.get(s);
    if (field === undefined) fields.set(s, (field = csvField(s)));
    return field;
  };
}

/**
 * Rows as CSV lines (no header), numbers in JavaScript's shortest round-trip form. Rows come
 * scenario by scenario, replicate by replicate and month by month, so the start of a line is made
 * once for each run of rows that share it.
 */
export function csvLines(rows: readonly ResultRow[]): string[] {
  const field = recurringCsvFields();
  const lines = new Array<string>(rows.length);
  let start = '';
  let scenario: string | undefined;
  let replicate: number | undefined;
  let month: string | undefined;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (r.scenario !== scenario || r.replicate !== replicate || r.month !== month) {
      ({ scenario, replicate, month } = r);
      start = `${field(scenario)},${replicate},${month}`;
    }
    lines[k] = [start, field(r.indicator), field(r.group), r.value].join(',');
  }
  return lines;
}

/** Rows as a CSV document with header. */
export function toCsv(rows: readonly ResultRow[]): string {
  return `${CSV_HEADER}\n${csvLines(rows).join('\n')}\n`;
}

/** SHA-256 (hex) of a string or bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
