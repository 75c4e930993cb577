/**
 * What src/notebook shows, built outside a kernel: a chart is one bundle of Vega-Lite v5, SVG drawn
 * in Node and its title; a table escapes every header and cell; progress reads as a sentence; and
 * the display functions refuse to run outside the project's kernel.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { VEGA_LITE_MIME, chart, chartBundle, chartTitle, headline, headlineBundle, progress, progressBundle, table, tableBundle } from '../../src/notebook/index';
import { runExperiment } from '../../src/experiment/index';
import { loadParameters } from '../../src/parameters/load';
import { resolveScenarios } from '../../src/scenarios/load';
import { headlines } from '../../src/report/headline';

const LINE: TopLevelSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  title: { text: 'Extreme poverty rate (%)', subtitle: 'Mean of 2 replicates' },
  data: { values: [{ month: '2022-03', p: 2.1 }, { month: '2022-04', p: 2.0 }] },
  mark: 'line',
  encoding: { x: { field: 'month', type: 'temporal' }, y: { field: 'p', type: 'quantitative' } },
};

describe('a chart', () => {
  it('is one bundle of the Vega-Lite v5 spec, its SVG and its title', async () => {
    const { data } = await chartBundle(LINE);
    expect(Object.keys(data)).toEqual([VEGA_LITE_MIME, 'image/svg+xml', 'text/plain']);
    expect(VEGA_LITE_MIME).toBe('application/vnd.vegalite.v5+json');
    expect(data[VEGA_LITE_MIME]).toBe(LINE);
    expect(data['text/plain']).toBe('Extreme poverty rate (%)\nMean of 2 replicates');
  });

  it('is drawn to SVG in the kernel, marks and texts included', async () => {
    const svg = String((await chartBundle(LINE)).data['image/svg+xml']);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toMatch(/class="mark-line role-mark marks"[\s\S]*<path/);
    expect(svg).toContain('>Extreme poverty rate (%)<');
  });

  it.each([
    ['a plain title', 'Households', 'Households'],
    ['a title of lines', ['Households', 'by phase'], 'Households by phase'],
    ['a title with a subtitle', { text: 'Households', subtitle: 'national' }, 'Households\nnational'],
    ['no title', undefined, 'Vega-Lite chart'],
  ])('is named in text by its title: %s', (_, title, text) => {
    expect(chartTitle({ ...LINE, title } as TopLevelSpec)).toBe(text);
  });
});

describe('a table', () => {
  const rows = [
    { scenario: '<script>alert("x")</script>', mean: 0.02, note: "Tom & Jerry's" },
    { scenario: 'budget-cut-20', mean: 0.021, note: null },
  ];

  it('escapes every header and cell in HTML', () => {
    const html = String(tableBundle([{ '<b>key</b>': 'a & b' }]).data['text/html']);
    expect(html).toContain('<th>&lt;b&gt;key&lt;/b&gt;</th>');
    expect(html).toContain('<td>a &amp; b</td>');
    const body = String(tableBundle(rows).data['text/html']);
    expect(body).toContain('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>');
    expect(body).toContain('<td>Tom &amp; Jerry&#39;s</td>');
    expect(body).not.toContain('<script>');
  });

  it('shows the columns asked for, in order, numbers set right and nothing for null', () => {
    const html = String(tableBundle(rows, ['note', 'mean']).data['text/html']);
    expect(html).toContain('<thead><tr><th>note</th><th>mean</th></tr></thead>');
    expect(html).toContain('<tr><td></td><td style="text-align: right">0.021</td></tr>');
  });

  it('has every key of the rows as a column by default, in the order first met', () => {
    const html = String(tableBundle([{ a: 1 }, { b: 2, a: 3 }]).data['text/html']);
    expect(html).toContain('<thead><tr><th>a</th><th>b</th></tr></thead>');
  });

  it('is also text, for a terminal', () => {
    expect(tableBundle(rows, ['scenario', 'mean']).data['text/plain']).toBe(
      ['scenario                      mean', '───────────────────────────  ─────', '<script>alert("x")</script>   0.02', 'budget-cut-20                0.021'].join('\n'),
    );
  });

  it('shows at most maxRows rows and says how many there were', () => {
    const many = Array.from({ length: 250 }, (_, k) => ({ k }));
    const { data } = tableBundle(many);
    expect(String(data['text/html']).match(/<tr>/g)).toHaveLength(1 + 100);
    expect(data['text/html']).toContain('<p>100 of 250 rows shown</p>');
    expect(String(data['text/plain']).endsWith('\n100 of 250 rows shown')).toBe(true);
    expect(String(tableBundle(many, ['k'], { maxRows: 5 }).data['text/html']).match(/<tr>/g)).toHaveLength(1 + 5);
  });
});

describe('progress', () => {
  it.each([
    ['before the first step', undefined, undefined, 'Runs: starting', '<progress></progress>'],
    ['before the pace is known', { done: 0, total: 8, elapsed: 3 }, undefined, 'Runs: 0 of 8 done, 0:03 elapsed', '<progress value="0" max="8"></progress>'],
    ['on the way', { done: 2, total: 8, elapsed: 30 }, 90, 'Runs: 2 of 8 done, 0:30 elapsed, 1:30 left', '<progress value="2" max="8"></progress>'],
    ['between runs, by the months stepped', { done: 2, total: 8, elapsed: 30, share: 0.3 }, 70, 'Runs: 2 of 8 done (30 %), 0:30 elapsed, 1:10 left', '<progress value="0.300" max="1"></progress>'],
    ['at the end, without the time (a rerun saves the same notebook)', { done: 8, total: 8, elapsed: 125, share: 1 }, 0, 'Runs: 8 of 8 done', '<progress value="8" max="8"></progress>'],
  ])('reads as a sentence %s', (_, p, left, text, bar) => {
    const { data } = progressBundle('Runs', p, left);
    expect(data['text/plain']).toBe(text);
    expect(data['text/html']).toBe(`<div>${bar} ${text}</div>`);
  });

  it('escapes its label', () => {
    expect(progressBundle('<i>Runs</i>').data['text/html']).toContain('&lt;i&gt;Runs&lt;/i&gt;: starting');
  });
});

describe('headline numbers', () => {
  it('show the tables graduasi compare prints: labels in HTML, ids in text, the numbers of the run', async () => {
    const parameters = loadParameters();
    const scenarios = resolveScenarios(['assistance-only', 'budget-cut-20'], parameters);
    const run = await runExperiment({ parameters, scenarios: scenarios, replicates: 2, seed: 4, end: '2023-03', households: 20_000, reference: 'assistance-only' });
    const bundle = headlineBundle(run, 'id');
    const html = bundle.data['text/html'] as string;
    const text = bundle.data['text/plain'] as string;
    expect(html).toContain('<th scope="row">Anggaran PKH dan BPNT dipotong 20 % mulai 2023</th>');
    expect(text).toMatch(/^budget-cut-20 /m);
    expect(text).toContain('Miskin ekstrem 2023-03 (%)');
    const cut = headlines(run.rows, 'assistance-only').find((h) => h.scenario === 'budget-cut-20')!;
    const level = (100 * cut.extremePoverty.at(-1)!.level.mean).toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(text).toContain(level);
    expect(() => headline(run, 'en')).toThrow(/not in a notebook kernel/);
  });
});

describe('outside the kernel', () => {
  const refusal = /not in a notebook kernel: src\/notebook displays only in the project's tslab kernel/;
  it.each([
    ['table', () => table([{ a: 1 }])],
    ['progress', () => progress('Runs')],
  ])('%s refuses and says why', (_, show) => {
    expect(show).toThrow(refusal);
  });

  it('chart refuses and says why', async () => {
    await expect(chart(LINE)).rejects.toThrow(refusal);
  });
});
