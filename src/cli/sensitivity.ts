/**
 * `graduasi sensitivity`: which behaviour parameters drive an outcome (default extreme poverty,
 * national, March 2030). Morris screening of the parameters (default all study parameters), Sobol
 * indices of the top K by μ*, or either alone (src/sensitivity/study.ts); then the outcome with each
 * studied parameter alone at the ends of its range (a tornado). Prints the rankings and writes a new
 * run folder (src/report/sensitivity.ts): design.csv, morris.csv, sobol.csv, one-at-a-time.csv,
 * manifest.json, report.html. Every option is checked, and the output folder planned, before
 * anything runs; a problem names the option and what was expected.
 */
import { availableParallelism } from 'node:os';
import { planRunFolder, writeRunFolder } from '../experiment/output';
import type { Progress } from '../experiment/index';
import { loadParameters } from '../parameters/load';
import { MIN_HOUSEHOLDS } from '../population/index';
import { formatTable } from '../report/table';
import { TEXT, morrisTable, sensitivityFiles, sobolTable } from '../report/sensitivity';
import type { SensitivityRun } from '../report/sensitivity';
import { clock, language } from '../report/text';
import { STUDY_DEFAULTS, StudyOptionsError, morrisStudy, oneAtATime, screenThenSobol, sobolStudy } from '../sensitivity/study';
import type { MorrisStudy, SobolStudy, StudyOptions } from '../sensitivity/study';
import { UsageError, splitArguments, wholeNumber } from './arguments';
import { progressDisplay } from './progress';
import type { Lang } from '../lang/index';

const METHODS = ['morris', 'sobol', 'both'] as const;
type Method = (typeof METHODS)[number];

/** Defaults of the command. */
export const SENSITIVITY_DEFAULTS = {
  method: 'both' as Method,
  indicator: 'p0_extreme',
  group: 'national',
  month: '2030-03',
  top: 8,
  trajectories: 20,
  samples: 256,
  replicates: 1,
  seed: 2022,
  households: STUDY_DEFAULTS.households,
};

export const SENSITIVITY_USAGE = `options of sensitivity
  --method morris|sobol|both    Morris screening, Sobol indices, or screening then Sobol on the top K (default both)
  --indicator NAME              the outcome's indicator (default ${SENSITIVITY_DEFAULTS.indicator})
  --group GROUP                 national, province:<name>, area:urban|rural, head_age:…, head_sex:… (default national)
  --month YYYY-MM               the outcome's month (default ${SENSITIVITY_DEFAULTS.month})
  --parameters a,b,…            behaviour parameters ("behaviour." may be left out) or policy assumptions (policy.…) to vary (default every behaviour parameter with a range)
  --top K                       (both) parameters with the highest μ* taken into the Sobol stage (default ${SENSITIVITY_DEFAULTS.top})
  --trajectories R              (morris, both) Morris trajectories: R × (parameters + 1) points (default ${SENSITIVITY_DEFAULTS.trajectories})
  --samples N                   (sobol, both) Sobol base rows: N × (parameters + 2) points (default ${SENSITIVITY_DEFAULTS.samples})
  --replicates N                replicates per point, shared by every point (default 1)
  --seed N, --households N, --workers N, --out FOLDER, --lang en|id   as for run (default ${SENSITIVITY_DEFAULTS.households.toLocaleString('en')} agents)
`;

const OPTIONS = ['--method', '--indicator', '--group', '--month', '--parameters', '--top', '--trajectories', '--samples', '--replicates', '--seed', '--households', '--workers', '--out', '--lang'];

/** Which options each method takes beyond the common ones. */
const ONLY: Readonly<Record<string, readonly Method[]>> = { '--top': ['both'], '--trajectories': ['morris', 'both'], '--samples': ['sobol', 'both'] };

/** The study option each command-line option sets, for naming it in errors. */
const OPTION_OF: Readonly<Record<string, string>> = {
  parameters: '--parameters',
  'measure.indicator': '--indicator',
  'measure.group': '--group',
  'measure.month': '--month',
  top: '--top',
  trajectories: '--trajectories',
  samples: '--samples',
  replicates: '--replicates',
  seed: '--seed',
  households: '--households',
  workers: '--workers',
};

interface Settings {
  readonly method: Method;
  readonly parameters?: string[];
  readonly measure: { readonly indicator: string; readonly group: string; readonly month: string };
  readonly top: number;
  readonly trajectories: number;
  readonly samples: number;
  readonly replicates: number;
  readonly seed: number;
  readonly households: number;
  readonly workers: number;
  readonly out?: string;
  readonly lang: Lang;
}

const list = (value: string) => value.split(',').map((x) => x.trim()).filter((x) => x !== '');
const behaviourPath = (name: string) => (/^(behaviour|policy)\./.test(name) ? name : `behaviour.${name}`);

