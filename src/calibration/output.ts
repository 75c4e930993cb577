/**
 * A calibration on disk: the files `graduasi calibrate` writes into its run folder, and the posterior
 * read back — by scenario comparisons that draw behaviour parameters from it.
 *
 *   manifest.json    what was run (settings, parameters and ranges, targets, data hashes, file hashes)
 *   posterior.csv    the posterior sample: particle, weight, distance, one column per parameter
 *   fit.csv          every target: role (fit, holdout, check), observed, point fit, posterior 5–50–95 %, z
 *   calibrated.yaml  the point fit as a scenario file (id "calibrated"); copied to data/calibration/ it
 *                    becomes the parameter set scenarios name with `extends: calibrated`
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { provenance } from '../run/provenance';
import { csvField, sha256 } from '../run/results';
import type { Provenance } from '../run/results';
import { parseCsv } from '../population/csv';
import { shown } from '../parameters/load';
import type { ParameterPatch, Parameters } from '../parameters/types';
import type { ParameterPath } from '../parameters/spec';
import { MANIFEST_FILE } from '../experiment/output';
import { pointPatch } from '../experiment/points';
import type { Calibration } from './model';
import { FLOW, indicatorEntry } from '../observe/indicators';
import { ProblemError, refuse, type Problem } from '../problems/index';

export const POSTERIOR_FILE = 'posterior.csv';

/** A number as written in the CSVs: shortest round-trip form. */
const cell = (x: number) => String(x);

export function posteriorCsv(c: Calibration): string {
  const names = c.parameters.map((p) => p.name);
  const lines = [['particle', 'weight', 'distance', ...names].join(',')];
  c.posterior.points.forEach((point, j) => lines.push([j, cell(c.posterior.weights[j]), cell(c.posterior.distances[j]), ...point.map(cell)].join(',')));
  return `${lines.join('\n')}\n`;
}

/** The unit of an indicator's values in the model (observed and simulated values of fit.csv are in it). */
function modelUnit(indicator: string): string {
  return (indicatorEntry(indicator) ?? FLOW).unit;
}

