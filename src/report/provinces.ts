/**
 * Provinces side by side: chosen indicators of one scenario in one month, one row per province,
 * the highest value of the first indicator first.
 */
import type { SummaryRow } from '../observe/summary';

export interface ProvinceTableOptions {
  readonly scenario: string;
  /** "YYYY-MM": a month the run recorded provinces in (March of each year, and the last month). */
  readonly month: string;
  /** Indicators, as columns; rows are sorted by the first, highest first. */
  readonly indicators: readonly string[];
}

/** One row per province: its name, then the mean over replicates of each indicator. */
export function provinceTable(summary: readonly SummaryRow[], options: ProvinceTableOptions): Array<Record<string, string | number>> {
  const { scenario, month, indicators } = options;
  if (indicators.length === 0) throw new Error('provinceTable: expected at least one indicator');
  const byProvince = new Map<string, Record<string, string | number>>();
  for (const r of summary) {
    if (r.scenario !== scenario || r.compared_with !== '' || r.month !== month || !r.group.startsWith('province:') || !indicators.includes(r.indicator)) continue;
    const province = r.group.slice('province:'.length);
    let row = byProvince.get(province);
    if (!row) byProvince.set(province, (row = { province }));
    row[r.indicator] = r.mean;
  }
  if (byProvince.size === 0) throw new Error(`provinceTable: no province rows of scenario "${scenario}" in ${month} (provinces are recorded in March of each year and in the last month)`);
  const rows = [...byProvince.values()];
  for (const indicator of indicators) {
    if (rows.some((row) => row[indicator] === undefined)) throw new Error(`provinceTable: indicator "${indicator}" is missing for scenario "${scenario}" in ${month}`);
  }
  const first = indicators[0];
  return rows.sort((a, b) => (b[first] as number) - (a[first] as number));
}
