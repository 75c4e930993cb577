/**
 * The charts of a sensitivity study, from studies written out by hand (no model runs): valid
 * Vega-Lite v5 in both languages, drawn in Node with their texts, ranked as promised, in the units
 * their axes say; and the tables printed by `graduasi sensitivity`.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { morrisChart, oneAtATimeChart, parameterLabel, sobolChart } from '../../src/charts/index';
import { morrisTable, sobolTable } from '../../src/report/sensitivity';
import { tableRecords } from '../../src/report/table';
import { formatTable } from '../../src/report/table';
import type { StudyParameter } from '../../src/sensitivity/index';
import { renderSvg, schemaErrors, svgTexts, valuesOf } from '../charts/helpers';
import type { Lang } from '../../src/lang/index';

const PARAMETERS: StudyParameter[] = [
  { name: 'behaviour.business.monthly_return', min: 0.02, max: 0.1, base: 0.05, label: 'Monthly return on business capital', unit: 'share', file: 'data/parameters/behaviour/business/monthly_return.yaml' },
  { name: 'behaviour.graduation.voluntary', min: 0.05, max: 0.5, base: 0.2, label: 'Voluntary graduation (monthly probability)', unit: 'probability-per-month', file: 'data/parameters/behaviour/graduation/voluntary.yaml' },
  { name: 'behaviour.registry.exclusion_error', min: 0.15, max: 0.5, base: 0.3, label: 'Registry exclusion error', unit: 'share', file: 'data/parameters/behaviour/registry/exclusion_error.yaml' },
];
const MEASURE = { indicator: 'p0_extreme', group: 'national', month: '2030-03' };

const MORRIS = {
  parameters: PARAMETERS,
  measure: MEASURE,
  design: { trajectories: 20 } as never,
  run: { runs: 80, seconds: 1, replicates: 1, households: 20_000, seed: 1 },
  effects: [
    { parameter: 'behaviour.registry.exclusion_error', muStar: 0.0021, mu: 0.0021, sigma: 0.0004, rank: 1 },
    { parameter: 'behaviour.graduation.voluntary', muStar: 0.0003, mu: -0.0001, sigma: 0.0005, rank: 2 },
    { parameter: 'behaviour.business.monthly_return', muStar: 0, mu: 0, sigma: 0, rank: 3 },
  ],
};

const SOBOL = {
  parameters: PARAMETERS,
  measure: MEASURE,
  design: { n: 128 } as never,
  run: { runs: 640, seconds: 1, replicates: 1, households: 20_000, seed: 1 },
  confidence: 0.95,
  indices: [
    { parameter: 'behaviour.registry.exclusion_error', first: 0.82, firstLow: 0.7, firstHigh: 0.95, total: 0.9, totalLow: 0.8, totalHigh: 1.01, rank: 1 },
    { parameter: 'behaviour.graduation.voluntary', first: -0.01, firstLow: -0.05, firstHigh: 0.03, total: 0.08, totalLow: 0.05, totalHigh: 0.12, rank: 2 },
    { parameter: 'behaviour.business.monthly_return', first: 0, firstLow: 0, firstHigh: 0, total: 0, totalLow: 0, totalHigh: 0, rank: 3 },
  ],
};

const ONE_AT_A_TIME = {
  parameters: PARAMETERS,
  measure: MEASURE,
  base: 0.0101,
  bars: [
    { parameter: 'behaviour.business.monthly_return', low: 0.0101, high: 0.0101 },
    { parameter: 'behaviour.graduation.voluntary', low: 0.0102, high: 0.01 },
    { parameter: 'behaviour.registry.exclusion_error', low: 0.009, high: 0.0112 },
  ],
};

const json = (spec: TopLevelSpec): any => spec;

const CHARTS: ReadonlyArray<[string, (lang: Lang) => TopLevelSpec, { readonly [L in Lang]: readonly string[] }]> = [
  [
    'morrisChart',
    (lang) => morrisChart(MORRIS, { lang }),
    {
      en: ['Morris screening: Extreme poverty rate (P0, USD 1.90 PPP line), national, March 2030', 'Change per whole range (percentage points)', 'μ* (overall influence)', 'σ (non-linearity, interactions)', 'Registry exclusion error'],
      id: ['Penyaringan Morris: Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP), nasional, Maret 2030', 'Perubahan per seluruh rentang (poin persentase)', 'μ* (pengaruh keseluruhan)', 'Registry exclusion error (registry.exclusion_error)'],
    },
  ],
  [
    'sobolChart',
    (lang) => sobolChart(SOBOL, { lang }),
    {
      en: ['Sobol indices: Extreme poverty rate (P0, USD 1.90 PPP line), national, March 2030', 'Sobol index (share of variance)', 'First order (S1)', 'Total order (ST)', 'Voluntary graduation (monthly probability)'],
      id: ['Indeks Sobol: Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP), nasional, Maret 2030', 'Indeks Sobol (bagian dari varians)', 'Orde pertama (S1)', 'Orde total (ST)'],
    },
  ],
  [
    'oneAtATimeChart',
    (lang) => oneAtATimeChart(ONE_AT_A_TIME, { lang }),
    {
      en: ['Sensitivity: Extreme poverty rate (P0, USD 1.90 PPP line), March 2030', 'Extreme poverty rate (% of persons)', 'Registry exclusion error'],
      id: ['Sensitivitas: Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP), Maret 2030', 'Tingkat kemiskinan ekstrem (% penduduk)', 'Batas bawah rentang'],
    },
  ],
];

describe.each(CHARTS)('%s', (_, chart, texts) => {
  it.each<Lang>(['en', 'id'])('in %s: valid Vega-Lite v5, plain JSON, drawn with its texts in that language', async (lang) => {
    const spec = chart(lang);
    expect(schemaErrors(spec)).toEqual([]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    const shown = svgTexts(await renderSvg(spec));
    for (const text of texts[lang]) expect(shown).toContain(text);
    expect(shown).not.toContain(texts[lang === 'en' ? 'id' : 'en'][0]);
    expect(shown).not.toContain('undefined');
  });
});

describe('what the charts draw', () => {
  it('Sobol: parameters ranked by total order, S1 and ST with their intervals, as shares', () => {
    const spec = json(sobolChart({ ...SOBOL, indices: [...SOBOL.indices].reverse() }));
    const bars = spec.layer[0];
    expect(bars.layer[0].encoding.y.sort).toEqual(['Registry exclusion error', 'Voluntary graduation (monthly probability)', 'Monthly return on business capital']);
    expect(bars.data.values[2]).toEqual({ parameter: 'Voluntary graduation (monthly probability)', index: 'First order (S1)', value: -0.01, low: -0.05, high: 0.03 });
  });

  it('Sobol without bootstrap intervals draws no interval lines', () => {
    const indices = SOBOL.indices.map((x) => ({ ...x, firstLow: NaN, firstHigh: NaN, totalLow: NaN, totalHigh: NaN }));
    const spec = json(sobolChart({ ...SOBOL, indices }));
    expect(spec.layer[0].layer).toHaveLength(1);
    expect(schemaErrors(spec)).toEqual([]);
  });

  it('Morris: μ* and σ of a share in percentage points, ranked by μ*', () => {
    const spec = json(morrisChart(MORRIS));
    expect(spec.encoding.y.sort[0]).toBe('Registry exclusion error');
    expect(spec.data.values.slice(0, 2)).toEqual([
      { parameter: 'Registry exclusion error', statistic: 'μ* (overall influence)', value: 0.0021 * 100 },
      { parameter: 'Registry exclusion error', statistic: 'σ (non-linearity, interactions)', value: 0.0004 * 100 },
    ]);
  });

  it('the tornado names parameters like the other charts (it cuts long names short at 260 px)', () => {
    expect(valuesOf(oneAtATimeChart(ONE_AT_A_TIME, { lang: 'id' })).map((v) => v.label)).toContain('Registry exclusion error (registry.exclusion_error)');
  });

  it('a parameter is named by its label; in Bahasa Indonesia with its path', () => {
    expect(parameterLabel(PARAMETERS[0], 'en')).toBe('Monthly return on business capital');
    expect(parameterLabel(PARAMETERS[0], 'id')).toBe('Monthly return on business capital (business.monthly_return)');
  });

  it.each<[string, () => unknown, RegExp]>([
    ['a parameter of the results missing from the study', () => sobolChart({ ...SOBOL, parameters: PARAMETERS.slice(1) }), /^sobolChart: parameter behaviour.business.monthly_return has results but is not among the study's parameters/],
    ['no effects', () => morrisChart({ ...MORRIS, effects: [] }), /^morrisChart: the study has no effects/],
    ['an effect that is not a number', () => morrisChart({ ...MORRIS, effects: [{ ...MORRIS.effects[0], muStar: NaN }] }), /^morrisChart: parameter behaviour.registry.exclusion_error has μ\* NaN/],
  ])('refuses %s', (_, chart, message) => {
    expect(chart).toThrow(message);
  });
});

describe('the ranked tables', () => {
  it('Morris in percentage points, in the language’s number format', () => {
    expect(formatTable(morrisTable(MORRIS, 'en'))).toBe(
      [
        'Parameter                           μ* (percentage points)  μ (percentage points)  σ (percentage points)',
        '──────────────────────────────────  ──────────────────────  ─────────────────────  ─────────────────────',
        'behaviour.registry.exclusion_error                   0.210                  0.210                  0.040',
        'behaviour.graduation.voluntary                       0.030                 -0.010                  0.050',
        'behaviour.business.monthly_return                    0.000                  0.000                  0.000',
      ].join('\n'),
    );
    expect(morrisTable(MORRIS, 'id').rows[0]).toEqual(['behaviour.registry.exclusion_error', '0,210', '0,210', '0,040']);
  });

  it('Sobol with intervals, and as rows for a notebook table with the labels', () => {
    expect(sobolTable(SOBOL, 'en').rows[1]).toEqual(['behaviour.graduation.voluntary', '-0.01 [-0.05 – 0.03]', '0.08 [0.05 – 0.12]']);
    expect(tableRecords(sobolTable(SOBOL, 'id', { labels: true }))[0]).toEqual({
      Parameter: 'behaviour.registry.exclusion_error',
      'Label (bahasa Inggris)': 'Registry exclusion error (registry.exclusion_error)',
      'S1 [interval 95 %]': '0,82 [0,70 – 0,95]',
      'ST [interval 95 %]': '0,90 [0,80 – 1,01]',
    });
  });
});
