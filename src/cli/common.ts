/**
 * The options several commands take, declared once: the seed, the population's size, the workers,
 * the replicates, the output folder and the language. Each command puts them in its table
 * (./options.ts) with its own default where the default differs (a study runs 20,000 agents, a run
 * 200,000). Sizes have upper bounds, stated in the help and in a refusal with where they come from;
 * what the sizes add up to is checked against the machine's memory before any work (./memory.ts).
 */
import { availableParallelism } from 'node:os';
import { ProblemError, type Problem } from '../problems/index';
import { DEFAULT_SEED } from '../run/simulate';
import { DEFAULT_HOUSEHOLDS, MIN_HOUSEHOLDS, loadPopulationData } from '../population/index';
import { LANGS, type Lang } from '../lang/index';
import { Expected, number, oneOf, option, text, wholeNumber, type Bound, type CommandLine, type Option } from './options';
import { PARAMETER_SETS, type ParameterSet } from '../scenarios/load';
import type { Shard } from '../experiment/shard';

/** --seed N (default DEFAULT_SEED, 2022). */
export const seed = option<number>({ value: 'N', description: 'seed, a whole number: the same seed gives the same results, byte for byte', default: DEFAULT_SEED, check: wholeNumber(0), show: String });

/** The most agents a population may have: one per household of the registry (data/population/national.csv, 86.4 m). */
export const MAX_HOUSEHOLDS: Bound = { max: loadPopulationData().national.households, why: "one agent per household of the registry, data/population/national.csv" };

/** --households N: agents in the population, from MIN_HOUSEHOLDS to MAX_HOUSEHOLDS; `fallback` the default (none: the population's, 200,000). */
export function households(fallback: number): Option<number>;
export function households(): Option<number | undefined>;
export function households(fallback?: number): Option<number | undefined> {
  return option<number | undefined>({
    value: 'N',
    description: `agents in the population, from ${MIN_HOUSEHOLDS.toLocaleString('en')} to ${MAX_HOUSEHOLDS.max.toLocaleString('en')} (${MAX_HOUSEHOLDS.why})`,
    default: fallback,
    ...(fallback === undefined ? { defaultText: DEFAULT_HOUSEHOLDS.toLocaleString('en') } : {}),
    check: wholeNumber(MIN_HOUSEHOLDS, MAX_HOUSEHOLDS),
  });
}

/** The agents a command line's --households or --scale asks for (neither: `fallback`). */
export function agentsOf(o: { readonly households?: number; readonly scale?: number }, fallback = DEFAULT_HOUSEHOLDS): number {
  if (o.scale !== undefined) return Math.round(o.scale * MAX_HOUSEHOLDS.max);
  return o.households ?? fallback;
}

/** --scale X: agents per real household, instead of --households; enough for MIN_HOUSEHOLDS agents. */
export const scale = option<number | undefined>({
  value: 'X',
  description: 'agents per real household, in (0, 1], instead of --households (1: the whole registry)',
  default: undefined,
  check: (t) => {
    const x = number((v) => v > 0 && v <= 1, 'agents per real household in (0, 1]')(t);
    if (x instanceof Expected) return x;
    const official = MAX_HOUSEHOLDS.max;
    return Math.round(x * official) >= MIN_HOUSEHOLDS ? x : new Expected(`agents per real household of at least ${Math.ceil((MIN_HOUSEHOLDS / official) * 1e6) / 1e6} (${MIN_HOUSEHOLDS.toLocaleString('en')} agents)`);
  },
});

/** The most worker threads: twice the machine's cores. More threads than cores only share the cores, each with its own population in memory. */
export const MAX_WORKERS: Bound = { max: 2 * availableParallelism(), why: `twice the machine's ${availableParallelism()} cores: more threads than cores only slow the run and each holds its own population` };

/** --workers N (default: the machine's cores; at most MAX_WORKERS). */
export const workers = option<number>({
  value: 'N',
  description: 'worker threads, at most twice the cores; the results are the same bytes at any number',
  default: availableParallelism(),
  defaultText: `the machine's cores, ${availableParallelism()} here`,
  check: wholeNumber(1, MAX_WORKERS),
});

