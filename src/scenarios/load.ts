/**
 * Scenarios by name: a built-in id or a scenario file (YAML or JSON), resolved with its `extends`
 * chain and checked against the parameter tree before anything runs.
 *
 * A scenario file:
 *
 *   id: pkh-quota-12m
 *   label:                                        # in English and Bahasa Indonesia
 *     en: PKH for 12 million families
 *     id: PKH untuk 12 juta keluarga
 *   rationale:                                    # in English and Bahasa Indonesia
 *     en: What the scenario asks and why.
 *     id: Apa yang ditanyakan skenario ini dan mengapa.
 *   references:                                   # optional
 *     - title: Source
 *       href: https://…
 *   extends: graduation-push-under-40             # optional: a built-in id or another file, relative to this one
 *   patch:
 *     policy.pkh.quota:
 *       2023-01-01: 12000000
 *
 * A plain `label: PKH for 12 million families` (or `rationale: …`) is in one language and shown in both; files
 * written before labels were `{ en, id }` give the Indonesian as `label_id` beside it, which is still
 * read (label: { en: label, id: label_id }).
 *
 * Every problem is reported at once (a ProblemError, src/problems), naming the file, the path inside
 * it, what was expected and what was found: an unknown key, a key given twice or named "__proto__",
 * an unknown parameter path (with "did you mean …"), a value outside its unit (a probability of 1.2, a
 * negative budget, part of a family, a number in quotes), a date that does not exist or that no run
 * reaches, an `extends` that names no scenario, or a cycle of `extends`. A missing field does not stop
 * the patch from being checked. Before it is parsed, the file must be a regular file of at most
 * SCENARIO_FILE_BYTES of UTF-8 text (./file.ts); its texts are bounded too (SCENARIO_TEXTS), since
 * they are copied into a run's manifest and report.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { z } from 'zod';
import type { Parameters, ParameterPatch } from '../parameters/types';
import { REPO_ROOT } from '../parameters/load';
import { described, didYouMean, escapedControls, ProblemError, shownPath, typed, type Problem } from '../problems/index';
import { readTextFile } from './file';
import { BUILTIN_SCENARIOS } from './builtin';
import type { Words } from '../lang/index';
import type { ResolvedScenario, Scenario } from './types';
import { SCENARIO_ID } from './types';

/**
 * The most a scenario file may hold: 1 MiB, some thousand times a scenario's few dozen lines, so that
 * a file that is not a scenario (a data dump, a log) is refused before it is parsed.
 */
export const SCENARIO_FILE_BYTES = 1024 ** 2;

/**
 * The longest texts of a scenario, in characters: an id and a label name it in tables and charts, a
 * rationale says in a paragraph what it asks and why, a reference is a title and a link. Each is
 * copied into the run's manifest and report.
 */
export const SCENARIO_TEXTS = { id: 64, label: 120, rationale: 2000, title: 300, href: 2000, extends: 1000 } as const;

/** The most references a scenario lists. */
export const SCENARIO_REFERENCES = 20;

/** A non-empty text of at most `most` characters. */
const text = (most: number) => z.string().min(1).max(most);

const FILE_SCHEMA = z.strictObject({
  id: z.string().max(SCENARIO_TEXTS.id).regex(SCENARIO_ID, 'expected lower-case letters, digits and hyphens, starting with a letter'),
  label: z.union([text(SCENARIO_TEXTS.label), z.strictObject({ en: text(SCENARIO_TEXTS.label), id: text(SCENARIO_TEXTS.label) })]),
  label_id: text(SCENARIO_TEXTS.label).optional(),
  rationale: z.union([text(SCENARIO_TEXTS.rationale), z.strictObject({ en: text(SCENARIO_TEXTS.rationale), id: text(SCENARIO_TEXTS.rationale) })]),
  references: z.array(z.strictObject({ title: text(SCENARIO_TEXTS.title), href: text(SCENARIO_TEXTS.href) })).max(SCENARIO_REFERENCES).optional(),
  extends: text(SCENARIO_TEXTS.extends).optional(),
  // Values are checked against their parameter's unit (Parameters.patched), which words what each must be.
  patch: z.record(z.string(), z.record(z.string(), z.unknown())),
});

