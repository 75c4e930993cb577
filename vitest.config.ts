/**
 * Tests run on machines that may be busy (CI shares its cores): a test or hook is given minutes,
 * not vitest's default seconds, so a slow machine does not fail a correct test. Speed is measured
 * by the benchmarks in bench/, never by a timeout here. No test file sets a timeout of its own
 * (test/scripts/timeouts.test.ts): a test has 10 minutes, a hook 20 (the lab's first build).
 *
 * Two projects split the suite: `slow`, the files named in SLOW_TESTS, and `quick`, every other
 * test. `npx vitest run` (and `npm test`) runs both; `npm run test:quick` runs `--project quick`.
 */
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The test files that do slow end-to-end work, each with what makes it slow. A new test that starts
 * a server, a kernel, a browser or the command line, or runs the model for long, joins this list.
 */
export const SLOW_TESTS = [
  'test/lab/lab.test.ts', // a real Jupyter server, kernel and Chromium (and the first build of app/)
  'test/notebooks/runner.test.ts', // the notebook runner on fixture notebooks, with the real kernel
  'test/notebooks/kernel.test.ts', // compiles every module of src/ as the kernel's TypeScript does
  'test/cli/cli.test.ts', // the graduasi command, end to end, in child processes
  'test/cli/evidence.test.ts', // calibrate, sensitivity and trial from the command line
  'test/cli/help.test.ts', // every command's help and refusals from the command line
  'test/cluster/slurm.test.ts', // a real Slurm cluster (started here when none answers) runs a sharded compare and its merge
  'test/cli/shard.test.ts', // compare in shards and merged, against the one-machine run, on the command line
  'test/trial/cli.test.ts', // the trial command, end to end
  'test/backtest/backtest.test.ts', // the baseline from every Susenas round, on the command line too
  'test/golden/golden.test.ts', // the golden run's digest
  'test/model/threads.test.ts', // runs on one, two and three threads against each other and the golden digest
  'test/sensitivity/study.test.ts', // Morris and Sobol studies over the model, on the command line too
  'test/calibration/model.test.ts', // calibrations over model runs (ABC and the point fit)
  'test/experiment/experiment.test.ts', // experiments of several scenarios and replicates, on worker threads
  'test/charts/charts.test.ts', // a real experiment, then every chart drawn in both languages
  'test/report/report.test.ts', // report.html opened in Chromium
  'test/target/cli.test.ts', // target searches over model runs, on the command line too
];

export default defineConfig({
  test: {
    testTimeout: 600_000,
    hookTimeout: 1_200_000,
    projects: [
      { extends: true, test: { name: 'quick', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW_TESTS] } },
      { extends: true, test: { name: 'slow', include: SLOW_TESTS } },
    ],
  },
});
