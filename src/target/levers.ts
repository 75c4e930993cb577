/**
 * Levers: what a planner can turn to bring an indicator down — assistance budgets and quotas,
 * facilitators, places in PENA, PROKUS, RST, ATENSI and skills training, the registry's accuracy.
 *
 * A lever moves one or more parameters together (PKH's quota with its budget, so that more families
 * can be paid) through an ordered list of levels. Level 0 is the policy as legislated (the parameter
 * tree the search starts from); level k > 0 either multiplies every dated value of each parameter by
 * `multiply[k − 1]` (a count of families or places rounded to a whole one) or sets every dated value
 * to `set[k − 1]`. A target search (./index.ts) steps one level up a lever at a time.
 *
 * DEFAULT_LEVERS is the list a search uses unless given another; a lever file (YAML or JSON) gives
 * another:
 *
 *   levers:
 *     - id: pkh-reach
 *       label: { en: PKH families and budget, id: Keluarga dan anggaran PKH }
 *       parameters: [policy.pkh.quota, policy.pkh.budget]
 *       multiply: [1.25, 1.5, 2]
 *     - id: targeting
 *       label: { en: Registry ranking error, id: Galat peringkat DTKS }
 *       parameters: [behaviour.registry.score_error]
 *       set: [0.2, 0.15, 0.1]
 *
 * It is read like a scenario file (src/scenarios/load.ts: size, UTF-8, YAML with repeated keys and
 * aliases refused) and checked whole before anything runs: every problem is reported at once, naming
 * the file, the path inside it, what was expected and what was found — an unknown key, a lever path
 * that is not a parameter (with "did you mean"), a parameter of true/false, a parameter in two levers,
 * a level that is not a number, levels out of order, beyond MAX_MULTIPLIER, or outside the
 * parameter's unit or range. Levers that multiply may share a parameter (their multipliers compound:
 * PKH's budget grows with its reach and with its benefits); a lever that sets values shares none.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Words } from '../lang/index';
import { WHOLE_UNITS, type ParameterPath } from '../parameters/spec';
import type { ParameterPatch, Parameters } from '../parameters/types';
import { described, didYouMean, nearest, ProblemError, shownPath, typed, type Problem } from '../problems/index';
import { readTextFile } from '../scenarios/file';
import { parsedText } from '../scenarios/load';
import { SCENARIO_ID } from '../scenarios/types';

/** A lever: parameters moved together through ordered levels (level 0, not listed, is the policy as legislated). */
export interface Lever {
  /** Lower-case words joined by hyphens, e.g. "pkh-reach". */
  readonly id: string;
  readonly label: Words;
  /** Parameter paths moved together. */
  readonly parameters: readonly ParameterPath[];
  /** How a level changes them: every dated value multiplied by the level, or set to it. */
  readonly change: 'multiply' | 'set';
  /** Levels 1, 2, …, in the order the search steps through them. */
  readonly levels: readonly number[];
}

/** The most levers a search turns: each round runs one candidate per lever. */
export const MAX_LEVERS = 20;
/** The most levels of a lever beyond the legislated one. */
export const MAX_LEVELS = 10;
/** The largest multiplier: ten times a programme's size is beyond any budget the state has discussed. */
export const MAX_MULTIPLIER = 10;

const PKH_BENEFITS: readonly ParameterPath[] = [
  'policy.pkh.benefit.pregnant',
  'policy.pkh.benefit.early_childhood',
  'policy.pkh.benefit.primary_school',
  'policy.pkh.benefit.junior_secondary',
  'policy.pkh.benefit.senior_secondary',
  'policy.pkh.benefit.severe_disability',
  'policy.pkh.benefit.elderly',
];

/**
 * The levers a search turns unless given others: the programmes' reach and benefits (each with the
 * budget that pays for it), facilitators, the empowerment services' places, and the registry's
 * accuracy and updating. Multipliers are of the policy as legislated; the registry's levels are values.
 */