/** The keys of each mapping of a scenario, by the name of the key that holds it ('' for the file itself). */
const KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(FILE_SCHEMA.shape),
  label: ['en', 'id'],
  references: ['title', 'href'],
};

/**
 * The parameter set `graduasi calibrate` fits, as committed. Every scenario is resolved on it unless
 * the data values are asked for (ParameterSet 'data'); a scenario file may also name it with `extends: calibrated`.
 */
export const CALIBRATED = 'calibrated';

/** The values scenarios are resolved on: the committed calibration over the data tree, or the data tree's own values. */
export type ParameterSet = 'calibrated' | 'data';
export const PARAMETER_SETS: readonly ParameterSet[] = ['calibrated', 'data'];
export const CALIBRATION_FOLDER = join(REPO_ROOT, 'data', 'calibration');
export const CALIBRATED_FILE = join(CALIBRATION_FOLDER, 'calibrated.yaml');

const BUILTIN = new Map(BUILTIN_SCENARIOS.map((s) => [s.id, s]));

/** A name is a file when it ends in .yaml, .yml or .json; otherwise it is a built-in id. */
export function isScenarioFile(name: string): boolean {
  return ['.yaml', '.yml', '.json'].includes(extname(name).toLowerCase());
}

/** The most times a YAML scenario may use its aliases (*name): more is the "billion laughs" that expands without end. */
const YAML_ALIASES = 100;

/**
 * Reads and checks one scenario file: its shape and, when `params` is given, its patch against them,
 * so that every problem of the file is reported at once. Without `params` the patch's values are
 * checked when the scenario is resolved (resolveScenarios).
 */
export function readScenarioFile(path: string, params?: Parameters): Scenario {
  const file = resolve(path);
  const where = shownPath(file);
  const { text, bytes } = readTextFile(file, where, 'a scenario file', SCENARIO_FILE_BYTES);
  if (text.trim() === '') throw new ProblemError([{ file: where, path: '', expected: 'a scenario file', got: 'an empty file' }]);
  return { ...checkedScenario(parsedText(text, where, extname(file).toLowerCase() === '.json'), where, file, params), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A scenario file's (or a lever file's) text as data: JSON, or YAML 1.2 (core schema, duplicate keys refused, aliases bounded); `where` names it in problems. */
export function parsedText(text: string, where: string, json: boolean): unknown {
  const invalid = (expected: string, got: string): never => {
    throw new ProblemError([{ file: where, path: '', expected, got: escapedControls(got) }]);
  };
  try {
    if (json) return JSON.parse(text);
    const lines = new LineCounter();
    const doc = parseDocument(text, { schema: 'core', uniqueKeys: false, lineCounter: lines });
    const problems: Problem[] = doc.errors.map((e) => ({ file: where, path: '', expected: 'valid YAML', got: escapedControls(e.message.split('\n')[0]) }));
    problems.push(...repeatedKeys(doc, lines, where));
    if (problems.length) throw new ProblemError(problems);
    try {
      return doc.toJS({ maxAliasCount: YAML_ALIASES });
    } catch (e) {
      if (e instanceof ReferenceError) return invalid(`YAML that uses its aliases (*name) at most ${YAML_ALIASES} times`, 'aliases that multiply without end (a "billion laughs")');
      throw e;
    }
  } catch (e) {
    if (e instanceof ProblemError) throw e;
    if (e instanceof RangeError) return invalid(`valid ${json ? 'JSON' : 'YAML'}`, 'mappings or lists nested too deep to read');
    if (json && e instanceof SyntaxError) return invalid('valid JSON', e.message);
    throw e;
  }
}

/**
 * A key given twice in one mapping of a YAML document, where it is repeated. Checked here, with a set
 * of the keys of each mapping, rather than by the parser's uniqueKeys, which compares every pair of
 * keys: minutes for a file of many thousand.
 */
function repeatedKeys(doc: Document, lines: LineCounter, where: string): Problem[] {
  const found: Problem[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        const name = isScalar(key) ? key.value : String(key);
        if (seen.has(name)) {
          const at = isScalar(key) && key.range ? lines.linePos(key.range[0]) : undefined;
          found.push({ file: where, path: '', expected: 'each key once in a mapping', got: `${described(String(name))} again${at ? ` at line ${at.line}, column ${at.col}` : ''}` });
        }
        seen.add(name);
      }
    },
  });
  return found;
}

