import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Run the graduasi command as a user would (bin/graduasi.js). */
function graduasi(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/graduasi.js', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('graduasi baseline', () => {
  it('prints a table by year with extreme poverty, coverage and spending', () => {
    const r = graduasi('baseline', '--households', '20000', '--end', '2024-06', '--seed', 'cli');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.some((l) => /^Year\s+Extreme poor\s+Poor \(P0\)\s+PKH families/.test(l))).toBe(true);
    expect(lines.filter((l) => /^(2022\*|2023|2024\*)\s+\d+\.\d\d %/.test(l))).toHaveLength(3);
    expect(r.stdout).toContain('20,000 agents');
  });

  it.each([
    [['baseline', '--households', '5'], '--households: expected a whole number of at least 20,000, got "5"'],
    [['baseline', '--scale', '2'], '--scale: expected agents per real household in (0, 1], got "2"'],
    [['baseline', '--end', '2024'], '--end: expected a month as YYYY-MM, got "2024"'],
    [['baseline', '--colour', 'red'], 'unknown option --colour'],
    [['baseline', '--end', '2021-12'], 'end 2021-12 is before the start month 2022-03'],
  ])('refuses %j with a clear message', (args, message) => {
    const r = graduasi(...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });
});
