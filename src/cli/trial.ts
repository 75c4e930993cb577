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
 *
 * Every option is checked before anything runs; a bad one stops the command with a message naming
 * it and what was expected (a UsageError, ./arguments.ts), and no folder is written.
 */
import { loadParameters } from '../parameters/load';
import { MIN_HOUSEHOLDS } from '../population/index';
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { provenance } from '../run/provenance';
import { sha256 } from '../run/results';
import { formatTable } from '../report/table';
import { language } from '../report/text';
import { progressDisplay } from './progress';
import { UsageError, scale, splitArguments, wholeNumber } from './arguments';
import { TRIAL_DESIGNS, trialDesign } from '../trial/designs';
import type { TrialDesign } from '../trial/designs';
import { checkHorizons, runTrial } from '../trial/virtual';
import type { TrialResult } from '../trial/virtual';
import { armsText, ittTableText, publishedTableText } from '../report/trial';
import { balanceCsv, ittCsv, publishedCsv } from '../trial/output';
import type { Lang } from '../lang/index';

/** The design run when none is named. */
export const DEFAULT_TRIAL_DESIGN = 'brac-like';

/** The options `graduasi trial` takes. */
export const TRIAL_OPTIONS = ['--seed', '--households', '--scale', '--horizons', '--share', '--out', '--lang'] as const;

/** Lines for `graduasi help`. */
export const TRIAL_USAGE = `  trial [design]                a virtual randomised trial: ${TRIAL_DESIGNS.map((d) => d.id).join(' or ')} (default ${DEFAULT_TRIAL_DESIGN})

options of trial
  --seed N                      seed, a whole number (default 2022)
  --households N | --scale X    agents in the population (default 200,000) or agents per real household
  --horizons 12,24,36,48        months after the offer at which outcomes are measured (default: the design's)
  --share X                     share of the eligible households treated, in (0, 1) (default: the design's, 0.5)
  --out FOLDER                  a new folder for the results (default runs/<date-time>-trial)
  --lang en|id                  language of the tables (default en)
`;

interface TrialCommandOptions {
  design: TrialDesign;
  seed: number;
  households?: number;
  scale?: number;
  out?: string;
  lang: Lang;
}

/** `check()`, its error turned into a UsageError (a problem with the command line). */
function usage<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The design and options of `graduasi trial`, each checked; every problem names the option or design. */
export function parseTrialArguments(args: readonly string[]): TrialCommandOptions {
  const { positionals, options } = splitArguments(args, TRIAL_OPTIONS);
  if (positionals.length > 1) throw new UsageError(`trial: expected at most one design (${TRIAL_DESIGNS.map((d) => d.id).join(', ')}), got ${positionals.map((p) => `"${p}"`).join(' ')}`);
  let design = usage(() => trialDesign(positionals[0] ?? DEFAULT_TRIAL_DESIGN));
  const out: TrialCommandOptions = { design, seed: 2022, lang: 'en' };
  for (const [name, value] of options) {
    switch (name) {
      case '--seed':
        out.seed = wholeNumber(name, value, 0);
        break;
      case '--households':
        out.households = wholeNumber(name, value, MIN_HOUSEHOLDS);
        break;
      case '--scale':
        out.scale = scale(name, value);
        break;
      case '--horizons': {
        const horizons = value.split(',').map((p) => (/^\s*\d+\s*$/.test(p) ? Number(p) : NaN));
        usage(() => checkHorizons(horizons, name, `"${value}"`));
        design = { ...design, horizons };
        break;
      }
      case '--share': {
        const x = Number(value);
        if (!/^[\d.eE+-]+$/.test(value) || !(x > 0 && x < 1)) throw new UsageError(`--share: expected the share of eligible households treated, in (0, 1), e.g. 0.5, got "${value}"`);
        design = { ...design, treatmentShare: x };
        break;
      }
      case '--out':
        out.out = value;
        break;
      case '--lang':
        out.lang = usage(() => language(value));
        break;
    }
  }
  if (out.households !== undefined && out.scale !== undefined) throw new UsageError('--households and --scale: expected one of them, not both');
  out.design = design;
  return out;
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
  };
}

/** The files of a trial's run folder, manifest included. */
export function trialFiles(result: TrialResult, options: { readonly households?: number; readonly scale?: number }): Record<string, string> {
  const csv: Record<string, string> = { 'itt.csv': ittCsv(result.itt), 'balance.csv': balanceCsv(result.balance) };
  if (result.published.length) csv['published.csv'] = publishedCsv(result.published);
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
export async function trialCommand(args: readonly string[]): Promise<void> {
  const o = parseTrialArguments(args);
  const folder = planRunFolder(o.out, 'trial');
  const log = process.stderr;
  const d = o.design;
  log.write(`Graduasi trial ${d.id}: ${d.programme} offered in ${d.offerMonth} to ${d.treatmentShare} of the eligible (${d.eligibility.id}), outcomes ${d.horizons.join(', ')} months after, seed ${o.seed}\n`);
  const progress = progressDisplay(log, 'months');
  const result = runTrial(d, { seed: o.seed, households: o.households, scale: o.scale, parameters: loadParameters(), onProgress: progress.update });
  progress.end();
  const files = trialFiles(result, o);
  writeRunFolder(folder, files);
  const tables = [ittTableText(result, o.lang), ...(result.published.length ? [publishedTableText(result, o.lang)] : [])];
  process.stdout.write(`${armsText(result, o.lang)}\n\n${tables.map(formatTable).join('\n\n')}\n\nTrial written to ${folder}\n  ${Object.keys(files).sort().join('  ')}\n`);
}
