/**
 * Run folders: claimed before the work, new every time, written atomically, never over an earlier
 * run, never inside the project's data/ or src/, and nothing left behind by a run that was killed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planRunFolder, writeRunFolder } from '../../src/experiment/output';
import { REPO_ROOT } from '../../src/parameters/load';

/** tsx's loader, for a child process whose working folder is not the project. */
const TSX = pathToFileURL(join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

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

  it('claims default folders at once: two runs started in the same second get two folders', () => {
    const cwd = process.cwd();
    process.chdir(fresh());
    try {
      const now = new Date(2026, 10, 28, 9, 5, 7);
      const first = planRunFolder(undefined, 'run', now);
      const second = planRunFolder(undefined, 'run', now);
      expect(second).toBe(`${first}-2`);
      // Until written, a claimed folder holds only its hidden mark: nothing that looks like a run.
      expect(readdirSync(first)).toEqual([`.running-${process.pid}`]);
      writeRunFolder(second, { 'manifest.json': '{}\n' });
      writeRunFolder(first, { 'manifest.json': '{}\n' });
      expect(readdirSync(first)).toEqual(['manifest.json']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses a folder a run has claimed, as it refuses one that holds a run', () => {
    const folder = join(fresh(), 'run');
    planRunFolder(folder, 'run');
    expect(() => planRunFolder(folder, 'run')).toThrow(/run: expected a new output folder, .*, got a folder that already exists/);
  });

  it('removes what killed runs left in the parent: partial and claimed folders whose process is gone', () => {
    const parent = fresh();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    mkdirSync(join(parent, `.old.partial-${gone}`));
    writeFileSync(join(parent, `.old.partial-${gone}`, 'results.csv'), 'a\n');
    mkdirSync(join(parent, 'claimed'));
    writeFileSync(join(parent, 'claimed', `.running-${gone}`), '');
    // A run still going (this test's parent process stands for it) keeps its folders.
    mkdirSync(join(parent, `.going.partial-${process.ppid}`));
    mkdirSync(join(parent, 'going'));
    writeFileSync(join(parent, 'going', `.running-${process.ppid}`), '');
    planRunFolder(join(parent, 'new'), 'run');
    expect(readdirSync(parent).sort()).toEqual([`.going.partial-${process.ppid}`, 'going', 'new']);
  });

  it.each([
    ['data', join(REPO_ROOT, 'data', 'parameters', 'x')],
    ['data', join(REPO_ROOT, 'data')],
    ['src', join(REPO_ROOT, 'src', 'runs', 'x')],
  ])("refuses a folder inside the project's %s/ tree, before creating anything", (tree, folder) => {
    expect(() => planRunFolder(folder, 'run')).toThrow(new RegExp(`expected an output folder outside the project's ${tree}/ tree .*, got a folder inside .*${tree}$`));
    expect(existsSync(join(REPO_ROOT, 'src', 'runs'))).toBe(false);
  });

  it("refuses the project's data/ tree reached through a symbolic link", () => {
    const link = join(fresh(), 'link');
    symlinkSync(join(REPO_ROOT, 'data'), link);
    expect(() => planRunFolder(join(link, 'x'), 'run')).toThrow(/expected an output folder outside the project's data\/ tree/);
  });

  it('refuses a folder under a file, naming the file, before any work', () => {
    const parent = fresh();
    writeFileSync(join(parent, 'file'), 'x');
    expect(() => planRunFolder(join(parent, 'file', 'sub'), 'run')).toThrow(new RegExp(`sub: expected a folder that can be created: its parent a folder this process may write in, got ${join(parent, 'file')}, a file, where a folder is needed`));
  });

  it.each([
    ['a folder named', (parent: string) => `'${join(parent, 'run')}'`],
    ['a default folder, and the runs/ folder made for it', () => 'undefined'],
  ])('removes %s that the process claimed and did not get to write when it ends', (_, out) => {
    const parent = fresh();
    const script = `import('${join(REPO_ROOT, 'src/experiment/output.ts')}').then((m) => { m.planRunFolder(${out(parent)}, 'run'); process.exit(3); });`;
    const r = spawnSync(process.execPath, ['--import', TSX, '-e', script], { cwd: parent, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
    expect(readdirSync(parent)).toEqual([]);
  });
});
