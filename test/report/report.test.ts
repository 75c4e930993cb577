/// <reference lib="dom" />
/**
 * report.html: self-contained (no request leaves the page) and its charts render in a real
 * headless Chromium; the headline table shows the experiment's numbers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/index';
import type { Experiment } from '../../src/experiment/index';
import { loadParameters } from '../../src/parameters/load';
import { escapeHtml, reportCharts, reportHtml } from '../../src/report/html';
import { keyFindings } from '../../src/report/findings';
import { baselineHistory, historyCharts, historyTable } from '../../src/report/history';
import { readRun, writeExperiment } from '../../src/report/run';
import { resolveScenarios } from '../../src/scenarios/load';
import { sha256 } from '../../src/run/results';
import { offlinePage, openBrowser } from '../support/browser';

let experiment: Experiment;
let browser: Awaited<ReturnType<typeof openBrowser>>;
const dir = mkdtempSync(join(tmpdir(), 'graduasi-report-'));
/** A user's scenario file: a smaller cut than budget-cut-20, with a dated value of its own. */
const USER_SCENARIO = `id: budget-cut-10
label:
  en: Budget cut of 10 %
  id: Pemotongan anggaran 10 %
rationale:
  en: Half the cut of budget-cut-20.
  id: Separuh pemotongan budget-cut-20.
extends: budget-cut-20
patch:
  policy.pkh.budget:
    2023-01-01: 25000000000000
`;
const userFile = join(dir, 'budget-cut-10.yaml');
const COMMAND = ['graduasi', 'compare', 'assistance-only', 'graduation-push-under-40', 'budget-cut-20', userFile, '--replicates', '2'];

