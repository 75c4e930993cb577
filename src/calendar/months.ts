/**
 * Calendar months. The model steps monthly; a month is an integer, year × 12 + (month − 1), so
 * March 2022 is 2022 × 12 + 2. Dates in parameter files ("2022-09-03") take effect from their month.
 */

/** A calendar month as an integer: year × 12 + (month of year − 1). */
export type Month = number;

/** The month of a "YYYY-MM" or "YYYY-MM-DD" string. Throws on anything else. */
export function monthOf(date: string): Month {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) throw new Error(`expected a date as YYYY-MM or YYYY-MM-DD, got "${date}"`);
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) throw new Error(`expected a date as YYYY-MM or YYYY-MM-DD, got "${date}"`);
  return Number(m[1]) * 12 + month - 1;
}

/** "YYYY-MM" for a month. */
export function formatMonth(month: Month): string {
  const y = Math.floor(month / 12);
  const m = month - y * 12 + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}

/** The calendar year of a month. */
export function yearOf(month: Month): number {
  return Math.floor(month / 12);
}

/** The month of year, 1–12. */
export function monthOfYear(month: Month): number {
  return month - Math.floor(month / 12) * 12 + 1;
}
