/**
 * What an indicator is called on a chart and how its values are drawn: shares in percent (and
 * differences of shares in percentage points), households, persons and rupiah in thousands,
 * millions, billions or trillions chosen from the largest value drawn, so an axis reads
 * "Rp trillion per month" or "million households" rather than 12 digits.
 */
import { INDICATORS } from '../observe/indicators';
import type { Indicator } from '../observe/indicators';
import type { SummaryRow } from '../observe/summary';
import { REASON_LABELS, TEXT, UNITS } from './labels';
import type { Unit, UnitWords } from './labels';
import type { Reason } from '../model/reasons';
import { MAGNITUDES } from '../lang/index';
import type { Lang, Magnitude } from '../lang/index';

/** How values are drawn: multiplied by `factor`, with `words` for the unit on the axis. */
export interface Scale {
  readonly factor: number;
  readonly words: string;
}

/** The reason of a "flow.<reason>" indicator, or null for other indicators. */
function reasonOf(indicator: string): Reason | null {
  const reason = indicator.startsWith('flow.') ? indicator.slice('flow.'.length) : null;
  return reason !== null && reason in REASON_LABELS ? (reason as Reason) : null;
}

/** The catalogue entry of an indicator ("flow.<reason>" → the entry of flows); throws for one not in INDICATORS. */
function entryOf(indicator: string): (typeof INDICATORS)[Indicator] {
  if (reasonOf(indicator)) return INDICATORS.flow;
  if (indicator in INDICATORS && indicator !== 'flow') return INDICATORS[indicator as Indicator];
  throw new Error(`indicator "${indicator}" is not in INDICATORS (src/observe/indicators.ts) nor a "flow.<reason>" of REASONS`);
}

/** The unit of an indicator. */
export function unitOf(indicator: string): UnitWords {
  return UNITS[entryOf(indicator).unit as Unit];
}

/** An indicator's full name: "Extreme poverty rate (P0, USD 1.90 PPP line)"; a flow's reason. */
export function indicatorLabel(indicator: string, lang: Lang): string {
  const reason = reasonOf(indicator);
  if (reason) return REASON_LABELS[reason][lang];
  const entry = entryOf(indicator);
  return lang === 'id' ? entry.label_id : entry.label;
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
