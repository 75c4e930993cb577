/**
 * `graduasi sensitivity`: which behaviour parameters drive an outcome (default extreme poverty,
 * national, March 2030). Morris screening of the parameters (default all study parameters), Sobol
 * indices of the top K by μ*, or either alone (src/sensitivity/study.ts); then the outcome with each
 * studied parameter alone at the ends of its range (a tornado). Prints the rankings and writes a new
 * run folder (src/report/sensitivity.ts): design.csv, morris.csv, sobol.csv, one-at-a-time.csv,
 * manifest.json, report.html. Every option is checked, and the output folder planned, before
 * anything runs; a problem names the option and what was expected.
 */
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { loadParameters } from '../parameters/load';
import { formatTable } from '../report/table';
import { TEXT, morrisTable, sensitivityFiles, sobolTable } from '../report/sensitivity';
import type { SensitivityRun } from '../report/sensitivity';
import { clock } from '../report/text';
import { STUDY_DEFAULTS, morrisStudy, oneAtATime, screenThenSobol, sobolStudy } from '../sensitivity/study';
import type { MorrisStudy, SobolStudy, StudyOptions } from '../sensitivity/study';
import { shownPath, type Problem } from '../problems/index';
import { command, Expected, list, month, oneOf, option, text, wholeNumber, type Bound, type CommandLine } from './options';
import { households, lang, onOptions, out, seed, shard, workers, replicates } from './common';
import { stageProgress } from './progress';
import { checkMemory, studyMemory } from './memory';
import { LAST_YEAR, recordedCommand } from './run';
import { mergedEvaluator, mergeStudyShards, shardEvaluator, studyIdentity, studyShardFiles } from '../experiment/point-shards';
import type { PointEvaluator } from '../experiment/points';
import { MANIFEST_FILE } from '../experiment/output';
import { ProblemError } from '../problems/index';
import type { Lang } from '../lang/index';
import type { Parameters } from '../parameters/types';

/** The most Morris trajectories: screening uses tens (Campolongo et al. 2007 take 10 to 20). */
export const MAX_TRAJECTORIES: Bound = { max: 1_000, why: 'Morris screening uses tens of trajectories' };

/** The most Sobol base rows: the indices settle within a few thousand. */
export const MAX_SAMPLES: Bound = { max: 65_536, why: 'Sobol indices settle within a few thousand base rows' };

const METHODS = ['morris', 'sobol', 'both'] as const;
type Method = (typeof METHODS)[number];

/** A parameter path as written: a behaviour parameter may leave out "behaviour."; a policy assumption is written in full (policy.…). */
const behaviourPath = (name: string) => (/^(behaviour|policy)\./.test(name) ? name : `behaviour.${name}`);

const OPTIONS = {
  method: option<Method>({ value: METHODS.join('|'), description: 'Morris screening, Sobol indices, or screening then Sobol on the top K', default: 'both', check: oneOf(METHODS) }),
  indicator: option<string>({ value: 'NAME', description: "the outcome's indicator (INDICATORS in src/observe/indicators.ts)", default: 'p0_extreme', check: text }),
  group: option<string>({ value: 'GROUP', description: 'national, province:<name>, area:urban|rural, head_age:…, head_sex:…', default: STUDY_DEFAULTS.group, check: text }),
  month: option<string>({ value: 'YYYY-MM', description: `the outcome's month, in ${LAST_YEAR} at the latest`, default: '2030-03', check: (t) => { const m = month(t); return m instanceof Expected || Number(m.slice(0, 4)) <= LAST_YEAR ? m : new Expected(`a month in ${LAST_YEAR} at the latest (the end of the national long-term plan, RPJPN 2025–2045), e.g. 2030-03`); } }),
  parameters: option<string[] | undefined>({ value: 'a,b,…', description: 'behaviour parameters ("behaviour." may be left out) or policy assumptions (policy.…) to vary', default: undefined, defaultText: 'every behaviour parameter with a range and one value', check: list('parameter paths separated by commas, e.g. business.monthly_return,policy.facilitators.caseload', behaviourPath) }),
  top: option<number>({ value: 'K', description: '(both) parameters with the highest μ* taken into the Sobol stage', default: 8, check: wholeNumber(1) }),
  trajectories: option<number>({ value: 'R', description: `(morris, both) Morris trajectories: R × (parameters + 1) points; at most ${MAX_TRAJECTORIES.max.toLocaleString('en')}`, default: 20, check: wholeNumber(2, MAX_TRAJECTORIES) }),
  samples: option<number>({ value: 'N', description: `(sobol, both) Sobol base rows: N × (parameters + 2) points; at most ${MAX_SAMPLES.max.toLocaleString('en')}`, default: 256, check: wholeNumber(2, MAX_SAMPLES) }),
  replicates: replicates('replicates per point, shared by every point', STUDY_DEFAULTS.replicates),
  seed,
  households: households(STUDY_DEFAULTS.households),
  workers,
  shard,
  out: out('sensitivity'),
  lang: lang('the tables and the report'),
};

