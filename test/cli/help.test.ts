/**
 * Each command's option table gives both its parser and its help (src/cli/options.ts): the help
 * lists every option with its default, the parser fills in the same default, an unknown option is
 * refused naming the command and the nearest option, and the README shows the help as printed.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, overview } from '../../src/cli/commands';
import { defaultText, type Command } from '../../src/cli/options';
import { DEFAULT_END, DEFAULT_SEED } from '../../src/run/simulate';
import { ProblemError } from '../../src/problems';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function graduasi(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/graduasi.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const byName = (name: string): Command => COMMANDS.find((c) => c.name === name)!;

/** Arguments enough for a command that needs some (they are only parsed, never used). */
const argsFor = (c: Command) => Array.from({ length: c.args.min }, () => 'x');

/** A problem thrown by parsing, as data. */
function refusal(c: Command, argv: string[]) {
  try {
    c.parse(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return (e as ProblemError).problems;
  }
  throw new Error('expected the command line to be refused');
}

describe('graduasi help lists every command with a one-line summary', () => {
  it.each(COMMANDS.map((c) => [c.name, c.summary]))('%s', (name, summary) => {
    expect(summary).not.toContain('\n');
    expect(overview()).toMatch(new RegExp(`^  ${name} +${summary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
  });
});

describe("each command's help prints its usage and every option with its default", () => {
  it.each(COMMANDS.map((c) => [c.name, c]))('%s', (name, c) => {
    const help = c.help();
    expect(help).toMatch(new RegExp(`^usage: graduasi ${name}[ \\n]`));
    expect(help).toContain('-h, --help');
    for (const [option, o] of Object.entries(c.options)) {
      expect(help).toContain(`--${option} ${o.value}`);
      const shown = defaultText(o);
      if (shown !== undefined) expect(help.replace(/\s+/g, ' ')).toContain(`(default${shown.includes(' ') ? ':' : ''} ${shown})`);
    }
  });

  it.each([
    ['run', '--help'],
    ['compare', '-h'],
    ['trial', '--help'],
    ['history', '--help'],
  ])('graduasi %s %s prints it and exits with 0, as does graduasi help <command>', (name, flag) => {
    const r = graduasi(name, flag);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(byName(name).help());
    expect(graduasi('help', name).stdout).toBe(r.stdout);
  });

  it('--help wins over anything else on the line', () => {
    expect(byName('run').parse(['--seed', 'abc', '--colour', 'red', '-h'])).toBe('help');
  });
});

describe('a default is stated once: the help states the value the parser fills in', () => {
  it.each(COMMANDS.flatMap((c) => Object.entries(c.options).filter(([, o]) => o.default !== undefined).map(([option, o]) => [c.name, option, c, o] as const)))(
    '%s --%s',
    (_, option, c, o) => {
      const line = c.parse(argsFor(c));
      if (line === 'help') throw new Error('unexpected help');
      expect(line.options[option]).toEqual(o.default);
      if (o.defaultText === undefined) expect(c.help().replace(/\s+/g, ' ')).toContain(`--${option} ${o.value} `);
    },
  );

  it('the seed is DEFAULT_SEED (2022) and the last month DEFAULT_END (2030-12) wherever they default', () => {
    for (const name of ['run', 'compare', 'history', 'backtest', 'calibrate', 'sensitivity', 'trial']) {
      const c = byName(name);
      const line = c.parse([]);
      if (line === 'help') throw new Error('unexpected help');
      expect(line.options.seed).toBe(DEFAULT_SEED);
      expect(c.help().replace(/\s+/g, ' ')).toMatch(/--seed N [^()]*\(default 2022\)/);
    }
    const run = byName('run').parse([]);
    if (run === 'help') throw new Error('unexpected help');
    expect(run.options.years).toEqual({ from: '2022', end: DEFAULT_END });
    expect(run.options.start).toBe('2022-03');
    expect(byName('run').help()).toContain('(default 2022-2030)');
  });

  it('history runs to December 2025, the end of the record, unless told otherwise', () => {
    const line = byName('history').parse([]);
    if (line === 'help') throw new Error('unexpected help');
    expect(line.options).toMatchObject({ years: { from: '2022', end: '2025-12' }, seed: DEFAULT_SEED, replicates: 3 });
    expect(byName('history').help()).toContain('(default 2022-2025)');
    expect(refusal(byName('history'), ['assistance-only'])).toEqual([{ file: 'graduasi history', path: '', expected: 'options only', got: '"assistance-only"' }]);
  });

  it('a value given replaces the default', () => {
    const line = byName('run').parse(['--seed', '7', '--years', '2022-2024', 'assistance-only']);
    if (line === 'help') throw new Error('unexpected help');
    expect(line.options).toMatchObject({ seed: 7, years: { from: '2022', end: '2024-12' }, replicates: 3 });
    expect(line.args).toEqual(['assistance-only']);
    expect([...line.given].sort()).toEqual(['seed', 'years']);
  });
});

describe('what the command line gets wrong is refused, naming the command, the option, what was expected and what was given', () => {
  it('an unknown option, with the nearest one', () => {
    expect(refusal(byName('run'), ['--sed', '3'])).toEqual([
      { file: 'graduasi run', path: '--sed', expected: 'one of --start, --years, --replicates, --seed, --households, --scale, --workers, --threads, --shard, --out, --lang, --parameters, --posterior', got: 'an unknown option', hint: 'did you mean --seed?' },
    ]);
  });

  it('through the command: exit code 1, the problem and where the options are described', () => {
    const r = graduasi('compare', '--replicate', '2');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'graduasi compare: --replicate: expected one of --start, --years, --replicates, --seed, --households, --scale, --workers, --threads, --shard, --out, --lang, --parameters, --posterior, --reference, got an unknown option (did you mean --replicates?)\n' +
        '(graduasi compare --help lists its options)\n',
    );
  });

  it.each<[string, string[], RegExp]>([
    ['a bad value', ['sensitivity', '--method', 'sobal'], /^graduasi sensitivity: --method: expected one of morris, sobol, both, got "sobal" \(did you mean "sobol"\?\)$/],
    ['a month that is not one', ['sensitivity', '--month', '2030-3'], /^graduasi sensitivity: --month: expected a month YYYY-MM, e\.g\. 2030-03, got "2030-3"$/],
    ['a scale too small for the smallest population', ['trial', '--scale', '0.0001'], /^graduasi trial: --scale: expected agents per real household of at least 0\.000232 \(20,000 agents\), got "0\.0001"$/],
    ['an option without its value', ['run', '--seed'], /^graduasi run: --seed: expected a value after it: --seed N, got nothing$/],
    ['an option given twice', ['trial', '--seed', '1', '--seed', '2'], /^graduasi trial: --seed: expected the option once, got it twice \("1", "2"\)$/],
    ['arguments to a command that takes none', ['calibrate', 'budget-cut-20'], /^graduasi calibrate: expected options only, got "budget-cut-20"$/],
    ['an argument missing', ['show'], /^graduasi show: expected one scenario \(a built-in id or a file\), got nothing$/],
    ['an unknown design', ['trial', 'brac'], /^graduasi trial: design: expected one of pena-2023, brac-like, got "brac" \(did you mean "brac-like"\?\)$/],
    ['an unknown command', ['simulat'], /^graduasi: expected a command: list, show, validate, run, compare, history, backtest, merge, plan, report, calibrate, sensitivity, trial, target, got "simulat"$/],
  ])('%s', (_, [name, ...argv], message) => {
    const c = COMMANDS.find((x) => x.name === name);
    if (c === undefined) {
      const r = graduasi(name, ...argv);
      expect(r.status).toBe(1);
      expect(r.stderr.split('\n')[0]).toMatch(message);
      expect(r.stderr).toContain('(graduasi help lists the commands)');
      return;
    }
    const problems = refusal(c, argv);
    expect(problems).toHaveLength(1);
    expect(new ProblemError(problems).message).toMatch(message);
  });

  it('every problem of a command line at once', () => {
    expect(refusal(byName('run'), ['--seed', 'abc', '--lang', 'fr', '--households', '5']).map((p) => p.path)).toEqual(['--seed', '--households', '--lang']);
  });
});

describe('README shows the help as the command prints it', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  // The number of cores is the machine's; the rest is the same everywhere.
  const cores = (text: string) => text.replace(/the machine's cores, \d+ here/g, "the machine's cores, N here");
  it.each(COMMANDS.map((c) => [c.name, c]))('graduasi %s --help', (_, c) => {
    expect(cores(readme)).toContain(`\`\`\`text\n$ npx graduasi ${c.name} --help\n${cores(c.help())}\`\`\``);
  });
});
