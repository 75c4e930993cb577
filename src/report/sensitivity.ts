/**
 * What a sensitivity study (src/sensitivity/study.ts) shows and writes: the ranked tables printed
 * by `graduasi sensitivity` and shown in notebooks, and the files of its run folder —
 * design.csv (every point run: method, point, the value of every parameter studied, the outcome),
 * morris.csv, sobol.csv, one-at-a-time.csv, manifest.json (no clock time, no worker count: the same
 * command gives the same bytes) and a self-contained report.html.
 */
import type { TopLevelSpec } from 'vega-lite';
import { morrisChart, oneAtATimeChart, parameterLabel, sobolChart } from '../charts/sensitivity';
import { groupLabel } from '../charts/labels';
import { indicatorLabel, scaleFor, unitOf } from '../charts/units';
import { provenance } from '../run/provenance';
import { csvField, sha256 } from '../run/results';
import { REFERENCE_MONTH } from '../run/simulate';
import { formatMonth } from '../calendar/months';
import type { ParameterPath } from '../parameters/spec';
import type { Parameters } from '../parameters/types';
import type { MorrisStudy, OneAtATimeStudy, SobolStudy, StudyParameter } from '../sensitivity/study';
import { escapeHtml, reportPage, tableHtml } from './html';
import type { Table } from './table';
import { decimal, fill, monthLabel, NUMBER_LOCALE } from '../lang/index';
import type { Lang } from '../lang/index';

/** The stages of one sensitivity run; at least one is present, and all measure the same outcome. */
export interface SensitivityRun {
  readonly morris?: MorrisStudy;
  readonly sobol?: SobolStudy;
  readonly oneAtATime?: OneAtATimeStudy;
  /** When the Sobol stage took the `top` parameters of the Morris screening. */
  readonly top?: number;
}

/** A number with `digits` decimals in the language's format, or "n/a". */
function shown(x: number, digits: number, lang: Lang): string {
  return Number.isFinite(x) ? decimal(x, digits, lang) : TEXT[lang].notAvailable;
}

/** Decimals that show values up to `largest` with about three significant digits (0 to 4). */
function digitsFor(largest: number): number {
  if (!(largest > 0)) return 2;
  return Math.min(4, Math.max(0, 2 - Math.floor(Math.log10(largest))));
}

/**
 * The Morris ranking as a table, most influential first: parameter path, μ*, μ and σ in the outcome's unit per whole
 * range of the parameter (a share in percentage points). With `labels`, the parameter's label too.
 */
export function morrisTable(study: Pick<MorrisStudy, 'effects' | 'parameters' | 'measure'>, lang: Lang, options: { readonly labels?: boolean } = {}): Table {
  const t = TEXT[lang];
  const scale = scaleFor(unitOf(study.measure.indicator), Math.max(0, ...study.effects.flatMap((e) => [e.muStar, Math.abs(e.mu), e.sigma])), lang, true);
  const digits = digitsFor(Math.max(0, ...study.effects.map((e) => e.muStar * scale.factor)));
  const label = labels(study.parameters, lang);
  return {
    columns: [t.parameter, ...(options.labels ? [t.label] : []), `μ* (${scale.words})`, `μ (${scale.words})`, `σ (${scale.words})`],
    rows: study.effects.map((e) => [
      e.parameter,
      ...(options.labels ? [label(e.parameter)] : []),
      ...[e.muStar, e.mu, e.sigma].map((x) => shown(x * scale.factor, digits, lang)),
    ]),
  };
}

/** The Sobol ranking as a table, highest total order first: parameter path, S1 and ST each with its interval. With `labels`, the parameter's label too. */
export function sobolTable(study: Pick<SobolStudy, 'indices' | 'parameters' | 'confidence'>, lang: Lang, options: { readonly labels?: boolean } = {}): Table {
  const t = TEXT[lang];
  const label = labels(study.parameters, lang);
  const withInterval = (x: number, low: number, high: number) => (Number.isFinite(low) ? `${shown(x, 2, lang)} [${shown(low, 2, lang)} – ${shown(high, 2, lang)}]` : shown(x, 2, lang));
  const level = Math.round(study.confidence * 100);
  return {
    columns: [t.parameter, ...(options.labels ? [t.label] : []), fill(t.first, { level }), fill(t.total, { level })],
    rows: study.indices.map((x) => [
      x.parameter,
      ...(options.labels ? [label(x.parameter)] : []),
      withInterval(x.first, x.firstLow, x.firstHigh),
      withInterval(x.total, x.totalLow, x.totalHigh),
    ]),
  };
}