export function fitCsv(c: Calibration): string {
  const lines = ['target,role,indicator,group,month,observed,sd,point_fit,posterior_p05,posterior_median,posterior_p95,z_score,series,unit'];
  for (const r of c.table) {
    const t = r.target;
    lines.push([t.id, r.role, t.indicator, csvField(t.group), t.month, cell(t.value), cell(t.sd), cell(r.pointFit), cell(r.posterior.p05), cell(r.posterior.median), cell(r.posterior.p95), cell(r.zScore), csvField(t.series), csvField(modelUnit(t.indicator))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The point fit as a scenario file other scenarios extend. */
export function calibratedYaml(c: Calibration, command: string): string {
  const scenario = {
    id: 'calibrated',
    label: { en: 'Behaviour parameters calibrated to official figures', id: 'Parameter perilaku yang dikalibrasi ke angka resmi' },
    rationale: {
      en:
        `Nelder–Mead point fit (distance ${c.pointFit.distance.toPrecision(3)}) to ${c.fit.map((t) => t.id).join(', ')}; ` +
        `held out ${c.holdout.map((t) => t.id).join(', ') || 'nothing'}. Made by: ${command} (seed ${String(c.settings.seed)}, commit ${provenance().commit}).`,
      id:
        `Kecocokan titik Nelder–Mead (jarak ${c.pointFit.distance.toPrecision(3)}) terhadap ${c.fit.map((t) => t.id).join(', ')}; ` +
        `disisihkan: ${c.holdout.map((t) => t.id).join(', ') || 'tidak ada'}. Dibuat dengan: ${command} (seed ${String(c.settings.seed)}, commit ${provenance().commit}).`,
    },
    patch: c.patch,
  };
  return stringify(scenario, { lineWidth: 0 });
}

export interface CalibrationManifest extends Provenance {
  readonly kind: 'calibration';
  readonly command: string;
  readonly settings: Calibration['settings'];
  readonly parameters: ReadonlyArray<{ readonly name: string; readonly min: number; readonly max: number; readonly file: string }>;
  readonly targets: { readonly fit: readonly string[]; readonly holdout: readonly string[] };
  readonly generations: ReadonlyArray<{ readonly generation: number; readonly tolerance: number; readonly particles: number; readonly effectiveSize: number; readonly runs: number }>;
  readonly pointFit: Calibration['pointFit'];
  readonly runs: number;
  /** The parameter tree the calibration patched: the folder it was read from and its hash. */
  readonly parameterTree: { readonly folder: string; readonly hash: string };
  readonly files: Readonly<Record<string, string>>;
}

/** Every file of a calibration run folder, the manifest last; `params` is the tree the calibration ran on. */
export function calibrationFiles(c: Calibration, command: string, params: Parameters): Record<string, string> {
  const files: Record<string, string> = {
    [POSTERIOR_FILE]: posteriorCsv(c),
    'fit.csv': fitCsv(c),
    'calibrated.yaml': calibratedYaml(c, command),
  };
  const { model, data, ...code } = provenance();
  const manifest: CalibrationManifest = {
    model,
    kind: 'calibration',
    ...code,
    command,
    settings: c.settings,
    parameters: c.parameters.map((p) => ({ ...p, file: params.get(p.name as ParameterPath).file })),
    targets: { fit: c.fit.map((t) => t.id), holdout: c.holdout.map((t) => t.id) },
    generations: c.generations.map((g) => ({ generation: g.generation, tolerance: g.tolerance, particles: g.points.length, effectiveSize: g.effectiveSize, runs: g.runs })),
    pointFit: c.pointFit,
    runs: c.runs,
    parameterTree: { folder: params.folder, hash: params.hash },
    data,
    files: Object.fromEntries(Object.entries(files).map(([name, text]) => [name, sha256(text)])),
  };
  return { ...files, [MANIFEST_FILE]: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** A posterior sample read back: parameter names, and per particle its weight and values. */
export interface PosteriorSample {
  readonly file: string;
  readonly sha256: string;
  readonly parameters: readonly string[];
  readonly weights: readonly number[];
  readonly points: readonly (readonly number[])[];
}

/** The posterior of a calibration just run (in a notebook, before anything is written), as a sample to draw from. */
export function posteriorSample(c: Calibration, label = 'the calibration just run'): PosteriorSample {
  return { file: label, sha256: sha256(posteriorCsv(c)), parameters: c.parameters.map((p) => p.name), weights: c.posterior.weights, points: c.posterior.points };
}

/** A number as the calibration writes it: decimal digits, a point, an exponent (String(x) of a finite number). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The finite number a cell of posterior.csv holds, or NaN: nothing else is read as a number, so
 * that blanks around it, hexadecimal ("0x0"), "Infinity" and numbers beyond the largest double
 * ("1e309") are refused rather than read as some number.
 */
export function decimal(cell: string): number {
  const x = DECIMAL.test(cell) ? Number(cell) : NaN;
  return Number.isFinite(x) ? x : NaN;
}

/**
 * Reads posterior.csv from a file or a calibration run folder, checking every cell (weights positive
 * and values finite decimal numbers, see {@link decimal}) and that each column names a behaviour
 * parameter or a policy assumption of `params` with one value and stays within its range.
 */
export function readPosterior(path: string, params: Parameters): PosteriorSample {
  const file = existsSync(path) && statSync(path).isDirectory() ? join(path, POSTERIOR_FILE) : path;
  const where = shown(file);
  if (!existsSync(file)) throw new ProblemError([{ file: where, path: '', expected: 'a posterior sample (posterior.csv of a calibration run folder)', got: 'no such file' }]);
  const text = readFileSync(file, 'utf8');
  const rows = parseCsv(text, where);
  const header = text.slice(0, text.indexOf('\n')).trim().split(',');
  if (header[0] !== 'particle' || header[1] !== 'weight' || header[2] !== 'distance' || header.length < 4) {
    throw new ProblemError([{ file: where, path: 'header', expected: 'the columns particle,weight,distance,<parameter>… of a posterior sample', got: `"${header.join(',')}"` }]);
  }
  const parameters = header.slice(3);
  const problems: Problem[] = [];
  for (const name of parameters) {
    const record = params.records.find((r) => r.path === name);
    if (!record || !(record.kind === 'behaviour' || record.assumption) || record.values.length !== 1) problems.push({ file: where, path: `column "${name}"`, expected: 'a behaviour parameter with one value (or a policy assumption with one value)', got: record ? `a ${record.kind} parameter with ${record.values.length} value${record.values.length === 1 ? '' : 's'}` : 'no such parameter' });
  }
  refuse(problems);
  if (rows.length < 1) throw new ProblemError([{ file: where, path: '', expected: 'at least one particle', got: 'none' }]);
  const weights = rows.map((r, k) => {
    const w = decimal(r.weight);
    if (!(w > 0)) problems.push({ file: where, path: `row ${k + 2}: weight`, expected: 'a positive decimal number, finite (e.g. 0.02 or 1.5e-3)', got: `"${r.weight}"` });
    return w;
  });
  const points = rows.map((r, k) =>
    parameters.map((name) => {
      const x = decimal(r[name]);
      const range = params.get(name as ParameterPath).range;
      if (Number.isNaN(x)) problems.push({ file: where, path: `row ${k + 2}: ${name}`, expected: 'a decimal number, finite (e.g. 0.85 or -1.5e-3)', got: `"${r[name]}"` });
      else if (range && (x < range.min || x > range.max)) problems.push({ file: where, path: `row ${k + 2}: ${name}`, expected: `a value within the parameter's range [${range.min}, ${range.max}]`, got: String(x) });
      return x;
    }),
  );
  refuse(problems.slice(0, 20));
  return { file: where, sha256: sha256(text), parameters, weights, points };
}

/**
 * `count` draws from the posterior, by weight, one per replicate: systematic resampling with a start
 * fixed by the seed's hash, so the same posterior and seed give the same draws on any machine. Each
 * draw is a patch of the sample's parameters.
 */
export function posteriorDraws(sample: PosteriorSample, count: number, seed: number | string, params: Parameters): { particle: number; patch: ParameterPatch }[] {
  const total = sample.weights.reduce((s, w) => s + w, 0);
  const start = (parseInt(sha256(`${String(seed)}/posterior`).slice(0, 8), 16) + 0.5) / 2 ** 32;
  const draws: { particle: number; patch: ParameterPatch }[] = [];
  let cumulative = 0;
  let j = -1;
  for (let k = 0; k < count; k++) {
    const u = ((start + k) / count) * total;
    while (cumulative <= u && j < sample.weights.length - 1) cumulative += sample.weights[++j];
    draws.push({ particle: j, patch: pointPatch(params, sample.parameters, sample.points[j]) });
  }
  return draws;
}
