#!/usr/bin/env node
/**
 * `npm test` and `npm run test:quick`: the stages of the test suite, each run whatever the others
 * gave, so one stage's failure never hides another's.
 *
 * - `npm test` (this script with no argument): the type check, every vitest test and every notebook
 *   (`npm run notebooks`). This is what CI runs.
 * - `npm run test:quick` (`--quick`): the type check and vitest's `quick` project, which leaves out
 *   the slow files named once in vitest.config.ts (`SLOW_TESTS`: real Jupyter servers, kernels and
 *   browsers, command-line runs, long model runs).
 *
 * Each stage says how its checks are counted: the type check is one check; vitest's tests are read
 * from its JSON report; the notebook runner ends with its own "N passed, N failed" line. A stage that
 * fails without a failed check to show for it (a crash, a missing report) counts as one failure.
 * After each stage's line with its time, the run ends with one line, "N passed, N failed", the
 * checks of all stages added up; the exit code is 1 when any stage failed.
 *
 * GRADUASI_TEST_STAGES, when set, replaces the stages with a JSON list of
 * `{ "name", "command", "args", "checks" }` (checks: "one", "vitest" or "summary"), so that this
 * script can be tested on small stages of its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The stages of `npm test`, in order. */
const FULL = [
  { name: 'type check', command: 'npm', args: ['run', '--silent', 'typecheck'], checks: 'one' },
  { name: 'vitest', command: 'npx', args: ['vitest', 'run'], checks: 'vitest' },
  { name: 'notebooks', command: 'npm', args: ['run', '--silent', 'notebooks'], checks: 'summary' },
];

/** The stages of `npm run test:quick`: the type check and the quick vitest project. */
const QUICK = [
  FULL[0],
  { name: 'vitest (quick)', command: 'npx', args: ['vitest', 'run', '--project', 'quick'], checks: 'vitest' },
];

/** The closing line of a runner that counts its checks, as the notebook runner prints it. */
const SUMMARY_LINE = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;

/** The stages this run takes: from GRADUASI_TEST_STAGES, or by the command line's `--quick`. */
function chosenStages(args, environment) {
  const unknown = args.filter((a) => a !== '--quick');
  if (unknown.length) {
    console.error(`test: unknown argument ${unknown.join(' ')}\nusage: node scripts/test.js [--quick]`);
    process.exit(2);
  }
  if (environment.GRADUASI_TEST_STAGES === undefined) return args.includes('--quick') ? QUICK : FULL;
  let stages;
  try {
    stages = JSON.parse(environment.GRADUASI_TEST_STAGES);
  } catch (error) {
    console.error(`test: GRADUASI_TEST_STAGES: expected a JSON list of stages, got text that is not JSON (${error.message})`);
    process.exit(2);
  }
  const wrong = Array.isArray(stages)
    ? stages.findIndex((s) => typeof s?.name !== 'string' || typeof s.command !== 'string' || !Array.isArray(s.args) || !['one', 'vitest', 'summary'].includes(s.checks))
    : -1;
  if (!Array.isArray(stages) || wrong >= 0) {
    const where = Array.isArray(stages) ? `[${wrong}]` : '';
    console.error(`test: GRADUASI_TEST_STAGES${where}: expected { name, command, args: [...], checks: "one" | "vitest" | "summary" }, got ${JSON.stringify(Array.isArray(stages) ? stages[wrong] : stages)}`);
    process.exit(2);
  }
  return stages;
}

/** Runs a command, its output shown as it comes; resolves with its exit status and what it printed. */
function run(command, args, keepOutput) {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['inherit', keepOutput ? 'pipe' : 'inherit', 'inherit'] });
    let printed = '';
    child.stdout?.on('data', (chunk) => {
      process.stdout.write(chunk);
      printed += chunk;
    });
    child.on('error', (error) => done({ status: null, signal: null, error, printed }));
    child.on('close', (status, signal) => done({ status, signal, printed }));
  });
}

/** Passed, failed and skipped tests of a vitest JSON report; a file that failed to load counts once. */
function vitestCounts(report) {
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** Passed, failed and skipped checks from the last "N passed, N failed" line of a runner's output. */
function summaryCounts(printed) {
  const line = printed.split('\n').map((l) => l.trim()).reverse().find((l) => SUMMARY_LINE.test(l));
  if (line === undefined) return undefined;
  const [, passed, failed, skipped] = line.match(SUMMARY_LINE);
  return { passed: Number(passed), failed: Number(failed), skipped: Number(skipped ?? 0) };
}

/** Runs one stage and counts its checks. */
async function runStage(stage) {
  process.stdout.write(`\n== ${stage.name}: ${stage.command} ${stage.args.join(' ')}\n`);
  const began = Date.now();
  const reportFolder = stage.checks === 'vitest' ? mkdtempSync(join(tmpdir(), 'graduasi-vitest-')) : undefined;
  const reportFile = reportFolder && join(reportFolder, 'report.json');
  const args = reportFile ? [...stage.args, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`] : stage.args;
  const result = await run(stage.command, args, stage.checks === 'summary');
  const seconds = Math.round((Date.now() - began) / 1000);
  const exit = result.error ? result.error.message : (result.signal ?? result.status);
  const ok = !result.error && result.status === 0;

  let counts;
  let note = '';
  if (stage.checks === 'one') counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  else if (stage.checks === 'summary') counts = summaryCounts(result.printed);
  else {
    try {
      counts = vitestCounts(JSON.parse(readFileSync(reportFile, 'utf8')));
    } catch {
      counts = undefined;
    } finally {
      rmSync(reportFolder, { recursive: true, force: true });
    }
  }
  if (counts === undefined) {
    counts = { passed: 0, failed: 1, skipped: 0 };
    note = '; its checks could not be counted: one failure';
  } else if (!ok && counts.failed === 0) {
    counts = { ...counts, failed: 1 };
    note = '; no failed check counted: one failure';
  }
  return { name: stage.name, ok: ok && counts.failed === 0, exit, seconds, counts, note };
}

/** "N passed, N failed", with ", N skipped" when some were. */
const tally = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;

async function main() {
  const stages = chosenStages(process.argv.slice(2), process.env);
  const outcomes = [];
  for (const stage of stages) outcomes.push(await runStage(stage));

  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const o of outcomes) for (const key of Object.keys(total)) total[key] += o.counts[key];
  const seconds = outcomes.reduce((s, o) => s + o.seconds, 0);

  process.stdout.write(`\n== ${process.env.npm_lifecycle_event ? `npm ${process.env.npm_lifecycle_event === 'test' ? 'test' : `run ${process.env.npm_lifecycle_event}`}` : 'test'}\n`);
  for (const o of outcomes) {
    process.stdout.write(`  ${o.ok ? 'passed' : 'FAILED'}  ${o.name} (${o.seconds} s${o.ok ? '' : `, exit ${o.exit}`}${o.note}): ${tally(o.counts)}\n`);
  }
  process.stdout.write(`  all stages: ${seconds} s\n${tally(total)}\n`);
  process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
}

await main();
