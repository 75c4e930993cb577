import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { REFERENCE_MONTH } from '../../src/run/simulate';
import { allocateHouseholds } from '../../src/model/households';
import { overHouseholds } from '../../src/model/threads';
import type { HouseholdView, Kernel, RangeOut } from '../../src/model/threads';
import { createWorld } from '../../src/model/initialise';
import { BUILTIN_REGISTRY } from '../../src/model/builtin';
import type { MonthContext } from '../../src/model/world';

describe("a kernel's work on the calling thread", () => {
  it('is made once for a world, whose households it reads every time, and made again for another world', () => {
    const parameters = loadParameters();
    const worldOf = (households: number) => createWorld(allocateHouseholds(households), [11], parameters, REFERENCE_MONTH, REFERENCE_MONTH + 12, BUILTIN_REGISTRY);
    const ctx = { flows: new Float64Array(0) } as unknown as MonthContext;
    let made = 0;
    /** Adds `times` the number of households of the world it was made for to the sums. */
    const counting: Kernel<number> = (view: HouseholdView) => {
      made++;
      const w = view;
      return (times: number, lo: number, hi: number, out: RangeOut) => {
        out.sums[0] += times * w.households.count;
      };
    };
    const ref = { module: import.meta.url, name: 'counting' };
    const sumOver = (world: ReturnType<typeof worldOf>, times: number) => {
      const sums = new Float64Array(1);
      overHouseholds(world, ctx, ref, counting, times, { sums });
      return sums[0];
    };
    const ten = worldOf(10);
    expect([sumOver(ten, 1), sumOver(ten, 2), sumOver(ten, 3)]).toEqual([10, 20, 30]);
    expect(made).toBe(1);
    const seven = worldOf(7);
    expect(sumOver(seven, 1)).toBe(7);
    expect(made).toBe(2);
    expect(sumOver(ten, 1)).toBe(10);
    expect(made).toBe(2);
  });
});
