/**
 * Run folders: new every time, written atomically, never over an earlier run.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRunFolder, writeRunFolder } from '../../src/experiment/output';

const fresh = () => mkdtempSync(join(tmpdir(), 'graduasi-output-'));

describe('run folders', () => {
  it('writes every file into a new folder and leaves nothing else behind', () => {
    const parent = fresh();
    const folder = join(parent, 'run');
    writeRunFolder(folder, { 'manifest.json': '{}\n', 'results.csv': 'a\n' });
    expect(readdirSync(parent)).toEqual(['run']);
    expect(readdirSync(folder).sort()).toEqual(['manifest.json', 'results.csv']);
    expect(readFileSync(join(folder, 'results.csv'), 'utf8')).toBe('a\n');
  });

  it('refuses a folder that already holds a run, and keeps that run as it was', () => {
    const folder = join(fresh(), 'run');
    writeRunFolder(folder, { 'manifest.json': '{"first":true}\n' });
    expect(() => planRunFolder(folder, 'run')).toThrow(/run: expected a new output folder, so that no earlier results are overwritten, got a folder that already holds a run \(manifest\.json\)/);
    expect(() => writeRunFolder(folder, { 'manifest.json': '{}\n' })).toThrow(/already holds a run/);
    expect(readFileSync(join(folder, 'manifest.json'), 'utf8')).toBe('{"first":true}\n');
  });

  it('refuses any existing folder or file as the output', () => {
    const parent = fresh();
    mkdirSync(join(parent, 'empty'));
    writeFileSync(join(parent, 'file'), 'x');
    expect(() => planRunFolder(join(parent, 'empty'), 'run')).toThrow(/empty: expected a new output folder, .*, got a folder that already exists/);
    expect(() => planRunFolder(join(parent, 'file'), 'run')).toThrow(/file: expected a new output folder, .*, got a file of that name/);
  });

  it('leaves no folder when writing fails part way', () => {
    const parent = fresh();
    const folder = join(parent, 'run');
    // A file name with a slash cannot be created inside the partial folder: the second write fails.
    expect(() => writeRunFolder(folder, { 'results.csv': 'a\n', 'no/such/dir.csv': 'b\n', 'manifest.json': '{}\n' })).toThrow();
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('names default folders by date and command, never reusing one', () => {
    const cwd = process.cwd();
    const parent = fresh();
    process.chdir(parent);
    try {
      const now = new Date(2026, 10, 28, 9, 5, 7);
      const first = planRunFolder(undefined, 'compare', now);
      expect(first).toBe(join(parent, 'runs', '20261128-090507-compare'));
      writeRunFolder(first, { 'manifest.json': '{}\n' });
      expect(planRunFolder(undefined, 'compare', now)).toBe(`${first}-2`);
    } finally {
      process.chdir(cwd);
    }
  });
});
