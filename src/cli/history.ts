/**
 * `graduasi history`: the baseline beside the record. Runs the baseline — the default reference
 * scenario — writes a new run folder as `run` does (manifest.json, results.csv, summary.csv,
 * report.html with its section "The baseline beside the record", and history.csv), and prints every
 * official figure of data/targets/targets.csv beside the model's value: ratio, z and whether the
 * run spans it.
 */
import { loadParameters } from '../parameters/load';
import { resolveScenarios } from '../scenarios/load';
import { runExperiment } from '../experiment/index';
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { compareWithRecord } from '../history/index';
import { loadRecord } from '../calibration/targets';
import { BASELINE, historyCounts, historyCsv, historyTable } from '../report/history';
import { formatTable } from '../report/table';
import { experimentFiles } from '../report/run';
import { command, option, wholeNumber } from './options';
import { agentsOf, households, householdsOrScale, lang, out, parameterSet, scale, seed, workers, replicates } from './common';
import { recordedCommand, RUN_SIZE, start, years, yearsFromStart } from './run';
import { checkMemory, experimentMemory, rowsPerRun } from './memory';
import { TEXT } from '../report/text';
import { progressDisplay } from './progress';
import { shownPath } from '../problems/index';

/** The record runs to 2025: a history run stops at the end of 2025 unless told otherwise. */
const HISTORY_END = '2025-12';

const HISTORY_OPTIONS = {
  start,
  years: option({ ...years, default: { ...years.default, end: HISTORY_END } }),
  replicates: replicates('replicates of the baseline: each a different population sample and different draws', 3),
  seed,
  households: households(),
  scale,
  workers,
  out: out('history'),
  lang: lang('the table and the report'),
  parameters: parameterSet,
};

export const HISTORY = command<typeof HISTORY_OPTIONS>({
  name: 'history',
  summary: 'run the baseline and set it beside every official figure of the record',
  about: `Runs the baseline (${BASELINE}, the default reference scenario) and prints every official figure of data/targets/targets.csv beside the model's value for it: the mean over replicates and its 5–95 % band, the ratio model ÷ official, z, and whether the run spans the figure (figures before the run's start or after its end, and those the model has no indicator for, are listed, not dropped). Writes a new run folder as run does, with history.csv and the section "The baseline beside the record" in report.html.`,
  args: { name: '', min: 0, max: 0, expected: 'options only' },
  options: HISTORY_OPTIONS,
  check: (line) => [...householdsOrScale(line), ...yearsFromStart(line)],
  run: async ({ options: o, argv }) => {
    const parameters = loadParameters();
    const scenarios = resolveScenarios([BASELINE], parameters, o.parameters);
    const record = loadRecord();
    checkMemory('history', RUN_SIZE, experimentMemory({ runs: o.replicates, rows: rowsPerRun(o.start, o.years.end), agents: agentsOf(o), workers: o.workers, scenarios: 1 }));
    const folder = planRunFolder(o.out, 'history');
    const log = process.stderr;
    const t = TEXT[o.lang];
    log.write(`${t.starting({ command: `history (${BASELINE})`, scenarios: 1, replicates: o.replicates, start: o.start, end: o.years.end, seed: o.seed, workers: o.workers, parameters: o.parameters })}; ${t.officialFigures(record.length)}\n`);
    const progress = progressDisplay(log, 'runs', o.lang);
    const experiment = await runExperiment({ parameters, scenarios, replicates: o.replicates, seed: o.seed, start: o.start, end: o.years.end, households: o.households, scale: o.scale, workers: o.workers, command: recordedCommand('history', argv), onProgress: progress.update });
    progress.end();
    const history = compareWithRecord(experiment.rows, record);
    writeRunFolder(folder, { ...experimentFiles(experiment, o.lang), 'history.csv': historyCsv(history) });
    process.stdout.write(
      `${formatTable(historyTable(history, o.lang))}\n\n${historyCounts(history, o.lang)}\n\n` +
        `${t.runWritten(shownPath(folder))}\n  report.html  history.csv  manifest.json  results.csv  summary.csv\n`,
    );
  },
});
