/**
 * The command line, declared once per command. A command lists its arguments and its options —
 * each with a value placeholder, a description, a default and a check — and from that one table come
 * both the parser and the help (`graduasi <command> --help`), so the two cannot drift apart and each
 * default is stated once (Plot's option normalisers, commander's option table).
 *
 * Splitting the words (`--name value`, `--name=value`, `-h`, `--`) is node:util's parseArgs, in
 * its token mode; everything after that is here: unknown options (with the nearest one named), an
 * option without its value or given twice, each value checked, checks across options, the number of
 * arguments. Every problem is collected and refused at once as a ProblemError (src/problems) whose
 * problems name the command ("graduasi run"), the option, what was expected and what was given;
 * nothing runs before the whole command line is right.
 */
import { parseArgs } from 'node:util';
import { didYouMean, nearest, ProblemError, type Problem } from '../problems/index';

/** What a check says of a value it refuses: what it expected, and perhaps a hint. */
export class Expected {
  constructor(readonly expected: string, readonly hint?: string) {}
}

/** A value check: the value read from the text, or what was expected instead. */
export type Check<T> = (text: string) => T | Expected;

/** One option of a command. */
export interface Option<T> {
  /** The value's placeholder in the help, e.g. "N", "2022-YYYY", "en|id". */
  readonly value: string;
  /** What the option does, in a line (the help adds the default). */
  readonly description: string;
  /** The value when the option is not given (undefined: none). */
  readonly default: T;
  /** How the help states the default when the value itself does not say it well (e.g. "the machine's cores"). */
  readonly defaultText?: string;
  /** Reads and checks the option's text. */
  readonly check: Check<T>;
  /** The default as the help shows it. Default: numbers with thousands separators, text as is. */
  show?(value: T): string;
}

/** The options of a command, by name (the option is `--<name>`). */
export type Options = Readonly<Record<string, Option<unknown>>>;

/** The value of each option, its default filled in. */
export type Values<O extends Options> = { -readonly [K in keyof O]: O[K] extends Option<infer T> ? T : never };

/** The arguments a command takes before or between its options. */
export interface Arguments {
  /** As the usage line shows one, e.g. "<scenario>", "[design]". */
  readonly name: string;
  readonly min: number;
  readonly max: number;
  /** What a wrong number of them is told, e.g. "one scenario (a built-in id or a file)". */
  readonly expected: string;
}

/** A command line read and checked. */
export interface CommandLine<O extends Options> {
  /** The words after the command's name, as given. */
  readonly argv: readonly string[];
  /** The arguments (not options), in order. */
  readonly args: readonly string[];
  readonly options: Values<O>;
  /** The options the user gave (by name), as against the defaults. */
  readonly given: ReadonlySet<string>;
}

/** A command: what it is called, what it takes, and what it does. */
export interface CommandSpec<O extends Options> {
  readonly name: string;
  /** One line for `graduasi help`. */
  readonly summary: string;
  /** Paragraphs for its own help, after the usage line (default: the summary). */
  readonly about?: string;
  readonly args: Arguments;
  readonly options: O;
  /** Checks across options (one of two, an option only some settings use); the problems' paths name the options. */
  readonly check?: (line: CommandLine<O>) => Problem[];
  /** Lines after the options in the help. */
  readonly notes?: string;
  readonly run: (line: CommandLine<O>) => void | Promise<void>;
}

/** A command as the dispatcher sees it. */
export interface Command<O extends Options = Options> extends CommandSpec<O> {
  /** The command line read and checked (throws a ProblemError), or "help" when -h or --help is among the arguments. */
  parse(argv: readonly string[]): CommandLine<O> | 'help';
  /** The help text: usage, what it does, each option with its default. */
  help(): string;
  /** Parses `argv` and runs the command, or prints its help. */
  main(argv: readonly string[]): Promise<void>;
}

/** An option table entry, typed by its default. */
export function option<T>(spec: Option<T>): Option<T> {
  return spec;
}

/** A command from its table. */
export function command<O extends Options>(spec: CommandSpec<O>): Command<O> {
  const self: Command<O> = {
    ...spec,
    parse: (argv) => parseCommandLine(spec, argv),
    help: () => commandHelp(spec),
    async main(argv) {
      const line = self.parse(argv);
      if (line === 'help') process.stdout.write(self.help());
      else await spec.run(line);
    },
  };
  return self;
}

// ---------------------------------------------------------------------------------------------------
// Checks

/** Any text. */
export const text: Check<string> = (t) => t;

/** An upper bound of a number and where it comes from, e.g. { max: 1_000, why: 'the 5–95 % band is steady long before' }. */
export interface Bound {
  readonly max: number;
  readonly why: string;
}

/** A whole number of at least `min` and, when `bound` is given, at most its max (the refusal says why). */
export function wholeNumber(min: number, bound?: Bound): Check<number> {
  const expected = bound === undefined ? `a whole number of at least ${min.toLocaleString('en')}` : `a whole number from ${min.toLocaleString('en')} to ${bound.max.toLocaleString('en')} (${bound.why})`;
  return (t) => {
    const n = Number(t);
    return /^-?\d+$/.test(t) && Number.isSafeInteger(n) && n >= min && (bound === undefined || n <= bound.max) ? n : new Expected(expected);
  };
}

/** A number for which `within` holds; `expected` says which (e.g. "a share in (0, 1)"). */
export function number(within: (x: number) => boolean, expected: string): Check<number> {
  return (t) => {
    const x = Number(t);
    return /^[\d.eE+-]+$/.test(t) && Number.isFinite(x) && within(x) ? x : new Expected(expected);
  };
}