/** Whether `x` is a mapping (a plain object, not a list). */
function isMapping(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** The paths of every key "__proto__" in `data` (JSON.parse and YAML keep it as a key; a zod record drops it without a word). */
function protoKeys(data: unknown): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[data, '']];
  while (stack.length) {
    const [node, at] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    for (const key of Object.keys(node)) {
      const path = at === '' ? key : `${at}.${key}`;
      if (key === '__proto__') found.push(path);
      stack.push([(node as Record<string, unknown>)[key], path]);
    }
  }
  return found.sort();
}

/**
 * A scenario's data without its "__proto__" keys (once they are reported), as deep as a scenario goes:
 * the file, its label, each reference, its patch and each parameter's dated values.
 */
function withoutProtoKeys(data: Record<string, unknown>): Record<string, unknown> {
  const drop = (x: unknown): unknown => (isMapping(x) ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== '__proto__')) : x);
  const out = drop(data) as Record<string, unknown>;
  if (isMapping(out.label)) out.label = drop(out.label);
  if (Array.isArray(out.references)) out.references = out.references.map(drop);
  if (isMapping(out.patch)) out.patch = Object.fromEntries(Object.entries(drop(out.patch) as object).map(([path, dated]) => [path, drop(dated)]));
  return out;
}

/** The patch of data whose shape is wrong elsewhere, when the patch itself has the shape of one (so that it too can be checked). */
function patchOf(data: unknown): ParameterPatch | undefined {
  const patch = (data as { patch?: unknown }).patch;
  return isMapping(patch) && Object.values(patch).every(isMapping) ? (patch as ParameterPatch) : undefined;
}

/** The problems of a patch against the parameters (none when they take it). */
function patchProblems(patch: ParameterPatch, params: Parameters, where: string): Problem[] {
  try {
    params.patched(patch, where);
    return [];
  } catch (e) {
    if (e instanceof ProblemError) return [...e.problems];
    throw e;
  }
}

/**
 * A scenario from plain data (a parsed file, or an object written in a notebook cell), shape checked;
 * with `params`, a scenario whose shape is wrong has its patch checked too, and every problem is reported.
 */
function checkedScenario(given: unknown, where: string, file?: string, params?: Parameters): Scenario {
  if (!isMapping(given)) {
    const got = given === null ? 'an empty document (null)' : typed(given);
    throw new ProblemError([{ file: where, path: '', expected: `a scenario: a mapping of ${KEYS[''].join(', ')}`, got }]);
  }
  const problems: Problem[] = protoKeys(given).map((path) => ({ file: where, path, expected: 'a key other than "__proto__" (a name JavaScript objects reserve)', got: 'the key "__proto__"' }));
  const data = problems.length ? withoutProtoKeys(given) : given;
  const parsed = FILE_SCHEMA.safeParse(data, { reportInput: true });
  if (!parsed.success) problems.push(...parsed.error.issues.flatMap((issue) => issueProblems(issue, where)));
  else if (typeof parsed.data.label !== 'string' && parsed.data.label_id !== undefined) {
    problems.push({ file: where, path: 'label_id', expected: 'no label_id beside label: { en, id } (the Indonesian is label.id)', got: described(parsed.data.label_id) });
  }
  if (problems.length || !parsed.success) {
    const patch = patchOf(data);
    if (params && patch) problems.push(...patchProblems(patch, params, where));
    throw new ProblemError(problems);
  }
  const s = parsed.data;
  const label: Words = typeof s.label === 'string' ? { en: s.label, id: s.label_id ?? s.label } : s.label;
  return {
    id: s.id,
    label,
    rationale: typeof s.rationale === 'string' ? { en: s.rationale, id: s.rationale } : s.rationale,
    references: s.references ?? [],
    extends: s.extends,
    patch: s.patch as ParameterPatch,
    file,
  };
}

