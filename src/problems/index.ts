/**
 * Problems: everything a user can get wrong, said one way. A parameter file, a scenario, a targets
 * file, a posterior sample, a study's options, a command-line option: each check collects what it
 * finds as data — where (the file or source, and the path inside it), what was expected, what was
 * found, and a hint such as "did you mean …?" — and refuses the lot at once with one error, the
 * {@link ProblemError}. One printer, {@link formatProblems}, turns problems into the lines a user
 * reads, in the form compilers use (OpenFisca's loader errors, tsc):
 *
 *   data/parameters/policy/pkh/quota.yaml: policy.pkh.quota: values.2022-01-01: expected a non-negative whole number, got 4.5
 *   graduasi run: --sed: expected one of --years, --replicates, …, got an unknown option (did you mean --seed?)
 *
 * The bottom layer: imports nothing from src/.
 */

/** One thing wrong with what a user gave. */
import { isAbsolute, relative } from 'node:path';

export interface Problem {
  /**
   * Where the problem is: a file as the user would name it, or, when there is no file, the source —
   * the command line ("graduasi run"), a notebook cell, a function's options ("morrisStudy").
   */
  readonly file?: string;
  /** What inside it: a parameter path, an option ("--seed"), a field, a row and column; "" for the whole. */
  readonly path: string;
  /** What was expected, worded to follow "expected …". */
  readonly expected: string;
  /** What was found, worded to follow "got …" (text quoted: `"abc"`; see {@link described}). Absent when there is nothing to show. */
  readonly got?: string;
  /** A hint after the message, e.g. 'did you mean "policy.pkh.quota"?'. */
  readonly hint?: string;
}

/** A path as the user is told it: relative to the working folder when inside it, else absolute (no machine's folders in what a command prints from inside a project). */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * "<file>: <path>: expected <expected>, got <got> (<hint>)", leaving out what a problem has not; control
 * characters escaped (see {@link escapedControls}), since the line is printed to a terminal.
 */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.path].filter((x) => x !== undefined && x !== '').join(': ');
  const message = `expected ${p.expected}${p.got === undefined ? '' : `, got ${p.got}`}${p.hint ? ` (${p.hint})` : ''}`;
  return escapedControls(where ? `${where}: ${message}` : message);
}

/** How many problems a message lists; the rest are counted ("… and 12 more"). */
export const PROBLEMS_LISTED = 20;

/**
 * One problem as its line; several as "N problems:" and one indented line each, the first
 * {@link PROBLEMS_LISTED} of them, then "… and N more" (every one stays in {@link ProblemError.problems}).
 */
export function formatProblems(problems: readonly Problem[]): string {
  if (problems.length === 1) return formatProblem(problems[0]);
  const listed = problems.slice(0, PROBLEMS_LISTED).map((p) => `  ${formatProblem(p)}`);
  const more = problems.length - listed.length;
  return `${problems.length} problems:\n${listed.join('\n')}${more > 0 ? `\n  … and ${more.toLocaleString('en')} more` : ''}`;
}

/** Thrown when what a user gave is wrong; `problems` lists every problem found (at least one). */
export class ProblemError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    const frozen = Object.freeze(problems.map((p) => Object.freeze({ ...p })));
    super(formatProblems(frozen));
    this.name = 'ProblemError';
    this.problems = frozen;
  }
}

/** Throws a {@link ProblemError} listing `problems` when there are any. */
export function refuse(problems: readonly Problem[]): void {
  if (problems.length) throw new ProblemError(problems);
}

/** How many characters of a text a problem quotes; a longer one is cut and its length given. */
export const TEXT_QUOTED = 60;

/**
 * Characters a terminal acts on rather than shows: C0 and C1 controls (ESC starts the ANSI escape
 * sequences that colour, move the cursor or retitle the window), DEL, and the bidirectional overrides
 * and isolates that reorder what follows them. Not tab or line feed, which lay out text.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character written as its escape (ESC as \u001b), so a terminal shows it instead of obeying it; tabs and line ends kept. */
export function escapedControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A text as a problem quotes it: in double quotes, controls escaped, cut after {@link TEXT_QUOTED} characters with its length. */
function quoted(text: string): string {
  const cut = text.length > TEXT_QUOTED;
  const shownText = escapedControls(JSON.stringify(cut ? text.slice(0, TEXT_QUOTED) : text));
  return cut ? `${shownText.slice(0, -1)}…" (${text.length.toLocaleString('en')} characters)` : shownText;
}

/**
 * A value as a problem shows it: text quoted (controls escaped, a long one cut), nothing as "nothing",
 * a list as "a list", an object as "a mapping", NaN and infinities said in words.
 */
export function described(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return quoted(value);
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN (not a number)';
  if (value === Infinity || value === -Infinity) return `${value} (a number beyond ±1.8e308, the largest held)`;
  return String(value);
}

/**
 * A value with its kind, for a value of the wrong kind: "a number 5", "a text "5"", "true/false: true",
 * "a list", "a mapping", "an empty value (null)", "nothing".
 */
export function typed(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? `a number ${value}` : described(value);
  if (typeof value === 'string') return `a text ${described(value)}`;
  if (typeof value === 'boolean') return `true/false: ${value}`;
  if (value === null) return 'an empty value (null)';
  return described(value);
}

/** Levenshtein distance: insertions, deletions and substitutions turning `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidates nearest to `given`: those fewest edits away, at most `within` (default 3); when none
 * is that close, those that start with `given` ("brac" → "brac-like"). At most three.
 */
export function nearest(given: string, candidates: Iterable<string>, within = 3): string[] {
  const all = [...candidates];
  const close = all
    .filter((c) => Math.abs(c.length - given.length) <= within) // farther than `within` already by their lengths
    .map((c) => [c, editDistance(given, c)] as const)
    .filter(([, d]) => d <= within)
    .sort((a, b) => a[1] - b[1])
    .filter(([, d], _, sorted) => d === sorted[0][1])
    .map(([c]) => c);
  return (close.length || given.length < 3 ? close : all.filter((c) => c.startsWith(given))).slice(0, 3);
}

/** The hint 'did you mean "a" or "b"?' for these guesses (quoted unless `quote` is false), or undefined when there are none. */
export function didYouMean(guesses: readonly string[], quote = true): string | undefined {
  return guesses.length ? `did you mean ${guesses.map((g) => (quote ? `"${g}"` : g)).join(' or ')}?` : undefined;
}