type Line = CommandLine<typeof OPTIONS>;

/** Which options each method takes beyond the common ones. */
const ONLY: Readonly<Partial<Record<keyof typeof OPTIONS, readonly Method[]>>> = { top: ['both'], trajectories: ['morris', 'both'], samples: ['sobol', 'both'] };

/** An option given that the method does not use; --shard with the two stages, whose second waits for the first. */
function methodProblems({ options, given }: Line): Problem[] {
  const problems: Problem[] = Object.entries(ONLY)
    .filter(([name, methods]) => given.has(name) && !methods!.includes(options.method))
    .map(([name, methods]) => ({ path: `--${name}`, expected: `only with --method ${methods!.join(' or ')}`, got: `--method ${options.method}, which does not use it` }));
  if (options.shard && options.method === 'both') {
    problems.push({
      path: '--shard',
      expected: '--method morris or sobol: every point of the study known before any runs',
      got: '--method both, whose Sobol stage takes its parameters from the Morris ranking and so waits for it',
      hint: 'shard --method morris, then --method sobol --parameters <its top K>',
    });
  }
  return problems;
}

/** The study option each command-line option sets, for naming it in problems. */
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


const STAGES = { morris: 'Morris runs', sobol: 'Sobol runs', oneAtATime: 'One-at-a-time runs' } as const;

/**
 * The study the options ask for over `params`: the method's stage, then one at a time. Its points run
 * here unless `evaluate` says otherwise (a shard's share, or the values read back from shards).
 */
async function study(s: Line['options'], params: Parameters, evaluate?: PointEvaluator): Promise<SensitivityRun> {
  const log = process.stderr;
  const progress = stageProgress(log);
  const m = { indicator: s.indicator, group: s.group, month: s.month };
  const common: StudyOptions = { params, parameters: s.parameters, measure: m, seed: s.seed, replicates: s.replicates, households: s.households, workers: s.workers, evaluate };
  log.write(`Graduasi sensitivity: ${m.indicator}, ${m.group}, ${m.month}; ${s.method === 'both' ? `Morris (${s.trajectories} trajectories), then Sobol on the top ${s.top} (N = ${s.samples})` : s.method === 'morris' ? `Morris (${s.trajectories} trajectories)` : `Sobol (N = ${s.samples})`}, then one at a time; ${s.households.toLocaleString('en')} agents, ${s.replicates} replicate${s.replicates === 1 ? '' : 's'}, seed ${s.seed}, ${s.workers} worker${s.workers === 1 ? '' : 's'}${s.shard ? `; shard ${s.shard.index} of ${s.shard.of}` : ''}\n`);
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
    return { morris, sobol, oneAtATime: oat, top: s.method === 'both' ? s.top : undefined };
  } catch (error) {
    throw onOptions(error, 'sensitivity', OPTION_OF);
  } finally {
    progress.finish();
  }
}

