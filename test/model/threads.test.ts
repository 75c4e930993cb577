import { beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import type { Parameters } from '../../src/parameters/types';
import { REFERENCE_MONTH, simulate } from '../../src/run/simulate';
import { standardIndicators } from '../../src/observe/indicators';
import { sha256, toCsv } from '../../src/run/results';
import { resolveScenarios } from '../../src/scenarios/load';
import { allocateHouseholds, copyHouseholds } from '../../src/model/households';
import { overHouseholds, startThreads, stopThreads } from '../../src/model/threads';
import { listKernel } from '../../src/model/processes/assistance';
import type { MonthContext } from '../../src/model/world';
import { createWorld } from '../../src/model/initialise';
import { BUILTIN_REGISTRY } from '../../src/model/builtin';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { THREADED_AGENTS, threadsPerRun } from '../../src/experiment/pool';
import { GOLDEN_FILE, NODE_MAJOR, goldenDigest } from '../golden/golden';

let parameters: Parameters;
beforeAll(() => {
  parameters = loadParameters();
});

/** The results CSV's digest of a run of `scenario` on `threads` threads. */
function digestOn(threads: number, scenario: { id: string; patch: object }): string {
  const result = simulate(scenario, { seed: 'threads', households: 20_000, end: '2025-12', parameters, observe: standardIndicators, threads });
  return sha256(toCsv(result.rows));
}

describe('the step on several threads', () => {
  it('gives the same rows on one, two and three threads: a run with businesses, the pathway and every programme of 2022–2025', () => {
    const [push] = resolveScenarios(['graduation-push-under-40'], parameters, 'data');
    const scenario = { id: push.id, patch: push.effectivePatch };
    const one = digestOn(1, scenario);
    expect(digestOn(2, scenario)).toBe(one);
    expect(digestOn(3, scenario)).toBe(one);
  });

  it('gives the golden run its committed digest on two threads', () => {
    const committed = (JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, string>)[NODE_MAJOR];
    expect(committed).toBeDefined();
    expect(goldenDigest(2)).toBe(committed);
  });

  it('joins the chunks the threads take into one list in household order, whoever took them', () => {
    const count = 300_000;
    const households = allocateHouseholds(count);
    for (let i = 0; i < count; i++) households.programmes[i] = (i * 2654435761) % 7 === 0 ? 1 : 0;
    const expected = [...households.programmes.keys()].filter((i) => households.programmes[i] !== 0);
    const ctx = { flows: new Float64Array(0) } as unknown as MonthContext;
    const ref = { module: new URL('../../src/model/processes/assistance.ts', import.meta.url).href, name: 'listKernel' };
    for (const threads of [1, 2, 3]) {
      const world = createWorld(households, [11], parameters, REFERENCE_MONTH, REFERENCE_MONTH + 12, BUILTIN_REGISTRY);
      world.threads = startThreads(world, threads);
      try {
        for (let month = 0; month < 3; month++) {
          world.visiting.households.fill(-1);
          const { listed } = overHouseholds(world, ctx, ref, listKernel, { everyone: false }, { list: world.visiting.households });
          expect(listed).toBe(expected.length);
          expect([...world.visiting.households.subarray(0, listed)]).toEqual(expected);
        }
      } finally {
        stopThreads(world.threads);
      }
    }
  });

  it('refuses households that are not on shared memory, naming the attribute', () => {
    const shared = allocateHouseholds(10);
    const world = createWorld(shared, [11], parameters, REFERENCE_MONTH, REFERENCE_MONTH + 12, BUILTIN_REGISTRY);
    const threads = startThreads(world, 1);
    expect(threads.helpers).toHaveLength(0);
    const privateWeights = { ...copyHouseholds(shared), weight: new Float32Array(10) };
    const own = createWorld(privateWeights, [11], parameters, REFERENCE_MONTH, REFERENCE_MONTH + 12, BUILTIN_REGISTRY, parameters, true);
    expect(() => startThreads(own, 2)).toThrow('threads: household attribute weight is not on shared memory');
    stopThreads(threads);
  });

  it('refuses a number of threads that is not a whole number from 1', () => {
    const world = createWorld(allocateHouseholds(10), [11], parameters, REFERENCE_MONTH, REFERENCE_MONTH + 12, BUILTIN_REGISTRY);
    expect(() => startThreads(world, 0)).toThrow('threads: expected a whole number from 1, got 0');
    expect(() => startThreads(world, 1.5)).toThrow('threads: expected a whole number from 1, got 1.5');
  });

  it('uses by default the cores the workers leave, from THREADED_AGENTS agents', () => {
    const cores = availableParallelism();
    expect(threadsPerRun(1, 1, THREADED_AGENTS)).toBe(cores);
    expect(threadsPerRun(2, 27, 86_437_053)).toBe(Math.max(1, Math.floor(cores / 2)));
    expect(threadsPerRun(cores, 1, THREADED_AGENTS)).toBe(cores); // one job: one worker in use
    expect(threadsPerRun(2 * cores, 100, THREADED_AGENTS)).toBe(1);
    expect(threadsPerRun(1, 1, THREADED_AGENTS - 1)).toBe(1);
  });
});
