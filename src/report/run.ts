/**
 * A run folder on disk: written once by `run` / `compare` (manifest.json, results.csv, summary.csv,
 * report.html, and resources.json: what the run used of the machine) or by `merge` from their
 * shards, read back by `report`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssembledExperiment, ExperimentManifest } from '../experiment/index';
import { MANIFEST_FILE, writeRunFolder } from '../experiment/output';
import type { ShardsSection } from '../experiment/shard';
import { CSV_HEADER } from '../run/results';
import type { ResultRow } from '../run/results';
import { SUMMARY_HEADER } from '../observe/summary';
import type { SummaryRow } from '../observe/summary';
import { parseCsv } from '../population/csv';
import { sha256 } from '../run/results';
import { ProblemError } from '../problems/index';
import { reportHtml, type RunData } from './html';
import type { Lang, Words } from '../lang/index';
import type { Parameters } from '../parameters/types';


/** The files of a finished experiment's run folder, by name, with its report in `lang`. */
export function experimentFiles(experiment: AssembledExperiment, lang: Lang): Record<string, string> {
  return {
    'results.csv': experiment.resultsCsv,
    'summary.csv': experiment.summaryCsv,
    'report.html': reportHtml(experiment, lang),
    [MANIFEST_FILE]: `${JSON.stringify(experiment.manifest, null, 2)}\n`,
  };
}

/**
 * The files of a run merged from shards (src/experiment/shard.ts): those of the one-machine run, its
 * manifest.json adding one section, the shards.
 */
export function mergedFiles(experiment: AssembledExperiment, shards: ShardsSection, lang: Lang): Record<string, string> {
  return { ...experimentFiles(experiment, lang), [MANIFEST_FILE]: `${JSON.stringify({ ...experiment.manifest, shards }, null, 2)}\n` };
}

/** Writes a finished experiment as the new run folder `folder`, with its report in `lang`. */
export function writeExperiment(folder: string, experiment: AssembledExperiment, lang: Lang): void {
  writeRunFolder(folder, experimentFiles(experiment, lang));
}

function number(value: string, file: string, line: number, column: string): number {
  if (value === 'NaN') return NaN; // an undefined ratio (0 / 0), written as such
  const x = Number(value);
  if (value === '' || Number.isNaN(x)) throw new Error(`${file}: row ${line}: ${column}: expected a number, got "${value}"`);
  return x;
}

/**
 * A CSV of the run as written: refused, naming the file and both hashes, when its SHA-256 is not the
 * one manifest.json recorded for it (`field`: "results" or "summary").
 */
function readCsv(file: string, header: string, manifest: ExperimentManifest, field: 'results' | 'summary'): Record<string, string>[] {
  const bytes = readFileSync(file);
  const found = sha256(bytes);
  const recorded = manifest[field].sha256;
  if (found !== recorded) {
    throw new ProblemError([{ file, path: '', expected: `the file the run wrote, SHA-256 ${recorded} (manifest.json: ${field}.sha256)`, got: `a file changed since, SHA-256 ${found}` }]);
  }
  const text = bytes.toString('utf8');
  const first = text.slice(0, text.indexOf('\n'));
  if (first !== header) throw new Error(`${file}: expected the header "${header}", got "${first}"`);
  return parseCsv(text, file);
}

/** A scenario of a manifest written before scenario labels (two texts) and rationales (one) were { en, id }. */
interface OlderScenario {
  readonly label: string | Words;
  readonly label_id?: string;
  readonly rationale: string | Words;
}

/** The manifest's scenarios with labels and rationales { en, id }, whichever version wrote it (one text stands for both). */
function withLabels(manifest: ExperimentManifest): ExperimentManifest {
  const scenarios = manifest.scenarios.map((s) => {
    const { label, label_id, rationale, ...rest } = s as unknown as OlderScenario & typeof s;
    return {
      ...rest,
      label: typeof label === 'string' ? { en: label, id: label_id ?? label } : label,
      rationale: typeof rationale === 'string' ? { en: rationale, id: rationale } : rationale,
    };
  });
  return { ...manifest, scenarios };
}

/**
 * Reads a run folder written by `run` or `compare`, refusing one whose results.csv or summary.csv is
 * not the file the run wrote (its SHA-256 differs from the manifest's).
 */
export function readRun(folder: string): RunData {
  const manifestFile = join(folder, MANIFEST_FILE);
  if (!existsSync(manifestFile)) throw new Error(`${folder}: expected a run folder with ${MANIFEST_FILE} (written by graduasi run or compare), found none`);
  let manifest: ExperimentManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ExperimentManifest;
  } catch (e) {
    throw new ProblemError([{ file: manifestFile, path: '', expected: 'valid JSON, the manifest of a graduasi run or compare', got: (e as Error).message }]);
  }
  if (manifest?.model !== 'graduasi' || !manifest.experiment || typeof manifest.results?.sha256 !== 'string' || typeof manifest.summary?.sha256 !== 'string') {
    throw new ProblemError([{ file: manifestFile, path: '', expected: 'the manifest of a graduasi run or compare (model, experiment, results and summary with their SHA-256)', got: 'another JSON document' }]);
  }
  const resultsFile = join(folder, 'results.csv');
  const rows: ResultRow[] = readCsv(resultsFile, CSV_HEADER, manifest, 'results').map((r, k) => ({
    scenario: r.scenario,
    replicate: number(r.replicate, resultsFile, k + 2, 'replicate'),
    month: r.month,
    indicator: r.indicator,
    group: r.group,
    value: number(r.value, resultsFile, k + 2, 'value'),
  }));
  const summaryFile = join(folder, 'summary.csv');
  const summary: SummaryRow[] = readCsv(summaryFile, SUMMARY_HEADER, manifest, 'summary').map((r, k) => ({
    scenario: r.scenario,
    compared_with: r.compared_with,
    month: r.month,
    indicator: r.indicator,
    group: r.group,
    replicates: number(r.replicates, summaryFile, k + 2, 'replicates'),
    mean: number(r.mean, summaryFile, k + 2, 'mean'),
    p05: number(r.p05, summaryFile, k + 2, 'p05'),
    median: number(r.median, summaryFile, k + 2, 'median'),
    p95: number(r.p95, summaryFile, k + 2, 'p95'),
  }));
  if (rows.length !== manifest.results.rows) throw new Error(`${resultsFile}: expected ${manifest.results.rows} rows (manifest.json), found ${rows.length}`);
  return { manifest: withLabels(manifest), rows, summary };
}

/** Writes the run's report in `lang` as report-<lang>.html in the run folder; refuses to replace one. */
export function writeReport(folder: string, run: RunData, lang: Lang): string {
  const file = join(folder, `report-${lang}.html`);
  if (existsSync(file)) throw new Error(`${file} already exists; expected to write a new file, not to replace one`);
  writeFileSync(file, reportHtml(run, lang), { flag: 'wx' });
  return file;
}
