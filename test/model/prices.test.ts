/**
 * The price path: the CPI through BPS's published figures, the national line through BPS's published
 * rounds, and the extreme line of series B carried by the CPI.
 */
import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { EXTREME_LINE_PRICES, pricePath } from '../../src/model/prices';
import { monthOf } from '../../src/calendar/months';

const params = loadParameters();
const figures = (path: 'behaviour.prices.inflation' | 'behaviour.prices.month_on_month' | 'policy.poverty_line.national') => params.get(path).values.map((v) => ({ month: v.month, date: v.date, value: v.value as number }));
const path = pricePath(params, monthOf('2022-03'), monthOf('2030-12'));
const m = monthOf;

describe('the CPI path', () => {
  it.each(figures('behaviour.prices.inflation'))('reproduces the year-on-year figure of $date ($value) to 0.02 point', ({ month, value }) => {
    expect(Math.abs(path.cpi(month) / path.cpi(month - 12) - 1 - value)).toBeLessThan(0.0002);
  });

  it.each(figures('behaviour.prices.month_on_month'))('reproduces the month-on-month figure of $date ($value) to 0.02 point', ({ month, value }) => {
    expect(Math.abs(path.cpi(month) / path.cpi(month - 1) - 1 - value)).toBeLessThan(0.0002);
  });

  it('holds the September 2022 fuel jump once: the month rises 1.17 %, and the CPI does not depend on the jump', () => {
    expect(path.cpi(m('2022-09')) / path.cpi(m('2022-08'))).toBeCloseTo(1.0117, 3);
    const noJump = params.patched({ 'behaviour.prices.fuel_price_shock': { '2022-09-01': 0 } }, 'no jump');
    const other = pricePath(noJump, m('2022-03'), m('2030-12'));
    for (const month of [m('2022-08'), m('2022-09'), m('2023-03'), m('2030-12')]) expect(other.cpi(month)).toBe(path.cpi(month));
  });

  it('incomes reach the jump price_lag months late, and follow the rest of the CPI at once', () => {
    const lag = 6;
    const ratio = (month: number) => path.incomePrices(month, lag) / path.cpi(month);
    expect(ratio(m('2022-08'))).toBeCloseTo(ratio(m('2022-07')), 12);
    expect(ratio(m('2022-09'))).toBeCloseTo(ratio(m('2022-08')) / 1.0079, 12);
    expect(ratio(m('2023-02'))).toBeCloseTo(ratio(m('2022-09')), 12);
    expect(ratio(m('2023-03'))).toBeCloseTo(ratio(m('2022-08')), 12);
  });

  it('rises at behaviour.prices.inflation_outlook after the last published figure (March 2025)', () => {
    const outlook = params.get('behaviour.prices.inflation_outlook').values[0].value as number;
    expect(path.cpi(m('2026-04')) / path.cpi(m('2025-04'))).toBeCloseTo(1 + outlook, 10);
    expect(path.cpi(m('2025-04')) / path.cpi(m('2025-03'))).toBeCloseTo((1 + outlook) ** (1 / 12), 10);
  });

  it('refuses a month before its first figure, naming the file', () => {
    expect(() => pricePath(params, m('2016-01'), m('2022-03'))).toThrow(/no price index for 2016-01: .*behaviour\/prices\/inflation\.yaml/);
  });
});

describe('the national line', () => {
  it.each(figures('policy.poverty_line.national'))('is the published line in $date (Rp $value)', ({ month, value }) => {
    expect(path.nationalLine(month)).toBe(value);
  });

  it('is geometric between rounds, across the missing September 2023 round too', () => {
    expect(path.nationalLine(m('2022-06'))).toBeCloseTo(Math.sqrt(505_469 * 535_547), 6);
    expect(path.nationalLine(m('2023-09'))).toBeCloseTo(Math.sqrt(550_458 * 582_932), 6);
    expect(path.nationalLine(m('2023-06'))).toBeCloseTo(550_458 * (582_932 / 550_458) ** 0.25, 6);
  });

  it('is carried by the CPI after the last round (March 2025); before the first (September 2018) it is that round\'s line, dated from January 2018', () => {
    expect(path.nationalLine(m('2027-01'))).toBeCloseTo((609_160 * path.cpi(m('2027-01'))) / path.cpi(m('2025-03')), 6);
    const early = pricePath(params, m('2018-01'), m('2018-12'));
    expect(early.nationalLine(m('2018-03'))).toBe(410_670);
    expect(early.nationalLine(m('2018-09'))).toBe(410_670);
  });
});

describe('the extreme line (BPS series B)', () => {
  it('is Rp 351,957.4 a month in March 2023, 0.64 of the national line', () => {
    expect(EXTREME_LINE_PRICES).toBe(m('2023-03'));
    expect(path.extremeLine(m('2023-03'))).toBeCloseTo(351_957.4, 6);
    expect(path.extremeLine(m('2023-03')) / path.nationalLine(m('2023-03'))).toBeCloseTo(0.639, 3);
  });

  it('moves with the CPI in every other month', () => {
    for (const month of [m('2022-03'), m('2022-09'), m('2024-03'), m('2030-12')]) {
      expect(path.extremeLine(month) / path.extremeLine(m('2023-03'))).toBeCloseTo(path.cpi(month) / path.cpi(m('2023-03')), 12);
    }
  });

  it('is the same for a run that ends before March 2023 or starts in 2018: the path covers March 2023', () => {
    const short = pricePath(params, m('2018-09'), m('2022-06'));
    expect(short.last).toBeGreaterThanOrEqual(m('2023-03'));
    expect(short.extremeLine(m('2022-03'))).toBeCloseTo(path.extremeLine(m('2022-03')), 6);
    expect(short.extremeLine(m('2018-09'))).toBeCloseTo((351_957.4 * short.cpi(m('2018-09'))) / short.cpi(m('2023-03')), 6);
  });
});
