/**
 * `graduasi calibrate`: fits behaviour parameters to official figures (src/calibration/model.ts) and
 * writes a calibration run folder (src/calibration/output.ts).
 */
import { availableParallelism } from 'node:os';
import { calibrate, DEFAULT_FIT, DEFAULT_HOLDOUT, DEFAULT_HOUSEHOLDS, DEFAULT_PARAMETERS } from '../calibration/model';
import { calibrationFiles } from '../calibration/output';
import { CALIBRATED_FILE } from '../scenarios/load';
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { loadParameters, shown } from '../parameters/load';
import { MIN_HOUSEHOLDS } from '../population/index';
import { calibrationText } from '../report/calibration';
import { UsageError, splitArguments, wholeNumber } from './arguments';
import { progressDisplay } from './progress';

export const CALIBRATE_USAGE = `options of calibrate
  --parameters a,b,…            behaviour parameters to fit (default ${DEFAULT_PARAMETERS.map((p) => p.replace('behaviour.', '')).join(', ')}; "behaviour." may be left out)
  --fit id,…                    targets of data/targets/targets.csv to fit (default ${DEFAULT_FIT.join(', ')})
  --holdout id,…                targets left out of the fit and predicted (default ${DEFAULT_HOLDOUT.join(', ')})
  --particles N                 posterior sample size (default 50)
  --generations N               ABC-SMC generations, the first from the prior (default 3)
  --replicates N                replicates shared by every point of the Nelder–Mead fit (default 3)
  --evaluations N               most Nelder–Mead evaluations (default 120)
  --seed N, --households N, --workers N, --out FOLDER   as for run (default ${DEFAULT_HOUSEHOLDS.toLocaleString('en')} agents)
`;

const OPTIONS = ['--parameters', '--fit', '--holdout', '--particles', '--generations', '--replicates', '--evaluations', '--seed', '--households', '--workers', '--out'];

const list = (value: string) => value.split(',').map((x) => x.trim()).filter((x) => x !== '');
const behaviourPath = (name: string) => (/^(behaviour|policy)\./.test(name) ? name : `behaviour.${name}`);

export async function calibrateCommand(args: readonly string[]): Promise<void> {
  const { positionals, options } = splitArguments(args, OPTIONS);
  if (positionals.length) throw new UsageError(`calibrate: expected options only, got "${positionals.join(' ')}"`);
  const number = (name: string, fallback: number, min: number) => (options.has(name) ? wholeNumber(name, options.get(name)!, min) : fallback);
  const folder = planRunFolder(options.get('--out'), 'calibrate');
  const settings = {
    parameters: options.has('--parameters') ? list(options.get('--parameters')!).map(behaviourPath) : undefined,
    fit: options.has('--fit') ? list(options.get('--fit')!) : undefined,
    holdout: options.has('--holdout') ? list(options.get('--holdout')!) : undefined,
    particles: number('--particles', 50, 2),
    generations: number('--generations', 3, 1),
    replicates: number('--replicates', 3, 1),
    maxEvaluations: number('--evaluations', 120, 1),
    seed: number('--seed', 2022, 0),
    households: number('--households', DEFAULT_HOUSEHOLDS, MIN_HOUSEHOLDS),
    workers: number('--workers', availableParallelism(), 1),
  };
  const log = process.stderr;
  log.write(`Graduasi calibrate: seed ${settings.seed}, ${settings.households.toLocaleString('en')} agents, ${settings.workers} worker${settings.workers === 1 ? '' : 's'}\n`);
  let current: { stage: string; display: ReturnType<typeof progressDisplay> } | undefined;
  const params = loadParameters();
  const result = await calibrate({
    ...settings,
    params,
    onProgress: (stage, p) => {
      if (current?.stage !== stage) {
        current?.display.end();
        current = { stage, display: progressDisplay(log, stage) };
      }
      current.display.update(p);
    },
  });
  current?.display.end();
  const command = `graduasi calibrate ${args.join(' ')}`.trim();
  writeRunFolder(folder, calibrationFiles(result, command, params));
  process.stdout.write(
    `${calibrationText(result)}\n\n` +
      `Calibration written to ${folder}\n  manifest.json  posterior.csv  fit.csv  calibrated.yaml\n` +
      `To make it the parameter set scenarios extend (extends: calibrated) and compare --posterior calibrated draws from, copy calibrated.yaml and posterior.csv to ${shown(CALIBRATED_FILE).replace(/calibrated\.yaml$/, '')}\n`,
  );
}
