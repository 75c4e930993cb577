/**
 * What an indicator is called on a chart and how its values are drawn: shares in percent (and
 * differences of shares in percentage points), households, persons and rupiah in thousands,
 * millions, billions or trillions chosen from the largest value drawn, so an axis reads
 * "Rp trillion per month" or "million households" rather than 12 digits.
 */
import { indicatorEntry } from '../observe/indicators';
import type { SummaryRow } from '../observe/summary';
import { TEXT, UNITS, reasonLabel } from './labels';
import type { UnitWords } from './labels';
import type { Registry } from '../model/world';
import { BUILTIN_REGISTRY } from '../model/builtin';
import { MAGNITUDES } from '../lang/index';
import type { Lang, Magnitude } from '../lang/index';

/** How values are drawn: multiplied by `factor`, with `words` for the unit on the axis. */
export interface Scale {
  readonly factor: number;
  readonly words: string;
}

/** The catalogue entry of an indicator of a registry (default: the model's own), "flow.<reason>" included; throws for an unknown one. */
function entryOf(indicator: string, registry: Registry) {
  const entry = indicatorEntry(indicator, registry);
  if (entry === undefined) throw new Error(`indicator "${indicator}" is not an indicator of the registry (src/observe/indicators.ts) nor a "flow.<reason>" of its reasons`);
  return entry;
}

/** The unit of an indicator. */
export function unitOf(indicator: string, registry: Registry = BUILTIN_REGISTRY): UnitWords {
  return UNITS[entryOf(indicator, registry).unit];
}

/** An indicator's full name: "Extreme poverty rate (P0, USD 1.90 PPP line)"; a flow's reason. */
export function indicatorLabel(indicator: string, lang: Lang, registry: Registry = BUILTIN_REGISTRY): string {
  const entry = entryOf(indicator, registry);
  return indicator.startsWith('flow.') ? reasonLabel(indicator.slice('flow.'.length), lang, registry) : entry.label[lang];
}

/** An indicator's name without its closing parenthesis, for an axis: "Extreme poverty rate". */
export function shortLabel(indicator: string, lang: Lang): string {
  return indicatorLabel(indicator, lang).replace(/\s*\([^()]*\)$/, '');
}

/** The power of a thousand to show numbers up to `largest` in (none below 10,000). */
export function magnitudeOf(largest: number): Magnitude | null {
  return MAGNITUDES.find((m) => largest >= (m.factor === 1e3 ? 1e4 : m.factor)) ?? null;
}

/**
 * The scale for values of `unit` up to `largest` in magnitude: shares × 100 in "% of …" (or
 * "percentage points" for a `difference`), counts and money divided by a power of a thousand.
 */
export function scaleFor(unit: UnitWords, largest: number, lang: Lang, difference = false): Scale {
  const words = unit.words[lang];
  if (unit.kind === 'share') return { factor: 100, words: difference ? TEXT[lang].percentagePoints : words };
  if (unit.kind === 'index') return { factor: 1, words };
  const m = magnitudeOf(largest);
  const factor = m ? 1 / m.factor : 1;
  if (unit.kind === 'count') return { factor, words: m ? `${m[lang]} ${words}` : words };
  return { factor, words: ['Rp', m?.[lang], words].filter(Boolean).join(' ') };
}

/** An axis of counts named by a noun and the magnitude: "Households (millions)", "Rumah tangga (juta)". */
export function countAxis(noun: string, m: Magnitude | null, lang: Lang): string {
  return m ? `${noun} (${lang === 'en' ? m.plural : m.id})` : noun;
}

/** "Name (unit words)", the title of a value axis. */
export function axisTitle(name: string, scale: Scale): string {
  return `${name} (${scale.words})`;
}

/** The largest magnitude among the means and bands of summary rows. */
export function largest(rows: readonly SummaryRow[]): number {
  let max = 0;
  for (const r of rows) max = Math.max(max, Math.abs(r.mean), Math.abs(r.p05), Math.abs(r.p95));
  return max;
}
