import { describe, expect, it } from 'vitest';
import { randomise } from '../../src/trial/index';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `hh-${i}`);
const treated = (arms: string[]) => arms.filter((a) => a === 'treatment').length;

describe('randomise treats exactly round(share × n) households', () => {
  it.each([
    [10, 0.5, 5],
    [7, 0.5, 4], // 3.5 rounds up
    [1000, 0.3, 300],
    [999, 1 / 3, 333],
    [3, 0, 0],
    [3, 1, 3],
    [0, 0.5, 0],
  ])('%i households, share %d: %i treated', (n, share, expected) => {
    const arms = randomise(ids(n), share, 1);
    expect(arms).toHaveLength(n);
    expect(treated(arms)).toBe(expected);
    expect(arms.every((a) => a === 'treatment' || a === 'control')).toBe(true);
  });
});

describe('randomise is reproducible and fair', () => {
  it('the same seed gives the same arms on any machine (pinned values of seed 2025)', () => {
    expect(randomise(['a', 'b', 'c', 'd', 'e', 'f'], 0.5, 2025)).toEqual(['treatment', 'treatment', 'control', 'control', 'control', 'treatment']);
  });

  it("a household's arm does not depend on the order of the list", () => {
    const list = ids(500);
    const arms = randomise(list, 0.4, 'pkh-trial');
    const reversed = randomise([...list].reverse(), 0.4, 'pkh-trial');
    expect([...reversed].reverse()).toEqual(arms);
  });

  it('an id and its decimal string are the same household; a seed and its string are the same seed', () => {
    expect(randomise([1, 2, 3, 4, 5, 6], 0.5, 9)).toEqual(randomise(['1', '2', '3', '4', '5', '6'], 0.5, '9'));
  });

  it('another seed gives another assignment', () => {
    expect(randomise(ids(100), 0.5, 1)).not.toEqual(randomise(ids(100), 0.5, 2));
  });

  it('over 2,000 seeds every household is treated about share of the time (0.3 ± 0.04), and two households independently', () => {
    const list = ids(20);
    const counts = new Array<number>(20).fill(0);
    let both = 0;
    for (let seed = 0; seed < 2000; seed++) {
      const arms = randomise(list, 0.3, seed);
      arms.forEach((a, i) => (counts[i] += a === 'treatment' ? 1 : 0));
      if (arms[0] === 'treatment' && arms[1] === 'treatment') both++;
    }
    for (const c of counts) expect(Math.abs(c / 2000 - 0.3)).toBeLessThan(0.04);
    // P(both) = (6/20)(5/19) = 0.079 when exactly 6 of 20 are drawn without replacement
    expect(Math.abs(both / 2000 - (6 / 20) * (5 / 19))).toBeLessThan(0.02);
  });
});

describe('bad input is refused with a message naming what was expected', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['a share above 1', () => randomise(ids(4), 1.5, 1), /randomise: "share": expected the treated share in \[0, 1\], e\.g\. 0\.5, got 1\.5/],
    ['a repeated id', () => randomise(['a', 'b', 'a'], 0.5, 1), /randomise: ids\[2\]: expected unique ids, but ids\[0\] is "a" too/],
    ['7 and "7"', () => randomise([7, '7'], 0.5, 1), /randomise: ids\[1\]: expected unique ids, but ids\[0\] is 7 too/],
    ['a NaN id', () => randomise([1, NaN], 0.5, 1), /randomise: ids\[1\]: expected a string or a finite number, got NaN/],
    ['a bad seed', () => randomise(ids(4), 0.5, NaN), /randomise: "seed": expected a finite number or a string, got NaN/],
    ['ids that are not a list', () => randomise(undefined as never, 0.5, 1), /randomise: "ids": expected a list of household ids/],
  ])('%s', (_, call, message) => {
    expect(call).toThrow(message);
  });
});
