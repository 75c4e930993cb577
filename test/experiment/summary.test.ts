/**
 * Summaries of tidy rows: one row per scenario, month, indicator and group in the order they first
 * appear, paired differences against the reference, and clear errors for rows of different shapes.
 */
import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/observe/summary';
import type { ResultRow } from '../../src/run/results';

const row = (scenario: string, replicate: number, month: string, indicator: string, group: string, value: number): ResultRow => ({ scenario, replicate, month, indicator, group, value });

/** Two replicates of a scenario: national rows of two indicators, then a province row of the first, in two months. */
function rowsOf(scenario: string, shift: number): ResultRow[] {
  return [0, 1].flatMap((replicate) =>
    ['2022-03', '2022-04'].flatMap((month, m) => [
      row(scenario, replicate, month, 'p0', 'national', 0.1 + shift + replicate + m),
      row(scenario, replicate, month, 'households', 'national', 100 + shift + replicate + m),
      row(scenario, replicate, month, 'p0', 'province:Aceh', 0.2 + shift + replicate + m),
    ]),
  );
}

describe('summarise', () => {
  it('keeps the order in which months, indicators and groups first appear, scenario by scenario, then the differences', () => {
    const summary = summarise([...rowsOf('a', 0), ...rowsOf('b', 10)], 'a');
    expect(summary.map((r) => `${r.scenario}|${r.compared_with}|${r.month}|${r.indicator}|${r.group}`)).toEqual([
      ...['a|', 'b|', 'b|a'].flatMap((prefix) => [
        `${prefix}|2022-03|p0|national`,
        `${prefix}|2022-03|households|national`,
        `${prefix}|2022-03|p0|province:Aceh`,
        `${prefix}|2022-04|p0|national`,
        `${prefix}|2022-04|households|national`,
        `${prefix}|2022-04|p0|province:Aceh`,
      ]),
    ]);
    const own = summary.find((r) => r.scenario === 'b' && r.compared_with === '' && r.month === '2022-04' && r.group === 'province:Aceh')!;
    expect(own.replicates).toBe(2);
    expect(own.mean).toBeCloseTo(10.2 + 1 + 0.5, 12);
    const difference = summary.find((r) => r.compared_with === 'a' && r.month === '2022-03' && r.indicator === 'households')!;
    expect([difference.p05, difference.median, difference.p95]).toEqual([10, 10, 10]);
  });

  it('names the scenario, month, indicator and group missing in a replicate', () => {
    const rows = rowsOf('a', 0).filter((r) => !(r.replicate === 1 && r.month === '2022-04' && r.indicator === 'households'));
    expect(() => summarise(rows)).toThrow('scenario a: 2022-04 / households / national is missing in some replicates');
  });

  it('refuses a reference that is not among the results', () => {
    expect(() => summarise(rowsOf('a', 0), 'b')).toThrow('reference scenario "b" is not among the results (a)');
  });
});