/**
 * A scenario written as data, in the shape of a scenario file (id, label, rationale, optional
 * references and extends, patch), checked and resolved like one; `source` names it in
 * errors. Its `extends` may name a built-in or a file (relative to the working folder).
 */
export function defineScenario(data: unknown, params: Parameters, source = 'scenario', set: ParameterSet = 'calibrated'): ResolvedScenario {
  const scenario = checkedScenario(data, source, undefined, params);
  if (BUILTIN.has(scenario.id)) throw new ProblemError([{ file: source, path: 'id', expected: "an id that is not a built-in scenario's", got: `"${scenario.id}"` }]);
  return resolveOne(scenario, params, set);
}

/** The fields of a scenario file in both languages, and what each expects. */
const BILINGUAL_FIELDS = {
  label: 'a label: { en: …, id: … } (or a text in English)',
  rationale: 'a rationale: { en: …, id: … } (or one text, shown in both languages)',
} as const;

/** What a zod issue expected and found, as problems of the file `where` (one per unknown key). */
function issueProblems(issue: z.core.$ZodIssue, where: string): Problem[] {
  const input = (issue as { input?: unknown }).input;
  const at = (path: readonly PropertyKey[]) => ({ file: where, path: path.map(String).join('.') });
  switch (issue.code) {
    case 'unrecognized_keys': {
      const holder = issue.path.filter((k): k is string => typeof k === 'string').at(-1) ?? '';
      return issue.keys.map((key) => ({ ...at([...issue.path, key]), expected: `only the keys ${(KEYS[holder] ?? []).join(', ')}`, got: `an unknown key ${described(key)}` }));
    }
    case 'invalid_type':
      return [{ ...at(issue.path), expected: { string: 'a text', number: 'a number', object: 'a mapping', record: 'a mapping', array: 'a list' }[issue.expected as string] ?? `a ${issue.expected}`, got: typed(input) }];
    case 'invalid_union':
      return [{ ...at(issue.path), expected: issue.path.length === 1 && issue.path[0] in BILINGUAL_FIELDS ? BILINGUAL_FIELDS[issue.path[0] as keyof typeof BILINGUAL_FIELDS] : 'a number or true/false', got: typed(input) }];
    case 'too_small':
      return [{ ...at(issue.path), expected: issue.origin === 'string' ? 'a non-empty text' : `at least ${issue.minimum}`, got: typed(input) }];
    case 'too_big':
      return [issue.origin === 'string'
        ? { ...at(issue.path), expected: `a text of at most ${Number(issue.maximum).toLocaleString('en')} characters`, got: `a text of ${String(input).length.toLocaleString('en')} characters` }
        : { ...at(issue.path), expected: `at most ${issue.maximum} references`, got: `${(input as unknown[]).length}` }];
    default:
      return [{ ...at(issue.path), expected: issue.message.replace(/^expected /, ''), got: typed(input) }];
  }
}

/** The scenario a name refers to: a built-in id, or a file (relative to `from`'s folder, else to the working folder), checked against `params`. */
function lookup(name: string, from: Scenario | undefined, params: Parameters): Scenario {
  if (isScenarioFile(name)) return readScenarioFile(from?.file ? resolve(dirname(from.file), name) : name, params);
  const builtin = BUILTIN.get(name);
  if (builtin) return builtin;
  if (name === CALIBRATED) {
    if (!existsSync(CALIBRATED_FILE)) throw new ProblemError([{ file: from ? sourceOf(from) : 'scenario name', path: from ? 'extends' : '', expected: `the calibrated parameter set ${shownPath(CALIBRATED_FILE)} (written by graduasi calibrate)`, got: 'no such file' }]);
    return readScenarioFile(CALIBRATED_FILE, params);
  }
  const where = from ? (from.file ? shownPath(from.file) : `scenario ${from.id}`) : 'scenario name';
  const close = [...BUILTIN.keys()].filter((id) => id.includes(name) || name.includes(id) || id.split('-')[0] === name.split('-')[0]);
  throw new ProblemError([{
    file: where,
    path: from ? 'extends' : '',
    expected: `a built-in scenario (${[...BUILTIN.keys()].join(', ')}), the parameter set "${CALIBRATED}" or a scenario file (.yaml, .yml, .json)`,
    got: `"${name}"`,
    hint: didYouMean(close),
  }]);
}

