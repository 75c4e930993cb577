/**
 * `graduasi trial [design] [options]`: a virtual randomised trial (src/trial/virtual.ts) — the
 * eligible households of the synthetic population randomised into a treatment arm offered a
 * programme and a control arm, one run of the model, and the intention-to-treat table graduation
 * trials publish. Prints the table and writes a new run folder (never an existing one):
 *
 *   manifest.json  model, version, Node, commit, design, seed, agents, arm sizes, cost per household,
 *                  SHA-256 of every data file and of each CSV (no clock time: same command, same bytes)
 *   itt.csv        outcome × horizon: arm sizes, means, effect, SE, 95 % CI, p, relative effect (%)
 *   balance.csv    treatment − control of each outcome at baseline
 *   published.csv  (designs with published effects, brac-like) the published effects beside the model's
 *   paths.csv      (designs with a path, brac-like) the path targets beside the model's values, met or not
 *
 * Every option is checked before anything runs; a bad one stops the command with a problem naming
 * it and what was expected (src/problems), and no folder is written.
 */
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { provenance } from '../run/provenance';
import { loadParameters } from '../parameters/load';
import { sha256 } from '../run/results';
import { formatTable } from '../report/table';
import { didYouMean, nearest, shownPath, type Problem } from '../problems/index';
import { progressDisplay } from './progress';
import { command, Expected, number, option, type CommandLine } from './options';
import { agentsOf, households, householdsOrScale, lang, out, scale, seed } from './common';
import { checkMemory, studyMemory } from './memory';
import { TRIAL_DESIGNS, trialDesign } from '../trial/designs';
import type { TrialDesign } from '../trial/designs';
import { HORIZONS_EXPECTED, runTrial, validHorizons } from '../trial/virtual';
import type { TrialResult } from '../trial/virtual';
import { armsText, ittTableText, pathsTableText, publishedTableText } from '../report/trial';
import { balanceCsv, ittCsv, pathsCsv, publishedCsv } from '../trial/output';

/** The design run when none is named. */
export const DEFAULT_TRIAL_DESIGN = 'brac-like';

const DESIGNS = TRIAL_DESIGNS.map((d) => d.id);

const OPTIONS = {
  seed,
  households: households(),
  scale,
  horizons: option<number[] | undefined>({
    value: '12,24,36,48',
    description: 'months after the offer at which outcomes are measured',
    default: undefined,
    defaultText: `the design's; ${TRIAL_DESIGNS.map((d) => `${d.id} ${d.horizons.join(',')}`).join(', ')}`,
    check: (t) => {
      const horizons = t.split(',').map((p) => (/^\s*\d+\s*$/.test(p) ? Number(p) : NaN));
      return validHorizons(horizons) ? horizons : new Expected(HORIZONS_EXPECTED);
    },
  }),
  share: option<number | undefined>({
    value: 'X',
    description: 'share of the eligible households treated, in (0, 1)',
    default: undefined,
    defaultText: `the design's; ${TRIAL_DESIGNS.map((d) => `${d.id} ${d.treatmentShare}`).join(', ')}`,
    check: number((x) => x > 0 && x < 1, 'the share of eligible households treated, in (0, 1), e.g. 0.5'),
  }),
  out: out('trial'),
  lang: lang('the tables'),
};

type Line = CommandLine<typeof OPTIONS>;

/** The design named, if it is one, and the households or scale. */
function trialProblems(line: Line): Problem[] {
  const id = line.args[0];
  const design = id === undefined || DESIGNS.includes(id) ? [] : [{ path: 'design', expected: `one of ${DESIGNS.join(', ')}`, got: `"${id}"`, hint: didYouMean(nearest(id, DESIGNS)) }];
  return [...design, ...householdsOrScale(line)];
}

/** The design a command line asks for: the one named (default DEFAULT_TRIAL_DESIGN), with its horizons and share as given. */
export function designOf({ args, options }: Line): TrialDesign {
  const design = trialDesign(args[0] ?? DEFAULT_TRIAL_DESIGN);
  return { ...design, ...(options.horizons ? { horizons: options.horizons } : {}), ...(options.share !== undefined ? { treatmentShare: options.share } : {}) };
}

