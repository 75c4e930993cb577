/**
 * report.html: one self-contained page per run — the headline table, the key charts (Vega-Lite v5,
 * rendered in the page by vega-embed) and the scenarios — that opens offline: the vega, vega-lite
 * and vega-embed builds are inlined from node_modules, nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';
import { differenceOverTime, graduationsOverTime, phasesOverTime, povertyOverTime, provinceRanking, scenarioLabels, spendAndGraduations } from '../charts/index';
import { uncertaintyOf } from '../experiment/index';
import type { ExperimentManifest } from '../experiment/index';
import type { ResultRow } from '../run/results';
import type { SummaryRow } from '../observe/summary';
import { headlines } from './headline';
import { baselineOf, findingsHeading, keyFindings } from './findings';
import { headlineTables } from './table';
import type { Table } from './table';
import { ENOUGH_REPLICATES, TEXT } from './text';
import { BASELINE, HISTORY_TEXT, baselineHistory, historyCharts, historyCounts, historyTable } from './history';
import type { HistoryRow } from '../history/index';
import type { Lang } from '../lang/index';
import { CALIBRATED } from '../scenarios/load';
import { patchChanges } from '../scenarios/describe';
import type { Parameters } from '../parameters/types';

const require = createRequire(import.meta.url);

/** The browser builds the page needs, in load order: package and file inside it. */
const LIBRARIES = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
] as const;

