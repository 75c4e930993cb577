/**
 * The population is a pure function of its options.
 *
 * Not tested: "a contiguous sub-range is the same whether the population has N or M agents". Each
 * agent's draws depend only on (seed, its index, purpose), but which province and cell an index
 * belongs to depends on N (provinces are contiguous blocks sized in proportion to N), and the fitted
 * values (size model aside) and the post-stratified weights are properties of the whole sample. So the
 * same seed and N give identical arrays; a different N gives a different, equally valid, sample.
 */
import { describe, expect, it } from 'vitest';
import { buildPopulation } from '../../src/population/index';
import { LINES, digest } from './helpers';

describe('reproducibility', () => {
  const a = buildPopulation({ seed: 'rpjmn-2025', households: 50_000, lines: LINES });

  it('the same seed and size give byte-identical arrays', () => {
    const b = buildPopulation({ seed: 'rpjmn-2025', households: 50_000, lines: LINES });
    expect(digest(b.households)).toBe(digest(a.households));
  });

  it('a numeric seed and its decimal string give the same population', () => {
    const n = buildPopulation({ seed: 7, households: 20_000, lines: LINES });
    const s = buildPopulation({ seed: '7', households: 20_000, lines: LINES });
    expect(digest(s.households)).toBe(digest(n.households));
  });

  it('a different seed gives different households but the same official totals', () => {
    const c = buildPopulation({ seed: 'rpjmn-2026', households: 50_000, lines: LINES });
    expect(digest(c.households)).not.toBe(digest(a.households));
    let sa = 0;
    let sc = 0;
    for (let i = 0; i < 50_000; i++) {
      sa += a.households.weight[i];
      sc += c.households.weight[i];
    }
    expect(sc).toBeCloseTo(sa, 2);
  });

  it('different poverty lines change consumption only', () => {
    const d = buildPopulation({ seed: 'rpjmn-2025', households: 50_000, lines: { national: 500_000, extreme: 350_000 } });
    expect(Array.from(d.households.size)).toEqual(Array.from(a.households.size));
    expect(Array.from(d.households.weight)).toEqual(Array.from(a.households.weight));
    expect(Array.from(d.households.consumption)).not.toEqual(Array.from(a.households.consumption));
  });
});