function labels(parameters: readonly StudyParameter[], lang: Lang): (path: string) => string {
  const byPath = new Map(parameters.map((p) => [p.name, parameterLabel(p, lang)]));
  return (path) => byPath.get(path) ?? path;
}

/** The stages present, in the order they ran. */
function stages(run: SensitivityRun): Array<MorrisStudy | SobolStudy | OneAtATimeStudy> {
  const present = [run.morris, run.sobol, run.oneAtATime].filter((s): s is MorrisStudy | SobolStudy | OneAtATimeStudy => s !== undefined);
  if (present.length === 0) throw new Error('sensitivity run: expected at least one of morris, sobol and oneAtATime');
  const m = present[0].measure;
  for (const s of present) {
    if (s.measure.indicator !== m.indicator || s.measure.group !== m.group || s.measure.month !== m.month) throw new Error(`sensitivity run: every stage must measure the same outcome; ${s.method} measures ${JSON.stringify(s.measure)}, not ${JSON.stringify(m)}`);
  }
  return present;
}

/** Every parameter of any stage, in the order first met (Morris's order is the data's, by path). */
function allParameters(run: SensitivityRun): StudyParameter[] {
  const seen = new Map<string, StudyParameter>();
  for (const s of stages(run)) for (const p of s.parameters) if (!seen.has(p.name)) seen.set(p.name, p);
  return [...seen.values()];
}

/** The rows of parameter values a stage ran. */
function pointsOf(study: MorrisStudy | SobolStudy | OneAtATimeStudy): ReadonlyArray<readonly number[]> {
  return study.method === 'one-at-a-time' ? study.points : study.design.points;
}

/**
 * design.csv: one line per point run — method, point (from 0 within its method), the value of every
 * parameter studied (parameters a stage does not vary are at the data's value), the outcome (mean
 * over replicates) and, with more than one replicate, the outcome of each (output_r0, output_r1, …).
 */
