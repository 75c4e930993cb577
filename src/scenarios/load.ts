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
 * it, what was expected and what was found: an
 * unknown key, an unknown parameter path (with "did you mean …"), a value outside its unit (a
 * probability of 1.2, a negative budget), a date that does not exist, an `extends` that names no
 * scenario, or a cycle of `extends`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { Parameters, ParameterPatch } from '../parameters/types';
import { REPO_ROOT } from '../parameters/load';
import { described, didYouMean, ProblemError, type Problem } from '../problems/index';
import { sha256 } from '../run/results';
import { BUILTIN_SCENARIOS } from './builtin';
import type { Words } from '../lang/index';
import type { ResolvedScenario, Scenario } from './types';
import { SCENARIO_ID } from './types';

const FILE_SCHEMA = z.strictObject({
  id: z.string().regex(SCENARIO_ID, 'expected lower-case letters, digits and hyphens, starting with a letter'),
  label: z.union([z.string().min(1), z.strictObject({ en: z.string().min(1), id: z.string().min(1) })], { error: 'expected a label: { en: …, id: … } (or a text in English)' }),
  label_id: z.string().min(1).optional(),
  rationale: z.union([z.string().min(1), z.strictObject({ en: z.string().min(1), id: z.string().min(1) })]),
  references: z.array(z.strictObject({ title: z.string().min(1), href: z.string().min(1) })).optional(),
  extends: z.string().min(1).optional(),
  patch: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.boolean()]))),
});

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

/** A scenario file as the user would name it: relative to the working folder when inside it. */
function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** A name is a file when it ends in .yaml, .yml or .json; otherwise it is a built-in id. */
export function isScenarioFile(name: string): boolean {
  return ['.yaml', '.yml', '.json'].includes(extname(name).toLowerCase());
}

/** Reads and checks the shape of one scenario file (not its parameter values: see resolveScenarios). */
export function readScenarioFile(path: string): Scenario {
  const file = resolve(path);
  const where = shown(file);
  if (!existsSync(file)) throw new ProblemError([{ file: where, path: '', expected: 'a scenario file', got: 'no such file' }]);
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  let data: unknown;
  if (extname(file).toLowerCase() === '.json') {
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new ProblemError([{ file: where, path: '', expected: 'valid JSON', got: (e as Error).message }]);
    }
  } else {
    const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
    if (doc.errors.length) throw new ProblemError(doc.errors.map((e) => ({ file: where, path: '', expected: 'valid YAML', got: e.message.split('\n')[0] })));
    data = doc.toJS();
  }
  return { ...checkedScenario(data, where, file), sha256: sha256(bytes) };
}

/** A scenario from plain data (a parsed file, or an object written in a notebook cell), shape checked. */
function checkedScenario(data: unknown, where: string, file?: string): Scenario {
  const parsed = FILE_SCHEMA.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    throw new ProblemError(parsed.error.issues.map((issue) => ({ file: where, path: issue.path.join('.'), ...issueProblem(issue) })));
  }
  const s = parsed.data;
  if (typeof s.label !== 'string' && s.label_id !== undefined) {
    throw new ProblemError([{ file: where, path: 'label_id', expected: 'no label_id beside label: { en, id } (the Indonesian is label.id)', got: `"${s.label_id}"` }]);
  }
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
  const scenario = checkedScenario(data, source);
  if (BUILTIN.has(scenario.id)) throw new ProblemError([{ file: source, path: 'id', expected: "an id that is not a built-in scenario's", got: `"${scenario.id}"` }]);
  return resolveOne(scenario, params, set);
}

/** The fields of a scenario file in both languages, and what each expects. */
const BILINGUAL_FIELDS = {
  label: 'a label: { en: …, id: … } (or a text in English)',
  rationale: 'a rationale: { en: …, id: … } (or one text, shown in both languages)',
} as const;

/** What a zod issue expected and found. */
function issueProblem(issue: z.core.$ZodIssue): Pick<Problem, 'expected' | 'got'> {
  const got = described((issue as { input?: unknown }).input);
  switch (issue.code) {
    case 'unrecognized_keys':
      return { expected: 'only the keys id, label, label_id, rationale, references, extends, patch', got: `an unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` };
    case 'invalid_type':
      return { expected: { string: 'a text', number: 'a number', object: 'a mapping', record: 'a mapping', array: 'a list' }[issue.expected as string] ?? `a ${issue.expected}`, got };
    case 'invalid_union':
      return { expected: issue.path.length === 1 && issue.path[0] in BILINGUAL_FIELDS ? BILINGUAL_FIELDS[issue.path[0] as keyof typeof BILINGUAL_FIELDS] : 'a number or true/false', got };
    case 'too_small':
      return { expected: issue.origin === 'string' ? 'a non-empty text' : `at least ${issue.minimum}`, got };
    default:
      return { expected: issue.message.replace(/^expected /, ''), got };
  }
}

/** The scenario a name refers to: a built-in id, or a file (relative to `from`'s folder, else to the working folder). */
function lookup(name: string, from: Scenario | undefined): Scenario {
  if (isScenarioFile(name)) return readScenarioFile(from?.file ? resolve(dirname(from.file), name) : name);
  const builtin = BUILTIN.get(name);
  if (builtin) return builtin;
  if (name === CALIBRATED) {
    if (!existsSync(CALIBRATED_FILE)) throw new ProblemError([{ file: from ? sourceOf(from) : 'scenario name', path: from ? 'extends' : '', expected: `the calibrated parameter set ${shown(CALIBRATED_FILE)} (written by graduasi calibrate)`, got: 'no such file' }]);
    return readScenarioFile(CALIBRATED_FILE);
  }
  const where = from ? (from.file ? shown(from.file) : `scenario ${from.id}`) : 'scenario name';
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
  return s.file ? shown(s.file) : `scenario ${s.id}`;
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
    const parent = lookup(s.extends, s);
    const key = parent.file ?? parent.id;
    if (seen.has(key)) {
      const cycle = [...chain, parent].map((x) => (x.file ? shown(x.file) : x.id)).join(' → ');
      throw new ProblemError([{ file: sourceOf(s), path: 'extends', expected: 'a chain of scenarios that ends', got: `a cycle: ${cycle}` }]);
    }
    seen.set(key, parent);
    chain.push(parent);
    s = parent;
  }
  if (set === 'calibrated' && chain[chain.length - 1].id !== CALIBRATED) chain.push(lookup(CALIBRATED, chain[chain.length - 1]));
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
      out.push(resolveOne(lookup(name, undefined), params, set));
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