/** The most threads a run's step uses: the machine's cores (more only share them). */
export const MAX_THREADS: Bound = { max: availableParallelism(), why: `the machine's ${availableParallelism()} cores: more threads only share them` };

/** --threads N (default: the cores the workers leave; at most MAX_THREADS). */
export const threads = option<number | undefined>({
  value: 'N',
  description: "threads each run's step uses (the processes that touch each household alone split the households); the results are the same bytes at any number",
  default: undefined,
  defaultText: 'the cores the workers leave (one worker on two cores: two threads a run), from 500,000 agents',
  check: wholeNumber(1, MAX_THREADS),
});

/** The most replicates a command runs of each scenario or point. */
export const MAX_REPLICATES: Bound = { max: 1_000, why: 'the 5–95 % band over replicates is steady long before; more only take time and memory' };

/** --replicates N: `description` says what a replicate is; at most MAX_REPLICATES. */
export function replicates(description: string, fallback: number): Option<number> {
  return option<number>({ value: 'N', description: `${description}; at most ${MAX_REPLICATES.max.toLocaleString('en')}`, default: fallback, check: wholeNumber(1, MAX_REPLICATES) });
}

/** --out FOLDER: a new folder for what `command` writes (default runs/<date-time>-<command>). */
export function out(command: string): Option<string | undefined> {
  return option<string | undefined>({ value: 'FOLDER', description: "a new folder for the results, outside the project's data/ and src/; an existing one is refused", default: undefined, defaultText: `runs/<date-time>-${command}`, check: text });
}

/** Which values scenarios run on (resolveScenarios' ParameterSet). */
export const parameterSet = option<ParameterSet>({
  value: PARAMETER_SETS.join('|'),
  description: "the values scenarios run on: the committed calibration (data/calibration/calibrated.yaml) over the data tree, or the data tree's own values",
  default: 'calibrated',
  check: oneOf(PARAMETER_SETS),
});

/** --lang en|id: the language of `what`. */
export function lang(what: string): Option<Lang> {
  return option<Lang>({ value: LANGS.join('|'), description: `language of ${what}`, default: 'en', check: oneOf(LANGS) });
}

/**
 * A library's refusal (a calibration's, a study's) said of the command's options: a problem at the
 * path "<setting>" or "<setting>: …" becomes one of "graduasi <command>" at "<option>" or "<option>: …",
 * `optionOf` mapping settings to options; other problems, and other errors, pass unchanged.
 */
export function onOptions(error: unknown, command: string, optionOf: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof ProblemError)) return error;
  return new ProblemError(error.problems.map((p) => {
    const [head, ...rest] = p.path.split(': ');
    return head in optionOf ? { ...p, file: `graduasi ${command}`, path: [optionOf[head], ...rest].join(': ') } : p;
  }));
}

/** The problem when both --households and --scale are given. */
export function householdsOrScale(line: CommandLine<{ households: Option<number | undefined>; scale: Option<number | undefined> }>): Problem[] {
  return line.given.has('households') && line.given.has('scale') ? [{ path: '--households and --scale', expected: 'one of them', got: 'both' }] : [];
}

/** What --shard expects. */
const SHARD_EXPECTED = 'K/N, shard K of N with K from 1 to N, e.g. 1/4';

/** --shard K/N: run only shard K of N (numbered from 1) of the jobs, and write a shard folder for graduasi merge. */
export const shard = option<Shard | undefined>({
  value: 'K/N',
  description: 'run only shard K of N, K from 1 to N (job j, counted from 0, goes to shard j mod N + 1), and write a shard folder: shard.json and rows.csv; graduasi merge joins the N folders into the run folder one machine writes, byte for byte',
  default: undefined,
  defaultText: 'every job, in one run folder',
  check: (t) => {
    const m = /^(\d+)\/(\d+)$/.exec(t);
    if (!m) return new Expected(SHARD_EXPECTED);
    const [index, of] = [Number(m[1]), Number(m[2])];
    if (of < 1) return new Expected(`${SHARD_EXPECTED}: N at least 1`);
    if (index < 1 || index > of) return new Expected(`${SHARD_EXPECTED}: K from 1 to ${of}`, index === 0 ? 'shards are numbered from 1' : undefined);
    return { index, of };
  },
});
