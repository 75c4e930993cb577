/**
 * The baseline beside the record, as a table and a section of report.html: every official figure
 * of data/targets beside the baseline run (src/history), in the unit it was published in — the
 * model's mean [5th – 95th percentile over replicates], the ratio model ÷ official, z and whether
 * the run spans it. The same cells are printed by `graduasi history` and written into the report.
 */
import type { TopLevelSpec } from 'vega-lite';
import { compareWithRecord } from '../history/index';
import type { FigureStatus, HistoryRow } from '../history/index';
import { loadRecord } from '../calibration/targets';
import type { Target } from '../calibration/targets';
import { figureIndicator, figurePeriod, recordOverTime, recordRatios } from '../charts/index';
import { groupLabel } from '../charts/labels';
import type { ResultRow } from '../run/results';
import { csvField } from '../run/results';
import type { SummaryRow } from '../observe/summary';
import { DEFAULT_REFERENCE } from '../scenarios/builtin';
import { decimal } from '../lang/index';
import type { Lang, Words } from '../lang/index';
import type { Table } from './table';

/** The baseline: the default reference scenario, policy as it was before 2022's integration. */
export const BASELINE = DEFAULT_REFERENCE;

export const HISTORY_TEXT = {
  en: {
    section: 'The baseline beside the record',
    columns: ['Figure', 'Group', 'When', 'Official', 'Unit', 'Model [5–95 %]', 'Ratio', 'z', 'Status'],
    note: (n: number, baseline: string) =>
      `Every official figure of data/targets/targets.csv beside the baseline (${baseline}), in the unit it was published in. Model: mean of ${n} replicate${n === 1 ? '' : 's'} [5th – 95th percentile]; "peak" is the highest month of the period, "sum" the months added up (a year's spending). Ratio: model ÷ official. z: (model − official) ÷ √(sd² + s²), sd the figure's own (2 % of the value, an assumption: the sources give no standard errors) and s the standard deviation between replicates. Inputs (poverty lines) are given to the model and shown to check they are read as published. Figures the run does not span, and those it has no indicator for, are listed, not dropped.`,
    input: 'input',
    counts: (c: Readonly<Record<FigureStatus, number>>, within: number) =>
      `${c['in span']} figures in the run's span (${within} within |z| ≤ 2), ${c['outside span']} outside it, ${c['not observed']} inside it but in a group the run records only in March and its last month, ${c['not modelled']} not modelled.`,
  },
  id: {
    section: 'Baseline di samping data resmi',
    columns: ['Angka', 'Kelompok', 'Waktu', 'Resmi', 'Satuan', 'Model [5–95 %]', 'Rasio', 'z', 'Status'],
    note: (n: number, baseline: string) =>
      `Setiap angka resmi dalam data/targets/targets.csv di samping baseline (${baseline}), dalam satuan saat diterbitkan. Model: rata-rata ${n} replikasi [persentil ke-5 – ke-95]; "puncak" adalah bulan tertinggi dalam periode, "jumlah" adalah penjumlahan bulan-bulannya (belanja setahun). Rasio: model ÷ resmi. z: (model − resmi) ÷ √(sd² + s²), sd milik angka itu (2 % dari nilainya, sebuah asumsi: sumbernya tidak memuat galat baku) dan s simpangan baku antar-replikasi. Masukan (garis kemiskinan) diberikan kepada model dan ditampilkan untuk memeriksa bahwa nilainya terbaca sesuai terbitan. Angka di luar rentang simulasi, dan yang tidak memiliki indikator, tetap dicantumkan.`,
    input: 'masukan',
    counts: (c: Readonly<Record<FigureStatus, number>>, within: number) =>
      `${c['in span']} angka dalam rentang simulasi (${within} dengan |z| ≤ 2), ${c['outside span']} di luarnya, ${c['not observed']} di dalamnya tetapi untuk kelompok yang hanya dicatat pada bulan Maret dan bulan terakhir, ${c['not modelled']} tidak dimodelkan.`,
  },
} as const;

const STATUS_WORDS: { readonly [S in FigureStatus]: Words } = {
  'in span': { en: 'in the run', id: 'dalam simulasi' },
  'outside span': { en: 'outside the run', id: 'di luar simulasi' },
  'not observed': { en: 'not recorded then', id: 'tidak dicatat saat itu' },
  'not modelled': { en: 'not modelled', id: 'tidak dimodelkan' },
};

/** Each published unit in words, with the digits its numbers are shown with. */
const UNIT_WORDS: { readonly [unit: string]: { readonly words: Words; readonly digits: number } } = {
  'percent of persons': { words: { en: '% of persons', id: '% penduduk' }, digits: 2 },
  'index x 100': { words: { en: 'index × 100', id: 'indeks × 100' }, digits: 3 },
  'million persons': { words: { en: 'million persons', id: 'juta jiwa' }, digits: 2 },
  'million households': { words: { en: 'million families', id: 'juta keluarga' }, digits: 2 },
  'Rp per person per month': { words: { en: 'Rp per person per month', id: 'Rp per kapita per bulan' }, digits: 0 },
  'Rp trillion': { words: { en: 'Rp trillion', id: 'Rp triliun' }, digits: 2 },
  'Gini ratio': { words: { en: 'Gini ratio', id: 'rasio Gini' }, digits: 3 },
};

