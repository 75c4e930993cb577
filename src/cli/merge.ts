/**
 * `graduasi merge <shard folders...>`: joins the shards of a run or compare (written with --shard K/N,
 * src/experiment/shard.ts) into the run folder the one-machine run writes — results.csv, summary.csv
 * and report.html the same bytes, manifest.json too apart from one added section, the shards; and the
 * shards of a sensitivity study into the study's folder (./sensitivity.ts, mergeStudy). Refuses
 * shards of different experiments (naming the folder and the field), and a shard missing or repeated.
 */
import { resolve } from 'node:path';
import { loadParameters } from '../parameters/load';
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { mergeShards, readShard, readShardManifest } from '../experiment/shard';
import { mergeStudy } from './sensitivity';
import { mergedFiles } from '../report/run';
import { LANGS, type Lang } from '../lang/index';
import { shownPath } from '../problems/index';
import { command, oneOf, option, type CommandLine } from './options';
import { out } from './common';

const OPTIONS = {
  out: out('merge'),
  lang: option<Lang | undefined>({ value: LANGS.join('|'), description: 'language of the report', default: undefined, defaultText: "the run's own, its recorded --lang (en when it had none), so the report is the one-machine run's", check: oneOf(LANGS) }),
};

/** The --lang a recorded command gave (--lang X or --lang=X), or undefined. */
export function recordedLang(words: readonly string[] | null): Lang | undefined {
  if (!words) return undefined;
  for (let k = 0; k < words.length; k++) {
    const [option, inline] = words[k].split(/=(.*)/s);
    if (option !== '--lang') continue;
    const value = inline ?? words[k + 1];
    return (LANGS as readonly string[]).includes(value) ? (value as Lang) : undefined;
  }
  return undefined;
}

async function merge({ args, options: o }: CommandLine<typeof OPTIONS>): Promise<void> {
  const folders = args.map((folder) => resolve(folder));
  if (readShardManifest(folders[0]).kind === 'study') return mergeStudy(folders, o.out, o.lang);
  const shards = folders.map(readShard);
  const { experiment, shards: section } = mergeShards(shards, loadParameters(), 'graduasi merge');
  const folder = planRunFolder(o.out, 'merge');
  const lang = o.lang ?? recordedLang(experiment.manifest.command ?? null) ?? 'en';
  writeRunFolder(folder, mergedFiles(experiment, section, lang));
  const jobs = section.reduce((n, s) => n + s.jobs.length, 0);
  process.stdout.write(
    `Merged ${section.length} shard${section.length === 1 ? '' : 's'} (${jobs} jobs) of ${(experiment.manifest.command ?? ['an experiment']).join(' ')}\n` +
      `Run written to ${shownPath(folder)}\n  report.html  manifest.json  results.csv  summary.csv\n`,
  );
}

export const MERGE = command({
  name: 'merge',
  summary: 'join the shard folders of a run, compare or sensitivity study (--shard K/N) into its folder',
  about:
    'Joins the shard folders written by run, compare or sensitivity with --shard K/N — every shard from 1 to N once, all of one experiment or study — into a new folder: for a run, manifest.json, results.csv, summary.csv and report.html; for a study, its design, indices, manifest and report; the same bytes as on one machine (manifest.json adds the shards).',
  args: { name: '<shard folder>', min: 1, max: Infinity, expected: 'the shard folders to merge' },
  options: OPTIONS,
  run: merge,
});
