/**
 * The greedy search on small problems with known answers: the evaluation is a formula, not the
 * model, so what is tested is the search — climb by fall per rupiah, trim, the cheapest mix that
 * meets the target, and the stops.
 */
import { describe, expect, it } from 'vitest';
import { greedySearch, type Evaluation, type Mix } from '../../src/target/search';

/** An evaluation from formulas of the levels, recording the rounds it was asked for. */
function formula(value: (mix: Mix) => number, cost: (mix: Mix) => number) {
  const asked: Mix[][] = [];
  const evaluate = async (mixes: readonly Mix[]): Promise<Evaluation[]> => {
    asked.push(mixes.map((m) => [...m]));
    return mixes.map((m) => ({ value: value(m), cost: cost(m) }));
  };
  return { asked, evaluate };
}

/** The cheapest mix of the whole grid that meets the target, by brute force. */
function cheapestOfGrid(levels: readonly number[], below: number, value: (m: Mix) => number, cost: (m: Mix) => number): Mix {
  let grid: number[][] = [[]];
  for (const n of levels) grid = grid.flatMap((m) => Array.from({ length: n + 1 }, (_, l) => [...m, l]));
  return grid.filter((m) => value(m) < below).sort((a, b) => cost(a) - cost(b))[0];
}

describe('greedySearch', () => {
  // Lever A lowers the indicator by 2 a level for 3 Rp; lever B by 1 for 1 Rp. B is the better buy,
  // but after all of B the target (below 4.5) needs two levels of A; then one level of B is not needed.
  const value = (m: Mix) => 10 - 2 * m[0] - m[1];
  const cost = (m: Mix) => 3 * m[0] + m[1];

  it('climbs by the largest fall per extra rupiah, then trims a level the last step made unneeded', async () => {
    const { evaluate } = formula(value, cost);
    const result = await greedySearch({ levels: [3, 3], below: 4.5, evaluate });
    expect(result.steps).toEqual([[0, 0], [0, 1], [0, 2], [0, 3], [1, 3], [2, 3], [2, 2]]);
    expect(result.answer?.mix).toEqual([2, 2]);
    expect(result.answer?.cost).toBe(3 * 2 + 2);
    expect(result.stop).toBe('met');
  });

  it('finds the cheapest mix of the grid on this problem', async () => {
    const result = await greedySearch({ levels: [3, 3], below: 4.5, evaluate: formula(value, cost).evaluate });
    expect(result.answer?.mix).toEqual(cheapestOfGrid([3, 3], 4.5, value, cost));
  });

  it('runs the candidates of a round together and never runs a mix twice', async () => {
    const { asked, evaluate } = formula(value, cost);
    const result = await greedySearch({ levels: [3, 3], below: 4.5, evaluate });
    expect(asked[0]).toEqual([[0, 0]]);
    expect(asked[1]).toEqual([[1, 0], [0, 1]]);
    const all = asked.flat().map((m) => m.join(','));
    expect(new Set(all).size).toBe(all.length);
    expect(result.candidates.length).toBe(all.length);
    expect(result.rounds).toBe(asked.length);
  });

  it('takes a step that lowers the indicator at no extra cost before any that costs', async () => {
    // Lever B (free) lowers it by 0.1 a level; lever A by 1 for 1 Rp.
    const { evaluate } = formula((m) => 5 - m[0] - 0.1 * m[1], (m) => m[0]);
    const result = await greedySearch({ levels: [2, 2], below: 3.5, evaluate });
    expect(result.steps.slice(0, 3)).toEqual([[0, 0], [0, 1], [0, 2]]);
    expect(result.answer?.mix).toEqual([2, 2]);
  });

  it('says so when no mix within the levels meets the target, having climbed every lever to the top', async () => {
    const result = await greedySearch({ levels: [2, 1], below: 0, evaluate: formula(value, cost).evaluate });
    expect(result.answer).toBeNull();
    expect(result.stop).toBe('levels-exhausted');
    expect(result.steps.at(-1)).toEqual([2, 1]);
  });

  it('stops when no step lowers the indicator', async () => {
    const result = await greedySearch({ levels: [2, 2], below: 1, evaluate: formula((m) => 3 + m[0] + m[1], (m) => m[0] + m[1]).evaluate });
    expect(result.answer).toBeNull();
    expect(result.stop).toBe('no-fall');
    expect(result.steps).toEqual([[0, 0]]);
  });

  it('answers with the legislated mix when it already meets the target', async () => {
    const result = await greedySearch({ levels: [3, 3], below: 11, evaluate: formula(value, cost).evaluate });
    expect(result.answer?.mix).toEqual([0, 0]);
    expect(result.candidates.length).toBe(1);
  });

  it.each([
    ['no levers', [], 1],
    ['a lever with no level', [0], 1],
    ['a level that is not a number', [2], Number.NaN],
  ])('refuses %s', async (_, levels, below) => {
    await expect(greedySearch({ levels, below, evaluate: formula(value, cost).evaluate })).rejects.toThrow(/greedySearch/);
  });
});
