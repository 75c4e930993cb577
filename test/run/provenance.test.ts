/**
 * Provenance: a manifest names the commit of the code, and when the work tree has uncommitted changes
 * ("-dirty") the SHA-256 of `git diff --binary HEAD`, so two dirty trees of one commit can be told apart.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeVersion } from '../../src/run/provenance';
import { sha256 } from '../../src/run/results';

function repository(): { dir: string; git: (...args: string[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-provenance-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', ...args], { cwd: dir }).toString();
  git('init', '-q');
  writeFileSync(join(dir, 'model.ts'), 'export const rate = 1;\n');
  git('add', '.');
  git('commit', '-qm', 'first');
  return { dir, git };
}

describe('the code version of a manifest', () => {
  it('a clean tree: the commit, no diff', () => {
    const { dir, git } = repository();
    expect(codeVersion(dir)).toEqual({ commit: git('rev-parse', 'HEAD').trim() });
  });

  it('a changed tracked file: "-dirty" and the SHA-256 of git diff --binary HEAD, different for a different change', () => {
    const { dir, git } = repository();
    const head = git('rev-parse', 'HEAD').trim();
    writeFileSync(join(dir, 'model.ts'), 'export const rate = 2;\n');
    const first = codeVersion(dir);
    expect(first).toEqual({ commit: `${head}-dirty`, diff: sha256(execFileSync('git', ['diff', '--binary', 'HEAD'], { cwd: dir })) });
    git('add', 'model.ts'); // staged changes count the same
    expect(codeVersion(dir)).toEqual(first);
    writeFileSync(join(dir, 'model.ts'), 'export const rate = 3;\n');
    expect(codeVersion(dir).diff).not.toBe(first.diff);
  });

  it('outside git: "unknown"', () => {
    expect(codeVersion(mkdtempSync(join(tmpdir(), 'graduasi-no-git-')))).toEqual({ commit: 'unknown' });
  });
});