/** The options, each checked; every problem names the option. */
function parseOptions(options: ReadonlyMap<string, string>): Settings {
  const method = (options.get('--method') ?? SENSITIVITY_DEFAULTS.method) as Method;
  if (!METHODS.includes(method)) throw new UsageError(`--method: expected one of ${METHODS.join(', ')}, got "${method}"`);
  for (const [option, methods] of Object.entries(ONLY)) {
    if (options.has(option) && !methods.includes(method)) throw new UsageError(`${option}: expected only with --method ${methods.join(' or ')}; --method ${method} does not use it`);
  }
  const number = (name: string, fallback: number, min: number) => (options.has(name) ? wholeNumber(name, options.get(name)!, min) : fallback);
  let parameters: string[] | undefined;
  if (options.has('--parameters')) {
    parameters = list(options.get('--parameters')!).map(behaviourPath);
    if (parameters.length === 0) throw new UsageError('--parameters: expected behaviour parameter paths separated by commas, e.g. business.monthly_return,graduation.voluntary');
  }
  let lang: Lang = 'en';
  try {
    if (options.has('--lang')) lang = language(options.get('--lang')!);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    method,
    parameters,
    measure: { indicator: options.get('--indicator') ?? SENSITIVITY_DEFAULTS.indicator, group: options.get('--group') ?? SENSITIVITY_DEFAULTS.group, month: options.get('--month') ?? SENSITIVITY_DEFAULTS.month },
    top: number('--top', SENSITIVITY_DEFAULTS.top, 1),
    trajectories: number('--trajectories', SENSITIVITY_DEFAULTS.trajectories, 2),
    samples: number('--samples', SENSITIVITY_DEFAULTS.samples, 2),
    replicates: number('--replicates', SENSITIVITY_DEFAULTS.replicates, 1),
    seed: number('--seed', SENSITIVITY_DEFAULTS.seed, 0),
    households: number('--households', SENSITIVITY_DEFAULTS.households, MIN_HOUSEHOLDS),
    workers: number('--workers', availableParallelism(), 1),
    out: options.get('--out'),
    lang,
  };
}

/** A study's refusal as a usage error naming the command's options. */
function asUsage(error: unknown): unknown {
  if (!(error instanceof StudyOptionsError)) return error;
  const lines = error.problems.map((p) => `${OPTION_OF[p.option] ?? p.option}: ${p.message}`);
  return new UsageError(lines.length === 1 ? lines[0] : `${lines.length} problems:\n  ${lines.join('\n  ')}`);
}

/** One progress display per stage, on stderr; `finish` ends the last. */
function stageProgress(log: NodeJS.WriteStream) {
  let current: { stage: string; display: ReturnType<typeof progressDisplay> } | undefined;
  return {
    update(stage: string, p: Progress) {
      if (current?.stage !== stage) {
        current?.display.end();
        current = { stage, display: progressDisplay(log, stage) };
      }
      current.display.update(p);
    },
    finish() {
      current?.display.end();
      current = undefined;
    },
  };
}

const STAGES = { morris: 'Morris runs', sobol: 'Sobol runs', oneAtATime: 'One-at-a-time runs' } as const;

/** `graduasi sensitivity [options]`. */
export async function sensitivityCommand(args: readonly string[]): Promise<void> {
  const { positionals, options } = splitArguments(args, OPTIONS);
  if (positionals.length) throw new UsageError(`sensitivity: expected options only, got "${positionals.join(' ')}"`);
  const s = parseOptions(options);
  const folder = planRunFolder(s.out, 'sensitivity');
  const params = loadParameters();
  const log = process.stderr;
  const progress = stageProgress(log);
  const common: StudyOptions = { params, parameters: s.parameters, measure: s.measure, seed: s.seed, replicates: s.replicates, households: s.households, workers: s.workers };
  const m = s.measure;
  log.write(`Graduasi sensitivity: ${m.indicator}, ${m.group}, ${m.month}; ${s.method === 'both' ? `Morris (${s.trajectories} trajectories), then Sobol on the top ${s.top} (N = ${s.samples})` : s.method === 'morris' ? `Morris (${s.trajectories} trajectories)` : `Sobol (N = ${s.samples})`}, then one at a time; ${s.households.toLocaleString('en')} agents, ${s.replicates} replicate${s.replicates === 1 ? '' : 's'}, seed ${s.seed}, ${s.workers} worker${s.workers === 1 ? '' : 's'}\n`);

  let run: SensitivityRun;
  try {
    let morris: MorrisStudy | undefined;
    let sobol: SobolStudy | undefined;
    if (s.method === 'both') {
      ({ morris, sobol } = await screenThenSobol({ ...common, trajectories: s.trajectories, samples: s.samples, top: s.top, onProgress: (p) => progress.update(STAGES[p.stage], p) }));
    } else if (s.method === 'morris') {
      morris = await morrisStudy({ ...common, trajectories: s.trajectories, onProgress: (p) => progress.update(STAGES.morris, p) });
    } else {
      sobol = await sobolStudy({ ...common, samples: s.samples, onProgress: (p) => progress.update(STAGES.sobol, p) });
    }
    const studied = (sobol ?? morris)!.parameters.map((p) => p.name);
    const oat = await oneAtATime({ ...common, parameters: studied, onProgress: (p) => progress.update(STAGES.oneAtATime, p) });
    run = { morris, sobol, oneAtATime: oat, top: s.method === 'both' ? s.top : undefined };
  } catch (error) {
    throw asUsage(error);
  } finally {
    progress.finish();
  }

  const timing = [run.morris && `Morris ${run.morris.run.runs} runs in ${clock(run.morris.run.seconds)}`, run.sobol && `Sobol ${run.sobol.run.runs} runs in ${clock(run.sobol.run.seconds)}`, `one at a time ${run.oneAtATime!.run.runs} runs in ${clock(run.oneAtATime!.run.seconds)}`];
  log.write(`${timing.filter(Boolean).join('; ')}\n`);

  const files = sensitivityFiles(run, params, s.lang);
  writeRunFolder(folder, files);
  const t = TEXT[s.lang];
  const tables = [
    ...(run.morris ? [`${t.morris}\n\n${formatTable(morrisTable(run.morris, s.lang))}`] : []),
    ...(run.sobol ? [`${t.sobol}\n\n${formatTable(sobolTable(run.sobol, s.lang))}`] : []),
  ];
  process.stdout.write(`${tables.join('\n\n')}\n\nStudy written to ${folder}\n  ${Object.keys(files).join('  ')}\n`);
}
