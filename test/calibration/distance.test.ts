import { describe, expect, it } from 'vitest';
import { distance } from '../../src/calibration/index';
import type { CalibrationTarget } from '../../src/calibration/index';

const targets: CalibrationTarget[] = [
  { name: 'poverty_rate', value: 0.09, sd: 0.005 },
  { name: 'income', value: 1_200_000, sd: 50_000, weight: 2 },
];

describe('the distance is the weighted sum of squared standardised errors', () => {
  it.each<[string, Record<string, number>, number]>([
    ['on target: 0', { poverty_rate: 0.09, income: 1_200_000 }, 0],
    ['poverty one sd high: 1', { poverty_rate: 0.095, income: 1_200_000 }, ((0.095 - 0.09) / 0.005) ** 2],
    ['income two sd low, weight 2: 2 × 2² = 8', { poverty_rate: 0.09, income: 1_100_000 }, 2 * 2 ** 2],
    ['both: 1 + 8 = 9', { poverty_rate: 0.085, income: 1_300_000 }, ((0.085 - 0.09) / 0.005) ** 2 + 2 * 2 ** 2],
    ['outputs no target mentions are ignored', { poverty_rate: 0.09, income: 1_200_000, graduations: 12 }, 0],
  ])('%s', (_, simulated, expected) => {
    expect(distance(simulated, targets)).toBeCloseTo(expected, 12);
  });

  it('a target with weight 0 does not count', () => {
    expect(distance({ poverty_rate: 1, income: 1_200_000 }, [{ ...targets[0], weight: 0 }, targets[1]])).toBe(0);
  });
});

describe('bad input is refused with a message naming the target', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['a missing output', () => distance({ poverty_rate: 0.09 }, targets), /distance: targets\[1\] "income": "simulated" has no "income"; expected a value for every target \(simulated has "poverty_rate"\)/],
    ['a NaN output', () => distance({ poverty_rate: NaN, income: 1 }, targets), /distance: targets\[0\] "poverty_rate": expected a finite simulated "poverty_rate", got NaN/],
    ['an sd of 0', () => distance({ x: 1 }, [{ name: 'x', value: 1, sd: 0 }]), /distance: targets\[0\] "x": expected an "sd" > 0 \(the target's uncertainty, in its unit\), got 0/],
    ['a negative weight', () => distance({ x: 1 }, [{ name: 'x', value: 1, sd: 1, weight: -1 }]), /targets\[0\] "x": expected a "weight" ≥ 0, got -1/],
    ['a target without a value', () => distance({ x: 1 }, [{ name: 'x', sd: 1 } as CalibrationTarget]), /targets\[0\] "x": expected a finite "value", got undefined/],
    ['no targets', () => distance({ x: 1 }, []), /distance: "targets": expected a non-empty list of \{ name, value, sd \}, got an empty list/],
    ['no outputs', () => distance(undefined as never, targets), /distance: "simulated": expected model outputs by name/],
  ])('%s', (_, call, message) => {
    expect(call).toThrow(message);
  });
});
