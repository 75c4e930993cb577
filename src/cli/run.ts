/**
 * `graduasi run` and `graduasi compare`: scenarios × replicates of one seed (src/experiment), the
 * headline table printed and a new run folder written (manifest.json, results.csv, summary.csv,
 * report.html). `compare` adds paired differences from a reference scenario.
 */
import { join } from 'node:path';
import { LAST_YEAR, loadParameters } from '../parameters/load';
import { BUILTIN_SCENARIOS, DEFAULT_REFERENCE } from '../scenarios/builtin';
import { CALIBRATION_FOLDER, resolveScenarios } from '../scenarios/load';
import { runExperiment, uncertaintyOf } from '../experiment/index';
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { runShard, shardFiles, ROWS_FILE, SHARD_FILE } from '../experiment/shard';
import type { ExperimentOptions } from '../experiment/index';
import { DEFAULT_END } from '../run/simulate';
import { DEFAULT_ROUND, loadPopulationData } from '../population/index';
import { monthLabel } from '../lang/index';
import { POSTERIOR_FILE, posteriorDraws, readPosterior } from '../calibration/output';
import { headlines } from '../report/headline';
import { formatTable, headlineTables } from '../report/table';
import { ENOUGH_REPLICATES, TEXT } from '../report/text';
import { experimentFiles } from '../report/run';
import { didYouMean, nearest, ProblemError, shownPath } from '../problems/index';
import { command, Expected, oneOf, option, text, wholeNumber, type CommandLine } from './options';
import type { Problem } from '../problems/index';
import { threadsPerRun } from '../experiment/pool';
import { agentsOf, households, householdsOrScale, lang, onOptions, out, parameterSet, scale, seed, shard, threads, workers, replicates } from './common';
import { progressDisplay } from './progress';
import { checkMemory, experimentMemory, RESOURCES_FILE, resourcesUsed, rowsPerRun } from './memory';
import { performance } from 'node:perf_hooks';

/** The Susenas rounds a run can start from (data/population/rounds.csv). */
const ROUNDS = loadPopulationData().rounds.map((r) => r.round);

/** --start YYYY-MM: the Susenas round the population describes, and the run's first month. */
export const start = option<string>({
  value: 'YYYY-MM',
  description: `the Susenas round the run starts from, which the synthetic population describes: ${ROUNDS.join(', ')}; every parameter needs a value from January of its year`,
  default: DEFAULT_ROUND,
  check: oneOf(ROUNDS),
});

/** The last year a run may reach is the parameter tree's last year (src/parameters/load.ts); the data's dated values end in 2026 and carry forward. */
export { LAST_YEAR };

/** --years YYYY-YYYY, from the start's year to LAST_YEAR at most: read as the last month of the run, December of the second year. */
export const years = option<{ readonly from: string; readonly end: string }>({
  value: 'YYYY-YYYY',
  description: `years to simulate: from the start month, in the first year, to December of the second, ${LAST_YEAR} at the latest (the end of the national long-term plan, RPJPN 2025–2045)`,
  default: { from: DEFAULT_ROUND.slice(0, 4), end: DEFAULT_END },
  show: (v) => `${v.from}-${v.end.slice(0, 4)}`,
  check: (t) => {
    const m = /^(\d{4})-(\d{4})$/.exec(t);
    if (!m) return new Expected(`a span of years such as ${DEFAULT_ROUND.slice(0, 4)}-2030`);
    if (m[2] < m[1]) return new Expected('the last year to be the first or later');
    if (Number(m[2]) > LAST_YEAR) return new Expected(`a last year of ${LAST_YEAR} at the latest (the end of the national long-term plan, RPJPN 2025–2045; the data's values end in 2026)`);
    return { from: m[1], end: `${m[2]}-12` };
  },
});

/** --years begins in the start's year (when both are given; --years alone begins in the default start's year). */
export function yearsFromStart(line: CommandLine<{ start: typeof start; years: typeof years }>): Problem[] {
  const { start: first, years: span } = line.options;
  if (!line.given.has('years') || span.from === first.slice(0, 4)) return [];
  return [{ path: '--years', expected: `${first.slice(0, 4)}-YYYY`, got: `${span.from}-${span.end.slice(0, 4)}`, hint: `runs start in ${monthLabel(first, 'en')} (--start ${first})` }];
}

