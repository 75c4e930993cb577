/**
 * Loads the parameter tree: one YAML file per parameter under data/parameters/, read once, checked
 * once, then trusted.
 *
 * A file holds a description, dated values ("YYYY-MM-DD" → value, in increasing order; a value applies
 * from the month of its date until the next date) and metadata (unit, label, references; behaviour
 * parameters also a plausible range and the reasoning behind value and range). A policy parameter is a
 * rule as set, unless its file says `assumption: true`: a value no source gives, which must then carry
 * a range and its reasoning like a behaviour parameter, so that studies can vary it; a rule carries no
 * range (changing a rule is a scenario, not an uncertainty). The loader parses every
 * file with the YAML 1.2 core schema (so dates stay text, duplicate keys are errors), checks its shape
 * with zod (unknown keys are errors), then checks the tree against the declared parameters in ./spec.ts:
 * no undeclared file, no missing file, units as declared, every value valid for its unit, ranges that
 * hold their values. It never clamps or drops: it collects every problem in the tree and throws one
 * ProblemError (src/problems) naming, for each, the file, the parameter path, what was expected and
 * what was found.
 *
 * The result is deeply frozen. `at(month)` gives the values in force in a month (cached per month);
 * `patched()` merges a scenario's dated values (a value replaces any value in the same month), checked
 * against units, not ranges: a scenario may explore beyond the plausible range. Their dates run from
 * the parameter's first value in the data to the end of LAST_YEAR: outside, a value changes no run.
 *
 * Only the edges call loadParameters (the command line, a notebook cell, the lab, benchmarks, tests);
 * the library takes the tree it is given. A worker thread gets it as plain data (`toTransfer`, then
 * `fromTransfer` on the other side), not by reading the folder again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { formatMonth, monthOf, type Month } from '../calendar/months';
import { described as describe, didYouMean as guess, nearest, PROBLEMS_LISTED, ProblemError, typed, type Problem } from '../problems/index';
import { PARAMETERS, SPLITS, SPLIT_TOLERANCE, UNITS, WHOLE_UNITS, type ParameterPath, type ParameterValues, type Unit } from './spec';
import type { DatedValue, ParameterPatch, ParameterRecord, Parameters } from './types';

/** The repository root: this file is src/parameters/load.ts. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The default parameter folder, <repo root>/data/parameters. */
export const DEFAULT_PARAMETER_DIR = join(REPO_ROOT, 'data', 'parameters');

/**
 * The last year the parameter tree is read for: 2045, the horizon of Indonesia's long-term
 * development plan (RPJPN 2025–2045, "Indonesia Emas 2045"). A patch dated later is refused: no run
 * reaches it, so it would change nothing (and so is one dated before its parameter's first value).
 */
export const LAST_YEAR = 2045;

// ---------------------------------------------------------------------------------------------------
// The declared parameters (from ./spec.ts)

/** Every declared parameter path with its unit, in the order of ./spec.ts. */
const DECLARED: ReadonlyMap<string, Unit> = (() => {
  const out: [string, Unit][] = [];
  const walk = (node: object, prefix: string): void => {
    for (const [key, child] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof child.unit === 'string') out.push([path, child.unit as Unit]);
      else walk(child, path);
    }
  };
  walk(PARAMETERS, '');
  return new Map(out);
})();

// ---------------------------------------------------------------------------------------------------
// The shape of a file (zod): strict objects, so a misspelt or unknown key is an error

const ReferenceSchema = z.strictObject({ title: z.string().min(1), href: z.string().regex(/^https?:\/\/\S+$/, 'expected a link starting with http:// or https://') });
const RangeSchema = z.strictObject({ min: z.number(), max: z.number() });
const MetadataSchema = z.strictObject({
  unit: z.string().optional(), // checked against spec.ts below, with a better message
  label: z.string().min(1),
  reference: z.array(ReferenceSchema).optional(),
  assumption: z.boolean().optional(),
  range: RangeSchema.optional(),
  reasoning: z.string().min(1).optional(),
});
const FileSchema = z.strictObject({
  description: z.string().min(1),
  values: z.record(z.string(), z.unknown()),
  metadata: MetadataSchema,
});
type ParameterFile = z.infer<typeof FileSchema>;

/** The keys an object at a zod issue path may have (for "unknown key" messages). */
function allowedKeys(path: readonly PropertyKey[]): readonly string[] {
  const last = path.filter((k) => typeof k === 'string').at(-1);
  const shape = last === undefined ? FileSchema.shape : last === 'metadata' ? MetadataSchema.shape
    : last === 'reference' ? ReferenceSchema.shape : last === 'range' ? RangeSchema.shape : {};
  return Object.keys(shape);
}

