/**
 * `graduasi baseline`: run the baseline and print readable tables by year.
 *
 * Poverty and coverage are read in March, the month of the larger Susenas round; households per
 * phase at the year's last simulated month; spending, graduations and relapses are sums over the
 * year's simulated months (2022 from March, when the run starts); cost per graduate is the
 * empowerment spending to date per graduation to date, at the year's last simulated month.
 */
import type { ResultRow } from '../model/results';
import { yearOf, monthOf } from '../model/time';
import { PHASES } from '../model/phases';
import type { Phase } from '../model/phases';
import { SERVICES } from '../model/world';

export interface YearSummary {
  readonly year: number;
  /** Months of the year in the run. */
  readonly months: number;
  readonly extremePoverty: number;
  readonly poverty: number;
  readonly pkhFamilies: number;
  readonly pkhCoverage: number;
  readonly bpntFamilies: number;
  readonly bpntCoverage: number;
  readonly spend: { readonly pkh: number; readonly bpnt: number; readonly blt_bbm: number; readonly empowerment: number };
  readonly phases: Readonly<Record<Phase, number>>;
  readonly graduations: number;
  readonly relapses: number;
  readonly costPerGraduate: number;
}

/** National results of one run, summarised by calendar year. */
export function summariseByYear(rows: readonly ResultRow[]): YearSummary[] {
  const national = rows.filter((r) => r.group === 'national');
  const years = [...new Set(national.map((r) => yearOf(monthOf(r.month))))].sort((a, b) => a - b);
  return years.map((year) => {
    const inYear = national.filter((r) => yearOf(monthOf(r.month)) === year);
    const months = [...new Set(inYear.map((r) => r.month))].sort();
    const last = months[months.length - 1];
    const at = (indicator: string, month: string) => inYear.find((r) => r.indicator === indicator && r.month === month)?.value ?? NaN;
    const sum = (test: (indicator: string) => boolean) => inYear.filter((r) => test(r.indicator)).reduce((s, r) => s + r.value, 0);
    const march = `${year}-03`;
    return {
      year,
      months: months.length,
      extremePoverty: at('p0_extreme', march),
      poverty: at('p0_national', march),
      pkhFamilies: at('pkh_households', march),
      pkhCoverage: at('pkh_coverage', march),
      bpntFamilies: at('bpnt_households', march),
      bpntCoverage: at('bpnt_coverage', march),
      spend: {
        pkh: sum((i) => i === 'pkh_spend'),
        bpnt: sum((i) => i === 'bpnt_spend'),
        blt_bbm: sum((i) => i === 'blt_bbm_spend'),
        empowerment: sum((i) => SERVICES.some((s) => i === `${s}_spend`)),
      },
      phases: Object.fromEntries(PHASES.map((p) => [p, at(`phase_${p}`, last)])) as Record<Phase, number>,
      graduations: sum((i) => i.startsWith('flow.pathway.graduated_')),
      relapses: sum((i) => i === 'flow.pathway.relapsed'),
      costPerGraduate: at('cost_per_graduate', last),
    };
  });
}

const percent = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(2)} %` : '–');
const millions = (x: number) => (Number.isFinite(x) ? `${(x / 1e6).toFixed(2)} m` : '–');
const thousands = (x: number) => (Number.isFinite(x) ? `${(x / 1e3).toFixed(1)} k` : '–');
const trillions = (x: number) => `${(x / 1e12).toFixed(2)}`;
const rupiahMillions = (x: number) => (Number.isFinite(x) && x > 0 ? `${(x / 1e6).toFixed(1)}` : '–');

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, k) => Math.max(h.length, ...body.map((row) => row[k].length)));
  const line = (cells: string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const yearLabel = (s: YearSummary) => (s.months < 12 ? `${s.year}*` : String(s.year));

/** Poverty, assistance coverage and spending by year, as a fixed-width text table. */
export function formatYearTable(summary: readonly YearSummary[]): string {
  return table(
    ['Year', 'Extreme poor', 'Poor (P0)', 'PKH families', 'PKH cover', 'BPNT families', 'BPNT cover', 'PKH Rp T', 'BPNT Rp T', 'BLT BBM Rp T'],
    summary.map((s) => [
      yearLabel(s),
      percent(s.extremePoverty),
      percent(s.poverty),
      millions(s.pkhFamilies),
      percent(s.pkhCoverage),
      millions(s.bpntFamilies),
      percent(s.bpntCoverage),
      trillions(s.spend.pkh),
      trillions(s.spend.bpnt),
      trillions(s.spend.blt_bbm),
    ]),
  );
}

/** The pathway by year: households per phase, graduations and relapses, empowerment spending, cost per graduate. */
export function formatPathwayTable(summary: readonly YearSummary[]): string {
  return table(
    ['Year', 'Assistance', 'Pemulihan', 'Transisi', 'Pengembangan', 'Graduated', 'Graduations', 'Relapses', 'Empowerment Rp T', 'Rp m / graduate'],
    summary.map((s) => [
      yearLabel(s),
      millions(s.phases.assistance),
      thousands(s.phases.recovery),
      thousands(s.phases.transition),
      thousands(s.phases.development),
      thousands(s.phases.graduated),
      thousands(s.graduations),
      thousands(s.relapses),
      trillions(s.spend.empowerment),
      rupiahMillions(s.costPerGraduate),
    ]),
  );
}
