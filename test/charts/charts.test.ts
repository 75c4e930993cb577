/**
 * Every chart, in both languages, from the summary of a real experiment: the spec is valid
 * against the Vega-Lite v5 schema, compiles, draws marks in Node, and every text it shows is in
 * the language asked for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { backtestChart, differenceOverTime, flowsOverTime, phasesOverTime, povertyOverTime, provinceRanking, recordOverTime, recordRatios, spendAndCost, tornado } from '../../src/charts/index';
import type { Prediction } from '../../src/backtest/index';
import { loadRecord } from '../../src/calibration/targets';
import type { HistoryRow } from '../../src/history/index';
import type { SummaryRow } from '../../src/observe/summary';
import { NAMES, experimentSummary, renderSvg, schemaErrors, svgTexts } from './helpers';
import type { Lang } from '../../src/lang/index';

let summary: SummaryRow[];
beforeAll(() => {
  summary = experimentSummary();
});

const PARAMETERS = {
  en: ['Business failure hazard', 'PKH compliance', 'Return to capital'],
  id: ['Hazard kegagalan usaha', 'Kepatuhan PKH', 'Imbal hasil modal'],
};

/** The record beside a made-up run: figures from March 2022 to 2023 in span at 1.05 × the official value (a band of ± 2 %), earlier ones outside it. */
const HISTORY: HistoryRow[] = loadRecord().map((figure) => {
  const inSpan = figure.months[0] >= '2022-03' && figure.months.at(-1)! <= '2023-12' && !figure.indicator.startsWith('gini');
  const official = figure.value;
  return inSpan
    ? { figure, status: 'in span', official, model: { replicates: 2, mean: 1.05 * official, p05: 1.03 * official, p95: 1.07 * official, sd: 0.01 * official }, ratio: 1.05, z: 2.5, sd: figure.sd }
    : { figure, status: 'outside span', official, model: null, ratio: NaN, z: NaN, sd: NaN };
});

/** A made-up backtest: from March and September 2021, the model at 1.05 × BPS's poverty rate one and two rounds on (a band of ± 2 %). */
const PREDICTIONS: Prediction[] = ([['2021-03', 1, 'poverty_rate_2021_09'], ['2021-03', 2, 'poverty_rate_2022_03'], ['2021-09', 1, 'poverty_rate_2022_03']] as const).map(([origin, horizon, id]) => {
  const figure = loadRecord().find((t) => t.id === id)!;
  const official = figure.value;
  const row: HistoryRow = { figure, status: 'in span', official, model: { replicates: 2, mean: 1.05 * official, p05: 1.03 * official, p95: 1.07 * official, sd: 0.01 * official }, ratio: 1.05, z: 2.5, sd: figure.sd };
  return { origin, horizon, row, error: 0.05 * official, covered: false };
});