/** zod's issues as problems of one file. */
function shapeProblems(issues: readonly z.core.$ZodIssue[], file: string, param: string): Problem[] {
  const at = (path: readonly PropertyKey[]) => (path.length ? `${param}: ${path.map(String).join('.')}` : param);
  return issues.flatMap((issue): Problem[] => {
    const input = (issue as { input?: unknown }).input;
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ file, path: at([...issue.path, key]), expected: `only the keys ${allowedKeys(issue.path).join(', ')}`, got: `an unknown key "${key}"` }));
      case 'invalid_type':
        return [{ file, path: at(issue.path), expected: expectedType(issue.expected), got: describe(input) }];
      case 'too_small':
        return [{ file, path: at(issue.path), expected: issue.origin === 'string' ? 'a non-empty text' : `at least ${issue.minimum}`, got: describe(input) }];
      default:
        return [{ file, path: at(issue.path), expected: `valid input (${issue.message})`, got: describe(input) }];
    }
  });
}

function expectedType(t: string): string {
  return t === 'string' ? 'a text' : t === 'number' ? 'a number' : t === 'object' || t === 'record' ? 'a mapping' : t === 'array' ? 'a list' : `a ${t}`;
}

// ---------------------------------------------------------------------------------------------------
// Checks of values against units

/** Whether `value` is a valid value in `unit`. */
function fitsUnit(value: unknown, unit: Unit): boolean {
  if (unit === 'bool') return typeof value === 'boolean';
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (WHOLE_UNITS.has(unit) && !Number.isInteger(value)) return false;
  switch (unit) {
    case 'probability':
    case 'probability-per-month':
    case 'share':
      return value >= 0 && value <= 1;
    case 'rate-per-year':
      return value > -1;
    default: // rupiah amounts, counts, households, persons, years, months, log-sd
      return value >= 0;
  }
}

/**
 * What is wrong with a value in a unit (expected <UNITS wording>, got <value>, with its kind when it
 * is of the wrong kind: 'a text "12000000"'), or undefined.
 */
function unitProblem(value: unknown, unit: Unit): Pick<Problem, 'expected' | 'got' | 'hint'> | undefined {
  if (fitsUnit(value, unit)) return undefined;
  const rightKind = typeof value === (unit === 'bool' ? 'boolean' : 'number');
  const quotedNumber = unit !== 'bool' && typeof value === 'string' && /^\s*-?\d+(\.\d+)?(e[+-]?\d+)?\s*$/i.test(value);
  return { expected: UNITS[unit], got: rightKind ? describe(value) : typed(value), ...(quotedNumber ? { hint: `a number is written without quotes: ${value.trim()}` } : {}) };
}

/** The month of a "YYYY-MM-DD" date that exists in the calendar, or what is wrong with it. */
function dateMonth(date: string): Month | Pick<Problem, 'expected' | 'got'> {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const real = m !== null && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return real ? monthOf(date) : { expected: 'a date YYYY-MM-DD that exists in the calendar', got: JSON.stringify(date) };
}

// ---------------------------------------------------------------------------------------------------
// Did you mean …?

/** 'did you mean "x"?' for the closest declared path (edit distance ≤ 3), else for paths whose last segment
 * starts like the given one ("exclusion" → "exclusion_error"); undefined when nothing is close. */
function didYouMean(path: string): string | undefined {
  const close = nearest(path, DECLARED.keys()).slice(0, 1);
  const last = path.split('.').at(-1) ?? '';
  const sameLast = [...DECLARED.keys()].filter((p) => { const l = p.split('.').at(-1)!; return last !== '' && (l.startsWith(last) || last.startsWith(l)); });
  return guess(close.length ? close : sameLast.slice(0, 3));
}

// ---------------------------------------------------------------------------------------------------
// Reading the tree

/** Every file under `dir`, as paths relative to it with "/" separators, sorted; hidden ones (".…", e.g. editor swap files) skipped. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      return e.isDirectory() ? listFiles(dir, rel) : [rel];
    });
}

/** A file's path for messages: relative to the repository root when it is inside it, else as given. */
export function shown(file: string): string {
  const rel = relative(REPO_ROOT, resolve(file));
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  return (inside ? rel : file).split(sep).join('/');
}

/** Map → plain object, recursively (YAML is read with maps as Map to keep the order of date keys). */
function plain(x: unknown): unknown {
  if (x instanceof Map) return Object.fromEntries([...x].map(([k, v]) => [String(k), plain(v)]));
  if (Array.isArray(x)) return x.map(plain);
  return x;
}

