/**
 * Population options: how many agents, and what is refused.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOUSEHOLDS, MIN_HOUSEHOLDS, agentCount, buildPopulation } from '../../src/population/index';
import type { PopulationOptions } from '../../src/population/index';
import { LINES } from './helpers';

const OFFICIAL = 86_437_053;

describe('the number of agents', () => {
  it('is 200,000 by default', () => {
    expect(DEFAULT_HOUSEHOLDS).toBe(200_000);
    expect(agentCount({ seed: 1, lines: LINES }, OFFICIAL)).toBe(200_000);
  });

  it.each([
    [{ households: 50_000 }, 50_000],
    [{ scale: 1 }, 86_437_053],
    [{ scale: 0.001 }, Math.round(86_437.053)],
  ])('follows %o', (size, count) => {
    expect(agentCount({ seed: 1, lines: LINES, ...size }, OFFICIAL)).toBe(count);
  });

  it('a scaled population has round(scale × 86,437,053) agents and the same official totals', () => {
    const population = buildPopulation({ seed: 1, scale: 0.0005, lines: LINES });
    expect(population.households.count).toBe(Math.round(0.0005 * OFFICIAL)); // 43,219
    let sum = 0;
    for (let i = 0; i < population.households.count; i++) sum += population.households.weight[i];
    expect(sum).toBeCloseTo(OFFICIAL, 1);
  });

  it.each([1, 2, 3, 4])(`the smallest population (${MIN_HOUSEHOLDS} agents) still fits every province (seed %s)`, (seed) => {
    const population = buildPopulation({ seed, households: MIN_HOUSEHOLDS, lines: LINES });
    const perProvince = new Float64Array(34);
    for (let i = 0; i < population.households.count; i++) perProvince[population.households.province[i]] += population.households.weight[i];
    population.provinces.forEach((p) => expect(perProvince[p.index] / p.households).toBeCloseTo(1, 6));
  });
});

describe('invalid options are refused with a message naming the option', () => {
  const base: PopulationOptions = { seed: 1, lines: LINES };
  it.each([
    ['households below 1', { households: 0 }, /population options: households: expected a whole number of at least 20,000/],
    ['households below the minimum', { households: 19_999 }, /population options: households: expected a whole number of at least 20,000/],
    ['fractional households', { households: 25_000.5 }, /households: expected a whole number/],
    ['NaN households', { households: NaN }, /households: expected/],
    ['scale 0', { scale: 0 }, /scale: expected agents per real household in \(0, 1\]/],
    ['scale above 1', { scale: 1.5 }, /scale: expected agents per real household in \(0, 1\]/],
    ['a scale too small for the minimum', { scale: 1e-6 }, /scale: expected at least/],
    ['both households and scale', { households: 50_000, scale: 0.5 }, /households and scale: expected one of them, got both/],
    ['an infinite national line', { lines: { national: Infinity, extreme: 300_000 } }, /lines\.national: expected a positive finite number/],
    ['a negative extreme line', { lines: { national: 505_469, extreme: -1 } }, /lines\.extreme: expected a positive finite number below lines.national/],
    ['an extreme line above the national line', { lines: { national: 505_469, extreme: 600_000 } }, /lines\.extreme: expected/],
    ['a NaN seed', { seed: NaN }, /seed: expected a finite number or a string/],
  ])('%s', (_, patch, message) => {
    expect(() => buildPopulation({ ...base, ...patch } as PopulationOptions)).toThrow(message);
  });
});