export const DEFAULT_LEVERS: readonly Lever[] = [
  { id: 'pkh-reach', label: { en: 'PKH families (quota and budget)', id: 'Keluarga PKH (kuota dan anggaran)' }, parameters: ['policy.pkh.quota', 'policy.pkh.budget'], change: 'multiply', levels: [1.25, 1.5, 2, 3] },
  { id: 'pkh-benefit', label: { en: 'PKH benefits (every component, and the budget)', id: 'Besaran bantuan PKH (setiap komponen, dan anggaran)' }, parameters: [...PKH_BENEFITS, 'policy.pkh.budget'], change: 'multiply', levels: [1.25, 1.5, 2, 3, 4] },
  { id: 'sembako-benefit', label: { en: 'BPNT / Sembako benefit (and budget)', id: 'Besaran BPNT / Sembako (dan anggaran)' }, parameters: ['policy.bpnt.benefit', 'policy.bpnt.budget'], change: 'multiply', levels: [1.25, 1.5, 2, 3, 4] },
  { id: 'facilitators', label: { en: 'PKH facilitators', id: 'Pendamping PKH' }, parameters: ['policy.facilitators.count'], change: 'multiply', levels: [1.5, 2, 3] },
  { id: 'pena-places', label: { en: 'PENA places', id: 'Kuota PENA' }, parameters: ['policy.pena.recipients'], change: 'multiply', levels: [2, 4, 8] },
  { id: 'prokus-places', label: { en: 'PROKUS places', id: 'Kuota PROKUS' }, parameters: ['policy.prokus.recipients'], change: 'multiply', levels: [2, 4, 8] },
  { id: 'rst-houses', label: { en: 'RST houses', id: 'Kuota RST' }, parameters: ['policy.rst.houses'], change: 'multiply', levels: [2, 4] },
  { id: 'atensi-places', label: { en: 'ATENSI places', id: 'Kuota ATENSI' }, parameters: ['policy.atensi.places'], change: 'multiply', levels: [1.5, 2] },
  { id: 'skills-places', label: { en: 'Skills-training places', id: 'Kuota pelatihan keterampilan' }, parameters: ['policy.skills.places'], change: 'multiply', levels: [2, 4] },
  { id: 'targeting', label: { en: 'Registry ranking error (proxy-means test)', id: 'Galat peringkat DTKS (uji proksi kemampuan)' }, parameters: ['behaviour.registry.score_error'], change: 'set', levels: [0.2, 0.15, 0.1] },
  { id: 'registry-updates', label: { en: 'Registry updates (re-assessments a month)', id: 'Pemutakhiran DTKS (peluang asesmen ulang per bulan)' }, parameters: ['behaviour.registry.reassessment'], change: 'set', levels: [0.041667, 0.083333] },
];

/**
 * The patch that puts each lever at its level in `mix` over `base` (the tree the search starts
 * from): a parameter moved by several multiplying levers (PKH's budget, by its reach and by its
 * benefits) is multiplied by each; a count is rounded to a whole one once, at the end. Parameters
 * no lever moves are left out; the legislated mix is the empty patch.
 */
export function mixPatch(base: Parameters, levers: readonly Lever[], mix: readonly number[]): ParameterPatch {
  const values = new Map<ParameterPath, number[]>();
  levers.forEach((lever, i) => {
    if (mix[i] === 0) return;
    const x = lever.levels[mix[i] - 1];
    for (const path of lever.parameters) {
      const current = values.get(path) ?? base.get(path).values.map((v) => v.value as number);
      values.set(path, current.map((v) => (lever.change === 'set' ? x : v * x)));
    }
  });
  const patch: Record<string, Record<string, number>> = {};
  for (const [path, vs] of values) {
    const record = base.get(path);
    const whole = WHOLE_UNITS.has(record.unit);
    patch[path] = Object.fromEntries(record.values.map((v, k) => [v.date, whole ? Math.round(vs[k]) : vs[k]]));
  }
  return patch as ParameterPatch;
}

/** The patch that puts one lever at `level` over `base`, the others as legislated (mixPatch). */
export function leverPatch(base: Parameters, lever: Lever, level: number): ParameterPatch {
  return mixPatch(base, [lever], [level]);
}

