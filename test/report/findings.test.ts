/**
 * Key findings follow the run's numbers: the sentences are made from the rows, so changing a result
 * changes what they say.
 */
import { describe, expect, it } from 'vitest';
import { keyFindings } from '../../src/report/findings';
import type { FindingsInput } from '../../src/report/findings';
import type { ResultRow } from '../../src/run/results';
import { summarise } from '../../src/observe/summary';

/** Two replicates per scenario, March 2024: extreme poverty, national poverty, graduations, PKH and ATENSI spending. */
interface Numbers {
  extreme: [number, number];
  national: [number, number];
  graduations: [number, number];
  pkh: number;
  atensi: number;
}

function run(scenarios: Record<string, Numbers>, reference?: string): FindingsInput {
  const rows: ResultRow[] = [];
  for (const [scenario, n] of Object.entries(scenarios)) {
    for (const replicate of [0, 1]) {
      const row = (indicator: string, value: number) => rows.push({ scenario, replicate, month: '2024-03', indicator, group: 'national', value });
      row('p0_extreme', n.extreme[replicate]);
      row('p0_national', n.national[replicate]);
      row('flow.pathway.graduated_mandiri_judged', n.graduations[replicate]);
      row('pkh_spend', n.pkh);
      row('atensi_spend', n.atensi);
    }
  }
  const labels = new Map(Object.keys(scenarios).map((id) => [id, id.toUpperCase()]));
  return { rows, summary: summarise(rows, reference), scenarios: Object.keys(scenarios), reference, labels };
}

const BASE: Numbers = { extreme: [0.02, 0.024], national: [0.09, 0.092], graduations: [0, 0], pkh: 28e12, atensi: 0 };
const PUSH: Numbers = { extreme: [0.018, 0.02], national: [0.088, 0.09], graduations: [40_000, 44_000], pkh: 28e12, atensi: 4e12 };
const CUT: Numbers = { extreme: [0.021, 0.0225], national: [0.091, 0.093], graduations: [50_000, 52_000], pkh: 22e12, atensi: 4e12 };

describe('key findings', () => {
  const findings = keyFindings(run({ 'assistance-only': BASE, push: PUSH, cut: CUT }), 'en');

  it('four sentences: levels, the difference, graduations, the cost', () => {
    expect(findings).toEqual([
      // (2.0 + 2.4) / 2 = 2.20 % under the baseline, (1.8 + 2.0) / 2 = 1.90 % under PUSH, the lowest; two
      // replicates, so the 5th percentile is 2.0 + 0.05 × (2.4 − 2.0) = 2.02 and the 95th 2.0 + 0.95 × 0.4 = 2.38.
      'In March 2024, 2.20 [2.02 – 2.38] % of people are in extreme poverty under ASSISTANCE-ONLY, the baseline, and 1.90 [1.81 – 1.99] % under PUSH, the lowest of the 3 scenarios; the national poverty rate is 9.10 [9.01 – 9.19] % and 8.90 [8.81 – 8.99] %.',
      // Paired: 1.8 − 2.0 = −0.2, 2.0 − 2.4 = −0.4.
      'Against the baseline, PUSH changes extreme poverty in March 2024 by -0.30 [-0.39 – -0.21] percentage points (paired, replicate by replicate).',
      'Over the run, PUSH graduates 42.0 [40.2 – 43.8] thousand households and the baseline 0.0 [0.0 – 0.0] thousand; the most, 51.0 [50.1 – 51.9] thousand, under CUT.',
      // Rp 4 T of ATENSI more in each replicate; 4 / 0.30 = 13.33 T per point.
      'PUSH spends Rp 4.00 trillion more than the baseline on assistance and empowerment together: Rp 13.33 trillion per percentage point of extreme poverty avoided in March 2024.',
    ]);
  });

  it('changing a result changes the findings: another scenario becomes the lowest', () => {
    const lower = keyFindings(run({ 'assistance-only': BASE, push: PUSH, cut: { ...CUT, extreme: [0.015, 0.017] } }), 'en');
    expect(lower[0]).toContain('and 1.60 [1.51 – 1.69] % under CUT, the lowest of the 3 scenarios');
    expect(lower[3]).toContain('CUT spends Rp 2.00 trillion less than the baseline');
    expect(lower[2]).toContain('no scenario graduates more');
  });

  it('a difference whose band reaches zero gets no cost per percentage point', () => {
    const unsure = keyFindings(run({ 'assistance-only': BASE, push: { ...PUSH, extreme: [0.018, 0.026] } }), 'en');
    expect(unsure[1]).toContain('by 0.00 [-0.18 – +0.18] percentage points');
    expect(unsure[3]).toContain('its change in extreme poverty reaches zero within its band, so no cost per percentage point is given');
  });

  it('the reference of a compare is the baseline', () => {
    const against = keyFindings(run({ 'assistance-only': BASE, push: PUSH, cut: CUT }, 'cut'), 'en');
    expect(against[0]).toContain('under CUT, the baseline');
  });

  it('in Indonesian, with the same numbers', () => {
    const id = keyFindings(run({ 'assistance-only': BASE, push: PUSH, cut: CUT }), 'id');
    expect(id[0]).toBe('Pada Maret 2024, 2,20 [2,02 – 2,38] % penduduk berada dalam kemiskinan ekstrem pada ASSISTANCE-ONLY, baseline, dan 1,90 [1,81 – 1,99] % pada PUSH, yang terendah dari 3 skenario; tingkat kemiskinan nasional 9,10 [9,01 – 9,19] % dan 8,90 [8,81 – 8,99] %.');
    expect(id[3]).toContain('Rp 13,33 triliun per poin persen');
  });

  it('a run of one scenario: its level and graduations', () => {
    expect(keyFindings(run({ push: PUSH }), 'en')).toEqual([
      'In March 2024, 1.90 [1.81 – 1.99] % of people are in extreme poverty under PUSH, and 8.90 [8.81 – 8.99] % below the national poverty line.',
      'Over the run, PUSH graduates 42.0 [40.2 – 43.8] thousand households.',
    ]);
  });
});
