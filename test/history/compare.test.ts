/**
 * The baseline beside the record on hand-made rows: the ratio is the model's mean over the official
 * value, z divides the gap by the figure's sd combined with the replicates' spread, a year's
 * spending is the sum of its months, a round's families the peak, and every figure gets a status.
 */
import { describe, expect, it } from 'vitest';
import { compareWithRecord } from '../../src/history/index';
import type { Target } from '../../src/calibration/targets';
import type { ResultRow } from '../../src/run/results';

function figure(id: string, indicator: string, value: number, sd: number, months: string[], measure: Target['measure'] = 'month', group = 'national'): Target {
  return {
    id, indicator, group, month: months.at(-1)!, value, sd, measure, months,
    published: { value, unit: 'test', sd }, series: 'test', period: months.join(' to '), kind: 'outcome', calibrate: false, source: 'hand-made', url: '', confidence: 'A', notes: '',
  };
}

/** Rows of scenario "base": value[replicate] for each month. */
function rows(indicator: string, byMonth: Record<string, number[]>, group = 'national', scenario = 'base'): ResultRow[] {
  return Object.entries(byMonth).flatMap(([month, values]) => values.map((value, replicate) => ({ scenario, replicate, month, indicator, group, value })));
}

const RUN: ResultRow[] = [
  ...rows('p0_national', { '2022-03': [0.09, 0.11], '2022-09': [0.1, 0.1] }),
  ...rows('p0_national', { '2022-03': [0.07, 0.07] }, 'area:urban'),
  ...rows('pkh_spend', Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`2022-${String(k + 3).padStart(2, '0')}`, [2e12, 3e12]]))),
  ...rows('blt_bbm_households', { '2022-08': [0, 0], '2022-09': [20e6, 19e6], '2022-10': [21e6, 20e6], '2022-11': [0, 0] }),
];

describe('a figure beside the model', () => {
  it('ratio: the mean over replicates over the official value (0.10 / 0.08 = 1.25)', () => {
    const [r] = compareWithRecord(RUN, [figure('p0', 'p0_national', 0.08, 0.002, ['2022-03'])]);
    expect(r.status).toBe('in span');
    expect(r.model!.mean).toBeCloseTo((0.09 + 0.11) / 2, 12);
    expect(r.ratio).toBeCloseTo(0.1 / 0.08, 12);
  });

  it('z: the gap over √(figure sd² + replicates\' sd²): (0.10 − 0.08) / √(0.002² + 0.0141²)', () => {
    const [r] = compareWithRecord(RUN, [figure('p0', 'p0_national', 0.08, 0.002, ['2022-03'])]);
    const spread = Math.sqrt(((0.09 - 0.1) ** 2 + (0.11 - 0.1) ** 2) / (2 - 1));
    expect(r.model!.sd).toBeCloseTo(spread, 12);
    expect(r.sd).toBeCloseTo(Math.sqrt(0.002 ** 2 + spread ** 2), 12);
    expect(r.z).toBeCloseTo((0.1 - 0.08) / Math.sqrt(0.002 ** 2 + spread ** 2), 10);
  });

  it('z with replicates that agree is the gap over the figure\'s sd alone: (0.10 − 0.095) / 0.002 = 2.5', () => {
    const [r] = compareWithRecord(RUN, [figure('p0', 'p0_national', 0.095, 0.002, ['2022-09'])]);
    expect(r.model!.sd).toBe(0);
    expect(r.z).toBeCloseTo(2.5, 10);
  });

  it('the band: 5th and 95th percentiles over replicates', () => {
    const [r] = compareWithRecord(RUN, [figure('p0', 'p0_national', 0.08, 0.002, ['2022-03'])]);
    expect(r.model!.p05).toBeLessThan(r.model!.mean);
    expect(r.model!.p95).toBeGreaterThan(r.model!.mean);
    expect(r.model!.replicates).toBe(2);
  });

  it('a sum over a period adds the monthly values of each replicate, then averages: 10 months × (2 + 3) / 2 T', () => {
    const months = Array.from({ length: 10 }, (_, k) => `2022-${String(k + 3).padStart(2, '0')}`);
    const [r] = compareWithRecord(RUN, [figure('spend', 'pkh_spend', 20e12, 0.4e12, months, 'sum')]);
    expect(r.model!.mean).toBeCloseTo((10 * 2e12 + 10 * 3e12) / 2, 0);
    expect(r.model!.p05).toBeGreaterThanOrEqual(20e12);
    expect(r.ratio).toBeCloseTo(25 / 20, 12);
  });

  it('a peak over a period takes each replicate\'s highest month: (21 + 20) / 2 million', () => {
    const [r] = compareWithRecord(RUN, [figure('bbm', 'blt_bbm_households', 20.65e6, 0.413e6, ['2022-09', '2022-10', '2022-11'], 'peak')]);
    expect(r.model!.mean).toBeCloseTo(20.5e6, 0);
  });
});

