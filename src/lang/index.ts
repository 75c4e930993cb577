/**
 * Languages. Graduasi writes in English and Bahasa Indonesia (planners read Indonesian). This module
 * owns what every text shares: the languages, the one bilingual shape (`Words`, a text in both; a
 * dictionary of texts is `Bilingual<…>`, the same shape with a dictionary in each language), the
 * filling of `{name}` places, and each language's formats of numbers and dates. The words
 * themselves live with what writes them: charts (src/charts/labels.ts), reports (src/report/text.ts),
 * scenarios, indicators.
 *
 * Indonesian numbers follow BPS and Kemensos usage: a comma before decimals, a point between
 * thousands ("1.234,5"), and thousands to trillions as ribu, juta, miliar, triliun.
 */
import type { Locale, TimeLocale } from 'vega';

/** A language: 'en' English, 'id' Bahasa Indonesia. */
export type Lang = 'en' | 'id';

/** Both languages, in the order tables and tests go through them. */
export const LANGS = ['en', 'id'] as const satisfies readonly Lang[];

/** Something in each language: a text, or a whole dictionary of texts. */
export type Bilingual<T> = { readonly [L in Lang]: T };

/** A text in both languages, e.g. `{ en: 'Graduated', id: 'Graduasi' }`. */
export type Words = Bilingual<string>;

/** A text with its `{name}` places filled; a place with no value stays as it is. */
export function fill(text: string, values: { readonly [name: string]: string | number }): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** Each language's number format, as `toLocaleString` and `Intl.NumberFormat` take it. */
export const NUMBER_LOCALE: Bilingual<string> = { en: 'en-GB', id: 'id-ID' };

/**
 * `x` with exactly `digits` decimals in the language's format: "1,234.50" or "1.234,50"; with
 * `signed`, "+" before a positive value. Rounded first, so a value that rounds to zero shows as "0",
 * never "-0". Callers say what a missing value is (NaN is not checked here).
 */
export function decimal(x: number, digits: number, lang: Lang, signed = false): string {
  const rounded = Math.round(x * 10 ** digits) / 10 ** digits || 0; // no "-0"
  const s = rounded.toLocaleString(NUMBER_LOCALE[lang], { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return signed && rounded > 0 ? `+${s}` : s;
}

/** Powers of a thousand that counts and money are said in. */
export const MAGNITUDES = [
  { factor: 1e12, en: 'trillion', plural: 'trillions', id: 'triliun' },
  { factor: 1e9, en: 'billion', plural: 'billions', id: 'miliar' },
  { factor: 1e6, en: 'million', plural: 'millions', id: 'juta' },
  { factor: 1e3, en: 'thousand', plural: 'thousands', id: 'ribu' },
] as const;

export type Magnitude = (typeof MAGNITUDES)[number];

/** Dates in Bahasa Indonesia (a d3-time-format locale). */
const TIME_ID: TimeLocale = {
  dateTime: '%A, %e %B %Y pukul %X',
  date: '%d/%m/%Y',
  time: '%H.%M.%S',
  periods: ['AM', 'PM'],
  days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  shortDays: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
  months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  shortMonths: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
};

/** Number and date formats of each language as Vega takes them (English is Vega's default: null). */
export const VEGA_LOCALE: Bilingual<Locale | null> = {
  en: null,
  id: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['Rp', ''] }, time: TIME_ID },
};

const MONTH_NAMES: Bilingual<readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  id: TIME_ID.months,
};

/** A month "YYYY-MM" in words: "December 2026", "Desember 2026". */
export function monthLabel(month: string, lang: Lang): string {
  return `${MONTH_NAMES[lang][Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