/** The options of `run`; `compare` adds --reference. */
const RUN_OPTIONS = {
  start,
  years,
  replicates: replicates('replicates per scenario: each a different population sample and different draws, the same for every scenario', 3),
  seed,
  households: households(),
  scale,
  workers,
  threads,
  shard,
  out: out('run'),
  lang: lang('the tables and the report'),
  parameters: parameterSet,
  posterior: option<string | undefined>({
    value: 'calibrated|PATH',
    description: 'draw each replicate\'s behaviour parameters from a calibration posterior (posterior.csv, a calibration run folder, or "calibrated": data/calibration/posterior.csv): the bands then show parameter and stochastic uncertainty together',
    default: undefined,
    defaultText: "none, the data's values: stochastic uncertainty only",
    check: text,
  }),
};

const COMPARE_OPTIONS = {
  ...RUN_OPTIONS,
  out: out('compare'),
  reference: option<string | undefined>({ value: 'ID', description: 'the scenario the others are compared with', default: undefined, defaultText: `${DEFAULT_REFERENCE} when it is compared, else the first scenario`, check: text }),
};

const SCENARIOS = { name: '<scenario>', min: 0, max: Infinity, expected: 'scenarios: built-in ids or files' };

/** The options that make a run's size, as a refusal for memory names them. */
export const RUN_SIZE = '--replicates, --households or --scale, --years, --workers, --threads';

type RunLine = CommandLine<typeof RUN_OPTIONS> & { options: { reference?: string } };

/** Options that change no result (where, how fast and in how many parts it is computed), left out of the command a manifest records. */
const UNRECORDED = new Set(['--workers', '--threads', '--out', '--shard']);

/**
 * The words of the command as the manifest records them: "graduasi", the command, and what followed,
 * less --workers, --threads, --out and --shard with their values, so that a run's manifest is the same bytes at
 * any worker count, in any folder, and run on one machine or merged from shards.
 */
export function recordedCommand(name: string, argv: readonly string[]): string[] {
  const words = ['graduasi', name];
  for (let k = 0; k < argv.length; k++) {
    const [option, inline] = argv[k].split(/=(.*)/s);
    if (!UNRECORDED.has(option)) words.push(argv[k]);
    else if (inline === undefined) k++; // its value is the next word
  }
  return words;
}