/** One of `choices`. */
export function oneOf<C extends string>(choices: readonly C[]): Check<C> {
  return (t) => ((choices as readonly string[]).includes(t) ? (t as C) : new Expected(`one of ${choices.join(', ')}`, didYouMean(nearest(t, choices, Math.min(2, Math.floor(t.length / 2))))));
}

/** A month, YYYY-MM. */
export const month: Check<string> = (t) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(t) ? t : new Expected('a month YYYY-MM, e.g. 2030-03'));

/** Names separated by commas (at least one), each passed through `map`. */
export function list(expected: string, map: (name: string) => string = (n) => n): Check<string[]> {
  return (t) => {
    const names = t.split(',').map((x) => x.trim()).filter((x) => x !== '');
    return names.length ? names.map(map) : new Expected(expected);
  };
}

// ---------------------------------------------------------------------------------------------------
// The parser

const HELP = { name: 'help', short: 'h' } as const;

function parseCommandLine<O extends Options>(spec: CommandSpec<O>, argv: readonly string[]): CommandLine<O> | 'help' {
  const where = `graduasi ${spec.name}`;
  const names = Object.keys(spec.options);
  const { tokens } = parseArgs({
    args: [...argv],
    options: { ...Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])), [HELP.name]: { type: 'boolean', short: HELP.short } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  if (tokens.some((t) => t.kind === 'option' && t.name === HELP.name)) return 'help';

  const problems: Problem[] = [];
  const problem = (path: string, expected: string, got?: string, hint?: string) => problems.push({ file: where, path, expected, got, hint });
  const texts = new Map<string, string>();
  const args: string[] = [];
  let unknown = false;
  for (const token of tokens) {
    if (token.kind === 'positional') args.push(token.value);
    if (token.kind !== 'option') continue;
    const spelled = token.rawName;
    if (!names.includes(token.name)) {
      unknown = true;
      const all = names.map((n) => `--${n}`);
      problem(spelled, `one of ${all.join(', ')}`, 'an unknown option', didYouMean(nearest(`--${token.name}`, all), false));
      continue;
    }
    const o = spec.options[token.name];
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      problem(spelled, `a value after it: ${spelled} ${o.value}`, 'nothing');
      continue;
    }
    const before = texts.get(token.name);
    if (before !== undefined) {
      problem(spelled, 'the option once', `it twice ("${before}", "${token.value}")`);
      continue;
    }
    texts.set(token.name, token.value);
  }
  // Values of unknown options were read as arguments: count arguments only when every option is known.
  if (!unknown && (args.length < spec.args.min || args.length > spec.args.max)) {
    problem('', spec.args.expected, args.length ? args.map((a) => `"${a}"`).join(' ') : 'nothing');
  }

  const values: Record<string, unknown> = {};
  for (const name of names) {
    const o = spec.options[name];
    const given = texts.get(name);
    if (given === undefined) {
      values[name] = o.default;
      continue;
    }
    const value = o.check(given);
    if (value instanceof Expected) problem(`--${name}`, value.expected, `"${given}"`, value.hint);
    else values[name] = value;
  }
  const line: CommandLine<O> = { argv, args, options: values as Values<O>, given: new Set(texts.keys()) };
  if (problems.length === 0 && spec.check) problems.push(...spec.check(line).map((p) => ({ file: where, ...p })));
  if (problems.length) throw new ProblemError(problems);
  return line;
}

// ---------------------------------------------------------------------------------------------------
// The help

/** Width of the help's text, in characters. */
const WIDTH = 110;

/** `text` in lines of at most `width` characters, every line after the first indented by `indent` spaces. */
function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** The default of an option as the help states it, or undefined when there is none to state. */
export function defaultText(o: Option<unknown>): string | undefined {
  if (o.defaultText !== undefined) return o.defaultText;
  if (o.default === undefined) return undefined;
  if (o.show) return o.show(o.default);
  if (typeof o.default === 'number') return o.default.toLocaleString('en');
  if (Array.isArray(o.default)) return o.default.join(', ');
  return String(o.default);
}

/** The usage line's arguments, e.g. "[<scenario>...]". */
function argumentsText(a: Arguments): string {
  if (a.max === 0) return '';
  const many = a.max > 1 ? '...' : '';
  return a.min === 0 ? `[${a.name}${many}]` : `${a.name}${many}`;
}

function commandHelp<O extends Options>(spec: CommandSpec<O>): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    // A default in words follows a colon, "(default: the machine's cores)"; a value does not, "(default 3)".
    const shown = defaultText(o);
    const stated = shown === undefined ? '' : ` (default${shown.includes(' ') ? ':' : ''} ${shown})`;
    return [`--${name} ${o.value}`, `${o.description}${stated}`];
  });
  rows.push(['-h, --help', 'print this help']);
  const left = Math.max(...rows.map(([l]) => l.length)) + 2;
  const usage = ['usage: graduasi', spec.name, argumentsText(spec.args), '[options]'].filter(Boolean).join(' ');
  return [
    usage,
    '',
    wrap(spec.about ?? spec.summary, WIDTH, 0),
    '',
    'options',
    ...rows.map(([l, r]) => `  ${l.padEnd(left)}${wrap(r, WIDTH - left - 2, left + 2)}`),
    ...(spec.notes ? ['', spec.notes] : []),
    '',
  ].join('\n');
}