/** A chart of the summary in a language, and texts its drawing must show in English and in Indonesian. */
const CHARTS: ReadonlyArray<[string, (rows: SummaryRow[], lang: Lang) => TopLevelSpec, { readonly [L in Lang]: readonly string[] }]> = [
  [
    'povertyOverTime',
    (rows, lang) => povertyOverTime(rows, { lang, scenarios: NAMES[lang] }),
    {
      en: ['Extreme poverty rate (P0, USD 1.90 PPP line), national', 'Extreme poverty rate (% of persons)', 'Month', 'Scenario', 'Baseline', 'PKH budget cut'],
      id: ['Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP), nasional', 'Tingkat kemiskinan ekstrem (% penduduk)', 'Bulan', 'Skenario', 'Skenario dasar', 'Pemangkasan anggaran PKH'],
    },
  ],
  [
    'phasesOverTime, every scenario',
    (rows, lang) => phasesOverTime(rows, { lang, scenarios: NAMES[lang] }),
    {
      en: ['Households by phase of the graduation pathway, national', 'Households (millions)', 'Phase', 'Assistance only', 'Social recovery', 'Transition', 'Development', 'Graduated', 'PKH budget cut'],
      id: ['Rumah tangga menurut tahap jalur graduasi, nasional', 'Rumah tangga (juta)', 'Tahap', 'Bantuan sosial saja', 'Pemulihan sosial', 'Transisi', 'Pengembangan', 'Graduasi', 'Pemangkasan anggaran PKH'],
    },
  ],
  [
    'phasesOverTime, one scenario',
    (rows, lang) => phasesOverTime(rows, { lang, scenarios: NAMES[lang], scenario: 'cut' }),
    {
      en: ['Households by phase of the graduation pathway: PKH budget cut, national', 'Households (millions)', 'Month'],
      id: ['Rumah tangga menurut tahap jalur graduasi: Pemangkasan anggaran PKH, nasional', 'Rumah tangga (juta)', 'Bulan'],
    },
  ],
  [
    'flowsOverTime',
    (rows, lang) => flowsOverTime(rows, { lang, scenarios: NAMES[lang], scenario: 'cut' }),
    {
      en: ['Entries, graduations and relapses: PKH budget cut, national', 'Households per year (millions)', 'Year', 'Reason', 'Into assistance', 'Into social recovery', 'Graduations', 'Relapses', 'Relapsed into poverty', '2022: 10 months'],
      id: ['Masuk, graduasi dan kambuh: Pemangkasan anggaran PKH, nasional', 'Rumah tangga per tahun (juta)', 'Tahun', 'Alasan', 'Masuk bantuan sosial', 'Masuk pemulihan sosial', 'Graduasi', 'Kambuh (kembali miskin)', '2022: 10 bulan'],
    },
  ],
  [
    'differenceOverTime',
    (rows, lang) => differenceOverTime(rows, { lang, scenarios: NAMES[lang] }),
    {
      en: ['Extreme poverty rate (P0, USD 1.90 PPP line): difference from Baseline, national', 'Difference (percentage points)', 'PKH budget cut'],
      id: ['Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP): selisih terhadap Skenario dasar, nasional', 'Selisih (poin persentase)', 'Pemangkasan anggaran PKH'],
    },
  ],
  [
    'spendAndCost',
    (rows, lang) => spendAndCost(rows, { lang, scenarios: NAMES[lang] }),
    {
      en: ['Empowerment spending and cost per graduate, December 2023', 'Empowerment spending to date (Rp trillion)', 'Cost per graduate (Rp per household)', 'Baseline'],
      id: ['Belanja pemberdayaan dan biaya per graduasi, Desember 2023', 'Belanja pemberdayaan kumulatif (Rp triliun)', 'Biaya per graduasi (Rp per rumah tangga)', 'Skenario dasar'],
    },
  ],
  [
    'provinceRanking',
    (rows, lang) => provinceRanking(rows, { lang, scenarios: NAMES[lang], scenario: 'cut', month: '2023-03' }),
    {
      en: ['Extreme poverty rate (P0, USD 1.90 PPP line) by province: PKH budget cut, March 2023', 'Extreme poverty rate (% of persons)', 'Province', 'Papua'],
      id: ['Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP) menurut provinsi: Pemangkasan anggaran PKH, Maret 2023', 'Tingkat kemiskinan ekstrem (% penduduk)', 'Provinsi', 'Papua'],
    },
  ],
  [
    'recordRatios',
    (_, lang) => recordRatios(HISTORY, { lang }),
    {
      en: ['The baseline beside the record: model ÷ official', 'Model ÷ official (ratio)', 'outcome', 'input (poverty line)', 'PKH families (KPM), 2022-12', 'BLT BBM spending, sum 2022-09 – 2022-12'],
      id: ['Baseline di samping data resmi: model ÷ resmi', 'Model ÷ resmi (rasio)', 'hasil', 'masukan (garis kemiskinan)', 'Keluarga penerima PKH (KPM), 2022-12', 'Belanja BLT BBM, jumlah 2022-09 – 2022-12'],
    },
  ],
  [
    'recordOverTime',
    (rows, lang) => recordOverTime(rows, HISTORY, { lang, indicator: 'p0_national', scenario: 'baseline' }),
    {
      en: ['Poverty rate (P0, BPS national line), national: the model beside the record', 'Poverty rate (% of persons)', 'Model', 'Official'],
      id: ['Tingkat kemiskinan (P0, garis kemiskinan nasional BPS), nasional: model di samping data resmi', 'Tingkat kemiskinan (% penduduk)', 'Model', 'Resmi'],
    },
  ],
  [
    'backtestChart',
    (_, lang) => backtestChart(PREDICTIONS, loadRecord(), { lang }),
    {
      en: ['Backtest: Poverty rate (P0, BPS national line), predicted from each Susenas round', 'Poverty rate (% of persons)', 'From', 'March 2021', 'September 2021'],
      id: ['Uji balik: Tingkat kemiskinan (P0, garis kemiskinan nasional BPS), diprediksi dari setiap putaran Susenas', 'Tingkat kemiskinan (% penduduk)', 'Dari', 'Maret 2021', 'September 2021'],
    },
  ],
  [
    'tornado',
    (_, lang) =>
      tornado(
        PARAMETERS[lang].map((label, k) => ({ parameter: `behaviour.p${k}`, label, low: 0.02 - k * 0.001, high: 0.023 + k * 0.002 })),
        { lang, base: 0.021, month: '2023-12' },
      ),
    {
      en: ['Sensitivity: Extreme poverty rate (P0, USD 1.90 PPP line), December 2023', 'Extreme poverty rate (% of persons)', 'Parameter value', 'Low end of the range', 'High end of the range', ...PARAMETERS.en],
      id: ['Sensitivitas: Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP), Desember 2023', 'Tingkat kemiskinan ekstrem (% penduduk)', 'Nilai parameter', 'Batas bawah rentang', 'Batas atas rentang', ...PARAMETERS.id],
    },
  ],
];