beforeAll(async () => {
  writeFileSync(userFile, USER_SCENARIO);
  const parameters = loadParameters();
  const scenarios = resolveScenarios(['assistance-only', 'graduation-push-under-40', 'budget-cut-20', userFile], parameters);
  experiment = await runExperiment({ parameters, scenarios, replicates: 2, seed: 3, end: '2024-06', households: 20_000, reference: 'assistance-only', command: COMMAND });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('report.html', () => {
  it.each(['en', 'id'] as const)('renders every chart offline in headless Chromium (%s)', async (lang) => {
    const html = reportHtml(experiment, lang);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=["']?https?:/i);
    const file = join(dir, `report-${lang}.html`);
    writeFileSync(file, html);

    const { page, outside, errors } = await offlinePage(browser.context);
    await page.goto(pathToFileURL(file).href);
    const charts = reportCharts(experiment.manifest, experiment.summary, lang).length + historyCharts(baselineHistory(experiment.rows)!, experiment.summary, lang).length;
    expect(charts).toBe(6 + 3);
    await page.waitForFunction((n) => document.querySelectorAll('figure.chart svg').length === n, charts, { timeout: 180_000 });
    const marks = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => s.querySelectorAll('path, rect, line, symbol').length));
    expect(marks.every((n) => n > 10)).toBe(true);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    const firstTitle = await page.$eval('figure.chart svg', (s) => s.textContent ?? '');
    expect(firstTitle).toContain(lang === 'id' ? 'kemiskinan ekstrem' : 'xtreme poverty');
    await page.close();
  });

  it('shows the headline numbers of the experiment', () => {
    const html = reportHtml(experiment, 'en');
    const p0 = experiment.rows.filter((r) => r.scenario === 'budget-cut-20' && r.month === '2024-03' && r.indicator === 'p0_extreme' && r.group === 'national').map((r) => r.value);
    const mean = (100 * (p0[0] + p0[1])) / 2;
    expect(html).toContain(`<td>${mean.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} [`);
    expect(html).toContain('Extreme poor 2024-03 (%)');
    expect(html).toContain('<code>budget-cut-20</code>');
  });

  it.each(['en', 'id'] as const)('opens with the key findings of the run (%s)', (lang) => {
    const html = reportHtml(experiment, lang);
    const labels = new Map(experiment.manifest.scenarios.map((s) => [s.id, s.label[lang]]));
    const findings = keyFindings({ rows: experiment.rows, summary: experiment.summary, scenarios: experiment.scenarios.map((s) => s.id), reference: 'assistance-only', labels }, lang);
    expect(findings).toHaveLength(4);
    const at = html.indexOf(`<h2 id="findings">${lang === 'en' ? 'Key findings' : 'Temuan utama'}</h2>`);
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(html.indexOf(`<h2>${lang === 'en' ? 'Headline numbers' : 'Angka utama'}</h2>`));
    for (const f of findings) expect(html).toContain(`<li>${escapeHtml(f)}</li>`);
  });

  it.each([
    ['en', 'PKH budget <code>policy.pkh.budget</code>: from 2023-01-01: <strong>Rp 25 T a year</strong> <span class="muted">(data: Rp 28.1 T a year)</span>; from 2024-01-01: <strong>Rp 22.71 T a year</strong>'],
    ['id', '<code>policy.pkh.budget</code>: mulai 2023-01-01: <strong>Rp 25 T per tahun</strong> <span class="muted">(data: Rp 28,1 T per tahun)</span>'],
  ] as const)("lists what a user's scenario changes, beside the data's values (%s)", (lang, pkh) => {
    const html = reportHtml(experiment, lang);
    const user = html.slice(html.indexOf('<code>budget-cut-10</code>'));
    // Its own value for 2023 wins over budget-cut-20's; 2024 and the BPNT budget come from budget-cut-20.
    expect(user.slice(0, user.indexOf('</li>\n</ul>'))).toContain(pkh);
    expect(user).toContain('<code>policy.bpnt.budget</code>');
    // From the run folder alone (no parameter tree at hand) the list is left out, not guessed.
    expect(reportHtml({ ...experiment, parameters: undefined }, lang)).not.toContain('<ul class="changes">');
  });

  it.each([
    ['en', 'Half the cut of budget-cut-20.', 'Separuh pemotongan'],
    ['id', 'Separuh pemotongan budget-cut-20.', 'Half the cut'],
  ] as const)('gives each rationale in the language of the report, built-in or from a file (%s)', (lang, user, other) => {
    const html = reportHtml(experiment, lang);
    for (const s of experiment.scenarios.slice(0, 3)) expect(html).toContain(escapeHtml(s.rationale[lang]));
    expect(html).toContain(`<br>${user}`);
    expect(html).not.toContain(other);
  });

  it('says how many replicates the bands come from, and warns below 10', () => {
    expect(reportHtml(experiment, 'en')).toContain('mean [5th–95th percentile over 2 replicates]');
    expect(reportHtml(experiment, 'en')).toContain('<p class="warning">Each band comes from only 2 replicates, fewer than 10');
    const ten = { ...experiment, manifest: { ...experiment.manifest, experiment: { ...experiment.manifest.experiment, replicates: 10 } } };
    expect(reportHtml(ten, 'en')).not.toContain('class="warning"');
  });
});

describe('the section "The baseline beside the record"', () => {
  it.each([
    ['en', 'The baseline beside the record', 'model ÷ official', 'outside the run', 'not modelled'],
    ['id', 'Baseline di samping data resmi', 'model ÷ resmi', 'di luar simulasi', 'tidak dimodelkan'],
  ] as const)('%s: its title, the ratio chart and every figure of the record in the table, each with a status', (lang, title, chart, outside, notModelled) => {
    const html = reportHtml(experiment, lang);
    const history = baselineHistory(experiment.rows)!;
    expect(html).toContain(`<h2 id="history">${title}</h2>`);
    expect(html).toContain(chart);
    const table = historyTable(history, lang);
    expect(table.rows).toHaveLength(history.length);
    expect(html).toContain(outside);
    expect(html).toContain(notModelled);
    // PKH families of 2022: official 10.00 beside the baseline's December 2022 mean over the two replicates.
    const pkh = history.find((r) => r.figure.id === 'pkh_families_2022')!;
    const dec = experiment.rows.filter((r) => r.scenario === 'assistance-only' && r.month === '2022-12' && r.indicator === 'pkh_households' && r.group === 'national').map((r) => r.value);
    expect(pkh.model!.mean).toBeCloseTo((dec[0] + dec[1]) / 2, 6);
    expect(pkh.ratio).toBeCloseTo((dec[0] + dec[1]) / 2 / 10e6, 10);
  });

  it('is absent from the report of a run without the baseline', () => {
    const rows = experiment.rows.filter((r) => r.scenario !== 'assistance-only');
    expect(baselineHistory(rows)).toBeNull();
    expect(reportHtml({ ...experiment, rows }, 'en')).not.toContain('id="history"');
  });
});

describe('the manifest', () => {
  it('records the command and the SHA-256 of each scenario file (none for a built-in)', () => {
    expect(experiment.manifest.command).toEqual(COMMAND);
    expect(experiment.manifest.scenarios.map((s) => s.sha256)).toEqual([null, null, null, sha256(USER_SCENARIO)]);
  });
});

describe('a run folder read back', () => {
  it.each(['results.csv', 'summary.csv'] as const)('%s changed after the run is refused, naming the file and both hashes', (name) => {
    const folder = join(dir, `changed-${name}`);
    writeExperiment(folder, experiment, 'en');
    const file = join(folder, name);
    const recorded = readFileSync(file);
    const changed = Buffer.from(recorded.toString('utf8').replace(/\n([^\n]*?),(-?[\d.e-]+)\n/, (_, row: string, value: string) => `\n${row},${Number(value) + 1}\n`));
    expect(changed.equals(recorded)).toBe(false);
    writeFileSync(file, changed);
    const field = name === 'results.csv' ? 'results' : 'summary';
    expect(() => readRun(folder)).toThrow(`${file}: expected the file the run wrote, SHA-256 ${sha256(recorded)} (manifest.json: ${field}.sha256), got a file changed since, SHA-256 ${sha256(changed)}`);
    writeFileSync(file, recorded);
    expect(readRun(folder).rows).toHaveLength(experiment.rows.length);
  });

  it('a manifest.json that is not JSON is refused, naming it', () => {
    const folder = join(dir, 'corrupt-manifest');
    writeExperiment(folder, experiment, 'en');
    writeFileSync(join(folder, 'manifest.json'), '{"model": "graduasi",');
    expect(() => readRun(folder)).toThrow(`${join(folder, 'manifest.json')}: expected valid JSON, the manifest of a graduasi run or compare, got`);
  });

  it('a folder written before scenario labels were { en, id } (label and label_id) reads with both', () => {
    const folder = join(dir, 'older-run');
    writeExperiment(folder, experiment, 'en');
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    manifest.scenarios = manifest.scenarios.map((s: { label: { en: string; id: string } }) => ({ ...s, label: s.label.en, label_id: s.label.id }));
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
    const run = readRun(folder);
    expect(run.manifest.scenarios.map((s) => s.label)).toEqual(experiment.scenarios.map((s) => s.label));
    expect(reportHtml(run, 'id')).toContain(experiment.scenarios[2].label.id);
  });
});
