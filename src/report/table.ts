/**
 * The headline tables: one row per scenario, each number as "mean [p05 – p95]". The same cells are
 * printed in the terminal and written into report.html.
 */
import type { Band, Headline } from './headline';
import { TEXT } from './text';
import { decimal } from '../lang/index';
import type { Lang } from '../lang/index';

export interface Table {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** Decimals a band may gain so that two ends that differ do not round to one value. */
const EXTRA_DIGITS = 3;

/**
 * A band as "mean [p05 – p95]", always with its ends. When the ends differ but round to the same
 * text, decimals are added (up to EXTRA_DIGITS more) until they show apart; ends that are equal stay
 * equal ("0.00 [0.00 – 0.00]": every replicate gave that value).
 */
export function formatBand(b: Band, scale: number, digits: number, lang: Lang, signed = false): string {
  if (!Number.isFinite(b.mean)) return TEXT[lang].notAvailable;
  const f = (x: number, d: number) => decimal(x * scale, d, lang, signed);
  let d = digits;
  while (d < digits + EXTRA_DIGITS && b.p05 !== b.p95 && f(b.p05, d) === f(b.p95, d)) d++;
  return `${f(b.mean, d)} [${f(b.p05, d)} – ${f(b.p95, d)}]`;
}

/**
 * The headline numbers as two tables: extreme poverty (levels, and differences from `reference` when
 * given), then the pathway and its money. `labels` gives each scenario's display name.
 */
export function headlineTables(headlines: readonly Headline[], labels: ReadonlyMap<string, string>, lang: Lang, reference?: string): [Table, Table] {
  const t = TEXT[lang];
  const months = headlines[0]?.extremePoverty.map((p) => p.month) ?? [];
  const name = (h: Headline) => labels.get(h.scenario) ?? h.scenario;
  const poverty: Table = {
    columns: [t.scenario, ...months.map((m) => t.extremePoverty(m)), ...(reference === undefined ? [] : months.map((m) => t.differenceFrom(m)))],
    rows: headlines.map((h) => [
      name(h),
      ...h.extremePoverty.map((p) => formatBand(p.level, 100, 2, lang)),
      ...(reference === undefined ? [] : h.extremePoverty.map((p) => (p.difference ? formatBand(p.difference, 100, 2, lang, true) : '—'))),
    ]),
  };
  const pathway: Table = {
    columns: [t.scenario, t.graduations, t.empowermentSpend, t.costPerGraduate, t.assistanceSpend],
    rows: headlines.map((h) => [
      name(h),
      formatBand(h.graduations, 1e-3, 1, lang),
      formatBand(h.empowermentSpend, 1e-12, 2, lang),
      formatBand(h.costPerGraduate, 1e-6, 0, lang),
      formatBand(h.assistanceSpend, 1e-12, 1, lang),
    ]),
  };
  return [poverty, pathway];
}

/** A table's rows as records keyed by its column names: what src/notebook's `table()` shows. */
export function tableRecords(table: Table): Record<string, string>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, k) => [c, row[k]])));
}

/** A table as fixed-width text for the terminal. */
export function formatTable(table: Table): string {
  const widths = table.columns.map((c, k) => Math.max(c.length, ...table.rows.map((r) => r[k].length)));
  const line = (cells: readonly string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ').trimEnd();
  return [line(table.columns), line(widths.map((w) => '─'.repeat(w))), ...table.rows.map(line)].join('\n');
}
