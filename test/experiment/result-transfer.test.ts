import { describe, expect, it } from 'vitest';
import { packResult, unpackResult } from '../../src/experiment/result-transfer';
import type { JobResult } from '../../src/experiment/job';

const result = (replicate: number, values: number[]): JobResult => ({
  set: 1,
  replicate,
  population: { agents: 10, households: 10, persons: 41 },
  rows: values.map((value, k) => ({ scenario: 'assistance-only', replicate, month: `2022-0${3 + (k % 2)}`, indicator: k < 2 ? 'p0_extreme' : 'pkh_households', group: k === 3 ? 'province:ACEH' : 'national', value })),
});

describe('a job result packed in a worker and rebuilt in the caller', () => {
  it('gives back the same rows, every value to the bit', () => {
    const original = result(2, [0.0123, -0, 1e300, NaN, 5e-324]);
    const rebuilt = unpackResult(packResult(original), new Map());
    expect(rebuilt).toEqual(original);
    expect(Object.is(rebuilt.rows[1].value, -0)).toBe(true);
    expect(rebuilt.rows.map((r) => Object.keys(r))).toEqual(original.rows.map((r) => Object.keys(r)));
  });

  it('packs each text once, and the caller keeps one table of the texts of every result it rebuilds', () => {
    const packed = packResult(result(0, [1, 2, 3, 4]));
    expect(packed.texts).toEqual(['assistance-only', '2022-03', 'p0_extreme', 'national', '2022-04', 'pkh_households', 'province:ACEH']);
    const shared = new Map<string, string>();
    const first = unpackResult(packed, shared);
    const second = unpackResult(packResult(result(1, [5, 6, 7, 8])), shared);
    expect(second.rows[2].indicator).toBe(first.rows[2].indicator);
    expect(shared.size).toBe(7);
  });
});
