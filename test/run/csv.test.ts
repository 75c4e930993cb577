/**
 * The CSV writers of a run (results.csv, summary.csv) and the chart's row picking: each line as its
 * row alone would give it (texts quoted when they hold a comma, quote or line break, numbers in
 * JavaScript's shortest round-trip form), whatever the rows before it; a chart picks from rows
 * added after its first pick.
 */
import { describe, expect, it } from 'vitest';
import { csvField, toCsv, CSV_HEADER } from '../../src/run/results';
import type { ResultRow } from '../../src/run/results';
import { summaryCsv, SUMMARY_HEADER } from '../../src/observe/summary';
import type { SummaryRow } from '../../src/observe/summary';
import { select } from '../../src/charts/rows';

const row = (scenario: string, replicate: number, month: string, indicator: string, group: string, value: number): ResultRow => ({ scenario, replicate, month, indicator, group, value });

const RESULTS: ResultRow[] = [
  row('base', 0, '2022-03', 'p0_extreme', 'national', 0.0123),
  row('base', 0, '2022-03', 'p0_extreme', 'province:Jawa Barat, "West"', 1 / 3),
  row('base', 0, '2022-04', 'p0_extreme', 'national', 0.0121),
  row('base', 1, '2022-04', 'p0_extreme', 'national', NaN),
  row('cut, 20 %', 1, '2022-04', 'p0_extreme', 'national', 86437052.99997139),
  row('base', 1, '2022-04', 'flow.pkh.enrolled', 'national', 0),
];

/** A line as its row alone gives it. */
const alone = (r: ResultRow) => `${csvField(r.scenario)},${r.replicate},${r.month},${csvField(r.indicator)},${csvField(r.group)},${r.value}`;

describe('results.csv', () => {
  it('writes each row as it alone would be written, quoting the texts that need it', () => {
    expect(toCsv(RESULTS)).toBe(`${CSV_HEADER}\n${RESULTS.map(alone).join('\n')}\n`);
    expect(toCsv(RESULTS).split('\n')[2]).toBe('base,0,2022-03,p0_extreme,"province:Jawa Barat, ""West""",0.3333333333333333');
    expect(toCsv(RESULTS).split('\n')[5]).toBe('"cut, 20 %",1,2022-04,p0_extreme,national,86437052.99997139');
  });
});

describe('summary.csv', () => {
  const summary = (scenario: string, compared_with: string, month: string, group: string, mean: number): SummaryRow => ({ scenario, compared_with, month, indicator: 'p0_extreme', group, replicates: 3, mean, p05: mean - 0.001, median: mean, p95: mean + 0.001 });
  const ROWS = [
    summary('base', '', '2022-03', 'national', 0.0123),
    summary('base', '', '2022-03', 'age:<40', 0.02),
    summary('cut, 20 %', '', '2022-03', 'national', 0.0131),
    summary('cut, 20 %', 'base', '2022-03', 'national', 0.0008),
    summary('cut, 20 %', 'base', '2022-04', 'national', NaN),
  ];
  it('writes each row as it alone would be written', () => {
    const lines = ROWS.map((r) => [csvField(r.scenario), csvField(r.compared_with), r.month, csvField(r.indicator), csvField(r.group), r.replicates, r.mean, r.p05, r.median, r.p95].join(','));
    expect(summaryCsv(ROWS)).toBe(`${SUMMARY_HEADER}\n${lines.join('\n')}\n`);
    expect(summaryCsv(ROWS).split('\n')[4]).toBe('"cut, 20 %",base,2022-03,p0_extreme,national,3,0.0008,-0.00019999999999999998,0.0008,0.0018');
  });
});

describe('a chart picks its rows', () => {
  const summary = (indicator: string, compared_with: string, mean: number): SummaryRow => ({ scenario: 'cut', compared_with, month: '2022-03', indicator, group: 'national', replicates: 3, mean, p05: mean, median: mean, p95: mean });
  it('from rows added to the array after its first pick, and names what the rows lack', () => {
    const rows = [summary('p0_extreme', '', 1), summary('p0_national', '', 2)];
    expect(select(rows, { chart: 'test', indicator: 'p0_national', group: 'national' }).map((r) => r.mean)).toEqual([2]);
    rows.push(summary('p0_national', '', 3), summary('p0_national', 'base', 4));
    expect(select(rows, { chart: 'test', indicator: 'p0_national', group: 'national' }).map((r) => r.mean)).toEqual([2, 3]);
    expect(select(rows, { chart: 'test', indicator: 'p0_national', group: 'national', differences: true }).map((r) => r.mean)).toEqual([4]);
    expect(() => select(rows, { chart: 'test', indicator: 'gini', group: 'national' })).toThrow('test: indicator "gini" is not among the levels of the rows');
    expect(() => select([summary('p0_extreme', '', 1)], { chart: 'test', indicator: 'p0_extreme', group: 'national', differences: true })).toThrow('the rows hold no paired differences');
  });
});
