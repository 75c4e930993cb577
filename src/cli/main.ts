#!/usr/bin/env node
/**
 * The `graduasi` command. `graduasi help` lists the commands and their options.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadParameters } from '../parameters/load';
import { BUILTIN_SCENARIOS, DEFAULT_REFERENCE } from '../scenarios/builtin';
import { resolveScenarios, readScenarioFile } from '../scenarios/load';
import { runExperiment, uncertaintyOf } from '../experiment/index';
import { planRunFolder } from '../experiment/output';
import { progressDisplay } from './progress';
import { UsageError, scale, splitArguments, wholeNumber } from './arguments';
import { CALIBRATE_USAGE, calibrateCommand } from './calibrate';
import { TRIAL_USAGE, trialCommand } from './trial';
import { SENSITIVITY_USAGE, sensitivityCommand } from './sensitivity';
import { POSTERIOR_FILE, posteriorDraws, readPosterior } from '../calibration/output';
import { CALIBRATION_FOLDER } from '../scenarios/load';
import { describeParameters, describeScenario, describeScenarios } from '../scenarios/describe';
import { headlines } from '../report/headline';
import { formatTable, headlineTables } from '../report/table';
import { TEXT, language } from '../report/text';
import { readRun, writeExperiment, writeReport } from '../report/run';
import { MIN_HOUSEHOLDS } from '../population/index';
import type { Lang } from '../lang/index';

const USAGE = `usage: graduasi <command> [arguments] [options]

commands
  list                          the built-in scenarios, then every parameter with its unit, value and source
  show <scenario>               a scenario's patch over the data, in words (a built-in id or a file)
  validate <file>...            check scenario files (YAML or JSON) without running them
  run [<scenario>...]           run scenarios (default: every built-in) and write a run folder
  compare [<scenario>...]       run scenarios and compare each with a reference (paired differences)
  report <run folder>           print a run's headline table and write its report in another language
  calibrate                     fit behaviour parameters to official figures (data/targets): ABC-SMC posterior and a point fit
  sensitivity                   which behaviour parameters drive an outcome: Morris screening, then Sobol indices of the top K
${TRIAL_USAGE.split('\n')[0]}

options of run and compare
  --years 2022-YYYY             years to simulate, from March 2022 to December of YYYY (default 2022-2030)
  --replicates N                replicates per scenario (default 3)
  --seed N                      seed, a whole number (default 2022)
  --households N | --scale X    agents in the population (default 200,000) or agents per real household
  --workers N                   worker threads (default: the machine's cores, ${availableParallelism()} here)
  --out FOLDER                  a new folder for the run (default runs/<date-time>-<command>)
  --lang en|id                  language of the table and report (default en)
  --reference ID                (compare) the scenario the others are compared with (default ${DEFAULT_REFERENCE})
  --posterior calibrated|PATH   draw each replicate's behaviour parameters from a calibration posterior (posterior.csv,
                                a calibration run folder, or "calibrated": data/calibration/posterior.csv): the bands
                                then show parameter and stochastic uncertainty together

options of report
  --lang en|id                  language of the report (default en)

${CALIBRATE_USAGE}
${SENSITIVITY_USAGE}
${TRIAL_USAGE.split('\n').slice(2).join('\n')}`;

interface RunOptions {
  years: { end: string };
  replicates: number;
  seed: number;
  households?: number;
  scale?: number;
  workers: number;
  out?: string;
  lang: Lang;
  reference?: string;
  posterior?: string;
}

const RUN_OPTIONS = ['--years', '--replicates', '--seed', '--households', '--scale', '--workers', '--out', '--lang', '--posterior'];

/** The options of `run` and `compare`, each checked; every problem names the option. */
export function parseRunOptions(options: ReadonlyMap<string, string>): RunOptions {
  const out: RunOptions = { years: { end: '2030-12' }, replicates: 3, seed: 2022, workers: availableParallelism(), lang: 'en' };
  for (const [name, value] of options) {
    switch (name) {
      case '--years': {
        const m = /^(\d{4})-(\d{4})$/.exec(value);
        if (!m) throw new UsageError(`--years: expected a span of years such as 2022-2030, got "${value}"`);
        if (m[1] !== '2022') throw new UsageError(`--years: runs start in March 2022, the month the synthetic population describes (Susenas); expected 2022-YYYY, got "${value}"`);
        if (Number(m[2]) < 2022) throw new UsageError(`--years: expected the last year to be 2022 or later, got "${value}"`);
        out.years = { end: `${m[2]}-12` };
        break;
      }
      case '--replicates':
        out.replicates = wholeNumber(name, value, 1);
        break;
      case '--seed':
        out.seed = wholeNumber(name, value, 0);
        break;
      case '--households':
        out.households = wholeNumber(name, value, MIN_HOUSEHOLDS);
        break;
      case '--scale':
        out.scale = scale(name, value);
        break;
      case '--workers':
        out.workers = wholeNumber(name, value, 1);
        break;
      case '--out':
        out.out = value;
        break;
      case '--lang':
        out.lang = language(value);
        break;
      case '--reference':
        out.reference = value;
        break;
      case '--posterior':
        out.posterior = value;
        break;
    }
  }
  if (out.households !== undefined && out.scale !== undefined) throw new UsageError('--households and --scale: expected one of them, not both');
  return out;
}