const unitOf = (figure: Target) => UNIT_WORDS[figure.published.unit] ?? { words: { en: figure.published.unit, id: figure.published.unit }, digits: 2 };

/** The row's model value and band in the published unit, "mean [p05 – p95]" (the mean alone when the band is one number). */
export function modelCell(r: HistoryRow, lang: Lang): string {
  if (r.model === null) return '—';
  const toPublished = r.figure.published.value / r.official;
  const { digits } = unitOf(r.figure);
  const f = (x: number) => decimal(x * (Number.isFinite(toPublished) ? toPublished : 0), digits, lang);
  const [mean, low, high] = [f(r.model.mean), f(r.model.p05), f(r.model.p95)];
  return low === high ? mean : `${mean} [${low} – ${high}]`;
}

/**
 * The figures as series: outcomes before inputs, each indicator (in the order the record first
 * names it) and group (national, urban, rural, then the others as the record names them) by month.
 */
export function inSeriesOrder(history: readonly HistoryRow[]): HistoryRow[] {
  const rank = (values: readonly string[]) => new Map([...new Set(values)].map((v, k) => [v, k]));
  const indicators = rank(history.map((r) => r.figure.indicator));
  const groups = rank(['national', 'area:urban', 'area:rural', ...history.map((r) => r.figure.group)]);
  const key = (r: HistoryRow) => [Number(r.figure.kind === 'input'), indicators.get(r.figure.indicator)!, groups.get(r.figure.group)!] as const;
  return [...history].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.figure.months[0].localeCompare(b.figure.months[0]);
  });
}

/** The record beside the run as a table: one row per figure, as series (inSeriesOrder). */
export function historyTable(history: readonly HistoryRow[], lang: Lang): Table {
  const t = HISTORY_TEXT[lang];
  return {
    columns: t.columns,
    rows: inSeriesOrder(history).map((r) => {
      const unit = unitOf(r.figure);
      const name = `${figureIndicator(r.figure.indicator, lang)}${r.figure.kind === 'input' ? ` (${t.input})` : ''}`;
      return [
        name,
        groupLabel(r.figure.group, lang),
        figurePeriod(r.figure, lang),
        decimal(r.figure.published.value, unit.digits, lang),
        unit.words[lang],
        modelCell(r, lang),
        Number.isFinite(r.ratio) ? decimal(r.ratio, 2, lang) : '—',
        Number.isFinite(r.z) ? decimal(r.z, 1, lang, true) : '—',
        STATUS_WORDS[r.status][lang],
      ];
    }),
  };
}

/** How many figures have each status, and how many in span are within |z| ≤ 2, in words. */
export function historyCounts(history: readonly HistoryRow[], lang: Lang): string {
  const counts = { 'in span': 0, 'outside span': 0, 'not observed': 0, 'not modelled': 0 };
  for (const r of history) counts[r.status]++;
  return HISTORY_TEXT[lang].counts(counts, history.filter((r) => Math.abs(r.z) <= 2).length);
}

/** The run's baseline rows beside the record (data/targets/targets.csv), or null when the run has no baseline. */
export function baselineHistory(rows: readonly ResultRow[]): HistoryRow[] | null {
  const baseline = rows.filter((r) => r.scenario === BASELINE);
  return baseline.length === 0 ? null : compareWithRecord(baseline, loadRecord());
}

/** The section's charts: model ÷ official for every figure in span, then the poverty rate and PKH families by month beside the record. */
export function historyCharts(history: readonly HistoryRow[], summary: readonly SummaryRow[], lang: Lang): TopLevelSpec[] {
  const baseline = summary.filter((r) => r.scenario === BASELINE && r.compared_with === '');
  return [
    recordRatios(inSeriesOrder(history), { lang }),
    recordOverTime(baseline, history, { lang, indicator: 'p0_national' }),
    recordOverTime(baseline, history, { lang, indicator: 'pkh_households' }),
  ];
}


export const HISTORY_HEADER = 'id,indicator,group,measure,period,kind,status,official,model_mean,model_p05,model_p95,replicates,ratio,z,sd';

/** The record beside the run as CSV, values in the model's unit (shares, persons, households, rupiah); empty cells where the run does not give a value. */
export function historyCsv(history: readonly HistoryRow[]): string {
  const cell = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '' : String(x));
  const lines = history.map((r) =>
    [r.figure.id, r.figure.indicator, csvField(r.figure.group), r.figure.measure, csvField(r.figure.period), r.figure.kind, r.status, cell(r.official), cell(r.model?.mean), cell(r.model?.p05), cell(r.model?.p95), cell(r.model?.replicates), cell(r.ratio), cell(r.z), cell(r.sd)].join(','),
  );
  return `${HISTORY_HEADER}\n${lines.join('\n')}\n`;
}
