/**
 * The headline cells: every number with its band, and the band's ends apart whenever they differ.
 */
import { describe, expect, it } from 'vitest';
import { formatBand, headlineTables } from '../../src/report/table';
import { headlines } from '../../src/report/headline';
import { decimal } from '../../src/lang/index';
import type { ResultRow } from '../../src/run/results';
import { ENOUGH_REPLICATES, TEXT } from '../../src/report/text';

describe('a band in the headline tables', () => {
  it.each([
    ['ends apart at two decimals stay at two', { mean: -0.004, p05: -0.005, p95: -0.003 }, '-0.40 [-0.50 – -0.30]'],
    ['ends that round to one value gain a decimal', { mean: -0.00401, p05: -0.00404, p95: -0.00399 }, '-0.401 [-0.404 – -0.399]'],
    ['ends that round to one value at three decimals gain two', { mean: -0.004001, p05: -0.0040044, p95: -0.0039999 }, '-0.4001 [-0.4004 – -0.4000]'],
    ['equal ends are shown, not dropped (every replicate gave that value)', { mean: 0, p05: 0, p95: 0 }, '0.00 [0.00 – 0.00]'],
    ['a positive change has its sign', { mean: 0.0009, p05: 0.0008, p95: 0.001 }, '+0.09 [+0.08 – +0.10]'],
  ])('%s', (_, band, text) => {
    expect(formatBand(band, 100, 2, 'en', true)).toBe(text);
  });

  it('in Indonesian, with a decimal comma', () => {
    expect(formatBand({ mean: -0.00401, p05: -0.00404, p95: -0.00399 }, 100, 2, 'id', true)).toBe('-0,401 [-0,404 – -0,399]');
  });
});

describe('how many replicates a band comes from', () => {
  it.each([
    ['en', 3, 'mean [5th–95th percentile over 3 replicates]'],
    ['id', 3, 'rata-rata [persentil ke-5–95 dari 3 replikasi]'],
  ] as const)('%s: the band says its replicates', (lang, n, text) => {
    expect(TEXT[lang].band({ kind: 'stochastic' }, n)).toBe(text);
  });

  it('fewer than 10 replicates get a warning that names the number', () => {
    expect(ENOUGH_REPLICATES).toBe(10);
    expect(TEXT.en.fewReplicates(3)).toContain('only 3 replicates, fewer than 10');
    expect(TEXT.id.fewReplicates(3)).toContain('hanya berasal dari 3 replikasi, kurang dari 10');
  });
});

describe('graduations by kind and what the extra money buys', () => {
  /** Three months, two replicates: the reference, a scenario that spends more and has fewer extreme poor, and one that spends more for nothing. */
  function rows(): ResultRow[] {
    const out: ResultRow[] = [];
    const months = ['2024-01', '2024-02', '2024-03'];
    const add = (scenario: string, replicate: number, month: string, indicator: string, value: number) => out.push({ scenario, replicate, month, indicator, group: 'national', value });
    for (const replicate of [0, 1]) {
      months.forEach((month, m) => {
        add('base', replicate, month, 'poor_extreme', 5e6);
        add('base', replicate, month, 'pkh_spend', 2e12);
        add('base', replicate, month, 'flow.pkh.natural_graduation', 10_000);
        // more: Rp 0.5 T more a month from the second month, and 120,000 (replicate 0) or 240,000 fewer extreme poor from then
        add('more', replicate, month, 'poor_extreme', m === 0 ? 5e6 : 5e6 - 120_000 * (replicate + 1));
        add('more', replicate, month, 'pkh_spend', 2e12);
        add('more', replicate, month, 'pena_spend', m === 0 ? 0 : 0.5e12);
        add('more', replicate, month, 'flow.pkh.natural_graduation', 10_000);
        add('more', replicate, month, 'flow.pathway.graduated_pena_exit', m === 2 ? 3_000 : 0);
        add('more', replicate, month, 'flow.graduation.relapsed_pena_exit', m === 2 ? 500 : 0);
        // cheaper: Rp 1 T less in the last month, and 60,000 fewer extreme poor in it
        add('cheaper', replicate, month, 'poor_extreme', m === 2 ? 5e6 - 60_000 : 5e6);
        add('cheaper', replicate, month, 'pkh_spend', m === 2 ? 1e12 : 2e12);
        add('cheaper', replicate, month, 'flow.pkh.natural_graduation', 10_000);
        // wasted: Rp 1 T more in the last month, nothing gained
        add('wasted', replicate, month, 'poor_extreme', 5e6);
        add('wasted', replicate, month, 'pkh_spend', m === 2 ? 3e12 : 2e12);
        add('wasted', replicate, month, 'flow.pkh.natural_graduation', 10_000);
      });
    }
    return out;
  }
  const all = headlines(rows(), 'base');
  const [more, cheaper, wasted] = [all[1], all[2], all[3]];

  it('counts each kind of graduation and each relapse over the run', () => {
    expect(more.graduationsByKind.natural.mean).toBe(30_000);
    expect(more.graduationsByKind.pena_exit.mean).toBe(3_000);
    expect(more.graduations.mean).toBe(33_000);
    expect(more.relapsesByKind.pena_exit.mean).toBe(500);
    expect(more.relapses.mean).toBe(500);
  });

  it('says what the extra money buys against the reference, replicate by replicate, with the cost of each gain', () => {
    const e = more.effectiveness!;
    expect(e.extraSpend.mean).toBe(1e12);
    expect(e.fewerExtremePoor.mean).toBe(180_000); // (120,000 + 240,000) / 2 in the last month
    expect(e.personYears.mean).toBeCloseTo(30_000, 6); // two months of 180,000 on average, over 12
    expect(e.extraGraduations.mean).toBe(3_000);
    expect(e.costPerPersonLifted).toBeCloseTo(1e12 / 180_000, 6);
    expect(e.costPerPersonYear).toBeCloseTo(1e12 / 30_000, 6);
    expect(e.costPerGraduation).toBeCloseTo(1e12 / 3_000, 6);
    expect(all[0].effectiveness).toBeNull();
  });

  it('gives no cost where the money buys nothing, and the table says so', () => {
    expect(wasted.effectiveness!.costPerPersonLifted).toBeNaN();
    const labels = new Map([['base', 'Base'], ['more', 'More'], ['cheaper', 'Cheaper'], ['wasted', 'Wasted']]);
    const tables = headlineTables(all, labels, 'en', 'base');
    expect(tables).toHaveLength(4);
    const [, , kinds, effectiveness] = tables;
    expect(kinds.columns).toContain('PENA exit');
    expect(kinds.rows[1]).toContain('3.0 [3.0 – 3.0]');
    expect(effectiveness.caption).toContain('against Base');
    expect(effectiveness.rows.map((r) => r[0])).toEqual(['More', 'Cheaper', 'Wasted']);
    expect(cheaper.effectiveness!.fewerExtremePoor.mean).toBe(60_000);
    expect(effectiveness.rows[1][3]).toBe('— (costs less)');
    expect(effectiveness.rows[2][3]).toBe('— (no gain)');
    expect(effectiveness.rows[0][3]).toBe(decimal((1e12 / 180_000) * 1e-6, 2, 'en'));
    expect(headlineTables(all, labels, 'en')).toHaveLength(3);
  });
});
