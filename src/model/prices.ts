/**
 * Prices and poverty lines.
 *
 * The consumer price index follows BPS's published figures month by month. The data are year-on-year
 * inflation figures (behaviour.prices.inflation) and a few month-on-month ones
 * (behaviour.prices.month_on_month), each a figure of its own month. The monthly rates are the
 * smoothest path that reproduces them: a month with a published month-on-month figure takes it, and
 * otherwise the rate changes as little as it can from one month to the next while every 12-month
 * change ending at a published month equals the published year-on-year figure (least squares; the
 * figures are rounded to 0.01 point, so they agree to about that). After the last published month
 * prices rise at behaviour.prices.inflation_outlook. The September 2022 fuel-price rise is inside
 * the published figures (its month-on-month 1.17 %); behaviour.prices.fuel_price_shock only says
 * which part of that month's rise nominal incomes follow late, so it is never counted twice.
 *
 * Poverty lines. The national line is BPS's published line in each Susenas month, geometric between
 * published rounds (BPS released no September 2023 line: March 2023 to March 2024 is one step), and
 * carried by the CPI after the last round (and before the first). The extreme line is BPS's series B
 * line (USD 1.90 a day at 2011 PPP), a real line in rupiah of March 2023 (its one published rupiah
 * value) carried by the CPI to every other month. The path is deterministic: a function of
 * parameters only.
 */
import { exp, log } from './math';
import type { Month } from '../calendar/months';
import { formatMonth, monthOf } from '../calendar/months';
import type { DatedValue, Parameters } from '../parameters/types';

/** The CPI and the poverty lines over a span of months. */
export interface PricePath {
  /** The month before the first month with a fitted rate: the CPI is 1 there. */
  readonly first: Month;
  readonly last: Month;
  /** CPI level in `month`, relative to `first` (= 1). */
  cpi(month: Month): number;
  /**
   * The price level nominal incomes follow in `month`, relative to `first`: the CPI, but with the
   * month's price jumps (behaviour.prices.fuel_price_shock) reached only `lag` months later.
   */
  incomePrices(month: Month, lag: number): number;
  /** BPS national poverty line, Rp per person per month. */
  nationalLine(month: Month): number;
  /** Extreme-poverty line (BPS series B, USD 1.90 a day at 2011 PPP), Rp per person per month. */
  extremeLine(month: Month): number;
}

/** The month whose rupiah policy.poverty_line.extreme is in: BPS published the series-B line for March 2023. */
export const EXTREME_LINE_PRICES: Month = monthOf('2023-03');

/** Weight of a published figure against the smoothness of monthly rates: figures are met to rounding. */
const FIGURE_WEIGHT = 1e6;

/**
 * Monthly log rates for the months `from` to `to` (index 0 is `from`): the smoothest path meeting
 * the year-on-year figures (each the sum of 12 monthly log rates ending at its month) and the
 * month-on-month figures (the month's own rate). Solves the normal equations of
 *   FIGURE_WEIGHT · Σ (figure − path)² + Σ (rate − previous rate)²,
 * where months with a month-on-month figure are left out of the smoothness terms.
 */
export function fittedMonthlyRates(yearOnYear: readonly DatedValue[], monthOnMonth: readonly DatedValue[], from: Month, to: Month): Float64Array {
  const n = to - from + 1;
  const matrix = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  const addFigure = (months: number[], target: number) => {
    for (const a of months) {
      rhs[a] += FIGURE_WEIGHT * target;
      for (const b of months) matrix[a * n + b] += FIGURE_WEIGHT;
    }
  };
  const pinned = new Uint8Array(n);
  for (const v of monthOnMonth) {
    pinned[v.month - from] = 1;
    addFigure([v.month - from], log(1 + (v.value as number)));
  }
  for (const v of yearOnYear) {
    const window = Array.from({ length: 12 }, (_, k) => v.month - from - 11 + k);
    addFigure(window, log(1 + (v.value as number)));
  }
  for (let k = 1; k < n; k++) {
    if (pinned[k] || pinned[k - 1]) continue;
    matrix[k * n + k] += 1;
    matrix[(k - 1) * n + k - 1] += 1;
    matrix[k * n + k - 1] -= 1;
    matrix[(k - 1) * n + k] -= 1;
  }
  return solveSymmetric(matrix, rhs, n);
}