/** The folder of an installed package: node_modules/<name> above its entry (its package.json may not be exported). */
function packageFolder(name: string): string {
  const entry = require.resolve(name);
  const marker = `${sep}node_modules${sep}${name}${sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`cannot find the folder of the installed package ${name} (entry ${entry})`);
  return entry.slice(0, at + marker.length);
}

let scripts: string | undefined;
function inlineLibraries(): string {
  scripts ??= LIBRARIES.map(([name, file]) => `<script>${readFileSync(join(packageFolder(name), file), 'utf8').replace(/<\/script/gi, '<\\/script')}</script>`).join('\n');
  return scripts;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The scenario whose pathway and provinces the report shows: the first that is not the baseline (the reference, else assistance-only, which has no pathway). */
function focusScenario(manifest: ExperimentManifest): string {
  const ids = manifest.scenarios.map((s) => s.id);
  const baseline = baselineOf(ids, manifest.experiment.reference ?? undefined);
  return ids.find((id) => id !== baseline) ?? ids[0];
}

/** The charts of a run, in the order they appear. */
export function reportCharts(manifest: ExperimentManifest, summary: readonly SummaryRow[], lang: Lang): TopLevelSpec[] {
  const scenarios = scenarioLabels(manifest.scenarios, lang);
  const focus = focusScenario(manifest);
  const reference = manifest.experiment.reference;
  const lastMarch = [...new Set(summary.map((r) => r.month))].filter((m) => m.endsWith('-03')).sort().at(-1);
  return [
    povertyOverTime(summary, { lang, scenarios }),
    ...(reference ? [differenceOverTime(summary, { lang, scenarios })] : []),
    phasesOverTime(summary, { lang, scenarios, scenario: focus }),
    graduationsOverTime(summary, { lang, scenarios, scenario: focus }),
    spendAndGraduations(summary, { lang, scenarios }),
    ...(lastMarch ? [provinceRanking(summary, { lang, scenarios, scenario: focus, month: lastMarch })] : []),
  ];
}

/** A headline table as an HTML table, every cell escaped; the first column as row headers. */
export function tableHtml(table: Table): string {
  const head = `<tr>${table.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = table.rows.map((r) => `<tr>${r.map((c, k) => (k === 0 ? `<th scope="row">${escapeHtml(c)}</th>` : `<td>${escapeHtml(c)}</td>`)).join('')}</tr>`).join('\n');
  const caption = table.caption ? `<caption>${escapeHtml(table.caption)}</caption>\n` : '';
  return `<table>\n${caption}<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/**
 * What a scenario of the manifest changes, in words, beside the data's values (describe.ts, as
 * `graduasi show` prints it); nothing without the parameter tree the run patched.
 */
function changesHtml(s: ExperimentManifest['scenarios'][number], parameters: Parameters | undefined, lang: Lang): string {
  if (!parameters) return '';
  const changes = patchChanges(s.changes ?? s.patch, parameters, lang);
  if (changes.length === 0) return `<br><span class="muted">${escapeHtml(TEXT[lang].changesNothing)}</span>`;
  const items = changes.map((c) => {
    const values = c.values.map((v) => `${escapeHtml(TEXT[lang].from)} ${escapeHtml(v.date)}: <strong>${escapeHtml(v.value)}</strong> <span class="muted">(${escapeHtml(v.data)})</span>`).join('; ');
    return `<li>${escapeHtml(c.label)} <code>${escapeHtml(c.path)}</code>: ${values}</li>`;
  });
  return `\n<ul class="changes">\n${items.join('\n')}\n</ul>`;
}

/** The values a run's scenarios were resolved on: the calibration when it is the root of their lineage. */
function parameterSetOf(manifest: ExperimentManifest): 'calibrated' | 'data' {
  return manifest.scenarios.every((s) => s.lineage[0] === CALIBRATED) ? 'calibrated' : 'data';
}

/** What a report is made of. */
export interface RunData {
  readonly manifest: ExperimentManifest;
  readonly rows: readonly ResultRow[];
  readonly summary: readonly SummaryRow[];
  /**
   * The parameter tree the run patched, when it is at hand (its hash the manifest's): the report then
   * lists what each scenario changes, in words, beside the data's values.
   */
  readonly parameters?: Parameters;
}

/** The report of a run (an experiment just run, or one read back from its folder). */
export function reportHtml(run: RunData, lang: Lang): string {
  const { manifest, rows, summary } = run;
  const t = TEXT[lang];
  const e = manifest.experiment;
  const reference = e.reference ?? undefined;
  const names = new Map(manifest.scenarios.map((s) => [s.id, s.label[lang]]));
  const tables = headlineTables(headlines(rows, reference), names, lang, reference).map(tableHtml).join('\n');
  const charts = reportCharts(manifest, summary, lang);
  const findings = keyFindings({ rows, summary, scenarios: manifest.scenarios.map((s) => s.id), reference, labels: names }, lang);
  const scenarioList = manifest.scenarios
    .map((s) => {
      const name = s.label[lang];
      const parents = s.lineage.filter((id) => id !== CALIBRATED);
      const parent = parents.length > 1 ? ` <span class="muted">(${t.extends} ${escapeHtml(parents.at(-2)!)})</span>` : '';
      const ref = s.id === reference ? ` <span class="muted">— ${t.reference}</span>` : '';
      return `<li><strong>${escapeHtml(name)}</strong> <code>${escapeHtml(s.id)}</code>${parent}${ref}<br>${escapeHtml(s.rationale[lang])}${changesHtml(s, run.parameters, lang)}</li>`;
    })
    .join('\n');
  const chartDivs = charts.map((_, k) => `<figure id="chart-${k}" class="chart"></figure>`).join('\n');
  const history = baselineHistory(rows);
  const recordCharts = history ? historyCharts(history, summary, lang) : [];

  return reportPage({ lang, title: t.title, body: `<h1>${escapeHtml(t.title)}</h1>
<p class="muted">${escapeHtml(t.runSummary({ start: e.start, end: e.end, replicates: e.replicates, agents: e.agents, seed: e.seed }))} ${escapeHtml(t.parameterSet(parameterSetOf(manifest)))}</p>
${findings.length ? `<h2 id="findings">${escapeHtml(findingsHeading(lang))}</h2>
<ul class="findings">
${findings.map((f) => `<li>${escapeHtml(f)}</li>`).join('\n')}
</ul>
<p class="note">${escapeHtml(t.band(uncertaintyOf(manifest), e.replicates))}.</p>
` : ''}<h2>${escapeHtml(t.headline)}</h2>
${tables}
<p class="note">${escapeHtml(t.band(uncertaintyOf(manifest), e.replicates))}. ${escapeHtml(t.columnsNote(reference === undefined ? undefined : (names.get(reference) ?? reference)))}</p>
<p class="note">${escapeHtml(t.bandNote(uncertaintyOf(manifest)))}</p>
${e.replicates < ENOUGH_REPLICATES ? `<p class="warning">${escapeHtml(t.fewReplicates(e.replicates))}</p>\n` : ''}<h2>${escapeHtml(t.charts)}</h2>
${chartDivs}
${history ? historySection(history, names.get(BASELINE) ?? BASELINE, charts.length, recordCharts.length, lang) : ''}<h2>${escapeHtml(t.scenarios)}</h2>
<ul class="scenarios">
${scenarioList}
</ul>
`, charts: [...charts, ...recordCharts], howMade: t.howMade, provenance: `Graduasi ${manifest.version}, commit ${manifest.commit}, Node ${manifest.node}. ${t.provenance}`, commit: manifest.commit });
}

/**
 * The section of report.html: title, what the columns mean, the counts, the charts (figures
 * `chart-<first>` on) and the table. `baseline` names the baseline scenario in the language.
 */
export function historySection(history: readonly HistoryRow[], baseline: string, first: number, charts: number, lang: Lang): string {
  const t = HISTORY_TEXT[lang];
  const replicates = history.find((r) => r.model !== null)?.model?.replicates ?? 0;
  const figures = Array.from({ length: charts }, (_, k) => `<figure id="chart-${first + k}" class="chart"></figure>`).join('\n');
  return `<h2 id="history">${escapeHtml(t.section)}</h2>
<p class="note">${escapeHtml(t.note(replicates, baseline))}</p>
<p class="note">${escapeHtml(historyCounts(history, lang))}</p>
${figures}
<div class="wide">
${tableHtml(historyTable(history, lang))}
</div>
`;
}

/** The base style of every report page; a page may add rules of its own. */
const STYLE = `  body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1f2933; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
  h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d9dee3; padding-bottom: 0.2rem; }
  table { border-collapse: collapse; font-size: 0.85rem; margin: 0.8rem 0; display: block; max-width: 100%; overflow-x: auto; }
  th[scope="row"] { min-width: 14rem; }
  caption { caption-side: top; text-align: left; color: #555; font-size: 0.8rem; padding-bottom: 0.3rem; max-width: 60rem; }
  th, td { border-bottom: 1px solid #e4e7eb; padding: 0.35rem 0.6rem; text-align: right; vertical-align: top; }
  td { white-space: nowrap; }
  th[scope="row"], thead th:first-child { text-align: left; }
  thead th { background: #f5f7fa; }
  .muted, .note { color: #616e7c; }
  .warning { font-size: 0.85rem; color: #7c4a03; background: #fff8e6; border-left: 3px solid #e8a33d; padding: 0.3rem 0.6rem; }
  .note { font-size: 0.85rem; }
  figure.chart { margin: 1.2rem 0; }
  ul.scenarios li { margin-bottom: 0.6rem; }
  ul.changes { font-size: 0.85rem; margin: 0.2rem 0 0; padding-left: 1.2rem; }
  ul.changes li { margin-bottom: 0.1rem; }
  ul.findings { padding-left: 1.2rem; }
  ul.findings li { margin-bottom: 0.4rem; }
  code { font-size: 0.85em; background: #f5f7fa; padding: 0 0.2em; }
  .wide { overflow-x: auto; }
  .wide th[scope="row"] { white-space: nowrap; font-weight: normal; }`;

/**
 * A self-contained report page: vega, vega-lite and vega-embed inlined, `body` (HTML; its
 * `<figure id="chart-k">` elements receive charts[k]), then how it was made. No request leaves it.
 */
export function reportPage(page: { lang: Lang; title: string; body: string; charts: readonly TopLevelSpec[]; howMade: string; provenance: string; commit: string; style?: string }): string {
  const provenance = escapeHtml(page.provenance).replace(escapeHtml(page.commit), `<code>${escapeHtml(page.commit)}</code>`);
  return `<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>
${STYLE}${page.style ? `\n${page.style}` : ''}
</style>
${inlineLibraries()}
</head>
<body>
${page.body}<h2>${escapeHtml(page.howMade)}</h2>
<p class="note">${provenance}</p>
<script>
  const specs = ${scriptJson(page.charts)};
  specs.forEach((spec, k) => vegaEmbed('#chart-' + k, spec, { renderer: 'svg', actions: false }).catch((error) => {
    document.getElementById('chart-' + k).textContent = String(error);
  }));
</script>
</body>
</html>
`;
}