async function runCommand(command: 'run' | 'compare', args: readonly string[]): Promise<void> {
  const { positionals, options } = splitArguments(args, command === 'compare' ? [...RUN_OPTIONS, '--reference'] : RUN_OPTIONS);
  const o = parseRunOptions(options);
  const names = positionals.length ? positionals : BUILTIN_SCENARIOS.map((s) => s.id);
  const parameters = loadParameters();
  const scenarios = resolveScenarios(names, parameters);
  let reference: string | undefined;
  if (command === 'compare') {
    reference = o.reference ?? (scenarios.some((s) => s.id === DEFAULT_REFERENCE) ? DEFAULT_REFERENCE : scenarios[0].id);
    if (!scenarios.some((s) => s.id === reference)) throw new UsageError(`--reference: expected one of the scenarios compared (${scenarios.map((s) => s.id).join(', ')}), got "${reference}"`);
    if (scenarios.length < 2) throw new UsageError('compare: expected at least two scenarios (or none, for every built-in)');
  }
  const posterior = o.posterior === undefined ? undefined : readPosterior(o.posterior === 'calibrated' ? join(CALIBRATION_FOLDER, POSTERIOR_FILE) : o.posterior, parameters);
  const folder = planRunFolder(o.out, command);

  const log = process.stderr;
  log.write(`Graduasi ${command}: ${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'} × ${o.replicates} replicate${o.replicates === 1 ? '' : 's'}, March 2022 to ${o.years.end}, seed ${o.seed}, ${o.workers} worker${o.workers === 1 ? '' : 's'}${posterior ? `, behaviour parameters drawn from ${posterior.file}` : ''}\n`);
  const progress = progressDisplay(log, 'runs');
  const experiment = await runExperiment({
    parameters,
    scenarios,
    replicates: o.replicates,
    seed: o.seed,
    end: o.years.end,
    households: o.households,
    scale: o.scale,
    reference,
    workers: o.workers,
    onProgress: progress.update,
    posterior: posterior && { file: posterior.file, sha256: posterior.sha256, draws: posteriorDraws(posterior, o.replicates, o.seed, parameters) },
  });
  progress.end();
  writeExperiment(folder, experiment, o.lang);

  const labels = new Map(scenarios.map((s) => [s.id, s.id]));
  const h = headlines(experiment.rows, reference);
  process.stdout.write(
    `${headlineTables(h, labels, o.lang, reference).map(formatTable).join('\n\n')}\n\n` +
      `${TEXT[o.lang].band(uncertaintyOf(experiment.manifest))}. ${TEXT[o.lang].columnsNote(reference)}\n\n` +
      `Run written to ${folder}\n  report.html  manifest.json  results.csv  summary.csv\n`,
  );
}

function reportCommand(args: readonly string[]): void {
  const { positionals, options } = splitArguments(args, ['--lang']);
  if (positionals.length !== 1) throw new UsageError('report: expected one run folder');
  const lang = options.has('--lang') ? language(options.get('--lang')!) : 'en';
  const run = readRun(positionals[0]);
  const file = writeReport(positionals[0], run, lang);
  const labels = new Map(run.manifest.scenarios.map((s) => [s.id, s.id]));
  const reference = run.manifest.experiment.reference ?? undefined;
  const tables = headlineTables(headlines(run.rows, reference), labels, lang, reference);
  process.stdout.write(`${tables.map(formatTable).join('\n\n')}\n\nReport written to ${file}\n`);
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'list':
      splitArguments(rest, []);
      process.stdout.write(`${describeScenarios()}\n\n${describeParameters(loadParameters())}\n`);
      return 0;
    case 'show': {
      const { positionals } = splitArguments(rest, []);
      if (positionals.length !== 1) throw new UsageError('show: expected one scenario (a built-in id or a file)');
      const params = loadParameters();
      process.stdout.write(`${describeScenario(resolveScenarios(positionals, params)[0], params)}\n`);
      return 0;
    }
    case 'validate': {
      const { positionals } = splitArguments(rest, []);
      if (positionals.length === 0) throw new UsageError('validate: expected one or more scenario files');
      for (const file of positionals) readScenarioFile(file);
      const resolved = resolveScenarios(positionals, loadParameters());
      for (const [k, s] of resolved.entries()) {
        const changed = Object.keys(s.effectivePatch).length;
        process.stdout.write(`${positionals[k]}: valid — scenario ${s.id}${s.lineage.length > 1 ? ` (extends ${s.lineage.slice(0, -1).join(' → ')})` : ''}, ${changed} parameter${changed === 1 ? '' : 's'} changed\n`);
      }
      return 0;
    }
    case 'run':
    case 'compare':
      await runCommand(command, rest);
      return 0;
    case 'report':
      reportCommand(rest);
      return 0;
    case 'calibrate':
      await calibrateCommand(rest);
      return 0;
    case 'sensitivity':
      await sensitivityCommand(rest);
      return 0;
    case 'trial':
      await trialCommand(rest);
      return 0;
    case 'help':
    case '--help':
    case undefined:
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

// Ctrl-C: exit through process.exit so that a half-written run folder is removed.
process.once('SIGINT', () => process.exit(130));

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    process.stderr.write(`graduasi: ${error.message}\n${error instanceof UsageError ? '(graduasi help lists the commands and their options)\n' : ''}`);
    process.exitCode = 1;
  },
);