/** `graduasi sensitivity [options]` (see the module comment). */
async function sensitivity({ options: s, argv }: Line): Promise<void> {
  checkMemory('sensitivity', '--households, --workers', studyMemory({ agents: s.households, workers: s.workers }));
  const folder = planRunFolder(s.out, s.shard ? `sensitivity-shard-${s.shard.index}-of-${s.shard.of}` : 'sensitivity');
  const params = loadParameters();
  const log = process.stderr;

  if (s.shard) {
    const shardRun = shardEvaluator(s.shard);
    await study(s, params, shardRun.evaluate);
    writeRunFolder(folder, studyShardFiles(s.shard, studyIdentity(recordedCommand('sensitivity', argv), params), shardRun.run));
    const jobs = shardRun.run.records.length;
    process.stdout.write(`Shard ${s.shard.index} of ${s.shard.of} (${jobs} of ${shardRun.run.calls.reduce((a, b) => a + b, 0)} runs) written to ${shownPath(folder)}\n  shard.json\ngraduasi merge <the ${s.shard.of} shard folders> writes the study's folder.\n`);
    return;
  }
  const run = await study(s, params);
  const timing = [run.morris && `Morris ${run.morris.run.runs} runs in ${clock(run.morris.run.seconds)}`, run.sobol && `Sobol ${run.sobol.run.runs} runs in ${clock(run.sobol.run.seconds)}`, `one at a time ${run.oneAtATime!.run.runs} runs in ${clock(run.oneAtATime!.run.seconds)}`];
  log.write(`${timing.filter(Boolean).join('; ')}\n`);

  const files = sensitivityFiles(run, params, s.lang);
  writeRunFolder(folder, files);
  printStudy(run, s.lang, folder, files);
}

/** The rankings of a study, and where its files were written. */
function printStudy(run: SensitivityRun, lang: Lang, folder: string, files: Readonly<Record<string, string>>): void {
  const t = TEXT[lang];
  const tables = [
    ...(run.morris ? [`${t.morris}\n\n${formatTable(morrisTable(run.morris, lang))}`] : []),
    ...(run.sobol ? [`${t.sobol}\n\n${formatTable(sobolTable(run.sobol, lang))}`] : []),
  ];
  process.stdout.write(`${tables.join('\n\n')}\n\nStudy written to ${shownPath(folder)}\n  ${Object.keys(files).join('  ')}\n`);
}

/**
 * `graduasi merge` of a study's shard folders: the study computed again from the values its shards
 * measured (no model run but the check of the group), written as the one-machine study's folder, its
 * manifest.json adding the shards. `lang` (default the recorded --lang) is the report's language.
 */
export async function mergeStudy(folders: readonly string[], out: string | undefined, lang: Lang | undefined): Promise<void> {
  const where = 'graduasi merge';
  const { identity, records, section } = mergeStudyShards(folders, where);
  const params = loadParameters();
  if (params.hash !== identity.parameterTree.hash) {
    throw new ProblemError([{ file: where, path: 'parameter tree', expected: `the tree the shards ran on, ${identity.parameterTree.folder} with hash ${identity.parameterTree.hash}`, got: `${params.folder} with hash ${params.hash}` }]);
  }
  const line = SENSITIVITY.parse(identity.command.slice(2));
  if (line === 'help') throw new ProblemError([{ file: where, path: 'identity.command', expected: 'the command of a study', got: identity.command.join(' ') }]);
  const folder = planRunFolder(out, 'merge');
  const run = await study(line.options, params, mergedEvaluator(records, where));
  const language = lang ?? line.options.lang;
  const files = sensitivityFiles(run, params, language);
  const manifest = JSON.parse(files[MANIFEST_FILE]) as Record<string, unknown>;
  writeRunFolder(folder, { ...files, [MANIFEST_FILE]: `${JSON.stringify({ ...manifest, shards: section }, null, 2)}\n` });
  printStudy(run, language, folder, files);
}

export const SENSITIVITY = command({
  name: 'sensitivity',
  summary: 'which behaviour parameters drive an outcome: Morris screening, then Sobol indices of the top K',
  about:
    'Which behaviour parameters drive an outcome — an indicator of a group in a month: Morris screening of the parameters over their ranges, Sobol first- and total-order indices of the top K by μ* (or either alone), then each studied parameter alone at the ends of its range (a tornado). Writes design.csv, morris.csv, sobol.csv, one-at-a-time.csv, manifest.json and report.html to a new folder.',
  args: { name: '', min: 0, max: 0, expected: 'options only' },
  options: OPTIONS,
  check: methodProblems,
  run: sensitivity,
});