/** A level as the report says it: "× 1.5" or "= 0.15"; the legislated level as "as legislated" in the language. */
export function levelText(lever: Lever, level: number, legislated: string): string {
  if (level === 0) return legislated;
  const x = lever.levels[level - 1];
  return lever.change === 'multiply' ? `× ${x}` : `= ${x}`;
}

/** The most a lever file may hold: 256 KiB, far beyond a list of levers. */
export const LEVER_FILE_BYTES = 256 * 1024;

const LABEL = z.strictObject({ en: z.string().min(1).max(120), id: z.string().min(1).max(120) });
const LEVER_SCHEMA = z.strictObject({
  id: z.string().max(64).regex(SCENARIO_ID, 'lower-case letters, digits and hyphens, starting with a letter'),
  label: z.union([z.string().min(1).max(120), LABEL]),
  parameters: z.array(z.string()).min(1).max(20),
  multiply: z.array(z.number()).min(1).max(MAX_LEVELS).optional(),
  set: z.array(z.number()).min(1).max(MAX_LEVELS).optional(),
});
const FILE_SCHEMA = z.strictObject({ levers: z.array(z.unknown()).min(1).max(MAX_LEVERS) });

/** A zod issue as a problem of `where`, at `prefix` + its path. */
function issueProblem(issue: z.core.$ZodIssue, where: string, prefix: string): Problem {
  const path = [prefix, ...issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`))].join('').replace(/^\./, '');
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return { file: where, path, expected: 'only the keys id, label, parameters and multiply or set', got: `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => described(k)).join(', ')}` };
    case 'invalid_type':
      return { file: where, path, expected: { string: 'a text', number: 'a number', object: 'a mapping', array: 'a list' }[issue.expected as string] ?? `a ${issue.expected}`, got: typed(input) };
    case 'invalid_union':
      return { file: where, path, expected: 'a label: { en: …, id: … } (or a text in English)', got: typed(input) };
    case 'too_small':
      return { file: where, path, expected: issue.origin === 'string' ? 'a non-empty text' : `at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`, got: typed(input) };
    case 'too_big':
      return { file: where, path, expected: issue.origin === 'string' ? `a text of at most ${issue.maximum} characters` : `at most ${issue.maximum} items`, got: issue.origin === 'array' ? `${(input as unknown[]).length}` : typed(input) };
    default:
      return { file: where, path, expected: issue.message.replace(/^expected /, ''), got: typed(input) };
  }
}

/**
 * Checks levers given as data (a parsed lever file's `levers`, or a list written in a notebook cell)
 * against `base`, the tree the search starts from; `where` names them in problems. Throws a
 * ProblemError with every problem; returns the levers.
 */
export function checkLevers(data: unknown, base: Parameters, where = 'levers'): Lever[] {
  if (!Array.isArray(data)) throw new ProblemError([{ file: where, path: 'levers', expected: 'a list of levers', got: typed(data) }]);
  const problems: Problem[] = [];
  const levers: Lever[] = [];
  const owner = new Map<string, { at: string; change: 'multiply' | 'set' }>();
  const ids = new Set<string>();
  const paths = base.records.map((r) => r.path as string);
  data.forEach((given, k) => {
    const at = `levers[${k}]`;
    const parsed = LEVER_SCHEMA.safeParse(given, { reportInput: true });
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => issueProblem(issue, where, at)));
      return;
    }
    const l = parsed.data;
    const before = problems.length;
    if (ids.has(l.id)) problems.push({ file: where, path: `${at}.id`, expected: 'an id no other lever has', got: `"${l.id}"` });
    ids.add(l.id);
    if ((l.multiply === undefined) === (l.set === undefined)) {
      problems.push({ file: where, path: at, expected: 'one of multiply (multipliers of the legislated values) or set (values)', got: l.multiply === undefined ? 'neither' : 'both' });
      return;
    }
    l.parameters.forEach((path, j) => {
      const p = `${at}.parameters[${j}]`;
      if (!paths.includes(path)) {
        problems.push({ file: where, path: p, expected: 'a parameter path, such as policy.pkh.quota', got: `"${path}", no such parameter`, hint: didYouMean(nearest(path, paths)) });
        return;
      }
      const record = base.get(path as ParameterPath);
      if (record.unit === 'bool') problems.push({ file: where, path: p, expected: 'a parameter with a number for its value (true/false switches are scenarios)', got: `${path} (${record.unit})` });
      const other = owner.get(path);
      if (other?.at === at) problems.push({ file: where, path: p, expected: 'each parameter once in a lever', got: `${path} again` });
      else if (other && (other.change === 'set' || l.set !== undefined)) problems.push({ file: where, path: p, expected: 'a parameter that a lever setting values shares with no other lever (multiplying levers may share one: their multipliers compound)', got: `${path}, also in ${other.at}` });
      if (!other) owner.set(path, { at, change: l.set !== undefined ? 'set' : 'multiply' });
    });
    const change = l.multiply !== undefined ? 'multiply' : 'set';
    const levels = (l.multiply ?? l.set)!;
    levels.forEach((x, j) => {
      const p = `${at}.${change}[${j}]`;
      if (!Number.isFinite(x)) problems.push({ file: where, path: p, expected: 'a finite number', got: described(x) });
      else if (change === 'multiply' && !(x > 0 && x <= MAX_MULTIPLIER && x !== 1)) problems.push({ file: where, path: p, expected: `a multiplier in (0, ${MAX_MULTIPLIER}] other than 1 (1 is the legislated level, always level 0)`, got: String(x) });
      else if (change === 'multiply' && j > 0 && !(x > levels[j - 1])) problems.push({ file: where, path: p, expected: `multipliers in increasing order (the search steps up them one at a time): more than ${levels[j - 1]}`, got: String(x) });
      else if (change === 'set' && levels.indexOf(x) !== j) problems.push({ file: where, path: p, expected: 'each value once', got: `${x} again` });
    });
    if (problems.length > before) return;
    const lever: Lever = { id: l.id, label: typeof l.label === 'string' ? { en: l.label, id: l.label } : l.label, parameters: l.parameters as ParameterPath[], change, levels };
    // Each level must give values the parameters take (their unit; their range, where they have one).
    lever.levels.forEach((x, j) => {
      for (const path of lever.parameters) {
        const { range, values } = base.get(path);
        const moved = values.map((v) => (change === 'set' ? x : (v.value as number) * x));
        if (range && moved.some((v) => v < range.min || v > range.max)) {
          problems.push({ file: where, path: `${at}.${change}[${j}]`, expected: `values of ${path} within its range, ${range.min} to ${range.max} (${base.get(path).file})`, got: `${x}, giving ${moved.find((v) => v < range.min || v > range.max)}` });
        }
      }
      try {
        base.patched(leverPatch(base, lever, j + 1), `${where}: ${at}.${change}[${j}]`);
      } catch (e) {
        if (!(e instanceof ProblemError)) throw e;
        problems.push(...e.problems.map((q) => ({ ...q, file: where, path: `${at}.${change}[${j}]: ${q.path}` })));
      }
    });
    levers.push(lever);
  });
  if (problems.length) throw new ProblemError(problems);
  return levers;
}

/** Reads and checks a lever file (YAML or JSON: `levers:` and a list) against `base`. */
export function readLeverFile(path: string, base: Parameters): Lever[] {
  const file = resolve(path);
  const where = shownPath(file);
  const { text } = readTextFile(file, where, 'a lever file', LEVER_FILE_BYTES);
  if (text.trim() === '') throw new ProblemError([{ file: where, path: '', expected: 'a lever file: a mapping with "levers", a list', got: 'an empty file' }]);
  const data = parsedText(text, where, file.toLowerCase().endsWith('.json'));
  const parsed = FILE_SCHEMA.safeParse(data, { reportInput: true });
  if (!parsed.success) throw new ProblemError(parsed.error.issues.map((issue) => issueProblem(issue, where, '')));
  return checkLevers(parsed.data.levers, base, where);
}
