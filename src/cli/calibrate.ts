/**
 * `graduasi calibrate`: fits behaviour parameters to official figures (src/calibration/model.ts) and
 * writes a calibration run folder (src/calibration/output.ts). The defaults are the calibration's own
 * (CALIBRATION_DEFAULTS), so the command and the library agree.
 */
import { calibrate, CALIBRATION_DEFAULTS, DEFAULT_FIT, DEFAULT_HOLDOUT, DEFAULT_PARAMETERS } from '../calibration/model';
import { calibrationFiles } from '../calibration/output';
import { CALIBRATED_FILE } from '../scenarios/load';
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { loadParameters, shown } from '../parameters/load';
import { calibrationText } from '../report/calibration';
import { command, list, oneOf, option, wholeNumber, type Bound } from './options';
import { DEFAULT_ROUND, loadPopulationData } from '../population/index';
import { monthLabel } from '../lang/index';
import { households, onOptions, out, seed, workers, replicates } from './common';
import { checkMemory, studyMemory } from './memory';

/** The largest posterior sample: each particle is a model run in every generation, and a few hundred already describe a posterior of a handful of parameters. */
export const MAX_PARTICLES: Bound = { max: 10_000, why: 'each particle is a model run in every generation; a few hundred describe a posterior of a handful of parameters' };

/** The most ABC-SMC generations: the tolerance shrinks with each, and the gain is spent in a few. */
export const MAX_GENERATIONS: Bound = { max: 100, why: 'the tolerance shrinks with each generation and the gain is spent within a few' };

/** The most Nelder–Mead evaluations: a search over a few parameters converges in hundreds. */
export const MAX_EVALUATIONS: Bound = { max: 100_000, why: 'a search over a few parameters converges within hundreds' };
import { stageProgress } from './progress';
import { shownPath } from '../problems/index';

const behaviourPath = (name: string) => (/^(behaviour|policy)\./.test(name) ? name : `behaviour.${name}`);
const short = (path: string) => path.replace(/^behaviour\./, '');

const ROUNDS = loadPopulationData().rounds.map((r) => r.round);

const OPTIONS = {
  start: option<string>({ value: 'YYYY-MM', description: 'the Susenas round every run starts from; the targets fitted and held out are from it on', default: DEFAULT_ROUND, check: oneOf(ROUNDS) }),
  parameters: option<string[]>({ value: 'a,b,…', description: 'behaviour parameters to fit ("behaviour." may be left out)', default: [...DEFAULT_PARAMETERS], show: (v) => v.map(short).join(', '), check: list('behaviour parameter paths separated by commas', behaviourPath) }),
  fit: option<string[]>({ value: 'id,…', description: 'targets of data/targets/targets.csv to fit', default: [...DEFAULT_FIT], check: list('target ids separated by commas') }),
  holdout: option<string[]>({ value: 'id,…', description: 'targets left out of the fit and predicted', default: [...DEFAULT_HOLDOUT], check: list('target ids separated by commas') }),
  particles: option<number>({ value: 'N', description: `posterior sample size, at most ${MAX_PARTICLES.max.toLocaleString('en')}`, default: CALIBRATION_DEFAULTS.particles, check: wholeNumber(2, MAX_PARTICLES) }),
  generations: option<number>({ value: 'N', description: `ABC-SMC generations, the first from the prior; at most ${MAX_GENERATIONS.max}`, default: CALIBRATION_DEFAULTS.generations, check: wholeNumber(1, MAX_GENERATIONS) }),
  replicates: replicates('replicates shared by every point of the Nelder–Mead fit', CALIBRATION_DEFAULTS.replicates),
  evaluations: option<number>({ value: 'N', description: `most Nelder–Mead evaluations, up to ${MAX_EVALUATIONS.max.toLocaleString('en')}`, default: CALIBRATION_DEFAULTS.maxEvaluations, check: wholeNumber(1, MAX_EVALUATIONS) }),
  seed,
  households: households(CALIBRATION_DEFAULTS.households),
  workers,
  out: out('calibrate'),
};

/** The calibration's option each of the command's options sets, for naming it in problems. */
const OPTION_OF: Readonly<Record<string, string>> = { parameters: '--parameters', fit: '--fit', holdout: '--holdout', start: '--start' };

export const CALIBRATE = command({
  name: 'calibrate',
  summary: 'fit behaviour parameters to official figures (data/targets): ABC-SMC posterior and a point fit',
  about:
    'Fits behaviour parameters, within their ranges, to the official figures of data/targets/targets.csv: an ABC-SMC posterior (each point its own replicate) and a Nelder–Mead point fit from the posterior median; targets held out of the fit are predicted. Writes manifest.json, posterior.csv, fit.csv and calibrated.yaml to a new folder.',
  args: { name: '', min: 0, max: 0, expected: 'options only' },
  options: OPTIONS,
  async run({ argv, options: o }) {
    checkMemory('calibrate', '--households, --workers', studyMemory({ agents: o.households, workers: o.workers }));
    const folder = planRunFolder(o.out, 'calibrate');
    const log = process.stderr;
    log.write(`Graduasi calibrate: seed ${o.seed}, ${o.households.toLocaleString('en')} agents, ${o.workers} worker${o.workers === 1 ? '' : 's'}, runs from ${monthLabel(o.start, 'en')}\n`);
    const progress = stageProgress(log);
    const params = loadParameters();
    let result;
    try {
      result = await calibrate({
        params,
        start: o.start,
        parameters: o.parameters,
        fit: o.fit,
        holdout: o.holdout,
        particles: o.particles,
        generations: o.generations,
        replicates: o.replicates,
        maxEvaluations: o.evaluations,
        seed: o.seed,
        households: o.households,
        workers: o.workers,
        onProgress: progress.update,
      });
    } catch (error) {
      throw onOptions(error, 'calibrate', OPTION_OF);
    } finally {
      progress.finish();
    }
    const command = `graduasi calibrate ${argv.join(' ')}`.trim();
    writeRunFolder(folder, calibrationFiles(result, command, params));
    process.stdout.write(
      `${calibrationText(result)}\n\n` +
        `Calibration written to ${shownPath(folder)}\n  manifest.json  posterior.csv  fit.csv  calibrated.yaml\n` +
        `To make it the parameter set scenarios extend (extends: calibrated) and compare --posterior calibrated draws from, copy calibrated.yaml and posterior.csv to ${shown(CALIBRATED_FILE).replace(/calibrated\.yaml$/, '')}\n`,
    );
  },
});
