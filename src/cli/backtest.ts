/**
 * `graduasi backtest`: the rolling-origin backtest (src/backtest). From each origin round the
 * baseline predicts the poverty figures of the next two Susenas rounds; prints each prediction
 * beside the published figure and the mean absolute error and band coverage per horizon, and writes
 * a new folder with predictions.csv, scores.csv and manifest.json.
 */
import { backtest, BACKTEST_MEASURES, defaultOrigins } from '../backtest/index';
import { loadRecord } from '../calibration/targets';
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { loadParameters } from '../parameters/load';
import { loadPopulationData } from '../population/index';
import { provenance } from '../run/provenance';
import { resolveScenarios } from '../scenarios/load';
import { BACKTEST_TEXT, predictionsCsv, predictionTable, scoresCsv, scoreTable } from '../report/backtest';
import { BASELINE } from '../report/history';
import { formatTable } from '../report/table';
import { monthLabel } from '../lang/index';
import { command, list, oneOf, option, wholeNumber } from './options';
import { agentsOf, households, householdsOrScale, lang, out, parameterSet, scale, seed, workers, replicates } from './common';
import { stageProgress } from './progress';
import { checkMemory, experimentMemory, rowsPerRun } from './memory';
import { formatMonth, monthOf } from '../calendar/months';
import { shownPath } from '../problems/index';

const ROUNDS = loadPopulationData().rounds.map((r) => r.round);
const ORIGINS = defaultOrigins(loadRecord(), ROUNDS);

const OPTIONS = {
  origins: option<string[]>({
    value: 'YYYY-MM,…',
    description: 'the rounds the baseline starts from, each predicting the next two rounds',
    default: ORIGINS,
    check: (t) => {
      const names = list('Susenas rounds separated by commas')(t);
      if (!Array.isArray(names)) return names;
      for (const name of names) {
        const refused = oneOf(ORIGINS)(name);
        if (typeof refused !== 'string') return refused;
      }
      return names;
    },
  }),
  replicates: replicates('replicates from each origin: each a different population sample and different draws', 5),
  seed,
  households: households(),
  scale,
  workers,
  out: out('backtest'),
  lang: lang('the tables'),
  parameters: parameterSet,
};

export const BACKTEST = command<typeof OPTIONS>({
  name: 'backtest',
  summary: 'predict each past Susenas round from the rounds before it, beside the published figures',
  about: `Rolling-origin backtest of the baseline (${BASELINE}): from each origin, a Susenas round, a run starts with a population built for that round and predicts the national poverty rate and the extreme-poverty rate of the next two rounds (six and twelve months ahead), where data/targets/targets.csv has them (up to March 2022). Prints each prediction beside the published figure with its 5–95 % band, then the mean absolute error and how often the band covers the figure, per horizon. Writes a new folder with predictions.csv, scores.csv and manifest.json.`,
  args: { name: '', min: 0, max: 0, expected: 'options only' },
  options: OPTIONS,
  check: householdsOrScale,
  run: async ({ argv, options: o }) => {
    const parameters = loadParameters();
    const [scenario] = resolveScenarios([BASELINE], parameters, o.parameters);
    // Each origin's runs reach at most two rounds, twelve months, ahead; every origin's rows are kept.
    const rows = Math.max(...o.origins.map((origin) => rowsPerRun(origin, formatMonth(monthOf(origin) + 12))));
    checkMemory('backtest', '--origins, --replicates, --households or --scale, --workers', experimentMemory({ runs: o.origins.length * o.replicates, rows, agents: agentsOf(o), workers: o.workers, scenarios: 1 }));
    const folder = planRunFolder(o.out, 'backtest');
    const log = process.stderr;
    log.write(`Graduasi backtest: ${BASELINE} from ${o.origins.length} origin${o.origins.length === 1 ? '' : 's'} (${o.origins.map((r) => monthLabel(r, 'en')).join(', ')}) × ${o.replicates} replicate${o.replicates === 1 ? '' : 's'}, seed ${o.seed}, ${o.workers} worker${o.workers === 1 ? '' : 's'}, ${o.parameters === 'calibrated' ? 'calibrated parameters' : "the data's parameter values"}\n`);
    const progress = stageProgress(log);
    const result = await backtest({
      parameters,
      scenario,
      record: loadRecord(),
      rounds: ROUNDS,
      origins: o.origins,
      replicates: o.replicates,
      seed: o.seed,
      households: o.households,
      scale: o.scale,
      workers: o.workers,
      onProgress: (origin, p) => progress.update(`runs from ${monthLabel(origin, 'en')}`, p),
    });
    progress.finish();
    const manifest = {
      ...provenance(),
      kind: 'backtest',
      command: `graduasi backtest ${argv.join(' ')}`.trim(),
      settings: { scenario: BASELINE, parameterSet: o.parameters, measures: BACKTEST_MEASURES, origins: o.origins, replicates: o.replicates, seed: o.seed },
      runs: result.runs.map((r) => ({ origin: r.origin, end: r.end, manifest: r.experiment.manifest })),
    };
    writeRunFolder(folder, { 'predictions.csv': predictionsCsv(result), 'scores.csv': scoresCsv(result), 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` });
    process.stdout.write(
      `${formatTable(predictionTable(result.predictions, o.lang))}\n\n${formatTable(scoreTable(result.scores, o.lang))}\n\n${BACKTEST_TEXT[o.lang].note(o.replicates)}\n\n` +
        `Backtest written to ${shownPath(folder)}\n  predictions.csv  scores.csv  manifest.json\n`,
    );
  },
});
