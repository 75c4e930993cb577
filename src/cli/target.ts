/**
 * `graduasi target`: the planner's question — the cheapest mix of levers that brings an indicator
 * below a level by a month (src/target); by default extreme poverty below 0.5 % of persons by March
 * 2026 (`graduasi target --indicator p0_extreme --below 0.5% --by 2026-03`). Prints the answer and the runners-up and writes a new run folder
 * (src/report/target.ts): candidates.csv, paths.csv, manifest.json, report.html. Every option and the
 * lever file are checked, and the output folder planned, before anything runs; a problem names the
 * option (or the file and the path inside it) and what was expected.
 */
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { loadParameters } from '../parameters/load';
import { INDICATORS } from '../observe/indicators';
import { formatTable } from '../report/table';
import { answerSentence, answerTable, runnersUpTable, targetFiles } from '../report/target';
import { clock } from '../report/text';
import { CALIBRATED, resolveScenarios } from '../scenarios/load';
import { DEFAULT_LEVERS, probeGroup, readLeverFile, TARGET_DEFAULTS, targetProblems, targetSearch } from '../target/index';
import { shownPath, type Problem } from '../problems/index';
import { command, Expected, month, option, text, type CommandLine } from './options';
import { households, lang, onOptions, out, replicates, seed, workers } from './common';
import { stageProgress } from './progress';
import { checkMemory, studyMemory } from './memory';
import { recordedCommand } from './run';

/** A level as written: a number in the indicator's unit, or a percentage ("0.5%") of a share. */
interface Level {
  readonly value: number;
  readonly percent: boolean;
}

const level = (t: string): Level | Expected => {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$/.exec(t);
  if (!m) return new Expected("a number in the indicator's unit (0.005), or a percentage of a share (0.5%)");
  return { value: Number(m[1]), percent: m[2] === '%' };
};

const OPTIONS = {
  indicator: option<string>({ value: 'NAME', description: 'the indicator to bring down (INDICATORS in src/observe/indicators.ts)', default: 'p0_extreme', check: text }),
  below: option<Level>({ value: 'LEVEL', description: "the level to bring it below: a number in the indicator's unit (p0_extreme is a share: 0.005), or a percentage of a share (0.5%)", default: { value: 0.5, percent: true }, show: (l) => `${l.value}${l.percent ? '%' : ''}`, check: level }),
  by: option<string>({ value: 'YYYY-MM', description: 'the month it must be below the level in, after March 2022', default: '2026-03', check: month }),
  group: option<string>({ value: 'GROUP', description: 'national, province:<name>, area:urban|rural, head_age:…, head_sex:…', default: TARGET_DEFAULTS.group, check: text }),
  levers: option<string | undefined>({ value: 'FILE', description: 'a lever file (YAML or JSON: levers with id, label, parameters and multiply or set; see src/target/levers.ts)', default: undefined, defaultText: `the ${DEFAULT_LEVERS.length} levers of src/target/levers.ts`, check: text }),
  replicates: replicates('replicates of every mix, the same for all', TARGET_DEFAULTS.replicates),
  seed,
  households: households(TARGET_DEFAULTS.households),
  workers,
  out: out('target'),
  lang: lang('the tables and the report'),
};

type Line = CommandLine<typeof OPTIONS>;

/** The level in the indicator's unit: a percentage of a share divided by 100. */
function belowOf(line: Line): number {
  const b = line.options.below;
  return b.percent ? b.value / 100 : b.value;
}

/** The study option each command-line option sets, for naming it in problems. */
const OPTION_OF: Readonly<Record<string, string>> = { indicator: '--indicator', below: '--below', by: '--by', group: '--group', replicates: '--replicates', households: '--households', workers: '--workers' };

/** A percentage only of a share (and --below given for an indicator that is not one); the target itself (indicator, month, level). */
function targetLineProblems(line: Line): Problem[] {
  const o = line.options;
  const unit = INDICATORS[o.indicator]?.unit;
  if (unit !== undefined && !unit.startsWith('share') && o.below.percent) {
    return [{ path: '--below', expected: `a number in ${o.indicator}'s unit (${unit}); a percentage only of a share${line.given.has('below') ? '' : ' (the default, 0.5%, is one)'}`, got: line.given.has('below') ? `${o.below.value}%` : 'nothing' }];
  }
  return targetProblems({ indicator: o.indicator, group: o.group, below: belowOf(line), by: o.by }, 'graduasi target').map((p) => ({ ...p, file: 'graduasi target', path: OPTION_OF[p.path] ?? p.path }));
}

/** `graduasi target [options]` (see the module comment). */
async function target(line: Line): Promise<void> {
  const s = line.options;
  checkMemory('target', '--households, --workers', studyMemory({ agents: s.households, workers: s.workers }));
  const params = loadParameters();
  const legislated = resolveScenarios([CALIBRATED], params)[0];
  const levers = s.levers === undefined ? DEFAULT_LEVERS : readLeverFile(s.levers, params.patched(legislated.effectivePatch, `scenario ${legislated.id}`));
  if (s.group !== 'national') await probeGroup(params, s.indicator, s.group, s.seed, 'graduasi target').catch((error: unknown) => { throw onOptions(error, 'target', OPTION_OF); });
  const folder = planRunFolder(s.out, 'target');
  const log = process.stderr;
  const progress = stageProgress(log);
  const below = belowOf(line);
  log.write(`Graduasi target: ${s.indicator} (${s.group}) below ${Number(below.toPrecision(12))} by ${s.by}; ${levers.length} levers; ${s.households.toLocaleString('en')} agents, ${s.replicates} replicate${s.replicates === 1 ? '' : 's'} per mix, seed ${s.seed}, ${s.workers} worker${s.workers === 1 ? '' : 's'}\n`);
  let search;
  try {
    search = await targetSearch({
      parameters: params,
      legislated,
      levers,
      indicator: s.indicator,
      group: s.group,
      below,
      by: s.by,
      seed: s.seed,
      replicates: s.replicates,
      households: s.households,
      workers: s.workers,
      onProgress: (p) => progress.update(`Round ${p.round}`, p),
    });
  } catch (error) {
    throw onOptions(error, 'target', OPTION_OF);
  } finally {
    progress.finish();
  }
  log.write(`${search.run.runs} runs in ${search.run.rounds} rounds, ${clock(search.run.seconds)}\n`);
  const files = targetFiles(search, s.lang, recordedCommand('target', line.argv));
  writeRunFolder(folder, files);
  process.stdout.write(
    `${answerSentence(search, s.lang)}\n\n${formatTable(answerTable(search, s.lang))}\n\n${formatTable(runnersUpTable(search, s.lang))}\n\n` +
      `Search written to ${shownPath(folder)}\n  ${Object.keys(files).join('  ')}\n`,
  );
}

export const TARGET = command({
  name: 'target',
  summary: 'what does it take? the cheapest mix of levers that brings an indicator below a level by a month',
  about:
    'The planner\'s question: the cheapest mix of levers (assistance quotas, benefits and budgets, facilitators, PENA, PROKUS, RST, ATENSI and skills places, the registry\'s accuracy) that brings an indicator below a level by a month, e.g. --below 0.5% --by 2026-03 for extreme poverty. A greedy search from the policy as legislated: each round runs one level up of every lever (same seed and replicates for all: common random numbers) and takes the largest fall per extra rupiah; then steps back levers not needed. Cost: programme and service spending from March 2022 to the month. Writes candidates.csv, paths.csv, manifest.json and report.html to a new folder.',
  args: { name: '', min: 0, max: 0, expected: 'options only' },
  options: OPTIONS,
  check: targetLineProblems,
  run: target,
});