/** The design as the manifest records it (the eligibility by name, not its code). */
function designRecord(d: TrialDesign) {
  return {
    id: d.id,
    label: d.label,
    programme: d.programme,
    eligibility: { id: d.eligibility.id, label: d.eligibility.label },
    offerMonth: d.offerMonth,
    treatmentShare: d.treatmentShare,
    horizons: d.horizons,
    ...(d.package === undefined ? {} : { package: d.package }),
    ...(d.published === undefined ? {} : { published: d.published }),
    ...(d.paths === undefined ? {} : { paths: d.paths }),
  };
}

/** The files of a trial's run folder, manifest included. */
export function trialFiles(result: TrialResult, options: { readonly households?: number; readonly scale?: number }): Record<string, string> {
  const csv: Record<string, string> = { 'itt.csv': ittCsv(result.itt), 'balance.csv': balanceCsv(result.balance) };
  if (result.published.length) csv['published.csv'] = publishedCsv(result.published);
  if (result.paths.length) csv['paths.csv'] = pathsCsv(result.paths);
  const { data, ...code } = provenance();
  const manifest = {
    ...code,
    command: 'trial',
    design: designRecord(result.design),
    seed: result.seed,
    replicate: result.replicate,
    parameterTree: result.parameterTree,
    options: { ...(options.households === undefined ? {} : { households: options.households }), ...(options.scale === undefined ? {} : { scale: options.scale }), agents: result.agents, ...result.months },
    arms: result.arms,
    costPerHousehold: result.costPerHousehold,
    data,
    files: Object.fromEntries(Object.entries(csv).map(([name, text]) => [name, { rows: text.split('\n').length - 2, sha256: sha256(text) }])),
  };
  return { ...csv, 'manifest.json': `${JSON.stringify(manifest, null, 2)}\n` };
}

/** `graduasi trial [design] [options]` (see the module comment). */
async function trial(line: Line): Promise<void> {
  const o = line.options;
  const d = designOf(line);
  checkMemory('trial', '--households or --scale', studyMemory({ agents: agentsOf(o), workers: 1 }));
  const folder = planRunFolder(o.out, 'trial');
  const log = process.stderr;
  log.write(`Graduasi trial ${d.id}: ${d.programme} offered in ${d.offerMonth} to ${d.treatmentShare} of the eligible (${d.eligibility.id}), outcomes ${d.horizons.join(', ')} months after, seed ${o.seed}\n`);
  const progress = progressDisplay(log, 'months');
  const result = runTrial(d, { seed: o.seed, households: o.households, scale: o.scale, parameters: loadParameters(), onProgress: progress.update });
  progress.end();
  const files = trialFiles(result, o);
  writeRunFolder(folder, files);
  const tables = [ittTableText(result, o.lang), ...(result.published.length ? [publishedTableText(result, o.lang)] : []), ...(result.paths.length ? [pathsTableText(result, o.lang)] : [])];
  process.stdout.write(`${armsText(result, o.lang)}\n\n${tables.map(formatTable).join('\n\n')}\n\nTrial written to ${shownPath(folder)}\n  ${Object.keys(files).sort().join('  ')}\n`);
}

export const TRIAL = command({
  name: 'trial',
  summary: `a virtual randomised trial: ${DESIGNS.join(' or ')} (default ${DEFAULT_TRIAL_DESIGN})`,
  about: `A virtual randomised trial: the eligible households of the synthetic population randomised into a treatment arm offered a programme and a control arm, one run of the model, and the intention-to-treat table graduation trials publish. Designs: ${TRIAL_DESIGNS.map((d) => `${d.id}: ${d.label.en}`).join('; ')}. Writes itt.csv, balance.csv, published.csv and paths.csv (brac-like) and manifest.json to a new folder.`,
  args: { name: '<design>', min: 0, max: 1, expected: `at most one design (${DESIGNS.join(', ')})` },
  options: OPTIONS,
  check: trialProblems,
  run: trial,
});

/** `graduasi trial [design] [options]`, in this process. */
export const trialCommand = (argv: readonly string[]): Promise<void> => TRIAL.main(argv);
