/**
 * The headline tables: one row per scenario, each number as "mean [p05 – p95]". The same cells are
 * printed in the terminal and written into report.html.
 */
import type { Band, Headline } from './headline';
import { TEXT } from './text';
import { GRADUATION_KINDS } from '../model/graduation';
import { decimal } from '../lang/index';
import type { Lang } from '../lang/index';

export interface Table {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
  /** What the table shows, said above it: what each number counts, and over what. */
  readonly caption?: string;
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

/** The cost of a gain in Rp million; a dash and why when there is no gain, or when the gain comes with less spending. */
function costCell(rp: number, spend: Band, lang: Lang): string {
  if (!Number.isFinite(rp)) return TEXT[lang].noGain;
  if (spend.mean <= 0) return TEXT[lang].savesMoney;
  return decimal(rp * 1e-6, rp < 1e7 ? 2 : 0, lang);
}

/**
 * The headline numbers as tables: extreme poverty (levels, and differences from `reference` when
 * given); the pathway and its money; graduations and relapses by kind; and, with a reference, what
 * each scenario's extra money buys. `labels` gives each scenario's display name.
 */
export function headlineTables(headlines: readonly Headline[], labels: ReadonlyMap<string, string>, lang: Lang, reference?: string): Table[] {
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
    columns: [t.scenario, t.graduations, t.empowermentSpend, t.assistanceSpend],
    rows: headlines.map((h) => [name(h), formatBand(h.graduations, 1e-3, 1, lang), formatBand(h.empowermentSpend, 1e-12, 2, lang), formatBand(h.assistanceSpend, 1e-12, 1, lang)]),
  };
  const kinds: Table = {
    caption: t.kindsCaption,
    columns: [t.scenario, ...GRADUATION_KINDS.map((k) => k.short[lang]), t.relapses],
    rows: headlines.map((h) => [
      name(h),
      ...GRADUATION_KINDS.map((k) => formatBand(h.graduationsByKind[k.id], 1e-3, 1, lang)),
      formatBand(h.relapses, 1e-3, 1, lang),
    ]),
  };
  const compared = headlines.filter((h) => h.effectiveness !== null);
  if (reference === undefined || compared.length === 0) return [poverty, pathway, kinds];
  const effectiveness: Table = {
    caption: t.effectivenessCaption(labels.get(reference) ?? reference),
    columns: [t.scenario, t.extraSpend, t.fewerExtremePoor, t.perPersonLifted, t.personYears, t.perPersonYear, t.extraGraduations, t.perGraduation],
    rows: compared.map((h) => {
      const e = h.effectiveness!;
      return [
        name(h),
        formatBand(e.extraSpend, 1e-12, 2, lang, true),
        formatBand(e.fewerExtremePoor, 1e-3, 0, lang, true),
        costCell(e.costPerPersonLifted, e.extraSpend, lang),
        formatBand(e.personYears, 1e-3, 0, lang, true),
        costCell(e.costPerPersonYear, e.extraSpend, lang),
        formatBand(e.extraGraduations, 1e-3, 1, lang, true),
        costCell(e.costPerGraduation, e.extraSpend, lang),
      ];
    }),
  };
  return [poverty, pathway, kinds, effectiveness];
}


/** A table's rows as records keyed by its column names: what src/notebook's `table()` shows. */
export function tableRecords(table: Table): Record<string, string>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, k) => [c, row[k]])));
}

/** A table as fixed-width text for the terminal. */
export function formatTable(table: Table): string {
  const widths = table.columns.map((c, k) => Math.max(c.length, ...table.rows.map((r) => r[k].length)));
  const line = (cells: readonly string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]) : c.padStart(widths[k]))).join('  ').trimEnd();
  return [...(table.caption ? [table.caption] : []), line(table.columns), line(widths.map((w) => '─'.repeat(w))), ...table.rows.map(line)].join('\n');
}