describe('every figure gets a status; none is dropped', () => {
  it.each<[string, Target, string]>([
    ['a month the run has', figure('a', 'p0_national', 0.1, 0.002, ['2022-03']), 'in span'],
    ['a group the run has', figure('b', 'p0_national', 0.075, 0.0015, ['2022-03'], 'month', 'area:urban'), 'in span'],
    ['a round before the run starts (2018-09)', figure('c', 'p0_national', 0.0966, 0.002, ['2018-09']), 'outside span'],
    ['a month after the run ends', figure('d', 'p0_national', 0.09, 0.002, ['2023-03']), 'outside span'],
    ['a year the run covers in part (2022 from March)', figure('e', 'pkh_spend', 28.3e12, 0.5e12, Array.from({ length: 12 }, (_, k) => `2022-${String(k + 1).padStart(2, '0')}`), 'sum'), 'outside span'],
    ['a month inside the run whose group the run did not record (urban, September)', figure('i', 'p0_national', 0.07, 0.0014, ['2022-09'], 'month', 'area:urban'), 'not observed'],
    ['an indicator the run has none of (Gini)', figure('f', 'gini', 0.384, 0.008, ['2022-03']), 'not modelled'],
    ['a programme the run\'s registry lacks', figure('g', 'rice_aid_households', 21e6, 0.4e6, ['2022-09']), 'not modelled'],
    ['a group the run does not report', figure('h', 'p0_national', 0.12, 0.002, ['2022-03'], 'month', 'area:rural'), 'not modelled'],
  ])('%s: %s', (_, f, status) => {
    const [r] = compareWithRecord(RUN, [f]);
    expect(r.status).toBe(status);
    expect(r.official).toBe(f.value);
    if (status !== 'in span') {
      expect(r.model).toBeNull();
      expect(r.ratio).toBeNaN();
      expect(r.z).toBeNaN();
    }
  });

  it('gives one row per figure, in the record\'s order', () => {
    const record = [figure('x', 'gini', 0.38, 0.008, ['2022-03']), figure('y', 'p0_national', 0.1, 0.002, ['2022-03']), figure('z', 'p0_national', 0.1, 0.002, ['2018-09'])];
    expect(compareWithRecord(RUN, record).map((r) => [r.figure.id, r.status])).toEqual([['x', 'not modelled'], ['y', 'in span'], ['z', 'outside span']]);
  });
});

describe('the scenario compared', () => {
  const two = [...RUN, ...rows('p0_national', { '2022-03': [0.2, 0.2] }, 'national', 'other')];
  const p0 = figure('p0', 'p0_national', 0.1, 0.002, ['2022-03']);

  it('is the one named when the rows hold several', () => {
    expect(compareWithRecord(two, [p0], 'other')[0].model!.mean).toBeCloseTo(0.2, 12);
  });

  it('must be named when the rows hold several', () => {
    expect(() => compareWithRecord(two, [p0])).toThrow(/expected the rows of one scenario or a scenario named, got base, other/);
  });
});