/** Reads and checks one parameter file; returns its record, or undefined and adds to `problems`. */
function readRecord(absFile: string, path: string, unit: Unit, problems: Problem[]): ParameterRecord | undefined {
  const file = shown(absFile);
  const found: Problem[] = [];
  const problem = (key: string, expected: string, got?: string) => found.push({ file, path: key ? `${path}: ${key}` : path, expected, got });
  const wrong = (key: string, what: Pick<Problem, 'expected' | 'got'>) => problem(key, what.expected, what.got);
  const done = (): undefined => {
    problems.push(...found);
    return undefined;
  };

  const doc = parseDocument(readFileSync(absFile, 'utf8'), { version: '1.2', schema: 'core', uniqueKeys: true });
  for (const e of doc.errors) problem('', 'valid YAML', e.message.split('\n')[0]);
  if (found.length) return done();

  // The shape (zod). Whatever its verdict, the checks below run on the parts whose shape is right, so
  // that one pass reports every problem of the file.
  const raw = doc.toJS({ mapAsMap: true }) as unknown;
  const parsed = FileSchema.safeParse(plain(raw), { reportInput: true });
  if (!parsed.success) found.push(...shapeProblems(parsed.error.issues, file, path));
  const data = (parsed.success ? parsed.data : plain(raw)) as Partial<ParameterFile> | null;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return done();
  const meta = (data.metadata ?? {}) as Partial<ParameterFile['metadata']>;
  const kind = path.startsWith('behaviour.') ? 'behaviour' : 'policy';

  if ((meta.unit === undefined || typeof meta.unit === 'string') && meta.unit !== unit) {
    problem('metadata.unit', `"${unit}" (the unit declared in src/parameters/spec.ts)`, describe(meta.unit));
  }

  // Dated values, in file order (read from the Map, which keeps the order of the YAML mapping).
  const valuesMap = raw instanceof Map ? raw.get('values') : undefined;
  const entries = valuesMap instanceof Map ? [...valuesMap].map(([k, v]) => [String(k), v] as const) : [];
  if (valuesMap instanceof Map && entries.length === 0) problem('values', 'at least one dated value', 'none');
  const values: DatedValue[] = [];
  for (const [date, value] of entries) {
    const month = dateMonth(date);
    if (typeof month !== 'number') { wrong(`values.${date}`, month); continue; }
    const previous = values.at(-1);
    if (previous && month <= previous.month) {
      problem(`values.${date}`, `a date in a later month than the one before it (${previous.date}): dates must increase, one value per month at most`, date);
    }
    const bad = unitProblem(value, unit);
    if (bad) wrong(`values.${date}`, bad);
    values.push({ date, month, value: value as number | boolean });
  }

  const references = Array.isArray(meta.reference) ? meta.reference : undefined;
  if (kind === 'policy' && !references?.length) {
    problem('metadata.reference', 'at least one reference (title and href) for a policy parameter', references ? 'an empty list' : 'nothing');
  }
  if (kind === 'behaviour' && unit !== 'bool' && meta.range === undefined) {
    problem('metadata.range', 'a plausible range { min, max } for a behaviour parameter', 'nothing');
  }
  if (kind === 'behaviour' && meta.reasoning === undefined) {
    problem('metadata.reasoning', 'the reasoning behind the value and range of a behaviour parameter', 'nothing');
  }
  // Policy assumptions: a value no source gives, marked in the file, carries a range and its reasoning.
  const assumption = meta.assumption === true;
  if (kind === 'behaviour' && meta.assumption !== undefined) {
    problem('metadata.assumption', 'no assumption mark on a behaviour parameter (every one is an estimate with a range; the mark is for policy parameters)', describe(meta.assumption));
  }
  if (kind === 'policy' && assumption && unit !== 'bool' && meta.range === undefined) {
    problem('metadata.range', 'a plausible range { min, max } for a policy assumption (metadata.assumption: true)', 'nothing');
  }
  if (kind === 'policy' && assumption && meta.reasoning === undefined) {
    problem('metadata.reasoning', 'the reasoning behind the value and range of a policy assumption (metadata.assumption: true)', 'nothing');
  }
  if (kind === 'policy' && !assumption && meta.range !== undefined) {
    problem('metadata.range', 'no range on a policy rule (a rule is changed by a scenario, not varied as uncertain; mark a value no source gives with metadata.assumption: true)', 'a range');
  }
  const range = RangeSchema.safeParse(meta.range).data;
  if (range) {
    for (const end of ['min', 'max'] as const) {
      const bad = unitProblem(range[end], unit);
      if (bad) wrong(`metadata.range.${end}`, bad);
    }
    if (range.min > range.max) problem('metadata.range', 'min ≤ max', `min ${range.min} > max ${range.max}`);
    for (const v of values) {
      if (typeof v.value === 'number' && (v.value < range.min || v.value > range.max)) {
        problem(`values.${v.date}`, `a value within metadata.range [${range.min}, ${range.max}]`, String(v.value));
      }
    }
  }

  if (found.length || !parsed.success) return done();
  return {
    path: path as ParameterPath,
    file,
    kind,
    description: parsed.data.description,
    unit,
    label: parsed.data.metadata.label,
    values,
    references: references ?? [],
    ...(kind === 'policy' && assumption ? { assumption: true } : {}),
    ...(range ? { range } : {}),
    ...(meta.reasoning ? { reasoning: meta.reasoning } : {}),
  };
}

