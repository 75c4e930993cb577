/**
 * Output benchmark: what `npm start` does after its runs — the experiment's rows assembled,
 * summarised and written as CSV and hashed (assembleExperiment), the report drawn (report.html) and
 * the run folder written — on the rows of every built-in scenario × 3 replicates, March 2022 to
 * December 2030. The rows do not depend on the number of agents, so the runs use 20,000 (two
 * workers) and take seconds; then the work after them is timed three times in the same process,
 * into a new folder under the system's temporary folder each time (removed after).
 *
 *   npm run bench:output          3 replicates, as `npm start`
 *   npm run bench:output -- 10    10 replicates
 *
 * A measurement, not a test: it asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleExperiment, planExperiment, runPlannedJobs } from '../src/experiment/index';
import type { ExperimentOptions } from '../src/experiment/index';
import { writeRunFolder } from '../src/experiment/output';
import { loadParameters } from '../src/parameters/load';
import { experimentFiles } from '../src/report/run';
import { BUILTIN_SCENARIOS } from '../src/scenarios/builtin';
import { resolveScenarios } from '../src/scenarios/load';

const TIMES = 3;
const replicates = Number(process.argv[2] ?? 3);
const parameters = loadParameters();
const scenarios = resolveScenarios(BUILTIN_SCENARIOS.map((s) => s.id), parameters);
const options: ExperimentOptions = { parameters, scenarios, replicates, seed: 2022, households: 20_000, reference: 'assistance-only', workers: 2 };
const plan = planExperiment(options);
const results = await runPlannedJobs(plan, plan.jobs, options);
const rows = results.reduce((n, r) => n + r.rows.length, 0);
console.log(`Graduasi output benchmark — Node ${process.version}: ${scenarios.length} scenarios × ${replicates} replicates, ${rows.toLocaleString('en')} rows`);

const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(2);
const scratch = mkdtempSync(join(tmpdir(), 'graduasi-bench-output-'));
try {
  for (let k = 1; k <= TIMES; k++) {
    global.gc?.();
    const began = performance.now();
    const experiment = assembleExperiment(plan.identity, results, parameters);
    const assembled = performance.now();
    const files = experimentFiles(experiment, 'en');
    const reported = performance.now();
    writeRunFolder(join(scratch, `run-${k}`), files);
    const written = performance.now();
    console.log(
      `  ${k}: assemble (summary, CSV, hashes) ${seconds(began, assembled)} s, report ${seconds(assembled, reported)} s, write ${seconds(reported, written)} s; ` +
        `${seconds(began, written)} s in all (results.csv ${(files['results.csv'].length / 1e6).toFixed(0)} M characters, summary.csv ${(files['summary.csv'].length / 1e6).toFixed(0)} M)`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(0); // the experiment's worker threads are not kept waiting for