export function designCsv(run: SensitivityRun): string {
  const all = allParameters(run);
  const replicates = stages(run)[0].replicateOutputs[0]?.length ?? 1;
  const header = ['method', 'point', ...all.map((p) => p.name), 'output', ...(replicates > 1 ? Array.from({ length: replicates }, (_, r) => `output_r${r}`) : [])];
  const lines = [header.join(',')];
  for (const study of stages(run)) {
    const column = new Map(study.parameters.map((p, i) => [p.name, i]));
    pointsOf(study).forEach((point, j) => {
      const values = all.map((p) => (column.has(p.name) ? point[column.get(p.name)!] : p.base));
      lines.push([study.method, j, ...values, study.outputs[j], ...(replicates > 1 ? study.replicateOutputs[j] : [])].join(','));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** morris.csv: rank, parameter, μ*, μ, σ in the outcome's own unit per whole range (a share as a share). */
export function morrisCsv(study: MorrisStudy): string {
  return `rank,parameter,mu_star,mu,sigma\n${study.effects.map((e) => [e.rank, csvField(e.parameter), e.muStar, e.mu, e.sigma].join(',')).join('\n')}\n`;
}

/** sobol.csv: rank, parameter, S1 with its interval, ST with its interval (empty intervals without bootstrap). */
export function sobolCsv(study: SobolStudy): string {
  const n = (x: number) => (Number.isFinite(x) ? String(x) : '');
  return `rank,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high\n${study.indices.map((x) => [x.rank, csvField(x.parameter), n(x.first), n(x.firstLow), n(x.firstHigh), n(x.total), n(x.totalLow), n(x.totalHigh)].join(',')).join('\n')}\n`;
}

/** one-at-a-time.csv: per parameter, its low, data and high values and the outcome at each (the data's outcome is the same on every line). */
export function oneAtATimeCsv(study: OneAtATimeStudy): string {
  const lines = study.bars.map((b, i) => {
    const p = study.parameters[i];
    return [csvField(b.parameter), p.min, p.base, p.max, b.low, study.base, b.high].join(',');
  });
  return `parameter,value_low,value_base,value_high,output_low,output_base,output_high\n${lines.join('\n')}\n`;
}

/** The manifest of a sensitivity run folder: what was run, on which code and data; no clock time and no worker count. */
export function sensitivityManifest(run: SensitivityRun, params: Parameters, files: Readonly<Record<string, string>>) {
  const all = stages(run);
  const first = all[0];
  const { data, ...code } = provenance();
  return {
    ...code,
    sensitivity: {
      measure: first.measure,
      seed: first.run.seed,
      replicates: first.run.replicates,
      agents: first.run.households,
      start: formatMonth(REFERENCE_MONTH),
      runs: all.reduce((sum, s) => sum + s.run.runs, 0),
      morris: run.morris
        ? { trajectories: run.morris.design.trajectories, levels: run.morris.design.levels, delta: run.morris.design.delta, parameters: run.morris.parameters.map((p) => p.name), runs: run.morris.run.runs }
        : null,
      sobol: run.sobol
        ? { samples: run.sobol.design.n, top: run.top ?? null, bootstrap: run.sobol.bootstrap, confidence: run.sobol.confidence, parameters: run.sobol.parameters.map((p) => p.name), runs: run.sobol.run.runs }
        : null,
      oneAtATime: run.oneAtATime ? { parameters: run.oneAtATime.parameters.map((p) => p.name), runs: run.oneAtATime.run.runs } : null,
    },
    parameters: allParameters(run).map((p) => {
      const record = params.get(p.name as ParameterPath);
      return { path: p.name, label: p.label, unit: p.unit, file: p.file, value: p.base, range: { min: p.min, max: p.max }, references: record.references, reasoning: record.reasoning ?? null };
    }),
    parameterTree: { folder: params.folder, hash: params.hash },
    data,
    files: Object.fromEntries(
      Object.entries(files)
        .filter(([name]) => name.endsWith('.csv'))
        .map(([name, text]) => [name, { rows: text.split('\n').length - 2, sha256: sha256(text) }]),
    ),
  };
}

/** The charts of a run, in the order of the report: Morris, Sobol, one at a time. */
export function sensitivityCharts(run: SensitivityRun, lang: Lang): TopLevelSpec[] {
  return [
    ...(run.morris ? [morrisChart(run.morris, { lang })] : []),
    ...(run.sobol ? [sobolChart(run.sobol, { lang })] : []),
    ...(run.oneAtATime ? [oneAtATimeChart(run.oneAtATime, { lang })] : []),
  ];
}

/** Every file of the run folder, report.html in `lang`, manifest.json last. */
export function sensitivityFiles(run: SensitivityRun, params: Parameters, lang: Lang): Record<string, string> {
  const files: Record<string, string> = { 'design.csv': designCsv(run) };
  if (run.morris) files['morris.csv'] = morrisCsv(run.morris);
  if (run.sobol) files['sobol.csv'] = sobolCsv(run.sobol);
  if (run.oneAtATime) files['one-at-a-time.csv'] = oneAtATimeCsv(run.oneAtATime);
  const manifest = sensitivityManifest(run, params, files);
  files['report.html'] = sensitivityHtml(run, manifest, lang);
  files['manifest.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  return files;
}

/** report.html of a sensitivity run: the rankings, their charts, the parameters with their sources, provenance. Opens offline. */
export function sensitivityHtml(run: SensitivityRun, manifest: ReturnType<typeof sensitivityManifest>, lang: Lang): string {
  const t = TEXT[lang];
  const first = stages(run)[0];
  const m = first.measure;
  const locale = NUMBER_LOCALE[lang];
  const indicator = indicatorLabel(m.indicator, lang);
  const charts = sensitivityCharts(run, lang);
  let chart = 0;
  const figure = () => `<figure id="chart-${chart++}" class="chart"></figure>`;
  const sections: string[] = [];
  if (run.morris) {
    sections.push(`<h2>${escapeHtml(t.morris)}</h2>`, `<div class="ranked">${tableHtml(morrisTable(run.morris, lang, { labels: true }))}</div>`, `<p class="note">${escapeHtml(fill(t.morrisNote, { r: run.morris.design.trajectories, runs: run.morris.run.runs.toLocaleString(locale) }))}</p>`, figure());
  }
  if (run.sobol) {
    const from = run.top !== undefined ? fill(t.sobolFromTop, { top: run.top }) : '';
    sections.push(`<h2>${escapeHtml(t.sobol)}</h2>`, `<div class="ranked">${tableHtml(sobolTable(run.sobol, lang, { labels: true }))}</div>`, `<p class="note">${escapeHtml(`${from}${fill(t.sobolNote, { n: run.sobol.design.n, runs: run.sobol.run.runs.toLocaleString(locale), bootstrap: run.sobol.bootstrap.toLocaleString(locale), level: Math.round(run.sobol.confidence * 100) })}`)}</p>`, figure());
  }
  if (run.oneAtATime) sections.push(`<h2>${escapeHtml(t.oneAtATime)}</h2>`, `<p class="note">${escapeHtml(fill(t.oneAtATimeNote, { runs: run.oneAtATime.run.runs.toLocaleString(locale) }))}</p>`, figure());

  const parameterRows = manifest.parameters
    .map((p) => {
      const sources = p.references.map((r) => `<a href="${escapeHtml(r.href)}">${escapeHtml(r.title)}</a>`).join('<br>');
      return `<tr><th scope="row"><code>${escapeHtml(p.path)}</code><br>${escapeHtml(p.label)}</th><td>${escapeHtml(p.unit)}</td><td>${escapeHtml(`${p.range.min.toLocaleString(locale)} – ${p.range.max.toLocaleString(locale)}`)}</td><td>${escapeHtml(p.value.toLocaleString(locale))}</td><td class="source">${sources}</td></tr>`;
    })
    .join('\n');
  const summary = fill(t.summary, {
    group: groupLabel(m.group, lang),
    month: monthLabel(m.month, lang),
    agents: first.run.households.toLocaleString(locale),
    replicates: first.run.replicates,
    seed: String(first.run.seed),
    runs: manifest.sensitivity.runs.toLocaleString(locale),
  });
  return reportPage({ lang, title: fill(t.title, { indicator }), body: `<h1>${escapeHtml(fill(t.title, { indicator }))}</h1>
<p class="muted">${escapeHtml(summary)}</p>
<p class="note">${escapeHtml(t.uncertainty)}</p>
${sections.join('\n')}
<h2>${escapeHtml(t.parameters)}</h2>
<table class="parameters">
<thead><tr><th>${escapeHtml(t.parameter)}</th><th>${escapeHtml(t.unit)}</th><th>${escapeHtml(t.range)}</th><th>${escapeHtml(t.value)}</th><th>${escapeHtml(t.source)}</th></tr></thead>
<tbody>
${parameterRows}
</tbody>
</table>
`, charts: charts, howMade: t.howMade, provenance: `Graduasi ${manifest.version}, commit ${manifest.commit}, Node ${manifest.node}. ${t.provenance}`, commit: manifest.commit, style: `  th[scope="row"], thead th:first-child, td.source, .ranked td:nth-child(2), .ranked th:nth-child(2), table.parameters th:last-child { text-align: left; }
  td { white-space: normal; }
  .note { max-width: 60rem; }` });
}

/** The words of the tables and the report, in English and Bahasa Indonesia. `{name}` marks a place filled by `fill`. */
export const TEXT = {
  en: {
    title: 'Graduasi sensitivity study: {indicator}',
    summary:
      '{group}, {month}. Behaviour parameters varied over their plausible ranges (data/parameters/behaviour), each uniformly and independently; every other parameter at its value in the data. {agents} agents, {replicates} replicate(s) per point — the same population sample and random draws at every point (common random numbers) — seed {seed}; {runs} model runs.',
    uncertainty:
      "The indices describe the model's response to its behaviour parameters for this population sample and these draws. They do not include sampling noise between replicates, and the outcome at each point carries that noise; a parameter whose effect is below it may be ranked by chance. More replicates (--replicates) or agents (--households) shrink it.",
    morris: 'Morris screening',
    morrisNote:
      'μ*: mean absolute change of the outcome when the parameter moves by two thirds of its range, expressed per whole range; μ: the same with signs (μ near 0 beside a large μ* means the effect changes direction); σ: spread of the changes, large when the effect depends on the other parameters or is not linear. {r} trajectories, {runs} runs: a ranking, rough in its numbers.',
    sobol: 'Sobol indices',
    sobolFromTop: 'The {top} parameters with the highest μ*; the others at their value in the data. ',
    sobolNote:
      "S1 (first order): share of the outcome's variance over the parameters' ranges due to the parameter alone; ST (total order): with all its interactions. A parameter with ST near 0 can be fixed anywhere in its range without changing the outcome. N = {n} base rows, {runs} runs; intervals: {level} % bootstrap percentile intervals over the base rows ({bootstrap} resamples). Estimates can fall below 0 or above 1 by sampling error.",
    oneAtATime: 'One at a time',
    oneAtATimeNote: 'The outcome at the data’s values, and with each parameter alone at the low and at the high end of its range, the others at the data’s values ({runs} runs). It does not show interactions.',
    parameters: 'Parameters',
    parameter: 'Parameter',
    label: 'Label',
    first: 'S1 [{level} % interval]',
    total: 'ST [{level} % interval]',
    unit: 'Unit',
    range: 'Range',
    value: 'Value in the data',
    source: 'Sources',
    howMade: 'How these results were made',
    provenance: 'Settings, every parameter with its range and sources, data hashes and CSV hashes are in manifest.json beside this report; every point run is in design.csv.',
    notAvailable: 'n/a',
  },
  id: {
    title: 'Graduasi, studi sensitivitas: {indicator}',
    summary:
      '{group}, {month}. Parameter perilaku divariasikan dalam rentang wajarnya (data/parameters/behaviour), masing-masing seragam dan saling bebas; parameter lain pada nilainya dalam data. {agents} agen, {replicates} replikasi per titik — sampel populasi dan bilangan acak yang sama di setiap titik (common random numbers) — seed {seed}; {runs} simulasi model.',
    uncertainty:
      'Indeks ini menggambarkan tanggapan model terhadap parameter perilakunya untuk sampel populasi dan bilangan acak ini. Indeks tidak memuat derau sampel antar-replikasi, dan hasil di setiap titik membawa derau itu; parameter yang pengaruhnya lebih kecil dari derau itu bisa berperingkat karena kebetulan. Lebih banyak replikasi (--replicates) atau agen (--households) mengecilkannya.',
    morris: 'Penyaringan Morris',
    morrisNote:
      'μ*: rata-rata perubahan absolut hasil ketika parameter bergeser dua pertiga rentangnya, dinyatakan per seluruh rentang; μ: sama dengan tanda (μ mendekati 0 di samping μ* yang besar berarti arah pengaruhnya berubah); σ: sebaran perubahan, besar bila pengaruhnya bergantung pada parameter lain atau tidak linear. {r} trayektori, {runs} simulasi: sebuah peringkat, kasar dalam angkanya.',
    sobol: 'Indeks Sobol',
    sobolFromTop: '{top} parameter dengan μ* tertinggi; parameter lain pada nilainya dalam data. ',
    sobolNote:
      'S1 (orde pertama): bagian dari varians hasil dalam rentang parameter yang berasal dari parameter itu sendiri; ST (orde total): bersama semua interaksinya. Parameter dengan ST mendekati 0 dapat ditetapkan di mana saja dalam rentangnya tanpa mengubah hasil. N = {n} baris dasar, {runs} simulasi; interval: interval persentil bootstrap {level} % atas baris dasar ({bootstrap} pengambilan ulang). Taksiran bisa di bawah 0 atau di atas 1 karena galat sampel.',
    oneAtATime: 'Satu per satu',
    oneAtATimeNote: 'Hasil pada nilai data, dan dengan tiap parameter sendiri di batas bawah dan batas atas rentangnya, parameter lain pada nilai data ({runs} simulasi). Interaksi tidak terlihat.',
    parameters: 'Parameter',
    parameter: 'Parameter',
    label: 'Label (bahasa Inggris)',
    first: 'S1 [interval {level} %]',
    total: 'ST [interval {level} %]',
    unit: 'Satuan',
    range: 'Rentang',
    value: 'Nilai dalam data',
    source: 'Sumber',
    howMade: 'Cara hasil ini dibuat',
    provenance: 'Pengaturan, setiap parameter dengan rentang dan sumbernya, hash data dan hash CSV ada di manifest.json di samping laporan ini; setiap titik yang dijalankan ada di design.csv.',
    notAvailable: 't/a',
  },
} as const satisfies { readonly [L in Lang]: Record<string, string> };