/** Where a scenario's problems are reported. */
function sourceOf(s: Scenario): string {
  return s.file ? shownPath(s.file) : `scenario ${s.id}`;
}

/** Merges patches, later ones winning at equal dates. */
function mergePatches(patches: readonly ParameterPatch[]): ParameterPatch {
  const out: Record<string, Record<string, number | boolean>> = {};
  for (const patch of patches) {
    for (const [path, dated] of Object.entries(patch as Record<string, Record<string, number | boolean>>)) {
      out[path] = { ...out[path], ...dated };
    }
  }
  return out as ParameterPatch;
}

/**
 * One scenario with its `extends` chain merged and every patch checked against `params`; on the
 * calibrated set, the chain's root is the calibration (unless the chain names it already).
 */
function resolveOne(start: Scenario, params: Parameters, set: ParameterSet): ResolvedScenario {
  const chain: Scenario[] = [start];
  const seen = new Map<string, Scenario>([[start.file ?? start.id, start]]);
  for (let s = start; s.extends !== undefined; ) {
    const parent = lookup(s.extends, s, params);
    const key = parent.file ?? parent.id;
    if (seen.has(key)) {
      const cycle = [...chain, parent].map((x) => (x.file ? shownPath(x.file) : x.id)).join(' → ');
      throw new ProblemError([{ file: sourceOf(s), path: 'extends', expected: 'a chain of scenarios that ends', got: `a cycle: ${cycle}` }]);
    }
    seen.set(key, parent);
    chain.push(parent);
    s = parent;
  }
  if (set === 'calibrated' && chain[chain.length - 1].id !== CALIBRATED) chain.push(lookup(CALIBRATED, chain[chain.length - 1], params));
  // Each patch is checked on its own, so a problem is reported in the file that has it.
  const problems: Problem[] = [];
  for (const s of chain) {
    try {
      params.patched(s.patch, sourceOf(s));
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      problems.push(...e.problems);
    }
  }
  if (problems.length) throw new ProblemError(problems);
  const lineage = chain.map((s) => s.id).reverse();
  const own = chain.filter((s) => s.id !== CALIBRATED);
  return {
    ...start,
    lineage,
    parameterSet: lineage[0] === CALIBRATED ? 'calibrated' : 'data',
    effectivePatch: mergePatches(chain.map((s) => s.patch).reverse()),
    ownPatch: mergePatches(own.map((s) => s.patch).reverse()),
  };
}

/**
 * The scenarios named (built-in ids or files), resolved and checked; every problem of every name is
 * reported together. Two scenarios with the same id are refused.
 */
export function resolveScenarios(names: readonly string[], params: Parameters, set: ParameterSet = 'calibrated'): ResolvedScenario[] {
  const problems: Problem[] = [];
  const out: ResolvedScenario[] = [];
  for (const name of names) {
    try {
      out.push(resolveOne(lookup(name, undefined, params), params, set));
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      problems.push(...e.problems);
    }
  }
  const ids = new Map<string, ResolvedScenario>();
  for (const s of out) {
    const other = ids.get(s.id);
    if (other) problems.push({ file: sourceOf(s), path: 'id', expected: 'an id no other scenario in the run has', got: `"${s.id}"`, hint: `also ${sourceOf(other)}` });
    else ids.set(s.id, s);
    if (s.file && BUILTIN.has(s.id)) problems.push({ file: sourceOf(s), path: 'id', expected: "an id that is not a built-in scenario's", got: `"${s.id}"` });
  }
  if (problems.length) throw new ProblemError(problems);
  return out;
}
