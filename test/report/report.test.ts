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
import { reportCharts, reportHtml } from '../../src/report/html';
import { baselineHistory, historyCharts, historyTable } from '../../src/report/history';
import { readRun, writeExperiment } from '../../src/report/run';
import { resolveScenarios } from '../../src/scenarios/load';
import { offlinePage, openBrowser } from '../support/browser';

let experiment: Experiment;
let browser: Awaited<ReturnType<typeof openBrowser>>;
const dir = mkdtempSync(join(tmpdir(), 'graduasi-report-'));

beforeAll(async () => {
  const parameters = loadParameters();
  const scenarios = resolveScenarios(['assistance-only', 'graduation-push-under-40', 'budget-cut-20'], parameters);
  experiment = await runExperiment({ parameters, scenarios, replicates: 2, seed: 3, end: '2024-06', households: 20_000, reference: 'assistance-only' });
  browser = await openBrowser();
}, 120_000);

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
    expect(charts).toBe(5 + 3);
    await page.waitForFunction((n) => document.querySelectorAll('figure.chart svg').length === n, charts, { timeout: 30_000 });
    const marks = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => s.querySelectorAll('path, rect, line, symbol').length));
    expect(marks.every((n) => n > 10)).toBe(true);
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    const firstTitle = await page.$eval('figure.chart svg', (s) => s.textContent ?? '');
    expect(firstTitle).toContain(lang === 'id' ? 'kemiskinan ekstrem' : 'xtreme poverty');
    await page.close();
  }, 60_000);

  it('shows the headline numbers of the experiment', () => {
    const html = reportHtml(experiment, 'en');
    const p0 = experiment.rows.filter((r) => r.scenario === 'budget-cut-20' && r.month === '2024-03' && r.indicator === 'p0_extreme' && r.group === 'national').map((r) => r.value);
    const mean = (100 * (p0[0] + p0[1])) / 2;
    expect(html).toContain(`<td>${mean.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} [`);
    expect(html).toContain('Extreme poor 2024-03 (%)');
    expect(html).toContain('<code>budget-cut-20</code>');
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

describe('a run folder read back', () => {
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