/**
 * Loads and validates every parameter file under `dir`.
 *
 * @param dir The parameter folder; default `<repo root>/data/parameters`.
 * @returns The validated, deeply frozen parameter tree.
 * @throws {ProblemError} listing every problem in the tree (file, parameter path, what was expected, what was found).
 */
export function loadParameters(dir: string = DEFAULT_PARAMETER_DIR): Parameters {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ProblemError([{ file: shown(dir), path: '', expected: 'a folder of parameter files', got: 'nothing' }]);
  }
  const problems: Problem[] = [];
  const records: ParameterRecord[] = [];
  const seen = new Set<string>();
  for (const rel of listFiles(dir)) {
    const absFile = join(dir, rel);
    if (!rel.endsWith('.yaml')) {
      problems.push({ file: shown(absFile), path: '', expected: 'only parameter files ending in .yaml', got: 'another file' });
      continue;
    }
    const path = rel.slice(0, -'.yaml'.length).split('/').join('.');
    const unit = DECLARED.get(path);
    if (!unit) {
      problems.push({ file: shown(absFile), path, expected: 'a parameter declared in src/parameters/spec.ts', got: 'an undeclared one', hint: didYouMean(path) });
      continue;
    }
    seen.add(path);
    const record = readRecord(absFile, path, unit, problems);
    if (record) records.push(record);
  }
  for (const [path, unit] of DECLARED) {
    if (!seen.has(path)) {
      const file = shown(join(dir, ...path.split('.')) + '.yaml');
      problems.push({ file, path, expected: `a file for this declared parameter (unit "${unit}")`, got: 'none' });
    }
  }
  problems.push(...splitProblems(records, shown(dir)));
  if (problems.length) throw new ProblemError(problems);
  return makeParameters(records, shown(dir));
}

/** A problem at each date where the shares of a split (SPLITS in ./spec.ts) in force do not sum to 1; `source` is the folder or the patch. */
function splitProblems(records: readonly ParameterRecord[], source: string): Problem[] {
  const problems: Problem[] = [];
  for (const group of SPLITS) {
    const members = records.filter((r) => r.path.startsWith(`${group}.`));
    const from = Math.max(...members.map((r) => r.values[0].month));
    const months = [...new Set(members.flatMap((r) => r.values.map((v) => Math.max(v.month, from))))].sort((a, b) => a - b);
    for (const month of months) {
      const shares = members.map((r) => r.values.filter((v) => v.month <= month).at(-1)!.value as number);
      const sum = shares.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > SPLIT_TOLERANCE) {
        const names = members.map((r) => r.path.slice(group.length + 1)).join(', ');
        problems.push({ file: source, path: `${group}: ${formatMonth(month)}`, expected: `shares of ${names} that sum to 1`, got: `a sum of ${sum} (${shares.join(' + ')})` });
      }
    }
  }
  return problems;
}

/** A tree as plain data, to send to a worker thread (structured clone): its records, its folder and its hash. */
export interface ParameterTransfer {
  readonly folder: string;
  readonly hash: string;
  readonly records: readonly ParameterRecord[];
}

/** The tree as plain data (see {@link fromTransfer}). Works for a patched tree too. */
export function toTransfer(params: Parameters): ParameterTransfer {
  return { folder: params.folder, hash: params.hash, records: params.records };
}

/**
 * The tree sent by {@link toTransfer}, rebuilt without reading any file: its records were validated
 * where it was loaded. Throws if the rebuilt tree's hash differs from the one sent.
 */