async function runOrCompare(name: 'run' | 'compare', line: RunLine): Promise<void> {
  const o = line.options;
  const names = line.args.length ? line.args : BUILTIN_SCENARIOS.map((s) => s.id);
  const parameters = loadParameters();
  const scenarios = resolveScenarios(names, parameters, o.parameters);
  let reference: string | undefined;
  if (name === 'compare') {
    const ids = scenarios.map((s) => s.id);
    reference = o.reference ?? (ids.includes(DEFAULT_REFERENCE) ? DEFAULT_REFERENCE : ids[0]);
    const where = 'graduasi compare';
    if (!ids.includes(reference)) throw new ProblemError([{ file: where, path: '--reference', expected: `one of the scenarios compared (${ids.join(', ')})`, got: `"${reference}"`, hint: didYouMean(nearest(reference, ids)) }]);
    if (scenarios.length < 2) throw new ProblemError([{ file: where, path: '', expected: 'at least two scenarios (or none, for every built-in)', got: `one, "${names[0]}"` }]);
  }
  const posterior = o.posterior === undefined ? undefined : readPosterior(o.posterior === 'calibrated' ? join(CALIBRATION_FOLDER, POSTERIOR_FILE) : o.posterior, parameters);
  const began = performance.now();
  const runs = scenarios.length * (o.shard ? Math.ceil(o.replicates / o.shard.of) : o.replicates);
  const runThreads = o.threads ?? threadsPerRun(o.workers, runs, agentsOf(o));
  const estimate = experimentMemory({ runs, rows: rowsPerRun(o.start, o.years.end), agents: agentsOf(o), workers: o.workers, scenarios: scenarios.length, threadsPerRun: runThreads });
  checkMemory(name, RUN_SIZE, estimate);
  const folder = planRunFolder(o.out, o.shard ? `${name}-shard-${o.shard.index}-of-${o.shard.of}` : name);

  const log = process.stderr;
  const t = TEXT[o.lang];
  log.write(`${t.starting({ command: name, scenarios: scenarios.length, replicates: o.replicates, start: o.start, end: o.years.end, seed: o.seed, workers: o.workers, threads: runThreads, parameters: o.parameters, posterior: posterior?.file })}\n`);
  const progress = progressDisplay(log, 'runs', o.lang);
  const options: ExperimentOptions = {
    parameters,
    scenarios,
    replicates: o.replicates,
    seed: o.seed,
    start: o.start,
    end: o.years.end,
    households: o.households,
    scale: o.scale,
    reference,
    workers: o.workers,
    threads: runThreads,
    command: recordedCommand(name, line.argv),
    onProgress: progress.update,
    posterior: posterior && { file: posterior.file, sha256: posterior.sha256, draws: posteriorDraws(posterior, o.replicates, o.seed, parameters) },
  };
  if (o.shard) {
    const shardRun = await runShard(options, o.shard).catch((error: unknown) => {
      throw onOptions(error, name, { shard: '--shard' });
    });
    progress.end();
    writeRunFolder(folder, { [RESOURCES_FILE]: resourcesUsed(began, estimate, o.workers, runThreads), ...shardFiles(shardRun) });
    const { jobs } = shardRun.manifest;
    process.stdout.write(`Shard ${o.shard.index} of ${o.shard.of} (${jobs.length} job${jobs.length === 1 ? '' : 's'}: ${jobs.map((j) => `${j.scenario} replicate ${j.replicate}`).join(', ')}) written to ${shownPath(folder)}\n  ${SHARD_FILE}  ${ROWS_FILE}  ${RESOURCES_FILE}\ngraduasi merge <the ${o.shard.of} shard folders> writes the run folder.\n`);
    return;
  }
  const experiment = await runExperiment(options);
  progress.end();
  writeRunFolder(folder, { [RESOURCES_FILE]: resourcesUsed(began, estimate, o.workers, runThreads), ...experimentFiles(experiment, o.lang) });

  const labels = new Map(scenarios.map((s) => [s.id, s.id]));
  const h = headlines(experiment.rows, reference);
  process.stdout.write(
    `${headlineTables(h, labels, o.lang, reference).map(formatTable).join('\n\n')}\n\n` +
      `${t.band(uncertaintyOf(experiment.manifest), o.replicates)}. ${t.columnsNote(reference)}\n` +
      `${o.replicates < ENOUGH_REPLICATES ? `${t.fewReplicates(o.replicates)}\n` : ''}\n` +
      `${t.runWritten(shownPath(folder))}\n  report.html  manifest.json  results.csv  summary.csv  resources.json\n`,
  );
}

export const RUN = command<typeof RUN_OPTIONS>({
  name: 'run',
  summary: 'run scenarios (default: every built-in) and write a run folder',
  about: 'Runs scenarios — built-in ids or scenario files (YAML or JSON); every built-in when none is named — and writes a new run folder: manifest.json, results.csv, summary.csv and report.html.',
  args: SCENARIOS,
  options: RUN_OPTIONS,
  check: (line) => [...householdsOrScale(line), ...yearsFromStart(line)],
  run: (line) => runOrCompare('run', line),
});

export const COMPARE = command<typeof COMPARE_OPTIONS>({
  name: 'compare',
  summary: 'run scenarios and compare each with a reference (paired differences)',
  about: 'Runs scenarios like run, and compares each with a reference scenario, replicate by replicate (paired differences: every scenario of a replicate sees the same population and draws).',
  args: SCENARIOS,
  options: COMPARE_OPTIONS,
  check: (line) => [...householdsOrScale(line), ...yearsFromStart(line)],
  run: (line) => runOrCompare('compare', line),
});
