/**
 * trialEffects (src/charts/trial.ts): a valid Vega-Lite v5 spec that draws, in the language asked
 * for, one panel per outcome with its unit, money in thousands of rupiah and shares in points.
 */
import { describe, expect, it } from 'vitest';
import { trialEffects } from '../../src/charts/index';
import { OUTCOMES, OUTCOME_INFO } from '../../src/trial/index';
import type { Outcome, TrialEstimate } from '../../src/trial/index';
import { renderSvg, schemaErrors, svgTexts } from '../charts/helpers';

/** ITT rows with effect e and interval e ± 1 (in the outcome's unit), at 12 and 24 months. */
function rows(): TrialEstimate[] {
  return [12, 24].flatMap((horizon) =>
    OUTCOMES.map((outcome: Outcome, k) => {
      const money = OUTCOME_INFO[outcome].kind === 'money';
      const effect = money ? 20_000 * (k + 1) : -0.05;
      const half = money ? 8_000 : 0.02;
      return { outcome, horizon, controlMean: money ? 400_000 : 0.5, treatmentMean: 0, effect, se: half / 1.96, low: effect - half, high: effect + half, p: 0.01, controlSd: 1, standardised: 0.1, nTreatment: 100, nControl: 100, relativeEffect: 5 };
    }),
  );
}

describe('trialEffects', () => {
  it.each([
    ['en', ['Intention-to-treat effects by months after the offer', 'Months after the offer', 'Effect', 'Consumption per person', 'Rp thousand a month', 'Business assets (equipment and livestock)', 'Livestock', 'Savings', 'Rp thousand', 'Runs a business', 'pp']],
    ['id', ['Dampak intention-to-treat menurut bulan setelah penawaran', 'Bulan setelah penawaran', 'Dampak', 'Pengeluaran per kapita', 'ribu Rp sebulan', 'Aset usaha (peralatan dan ternak)', 'Ternak', 'Tabungan', 'ribu Rp', 'Menjalankan usaha', 'poin']],
  ] as const)('in %s: valid Vega-Lite v5, drawn with its texts', async (lang, texts) => {
    const spec = trialEffects(rows(), { lang });
    expect(schemaErrors(spec)).toEqual([]);
    const shown = svgTexts(await renderSvg(spec));
    for (const text of texts) expect(shown).toContain(text);
  });

  it('draws money in thousands of rupiah and shares in percentage points', () => {
    const values = (trialEffects(rows(), { outcomes: ['consumption', 'poor'] }) as { data: { values: { effect: number; low: number; high: number }[] } }).data.values;
    expect(values.map((v) => [v.effect, v.low, v.high].map((x) => Math.round(x * 1e9) / 1e9))).toEqual([
      [20, 12, 28],
      [20, 12, 28],
      [-5, -7, -3],
      [-5, -7, -3],
    ]);
  });

  it('refuses an outcome the rows do not hold, and no rows', () => {
    expect(() => trialEffects(rows().filter((r) => r.outcome !== 'poor'), { outcomes: ['poor'] })).toThrow(/trialEffects: no ITT rows of outcome "poor"/);
    expect(() => trialEffects([])).toThrow('trialEffects: no ITT rows were given');
  });
});