export function fromTransfer(transfer: ParameterTransfer): Parameters {
  const params = makeParameters(transfer.records, transfer.folder);
  if (params.hash !== transfer.hash) throw new Error(`parameters from ${transfer.folder}: the tree received has hash ${params.hash}, expected ${transfer.hash}`);
  return params;
}

// ---------------------------------------------------------------------------------------------------
// The tree

function deepFreeze<T>(x: T): T {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** SHA-256 of the records' canonical content: sorted paths, units and [date, value] pairs. */
function hashOf(records: readonly ParameterRecord[]): string {
  const canonical = records.map((r) => ({ path: r.path, unit: r.unit, values: r.values.map((v) => [v.date, v.value]) }));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

function makeParameters(list: readonly ParameterRecord[], folder: string): Parameters {
  const records = deepFreeze([...list].sort((a, b) => (a.path < b.path ? -1 : 1)));
  const byPath = new Map<string, ParameterRecord>(records.map((r) => [r.path, r]));
  const cache = new Map<Month, ParameterValues>();

  const at = (month: Month): ParameterValues => {
    const cached = cache.get(month);
    if (cached) return cached;
    if (!Number.isInteger(month)) throw new Error(`expected a month as an integer (see src/calendar/months.ts), got ${month}`);
    const tree: Record<string, unknown> = {};
    for (const path of DECLARED.keys()) { // in the order of spec.ts, so the tree reads like PARAMETERS
      const r = byPath.get(path)!;
      let value: number | boolean | undefined;
      for (const v of r.values) if (v.month <= month) value = v.value;
      if (value === undefined) {
        throw new Error(`parameter ${r.path} has no value in ${formatMonth(month)}: its first value applies from ${r.values[0].date} (${r.file})`);
      }
      const keys = r.path.split('.');
      let node = tree;
      for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
      node[keys.at(-1)!] = value;
    }
    const frozen = deepFreeze(tree) as unknown as ParameterValues;
    cache.set(month, frozen);
    return frozen;
  };

  const get = (path: ParameterPath): ParameterRecord => {
    const r = byPath.get(path);
    if (!r) throw new ProblemError([{ path, expected: 'a declared parameter path', got: `"${path}"`, hint: didYouMean(path) }]);
    return r;
  };

  // A patch is dated from its parameter's first value in the data (before it, a value would give way
  // to that one before any run starts, since every run starts when every parameter has a value) to
  // the end of LAST_YEAR.
  const patchDates = (record: ParameterRecord) => `a date from ${record.values[0].date} (the first value of ${record.path} in the data) to ${LAST_YEAR}-12-31 (the last year runs reach)`;
  const withinTree = (month: Month, record: ParameterRecord): boolean => month >= record.values[0].month && month <= LAST_YEAR * 12 + 11;

  const patched = (patch: ParameterPatch, source: string): Parameters => {
    const problems: Problem[] = [];
    const replaced = new Map<string, ParameterRecord>();
    for (const [path, dated] of Object.entries(patch as Record<string, unknown>)) {
      const record = byPath.get(path);
      if (!record) {
        // The nearest path is searched only for problems a message lists (a file of unknown paths costs no more).
        problems.push({ file: source, path, expected: 'a declared parameter path', got: describe(path), hint: problems.length < PROBLEMS_LISTED ? didYouMean(path) : undefined });
        continue;
      }
      if (dated === null || typeof dated !== 'object' || Array.isArray(dated)) {
        problems.push({ file: source, path, expected: 'dated values ("YYYY-MM-DD": value)', got: describe(dated) });
        continue;
      }
      const merged = new Map<Month, DatedValue>(record.values.map((v) => [v.month, v]));
      for (const [date, value] of Object.entries(dated)) {
        const month = dateMonth(date);
        const bad = typeof month !== 'number' ? month
          : !withinTree(month, record) ? { expected: patchDates(record), got: describe(date) }
          : unitProblem(value, record.unit);
        if (bad) { problems.push({ file: source, path: `${path}: ${date}`, ...bad }); continue; }
        // A value in the month of an existing one replaces it: the model steps monthly.
        merged.set(month as Month, { date, month: month as Month, value: value as number | boolean });
      }
      const values = [...merged.values()].sort((a, b) => a.month - b.month);
      replaced.set(path, { ...record, values });
    }
    if (problems.length) throw new ProblemError(problems);
    const next = records.map((r) => replaced.get(r.path) ?? r);
    const splits = splitProblems(next, source);
    if (splits.length) throw new ProblemError(splits);
    return makeParameters(next, folder);
  };

  return Object.freeze({ at, get, records, hash: hashOf(records), folder, patched });
}
