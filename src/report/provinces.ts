/**
 * Provinces side by side: chosen indicators of one scenario in one month, one row per province,
 * the highest value of the first indicator first.
 */
import type { SummaryRow } from '../observe/summary';
import { indicatorEntry } from '../observe/indicators';

export interface ProvinceTableOptions {
  readonly scenario: string;
  /** "YYYY-MM": a month the run recorded provinces in (March of each year, and the last month). */
  readonly month: string;
  /** Indicators, as columns; rows are sorted by the first, highest first. */
  readonly indicators: readonly string[];
}

/** Shares (every indicator whose unit is a share) are shown in percent, rounded to hundredths. */
function column(indicator: string): { name: string; value: (mean: number) => number } {
  const unit = indicatorEntry(indicator)?.unit ?? '';
  return unit.startsWith('share') ? { name: `${indicator} (%)`, value: (x) => Math.round(x * 1e4) / 100 } : { name: indicator, value: (x) => Math.round(x) };
}

/**
 * One row per province: its name, then the mean over replicates of each indicator (shares in
 * percent to two decimals, counts rounded), highest first by the first indicator.
 */
export function provinceTable(summary: readonly SummaryRow[], options: ProvinceTableOptions): Array<Record<string, string | number>> {
  const { scenario, month, indicators } = options;
  if (indicators.length === 0) throw new Error('provinceTable: expected at least one indicator');
  const byProvince = new Map<string, Record<string, string | number>>();
  for (const r of summary) {
    if (r.scenario !== scenario || r.compared_with !== '' || r.month !== month || !r.group.startsWith('province:') || !indicators.includes(r.indicator)) continue;
    const province = r.group.slice('province:'.length);
    let row = byProvince.get(province);
    if (!row) byProvince.set(province, (row = { province }));
    const c = column(r.indicator);
    row[c.name] = c.value(r.mean);
  }
  if (byProvince.size === 0) throw new Error(`provinceTable: no province rows of scenario "${scenario}" in ${month} (provinces are recorded in March of each year and in the last month)`);
  const rows = [...byProvince.values()];
  for (const indicator of indicators) {
    if (rows.some((row) => row[column(indicator).name] === undefined)) throw new Error(`provinceTable: indicator "${indicator}" is missing for scenario "${scenario}" in ${month}`);
  }
  const first = column(indicators[0]).name;
  return rows.sort((a, b) => (b[first] as number) - (a[first] as number));
}