/** Solves A x = b for a symmetric positive definite A (n × n, row-major) by LDLᵀ elimination. */
function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let k = 0; k < n; k++) {
    const pivot = a[k * n + k];
    if (!(pivot > 0)) throw new Error(`prices: the CPI figures leave month ${k} of the fitted span undetermined`);
    for (let i = k + 1; i < n; i++) {
      const f = a[i * n + k] / pivot;
      if (f === 0) continue;
      for (let j = k; j < n; j++) a[i * n + j] -= f * a[k * n + j];
      b[i] -= f * b[k];
    }
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < n; j++) s -= a[i * n + j] * x[j];
    x[i] = s / a[i * n + i];
  }
  return x;
}

/** The value in force in `month` among dated values (the latest at or before it). */
function valueAt(values: readonly DatedValue[], month: Month): number {
  let k = -1;
  while (k + 1 < values.length && values[k + 1].month <= month) k++;
  if (k < 0) throw new Error(`no value before ${formatMonth(month)} (first: ${values[0].date})`);
  return values[k].value as number;
}

/**
 * The price path for the months `start` to `last`. It always covers every published figure and
 * line (from the first month of the first year-on-year figure to the latest published month), so a
 * line anchored outside the run's months is carried to them with the same prices.
 */
export function pricePath(params: Parameters, start: Month, last: Month): PricePath {
  const yearOnYear = params.get('behaviour.prices.inflation').values;
  const monthOnMonth = params.get('behaviour.prices.month_on_month').values;
  const national = params.get('policy.poverty_line.national').values;
  const extreme = params.get('policy.poverty_line.extreme').values;
  const outlook = params.get('behaviour.prices.inflation_outlook').values;

  const from = Math.min(yearOnYear[0].month - 11, monthOnMonth[0].month);
  const first = from - 1;
  if (start < first) throw new Error(`no price index for ${formatMonth(start)}: the published CPI figures start with the 12 months to ${yearOnYear[0].date} (data/parameters/behaviour/prices/inflation.yaml)`);
  const fitted = Math.max(yearOnYear.at(-1)!.month, monthOnMonth.at(-1)!.month);
  const end = Math.max(last, fitted, national.at(-1)!.month, EXTREME_LINE_PRICES);

  const rates = fittedMonthlyRates(yearOnYear, monthOnMonth, from, fitted);
  const shock = params.get('behaviour.prices.fuel_price_shock').values;
  const index = new Float64Array(end - first + 1);
  const jumps = new Float64Array(end - first + 1);
  index[0] = 1;
  jumps[0] = 1;
  for (let m = from; m <= end; m++) {
    const rate = m <= fitted ? rates[m - from] : log(1 + valueAt(outlook, m)) / 12;
    index[m - first] = index[m - first - 1] * exp(rate);
    // No jump before the first dated value of the shock (the data start there).
    jumps[m - first] = jumps[m - first - 1] * (m < shock[0].month ? 1 : 1 + valueAt(shock, m));
  }

  const cpi = (month: Month): number => {
    if (month < first || month > end) throw new Error(`no price index for ${formatMonth(month)}: the path covers ${formatMonth(first)} to ${formatMonth(end)}`);
    return index[month - first];
  };
  const incomePrices = (month: Month, lag: number): number => {
    const lagged = Math.max(first, month - lag);
    return (cpi(month) / jumps[month - first]) * jumps[lagged - first];
  };
  const extremeLine = (month: Month): number => (valueAt(extreme, month) * cpi(month)) / cpi(EXTREME_LINE_PRICES);
  return { first, last: end, cpi, incomePrices, nationalLine: publishedLine(national, cpi), extremeLine };
}

/**
 * A line published at its dates: the published value in those months, geometric between two of
 * them, carried by the CPI before the first and after the last.
 */
function publishedLine(values: readonly DatedValue[], cpi: (month: Month) => number): (month: Month) => number {
  return (month) => {
    const next = values.findIndex((v) => v.month >= month);
    if (next < 0) return lineCarried(values.at(-1)!, month, cpi);
    const after = values[next];
    if (after.month === month) return after.value as number;
    if (next === 0) return lineCarried(after, month, cpi);
    const before = values[next - 1];
    const share = (month - before.month) / (after.month - before.month);
    return (before.value as number) * exp(share * log((after.value as number) / (before.value as number)));
  };
}

function lineCarried(anchor: DatedValue, month: Month, cpi: (month: Month) => number): number {
  return ((anchor.value as number) * cpi(month)) / cpi(anchor.month);
}
