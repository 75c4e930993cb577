/**
 * What a target search shows: the charts (valid Vega-Lite in both languages, the target as a rule,
 * the answer marked), the answer first in the report, and plainly "no mix" when none meets the target.
 * The search here is made by hand, not run, so the numbers are known.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { targetCandidates, targetPath, TARGET_WORDS } from '../../src/charts/target';
import { answerSentence, candidatesCsv, runnersUpTable, targetFiles } from '../../src/report/target';
import { DEFAULT_LEVERS, type TargetCandidate, type TargetSearch } from '../../src/target/index';
import type { Lang } from '../../src/lang/index';
import { renderSvg, schemaErrors, svgTexts } from '../charts/helpers';

const MONTHS = ['2022-03', '2022-04', '2022-05'];
const levers = DEFAULT_LEVERS.filter((l) => l.id === 'pkh-reach' || l.id === 'pena-places');

/** A candidate whose two replicates give `values` at the target month and cost `costs` (Rp), 1 000 bn above the legislated 100 T a level. */
function candidate(mix: number[], round: number, values: [number, number], below: number): TargetCandidate {
  const extra = 1e12 * (mix[0] * 10 + mix[1]);
  const costs = [100e12 + extra, 100e12 + extra];
  const band = (xs: number[]) => ({ mean: (xs[0] + xs[1]) / 2, p05: Math.min(...xs), p95: Math.max(...xs) });
  const mean = (values[0] + values[1]) / 2;
  return {
    mix, round, values, costs,
    value: band(values), cost: band(costs), extraCost: band([extra, extra]),
    shareMeeting: values.filter((v) => v < below).length / 2,
    meets: mean < below,
    path: MONTHS.map((month, k) => ({ month, mean: 0.02 - ((0.02 - mean) * k) / 2, p05: 0.02 - ((0.02 - values[0]) * k) / 2, p95: 0.02 - ((0.02 - values[1]) * k) / 2 })),
  };
}

function search(below: number): TargetSearch {
  const candidates = [candidate([0, 0], 0, [0.02, 0.021], below), candidate([1, 0], 1, [0.012, 0.013], below), candidate([0, 1], 1, [0.018, 0.019], below), candidate([2, 0], 2, [0.008, 0.011], below)];
  const meeting = candidates.filter((c) => c.meets).sort((a, b) => a.cost.mean - b.cost.mean);
  return {
    target: { indicator: 'p0_extreme', group: 'national', below, by: '2022-05' },
    start: '2022-03',
    levers,
    legislated: { id: 'calibrated', patch: {} },
    candidates,
    steps: [[0, 0], [1, 0], [2, 0]],
    answer: meeting[0] ?? null,
    closest: [...candidates].sort((a, b) => a.value.mean - b.value.mean)[0],
    stop: meeting.length ? 'met' : 'levels-exhausted',
    run: { seed: 2022, replicates: 2, households: 20_000, rounds: 3, runs: 8, seconds: 1 },
  };
}

const met = search(0.011);
const missed = search(0.005);

describe.each<[string, (lang: Lang) => TopLevelSpec]>([
  ['the candidates', (lang) => targetCandidates(met, { lang })],
  ['the path', (lang) => targetPath(met, { lang })],
])('the chart of %s', (_, chart) => {
  it.each<Lang>(['en', 'id'])('in %s: valid Vega-Lite v5, drawn with the target level and the answer', async (lang) => {
    const spec = chart(lang);
    expect(schemaErrors(spec)).toEqual([]);
    const shown = svgTexts(await renderSvg(spec));
    expect(shown.some((t) => t.includes(TARGET_WORDS[lang].target.replace(' {level}', '')))).toBe(true);
    expect(shown.join(' ')).toContain(lang === 'en' ? '1.10 %' : '1,10 %');
    expect(shown.join(' ')).not.toContain('undefined');
  });
});

describe('the candidates chart', () => {
  it('marks the answer, the legislated policy, and the others by whether they meet the target', () => {
    const spec = targetCandidates(met, { lang: 'en' }) as unknown as { data: { values: Array<{ kind: string; extra: number; value: number }> } };
    const w = TARGET_WORDS.en;
    expect(spec.data.values.map((v) => v.kind)).toEqual([w.legislated, w.misses, w.misses, w.answer]);
    expect(spec.data.values[3]).toMatchObject({ extra: 20, value: (0.008 + 0.011) / 2 * 100 }); // Rp 20 trillion; in percent
  });

  it('marks the closest mix when none meets the target', () => {
    const spec = targetCandidates(missed, { lang: 'en' }) as unknown as { data: { values: Array<{ kind: string }> } };
    expect(spec.data.values[3].kind).toBe(TARGET_WORDS.en.closest);
  });
});

describe('the report', () => {
  it('says the answer first: the mix, its indicator with its band, the share of replicates and the extra cost', () => {
    expect(answerSentence(met, 'en')).toBe(
      'The cheapest mix found that brings Extreme poverty rate (P0, USD 1.90 PPP line) (national) below 1.10 % by May 2022: PKH families (quota and budget) × 1.5. At May 2022 it gives 0.95 [0.80 – 1.10] % of persons (mean [5th – 95th percentile] over 2 replicate(s)); 50 % of replicates are below the level. It spends Rp +20.0 [+20.0 – +20.0] trillion more than the policy as legislated from March 2022 to May 2022.',
    );
    const html = targetFiles(met, 'en')['report.html'];
    expect(html.indexOf('The cheapest mix found')).toBeLessThan(html.indexOf('id="chart-0"'));
  });

  it('says plainly that no mix meets the target, and shows the closest', () => {
    expect(answerSentence(missed, 'en')).toMatch(/^No mix within the levers' levels brings .* below 0.50 % by May 2022\. The closest: PKH families \(quota and budget\) × 1.5,/);
    expect(answerSentence(missed, 'id')).toMatch(/^Tidak ada kombinasi/);
  });

  it('lists the runners-up: others that meet the target by cost, then the closest that do not', () => {
    const table = runnersUpTable(search(0.013), 'en'); // the answer is PKH × 1.25 (1.25 %), the cheapest below 1.3 %
    expect(table.rows.map((r) => [r[0], r[1]])).toEqual([
      ['PKH families (quota and budget) × 1.5', 'met'],
      ['PENA places × 2', 'not met'],
      ['as legislated', 'not met'],
    ]);
  });

  it('writes every candidate to candidates.csv, the legislated mix first and the answer marked', () => {
    const lines = candidatesCsv(met).trim().split('\n');
    expect(lines[0]).toBe('round,level_pkh-reach,level_pena-places,meets,answer,value_mean,value_p05,value_p95,share_meeting,cost_mean,cost_p05,cost_p95,extra_cost_mean,extra_cost_p05,extra_cost_p95');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual(['0,0,0,false,false', '1,1,0,false,false', '1,0,1,false,false', '2,2,0,true,true']);
  });
});
