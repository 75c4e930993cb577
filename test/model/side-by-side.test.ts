import { beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import type { Parameters } from '../../src/parameters/types';
import { REFERENCE_MONTH, simulate } from '../../src/run/simulate';
import { standardIndicators } from '../../src/observe/indicators';
import { resolveScenarios } from '../../src/scenarios/load';
import { PROCESSES, stages } from '../../src/model/month';
import type { Process } from '../../src/model/month';
import { pathwayParts } from '../../src/model/processes/pathway';
import { withOffer } from '../../src/model/processes/offer';
import { allocateHouseholds } from '../../src/model/households';
import type { Households } from '../../src/model/households';
import { createWorld } from '../../src/model/initialise';
import { BUILTIN_REGISTRY } from '../../src/model/builtin';
import { overHouseholds, startThreads, stopThreads } from '../../src/model/threads';
import { consumptionKernel } from '../../src/model/processes/consumption';
import type { ConsumptionTerms } from '../../src/model/processes/consumption';
import type { MonthContext, World } from '../../src/model/world';

let parameters: Parameters;
beforeAll(() => {
  parameters = loadParameters();
});

const names = (list: ReadonlyArray<readonly [string, Process]>) => list.map(([name]) => name);

/** A world of `count` households on `threads` threads (stop them with stopThreads). */
function worldOn(threads: number, count = 10): World {
  const world = createWorld(allocateHouseholds(count), [11], parameters, REFERENCE_MONTH, REFERENCE_MONTH + 12, BUILTIN_REGISTRY);
  world.threads = startThreads(world, threads);
  return world;
}

/** What consumption reads, and consumption itself (the pathway's moves must leave them as they were). */
const CONSUMPTION_READS = ['income', 'cashTransfers', 'foodTransfers', 'size', 'weight', 'savings', 'consumption'] as const satisfies readonly (keyof Households)[];

describe('the pathway and consumption side by side', () => {
  it('join into one stage only on a world with helper threads, and only where they come one after the other', () => {
    const one = worldOn(1);
    const two = worldOn(2);
    try {
      expect(stages(one)).toBe(PROCESSES);
      expect(names(stages(two))).toEqual(['demography', 'community', 'income', 'business', 'registry', 'assistance', 'rehabilitation', 'pathway + consumption']);
      const offer: Process = () => {};
      expect(names(stages(two, withOffer(PROCESSES, offer)))).toEqual(['demography', 'community', 'income', 'business', 'registry', 'assistance', 'rehabilitation', 'offer', 'pathway + consumption']);
      const between = PROCESSES.flatMap((entry) => (entry[0] === 'consumption' ? [['between', offer] as const, entry] : [entry]));
      expect(names(stages(two, between)).slice(-3)).toEqual(['pathway', 'between', 'consumption']);
      expect(names(stages(two, PROCESSES.filter(([name]) => name !== 'pathway'))).at(-1)).toBe('consumption');
    } finally {
      stopThreads(one.threads);
      stopThreads(two.threads);
    }
  });

  it("may: the pathway's moves leave what consumption reads and writes as it was, in a run where they move households", () => {
    const [push] = resolveScenarios(['graduation-push-under-40'], parameters, 'data');
    let changed = 0;
    let moved = 0;
    const checkedPathway: Process = (world: World, ctx: MonthContext) => {
      const { list, move } = pathwayParts(world);
      list(ctx);
      const h = world.households;
      const before = CONSUMPTION_READS.map((key) => h[key].slice());
      const phases = h.phase.slice();
      move(ctx);
      CONSUMPTION_READS.forEach((key, k) => {
        if (!h[key].every((value, i) => Object.is(value, before[k][i]))) changed++;
      });
      moved += h.phase.filter((phase, i) => phase !== phases[i]).length;
    };
    const processes = PROCESSES.map(([name, process]) => [name, name === 'pathway' ? checkedPathway : process] as const);
    simulate({ id: push.id, patch: push.effectivePatch }, { seed: 'side-by-side', households: 20_000, end: '2024-12', parameters, observe: standardIndicators, processes });
    expect(moved).toBeGreaterThan(100);
    expect(changed).toBe(0);
  });

  it('refuses a kernel over the households started while the helpers run another', () => {
    const world = worldOn(2);
    try {
      const ctx = { flows: new Float64Array(0) } as unknown as MonthContext;
      const ref = { module: new URL('../../src/model/processes/consumption.ts', import.meta.url).href, name: 'consumptionKernel' };
      const terms: ConsumptionTerms = { share: 1, smoothing: 0, savingRate: 0, drawdown: 0, line: 1, drafted: true };
      const inner = () => overHouseholds(world, ctx, ref, consumptionKernel, terms);
      expect(() => overHouseholds(world, ctx, ref, consumptionKernel, terms, { before: inner })).toThrow('consumptionKernel: a kernel over the households cannot start while the step');
      expect(overHouseholds(world, ctx, ref, consumptionKernel, terms).listed).toBe(0); // the threads answer again
    } finally {
      stopThreads(world.threads);
    }
  });
});