describe.each(CHARTS)('%s', (_, chart, texts) => {
  it.each<Lang>(['en', 'id'])('in %s: is valid Vega-Lite v5, plain JSON, and draws marks with its texts in that language', async (lang) => {
    const spec = chart(summary, lang);
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    expect(schemaErrors(spec)).toEqual([]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);

    const svg = await renderSvg(spec);
    expect(svg).toMatch(/class="mark-(area|line|rect|rule)[^"]* role-mark/);
    expect(svg).toMatch(/<path[^>]* d="M/);
    const shown = svgTexts(svg);
    for (const text of texts[lang]) expect(shown).toContain(text);
    const other = lang === 'en' ? 'id' : 'en';
    expect(shown).not.toContain(texts[other][0]);
  });
});

describe('number and date formats follow the language', () => {
  it('tick labels use a decimal point in English and a decimal comma in Indonesian', async () => {
    const id = svgTexts(await renderSvg(povertyOverTime(summary, { lang: 'id' })));
    const en = svgTexts(await renderSvg(povertyOverTime(summary, { lang: 'en' }))); // drawn after: no Indonesian left behind
    const decimals = (texts: string[], mark: string) => texts.filter((t) => new RegExp(`^\\d+\\${mark}\\d+$`).test(t));
    expect(decimals(en, '.').length).toBeGreaterThan(0);
    expect(decimals(id, ',').map((t) => t.replace(',', '.'))).toEqual(decimals(en, '.'));
    expect(decimals(id, '.')).toEqual([]);
  });

  it('month labels are Indonesian in an Indonesian chart ("Okt", not "Oct")', async () => {
    const id = svgTexts(await renderSvg(differenceOverTime(summary, { lang: 'id' })));
    const months = id.filter((t) => /^[A-Z][a-z]{2} 20\d\d$/.test(t));
    expect(months.length).toBeGreaterThan(0);
    for (const m of months) expect(['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des']).toContain(m.slice(0, 3));
  });
});
