/**
 * `graduasi baseline`: run the baseline and print a readable table by year.
 *
 * Poverty and coverage are read in March, the month of the larger Susenas round; spending is the sum
 * over the year's simulated months (2022 from March, when the run starts).
 */
import type { ResultRow } from '../model/results';
import { yearOf, monthOf } from '../model/time';

export interface YearSummary {
  readonly year: number;
  readonly extremePoverty: number;
  readonly poverty: number;
  readonly pkhFamilies: number;
  readonly pkhCoverage: number;
  readonly bpntFamilies: number;
  readonly bpntCoverage: number;
  readonly spend: { readonly pkh: number; readonly bpnt: number; readonly blt_bbm: number };
  /** Months of the year in the run. */
  readonly months: number;
}

/** National results of one run, summarised by calendar year. */
export function summariseByYear(rows: readonly ResultRow[]): YearSummary[] {
  const national = rows.filter((r) => r.group === 'national');
  const years = [...new Set(national.map((r) => yearOf(monthOf(r.month))))].sort((a, b) => a - b);
  return years.map((year) => {
    const inYear = national.filter((r) => yearOf(monthOf(r.month)) === year);
    const march = `${year}-03`;
    const at = (indicator: string) => inYear.find((r) => r.indicator === indicator && r.month === march)?.value ?? NaN;
    const sum = (indicator: string) => inYear.filter((r) => r.indicator === indicator).reduce((s, r) => s + r.value, 0);
    return {
      year,
      extremePoverty: at('p0_extreme'),
      poverty: at('p0_national'),
      pkhFamilies: at('pkh_households'),
      pkhCoverage: at('pkh_coverage'),
      bpntFamilies: at('bpnt_households'),
      bpntCoverage: at('bpnt_coverage'),
      spend: { pkh: sum('pkh_spend'), bpnt: sum('bpnt_spend'), blt_bbm: sum('blt_bbm_spend') },
      months: new Set(inYear.map((r) => r.month)).size,
    };
  });
}

const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(2)} %` : '–');
const millions = (x: number) => (Number.isFinite(x) ? `${(x / 1e6).toFixed(2)} m` : '–');
const trillions = (x: number) => `${(x / 1e12).toFixed(2)}`;

/** The summary as a fixed-width text table. */
export function formatYearTable(summary: readonly YearSummary[]): string {
  const header = ['Year', 'Extreme poor', 'Poor (P0)', 'PKH families', 'PKH cover', 'BPNT families', 'BPNT cover', 'PKH Rp T', 'BPNT Rp T', 'BLT BBM Rp T'];
  const body = summary.map((s) => [
    s.months < 12 ? `${s.year}*` : String(s.year),
    percent(s.extremePoverty),
    percent(s.poverty),
    millions(s.pkhFamilies),
    percent(s.pkhCoverage),
    millions(s.bpntFamilies),
    percent(s.bpntCoverage),
    trillions(s.spend.pkh),
    trillions(s.spend.bpnt),
    trillions(s.spend.blt_bbm),
  ]);
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((row) => row[k].length)));
  const line = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
