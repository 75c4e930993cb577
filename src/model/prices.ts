/**
 * Prices and poverty lines.
 *
 * The consumer price index follows the underlying annual inflation in force each month, spread evenly
 * over the year, plus one-month jumps (the September 2022 fuel-price rise). Nominal incomes keep pace
 * with underlying inflation but catch up with a jump only some months later, so a jump cuts real
 * incomes for a while. Poverty lines are official
 * values at their dates (BPS national line by Susenas round; the USD 1.90 PPP extreme line in rupiah a
 * day); between and after those dates the model carries the latest official value forward with the
 * CPI, as BPS's own lines move with prices. The index is deterministic: a function of parameters only.
 */
import { exp, log } from './math';
import type { Month } from '../calendar/months';
import { formatMonth } from '../calendar/months';
import type { DatedValue, Parameters } from '../parameters/types';

/** Days per month used to turn a daily line into a monthly one (365 / 12). */
export const DAYS_PER_MONTH = 365 / 12;

/** The CPI and the poverty lines over a span of months. */
export interface PricePath {
  readonly first: Month;
  readonly last: Month;
  /** CPI level in `month`, relative to `first` (= 1). */
  cpi(month: Month): number;
  /**
   * The price level nominal incomes follow in `month`, relative to `first`: underlying inflation at
   * once, one-month jumps (the fuel-price rise) only `lag` months later.
   */
  incomePrices(month: Month, lag: number): number;
  /** BPS national poverty line, Rp per person per month. */
  nationalLine(month: Month): number;
  /** Extreme-poverty line (USD 1.90 a day, 2011 PPP), Rp per person per month. */
  extremeLine(month: Month): number;
}

/** The monthly growth factor of a price level rising by `annualRate` a year: (1 + r)^(1/12). */
export function monthlyFactor(annualRate: number): number {
  return exp(log(1 + annualRate) / 12);
}

/** The value in force in `month` among dated values (the latest at or before it). */
function valueAt(values: readonly DatedValue[], month: Month): number {
  let k = -1;
  while (k + 1 < values.length && values[k + 1].month <= month) k++;
  if (k < 0) throw new Error(`no value before ${formatMonth(month)} (first: ${values[0].date})`);
  return values[k].value as number;
}

const LINES = ['policy.poverty_line.national', 'policy.poverty_line.extreme'] as const;

/**
 * The price path for the months `start` to `last`. It begins at the date of the latest official
 * value of each poverty line at or before `start`, so that value can be carried forward with prices.
 */
export function pricePath(params: Parameters, start: Month, last: Month): PricePath {
  let first = start;
  for (const path of LINES) {
    const values = params.get(path).values;
    const latest = values.filter((v) => v.month <= start).pop();
    if (!latest) throw new Error(`${path} has no value at or before ${formatMonth(start)} (first: ${values[0].date})`);
    first = Math.min(first, latest.month);
  }
  const index = new Float64Array(last - first + 1);
  const jumps = new Float64Array(last - first + 1);
  index[0] = 1;
  jumps[0] = 1;
  const inflation = params.get('behaviour.prices.inflation').values;
  const shock = params.get('behaviour.prices.fuel_price_shock').values;
  for (let m = first + 1; m <= last; m++) {
    const jump = 1 + valueAt(shock, m);
    index[m - first] = index[m - first - 1] * monthlyFactor(valueAt(inflation, m)) * jump;
    jumps[m - first] = jumps[m - first - 1] * jump;
  }
  const cpi = (month: Month): number => {
    if (month < first || month > last) throw new Error(`no price index for ${formatMonth(month)}: the path covers ${formatMonth(first)} to ${formatMonth(last)}`);
    return index[month - first];
  };
  const indexed = (path: (typeof LINES)[number], scale: number) => {
    const values = params.get(path).values;
    return (month: Month): number => {
      const dated = values.filter((v) => v.month <= month).pop();
      if (!dated) throw new Error(`${path} has no value before ${formatMonth(month)} (first: ${values[0].date})`);
      return (dated.value as number) * scale * (cpi(month) / cpi(dated.month));
    };
  };
  const incomePrices = (month: Month, lag: number): number => {
    cpi(month);
    const lagged = Math.max(first, month - lag);
    return (index[month - first] / jumps[month - first]) * jumps[lagged - first];
  };
  return {
    first,
    last,
    cpi,
    incomePrices,
    nationalLine: indexed('policy.poverty_line.national', 1),
    extremeLine: indexed('policy.poverty_line.extreme', DAYS_PER_MONTH),
  };
}
