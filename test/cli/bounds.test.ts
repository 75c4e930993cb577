/**
 * Sizes have upper bounds, and what they add up to must fit the machine: every command that takes a
 * size refuses one above its bound — stating the bound and where it comes from — and a run whose
 * memory estimate (src/cli/memory.ts) exceeds the V8 heap limit or the memory available is refused
 * with the estimate and the limit, before any work.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands';
import type { Command } from '../../src/cli/options';
import { AGENT_BYTES, DRAFT_BYTES, bytes, checkMemory, experimentMemory, rowsPerRun, studyMemory, type MachineMemory } from '../../src/cli/memory';
import { runExperiment } from '../../src/experiment/index';
import { loadParameters } from '../../src/parameters/load';
import { resolveScenarios } from '../../src/scenarios/load';
import { ProblemError } from '../../src/problems';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const byName = (name: string): Command => COMMANDS.find((c) => c.name === name)!;
const CORES = availableParallelism();

/** The one problem parsing `argv` gives, as its message. */
function refusal(command: string, argv: string[]): string {
  try {
    byName(command).parse(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    expect((e as ProblemError).problems).toHaveLength(1);
    return (e as ProblemError).message;
  }
  throw new Error('expected the command line to be refused');
}

const HOUSEHOLDS = /--households: expected a whole number from 20,000 to 86,437,053 \(one agent per household of the registry, data\/population\/national\.csv\), got "300000000"/;
const REPLICATES = /--replicates: expected a whole number from 1 to 1,000 \(the 5–95 % band over replicates is steady long before; more only take time and memory\), got "100000000"/;
const WORKERS = new RegExp(`--workers: expected a whole number from 1 to ${2 * CORES} \\(twice the machine's ${CORES} cores: more threads than cores only slow the run and each holds its own population\\), got "1000"`);
const THREADS = new RegExp(`--threads: expected a whole number from 1 to ${CORES} \\(the machine's ${CORES} cores: more threads only share them\\), got "1000"`);
const YEARS = /--years: expected a last year of 2045 at the latest \(the end of the national long-term plan, RPJPN 2025–2045; the data's values end in 2026\), got "2022-9999"/;

describe('every size has an upper bound, stated in the refusal', () => {
  it.each<[string, string[], RegExp]>([
    ...['run', 'compare', 'history', 'backtest', 'trial', 'calibrate', 'sensitivity'].map((c): [string, string[], RegExp] => [c, ['--households', '300000000'], HOUSEHOLDS]),
    ...['run', 'compare', 'history', 'backtest', 'calibrate', 'sensitivity'].map((c): [string, string[], RegExp] => [c, ['--replicates', '100000000'], REPLICATES]),
    ...['run', 'compare', 'history', 'backtest', 'calibrate', 'sensitivity'].map((c): [string, string[], RegExp] => [c, ['--workers', '1000'], WORKERS]),
    ...['run', 'compare'].map((c): [string, string[], RegExp] => [c, ['--threads', '1000'], THREADS]),
    ...['run', 'compare', 'history'].map((c): [string, string[], RegExp] => [c, ['--years', '2022-9999'], YEARS]),
    ['calibrate', ['--particles', '100000000'], /--particles: expected a whole number from 2 to 10,000 \(each particle is a model run in every generation; .*\), got "100000000"/],
    ['calibrate', ['--generations', '1000'], /--generations: expected a whole number from 1 to 100 \(.*\), got "1000"/],
    ['calibrate', ['--evaluations', '100000000'], /--evaluations: expected a whole number from 1 to 100,000 \(.*\), got "100000000"/],
    ['sensitivity', ['--trajectories', '100000000'], /--trajectories: expected a whole number from 2 to 1,000 \(Morris screening uses tens of trajectories\), got "100000000"/],
    ['sensitivity', ['--samples', '100000000'], /--samples: expected a whole number from 2 to 65,536 \(.*\), got "100000000"/],
    ['sensitivity', ['--month', '9999-03'], /--month: expected a month in 2045 at the latest \(the end of the national long-term plan, RPJPN 2025–2045\), e\.g\. 2030-03, got "9999-03"/],
  ])('graduasi %s %s', (command, argv, message) => {
    expect(refusal(command, argv)).toMatch(new RegExp(`^graduasi ${command}: ${message.source}$`));
  });

  it.each<[string, string[]]>([
    ['run', ['--households', '86437053']],
    ['run', ['--years', '2022-2045']],
    ['run', ['--replicates', '1000']],
    ['run', ['--workers', String(2 * CORES)]],
    ['run', ['--threads', String(CORES)]],
    ['calibrate', ['--particles', '10000']],
    ['sensitivity', ['--month', '2045-12']],
  ])('graduasi %s %s: the bound itself is allowed', (command, argv) => {
    expect(byName(command).parse(argv)).not.toBe('help');
  });
});

describe('the memory a run needs, estimated before it starts', () => {
  const machine: MachineMemory = { available: 8 * 2 ** 30, total: 16 * 2 ** 30, heapLimit: 4 * 2 ** 30 };

  it('grows with runs, rows, agents and threads', () => {
    const base = experimentMemory({ runs: 10, rows: 40_000, agents: 200_000, workers: 2, scenarios: 10 });
    expect(experimentMemory({ runs: 20, rows: 40_000, agents: 200_000, workers: 2, scenarios: 10 }).heap).toBeGreaterThan(base.heap);
    expect(experimentMemory({ runs: 10, rows: 80_000, agents: 200_000, workers: 2, scenarios: 10 }).heap).toBeGreaterThan(base.heap);
    expect(experimentMemory({ runs: 10, rows: 40_000, agents: 400_000, workers: 2, scenarios: 10 }).total).toBeGreaterThan(base.total);
    expect(studyMemory({ agents: 200_000, workers: 4 }).total).toBeGreaterThan(studyMemory({ agents: 200_000, workers: 2 }).total);
    const threaded = experimentMemory({ runs: 10, rows: 40_000, agents: 200_000, workers: 2, scenarios: 10, threadsPerRun: 2 });
    expect(threaded.total).toBeGreaterThan(base.total); // a helper thread for each worker's runs
    const oneRun = { runs: 1, rows: 40_000, agents: 86_437_053, workers: 1, scenarios: 1 };
    expect(experimentMemory({ ...oneRun, threadsPerRun: 2 }).total - experimentMemory(oneRun).total).toBeGreaterThan(86_437_053 * DRAFT_BYTES); // and the consumption drafts
    expect(threaded.heap).toBe(base.heap); // the helpers' heaps are their own
    expect(threaded.what).toBe('10 runs of 200,000 agents recording 40,000 rows each, 2 workers, 2 threads a run');
    expect(base.what).toBe('10 runs of 200,000 agents recording 40,000 rows each, 2 workers');
  });

  it('counts a copy of the population for each thread when a replicate runs more than one scenario (the run\'s), and none for one scenario', () => {
    const one = experimentMemory({ runs: 1, rows: 40_000, agents: 86_437_053, workers: 2, scenarios: 1 });
    const two = experimentMemory({ runs: 2, rows: 40_000, agents: 86_437_053, workers: 2, scenarios: 2 });
    const population = 86_437_053 * AGENT_BYTES;
    expect(one.total - population).toBeLessThan(2 ** 30); // the population and little else
    expect(two.total - 4 * population).toBeGreaterThan(0); // two threads, each a population and a copy
    expect(two.total - 4 * population).toBeLessThan(2 ** 31);
  });

  // Peak resident memory of graduasi compare (10 scenarios of 200,000 agents to 2030) and of single runs, as resources.json recorded it (src/cli/memory.ts).
  it.each([
    { runs: 10, workers: 1, agents: 200_000, scenarios: 10, end: '2030-12', peak: 1.188e9 },
    { runs: 10, workers: 2, agents: 200_000, scenarios: 10, end: '2030-12', peak: 1.451e9 },
    { runs: 30, workers: 2, agents: 200_000, scenarios: 10, end: '2030-12', peak: 1.819e9 },
    { runs: 100, workers: 2, agents: 200_000, scenarios: 10, end: '2030-12', peak: 4.1e9 },
    { runs: 1, workers: 1, agents: 20_000, scenarios: 1, end: '2030-12', peak: 0.232e9 },
    { runs: 1, workers: 1, agents: 2_000_000, scenarios: 1, end: '2023-12', peak: 0.323e9 },
    { runs: 1, workers: 1, agents: 8_643_705, scenarios: 1, end: '2022-12', peak: 0.908e9 },
    { runs: 2, workers: 1, agents: 8_643_705, scenarios: 2, end: '2022-12', peak: 1.646e9 },
    { runs: 4, workers: 1, agents: 8_643_705, scenarios: 4, end: '2022-12', peak: 1.694e9 },
    { runs: 1, workers: 1, agents: 86_437_053, scenarios: 1, end: '2030-12', peak: 8.02e9 },
    { runs: 1, workers: 1, agents: 86_437_053, scenarios: 1, end: '2030-12', peak: 9.065e9, threadsPerRun: 2 },
  ])('covers the peak measured for $runs runs of $agents agents on $workers thread(s), $threadsPerRun a run, garbage included', ({ runs, workers, agents, scenarios, end, peak, threadsPerRun }) => {
    const estimate = experimentMemory({ runs, rows: rowsPerRun('2022-03', end), agents, workers, scenarios, threadsPerRun });
    expect(estimate.total).toBeGreaterThanOrEqual(peak);
    expect(estimate.total).toBeLessThan(2.5 * peak);
  });

  it('refuses a heap above the V8 heap limit, with the estimate and the limit', () => {
    const estimate = experimentMemory({ runs: 100_000, rows: 44_000, agents: 200_000, workers: 2, scenarios: 10 });
    expect(() => checkMemory('run', '--replicates', estimate, machine)).toThrow(
      new RegExp(`^graduasi run: --replicates: expected a run whose heap fits the V8 heap limit of 4\\.0 GB of each thread, got about ${bytes(estimate.heap).replace('.', '\\.')} in one thread \\(100,000 runs of 200,000 agents recording 44,000 rows each, 2 workers\\)`),
    );
  });

  it('refuses a total above the memory available, with the estimate, what is available and the total', () => {
    const estimate = studyMemory({ agents: 86_437_053, workers: 2 });
    expect(estimate.heap).toBeLessThan(machine.heapLimit);
    expect(() => checkMemory('calibrate', '--households, --workers', estimate, machine)).toThrow(
      new RegExp(`^graduasi calibrate: --households, --workers: expected a run that fits the memory available, 8\\.0 GB \\(of 16 GB\\), got about ${bytes(estimate.total).replace('.', '\\.')} \\(runs of 86,437,053 agents, 2 workers\\)`),
    );
  });

  it('lets a run that fits go on', () => {
    expect(() => checkMemory('run', '--replicates', experimentMemory({ runs: 3, rows: 44_000, agents: 200_000, workers: 2, scenarios: 10 }), machine)).not.toThrow();
  });

  it('counts at least the rows a run records, and not a quarter more', async () => {
    const parameters = loadParameters();
    const scenarios = resolveScenarios(['assistance-only'], parameters, 'calibrated');
    const experiment = await runExperiment({ parameters, scenarios, replicates: 1, seed: 1, households: 20_000, start: '2022-03', end: '2023-12', workers: 1 });
    const estimate = rowsPerRun('2022-03', '2023-12');
    expect(estimate).toBeGreaterThanOrEqual(experiment.rows.length);
    expect(estimate).toBeLessThan(1.25 * experiment.rows.length);
  });

  it('graduasi run: every built-in scenario × 1,000 replicates is refused before any work', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/graduasi.js'), 'run', '--replicates', '1000', '--workers', '1'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^graduasi run: --replicates, --households or --scale, --years, --workers, --threads: expected a run whose heap fits the V8 heap limit of [\d.]+ [MGT]B of each thread, got about [\d.]+ [GTP]B in one thread \([\d,]+ runs of 200,000 agents recording [\d,]+ rows each, 1 worker(, \d+ threads a run)?\)/);
    expect(r.stderr).not.toContain('Graduasi run:');
    expect(r.stdout).toBe('');
  });
});
