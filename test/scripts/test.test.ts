/**
 * `npm test` (scripts/test.js) on small stages of its own, given through GRADUASI_TEST_STAGES: every
 * stage runs whatever the others gave, each stage's checks are counted its way (one check, vitest's
 * JSON report, a runner's "N passed, N failed" line), and the run ends with one line adding them up.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURE_SUITE = join(ROOT, 'test', 'scripts', 'fixtures', 'vitest');
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

interface Stage {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly checks: string;
}

/** A stage that runs a line of JavaScript with this Node. */
const script = (name: string, code: string, checks = 'one'): Stage => ({ name, command: process.execPath, args: ['-e', code], checks });

/** A stage that runs the fixture suite (one test passes, one fails, one is skipped) with vitest. */
const fixtureSuite: Stage = { name: 'fixture suite', command: process.execPath, args: [VITEST, 'run', '--root', FIXTURE_SUITE], checks: 'vitest' };

function npmTest(stages: unknown) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'test.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GRADUASI_TEST_STAGES: typeof stages === 'string' ? stages : JSON.stringify(stages) },
  });
  const lines = r.stdout.trimEnd().split('\n');
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, last: lines.at(-1) };
}

describe('npm test', () => {
  it('runs every stage after one fails, and ends with the checks of all stages added up (3 + 1 + 1 passed, 1 + 1 failed, 1 skipped)', () => {
    const run = npmTest([
      script('runner', 'console.log("3 passed, 1 failed"); process.exit(1)', 'summary'),
      script('type check', ''),
      fixtureSuite,
    ]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/FAILED {2}runner \(\d+ s, exit 1\): 3 passed, 1 failed\n {2}passed {2}type check \(\d+ s\): 1 passed, 0 failed\n {2}FAILED {2}fixture suite \(\d+ s, exit 1\): 1 passed, 1 failed, 1 skipped\n/);
    expect(run.last).toBe('5 passed, 2 failed, 1 skipped');
  });

  it('exits 0 when every stage passed, its last line counting them all', () => {
    const run = npmTest([script('type check', ''), script('runner', 'console.log("2 passed, 0 failed")', 'summary')]);
    expect(run.status).toBe(0);
    expect(run.last).toBe('3 passed, 0 failed');
  });

  it.each([
    ['a runner that fails without its closing line', script('runner', 'process.exit(3)', 'summary'), /FAILED {2}runner \(\d+ s, exit 3; its checks could not be counted: one failure\): 0 passed, 1 failed/],
    ['a runner that fails while its line counts no failure', script('runner', 'console.log("4 passed, 0 failed"); process.exit(2)', 'summary'), /FAILED {2}runner \(\d+ s, exit 2; no failed check counted: one failure\): 4 passed, 1 failed/],
    ['a command that cannot start', { name: 'missing', command: join(ROOT, 'no-such-command'), args: [], checks: 'one' }, /FAILED {2}missing \(\d+ s, exit spawn .*no-such-command ENOENT\): 0 passed, 1 failed/],
  ])('counts %s as one failure, and still runs the next stage', (_, stage, line) => {
    const run = npmTest([stage, script('next', '')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(line);
    expect(run.stdout).toMatch(/passed {2}next \(\d+ s\): 1 passed, 0 failed/);
    expect(run.last).toMatch(/^\d+ passed, 1 failed$/);
  });

  it.each([
    ['text that is not JSON', '[{', /^test: GRADUASI_TEST_STAGES: expected a JSON list of stages, got text that is not JSON/],
    ['a stage without its count', [{ name: 'x', command: 'true', args: [] }], /^test: GRADUASI_TEST_STAGES\[0\]: expected \{ name, command, args: \[\.\.\.\], checks: "one" \| "vitest" \| "summary" \}, got \{"name":"x","command":"true","args":\[\]\}/],
  ])('refuses stages given as %s, before running any', (_, stages, message) => {
    const run = npmTest(stages);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});
