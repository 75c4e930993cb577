import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { populationFor, simulate } from '../../src/run/simulate';
import { PROCESSES } from '../../src/model/month';
import type { Process } from '../../src/model/month';
import { registry } from '../../src/model/processes/registry';
import type { Reporter } from '../../src/model/observation';
import { bits, stream, runKey } from '../../src/model/random';
/** The parameters as in data/parameters, unpatched. */
const baseline = { id: 'baseline', patch: {} };

/** Reports the households' transitory income, which only the income process's draws move. */
const transitoryIncome: Reporter = (world) => {
  let sum = 0;
  let squares = 0;
  for (const t of world.households.transitory) {
    sum += t;
    squares += t * t;
  }
  return [
    { indicator: 'transitory_sum', group: 'national', value: sum },
    { indicator: 'transitory_squares', group: 'national', value: squares },
  ];
};

describe('random streams in the engine', () => {
  const params = loadParameters();
  const population = populationFor(params, 3, 0, { households: 20_000 });
  const options = { seed: 3, population, parameters: params, end: '2023-06', observe: transitoryIncome };

  it('the income process draws the same numbers when the registry process draws more', () => {
    const greedy = stream(runKey('another process'), 'registry');
    const registryWithMoreDraws: Process = (world, ctx) => {
      let sink = 0;
      for (let i = 0; i < world.households.count; i++) for (let d = 3; d < 10; d++) sink ^= bits(greedy.k0, greedy.k1, i, ctx.month, d);
      registry(world, ctx);
      if (sink === 0.5) throw new Error('unreachable');
    };
    const processes = PROCESSES.map(([name, p]) => [name, name === 'registry' ? registryWithMoreDraws : p] as const);
    expect(PROCESSES.some(([name]) => name === 'registry')).toBe(true);
    const plain = simulate(baseline, options);
    const more = simulate(baseline, { ...options, processes });
    expect(more.rows).toEqual(plain.rows);
  });

  it('the income process draws differently for another seed (the check above can fail)', () => {
    const plain = simulate(baseline, options);
    const other = simulate(baseline, { ...options, seed: 4 });
    expect(other.rows.at(-1)!.value).not.toBe(plain.rows.at(-1)!.value);
  });
});
