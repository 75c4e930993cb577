/**
 * Experiment benchmark: the workload of `npm start` (every built-in scenario, 3 replicates of the
 * default sample, March 2022 to December 2030) with 1 worker and with 2, timed end to end (worker
 * start-up, runs, summaries; not writing the run folder). Reports wall time, runs per second,
 * household-months per second and the speed-up, and checks that both gave the same bytes.
 *
 *   npm run bench:experiment               1 and 2 workers
 *   npm run bench:experiment -- 2          2 workers only
 *
 * A measurement, not a test: it asserts nothing but prints whether the results matched.
 */
import { runExperiment } from '../src/experiment/index';
import { loadParameters } from '../src/parameters/load';
import { DEFAULT_HOUSEHOLDS } from '../src/population/index';
import { BUILTIN_SCENARIOS } from '../src/scenarios/builtin';
import { resolveScenarios } from '../src/scenarios/load';

const END = '2030-12';
const MONTHS = (2030 - 2022) * 12 + 10; // March 2022 to December 2030
const REPLICATES = 3;

const counts = process.argv.slice(2).map(Number);
const parameters = loadParameters();
const scenarios = resolveScenarios(BUILTIN_SCENARIOS.map((s) => s.id), parameters);
const digests: string[] = [];
let first = 0;
for (const workers of counts.length ? counts : [1, 2]) {
  let runs = 0;
  const began = performance.now();
  const e = await runExperiment({ parameters, scenarios, replicates: REPLICATES, seed: 2022, end: END, reference: 'assistance-only', workers, onProgress: (p) => (runs = p.total) });
  const seconds = (performance.now() - began) / 1000;
  first ||= seconds;
  digests.push(e.manifest.results.sha256);
  const householdMonths = runs * DEFAULT_HOUSEHOLDS * MONTHS;
  console.log(
    `${workers} worker${workers === 1 ? ' ' : 's'}: ${seconds.toFixed(1)} s for ${runs} runs (${scenarios.length} scenarios × ${REPLICATES} replicates, identical parameter sets shared), ` +
      `${(householdMonths / seconds / 1e6).toFixed(1)} M household-months/s, speed-up ${(first / seconds).toFixed(2)}×`,
  );
}
console.log(new Set(digests).size === 1 ? `results.csv identical at every worker count (sha256 ${digests[0].slice(0, 16)}…)` : 'RESULTS DIFFER between worker counts');
