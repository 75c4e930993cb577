/**
 * The headline cells: every number with its band, and the band's ends apart whenever they differ.
 */
import { describe, expect, it } from 'vitest';
import { formatBand } from '../../src/report/table';
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
