/**
 * Sharded runs on the command line: `compare --shard K/N` for each K, then `merge`, give the run
 * folder of the one-machine compare byte for byte (manifest.json adds only the shards), and
 * `sensitivity --shard K/N` then `merge` the one-machine study's; every refusal of --shard and of
 * merge names what was expected and what was given, writing no folder.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandFolder } from '../support/command';

const { dir, graduasi } = commandFolder('graduasi-shard-');

/** 2 scenarios × 2 replicates: 4 jobs, so of 3 shards the first has two jobs and the others one. */
const COMPARE = ['compare', 'assistance-only', 'integrated-2022', '--households', '20000', '--years', '2022-2023', '--replicates', '2', '--seed', '7'];
const FILES = ['results.csv', 'summary.csv', 'report.html'];

const read = (folder: string, name: string) => readFileSync(join(dir, folder, name), 'utf8');

describe('compare --shard K/N, then merge', () => {
  beforeAll(() => {
    for (const args of [
      [...COMPARE, '--workers', '2', '--out', 'one'],
      ...[1, 2, 3].map((k) => [...COMPARE, '--workers', '1', '--shard', `${k}/3`, '--out', `parts/shard-${k}`]),
      ['merge', 'parts/shard-3', 'parts/shard-1', 'parts/shard-2', '--out', 'merged'],
    ]) {
      const r = graduasi(...args);
      if (r.status !== 0) throw new Error(`graduasi ${args.join(' ')} failed:\n${r.stderr}`);
    }
  });

  it('splits the jobs j mod N: the first shard runs two jobs, the others one', () => {
    const jobs = [1, 2, 3].map((k) => JSON.parse(read(`parts/shard-${k}`, 'shard.json')).jobs.map((j: { job: number }) => j.job));
    expect(jobs).toEqual([[0, 3], [1], [2]]);
    expect(readdirSync(join(dir, 'parts/shard-1')).sort()).toEqual(['resources.json', 'rows.csv', 'shard.json']);
  });

  it('writes the same results.csv, summary.csv and report.html as the one-machine run', () => {
    for (const name of FILES) expect(read('merged', name), name).toBe(read('one', name));
  });

  it('writes the same manifest.json apart from the shards, with the command less --shard and no absolute path', () => {
    const { shards, ...merged } = JSON.parse(read('merged', 'manifest.json'));
    expect(`${JSON.stringify(merged, null, 2)}\n`).toBe(read('one', 'manifest.json'));
    expect(merged.command).toEqual(['graduasi', ...COMPARE]);
    expect(shards).toEqual([
      { shard: 1, of: 3, folder: 'shard-1', jobs: [{ job: 0, scenario: 'assistance-only', replicate: 0 }, { job: 3, scenario: 'integrated-2022', replicate: 1 }] },
      { shard: 2, of: 3, folder: 'shard-2', jobs: [{ job: 1, scenario: 'integrated-2022', replicate: 0 }] },
      { shard: 3, of: 3, folder: 'shard-3', jobs: [{ job: 2, scenario: 'assistance-only', replicate: 1 }] },
    ]);
    expect(read('merged', 'manifest.json')).not.toContain(dir);
  });

  it("writes the report in the run's own --lang, unless merge is told another", () => {
    const RUN = ['run', 'assistance-only', '--households', '20000', '--years', '2022-2022', '--replicates', '2', '--lang', 'id'];
    for (const args of [[...RUN, '--out', 'id-one'], [...RUN, '--shard', '1/2', '--out', 'id-parts/1'], [...RUN, '--shard', '2/2', '--out', 'id-parts/2'], ['merge', 'id-parts/1', 'id-parts/2', '--out', 'id-merged'], ['merge', 'id-parts/1', 'id-parts/2', '--lang', 'en', '--out', 'en-merged']]) {
      expect(graduasi(...args).status, args.join(' ')).toBe(0);
    }
    expect(read('id-merged', 'report.html')).toBe(read('id-one', 'report.html'));
    expect(read('id-merged', 'report.html')).toContain('<html lang="id"');
    expect(read('en-merged', 'report.html')).toContain('<html lang="en"');
  });

  it.each([
    ['0/3', /graduasi compare: --shard: expected K\/N, shard K of N with K from 1 to N, e\.g\. 1\/4: K from 1 to 3, got "0\/3" \(shards are numbered from 1\)/],
    ['4/3', /graduasi compare: --shard: expected K\/N, shard K of N with K from 1 to N, e\.g\. 1\/4: K from 1 to 3, got "4\/3"/],
    ['1of3', /graduasi compare: --shard: expected K\/N, shard K of N with K from 1 to N, e\.g\. 1\/4, got "1of3"/],
    ['1/5', /graduasi compare: --shard: expected at most as many shards as the experiment has jobs \(4: parameter sets × replicates\), got 5 shards/],
  ])('refuses --shard %s, writing nothing', (value, message) => {
    const r = graduasi(...COMPARE, '--shard', value, '--out', `bad-${value.replace('/', '-')}`);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, `bad-${value.replace('/', '-')}`))).toBe(false);
  });

  it('refuses a missing shard and a repeated one, naming them', () => {
    const missing = graduasi('merge', 'parts/shard-1', 'parts/shard-2', '--out', 'bad-merge');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('graduasi merge: shard 3 of 3: expected each shard from 1 to 3 once, got it is missing');
    const twice = graduasi('merge', 'parts/shard-1', 'parts/shard-2', 'parts/shard-2', 'parts/shard-3', '--out', 'bad-merge');
    expect(twice.status).toBe(1);
    expect(twice.stderr).toContain(`graduasi merge: shard 2 of 3: expected each shard from 1 to 3 once, got it 2 times: ${join(dir, 'parts/shard-2')}, ${join(dir, 'parts/shard-2')}`);
    expect(existsSync(join(dir, 'bad-merge'))).toBe(false);
  });

  it("refuses a shard of another experiment, naming its folder and the field that differs", () => {
    const r = graduasi(...COMPARE.slice(0, -1), '8', '--shard', '3/3', '--out', 'other/shard-3');
    expect(r.status).toBe(0);
    const merge = graduasi('merge', 'parts/shard-1', 'parts/shard-2', 'other/shard-3', '--out', 'bad-merge');
    expect(merge.status).toBe(1);
    expect(merge.stderr).toContain(`${join(dir, 'other/shard-3/shard.json')}: identity.command: expected the experiment of ${join(dir, 'parts/shard-1/shard.json')}`);
    expect(merge.stderr).toContain(`${join(dir, 'other/shard-3/shard.json')}: identity.experiment.seed: expected the experiment of ${join(dir, 'parts/shard-1/shard.json')}, 7, got 8`);
    expect(existsSync(join(dir, 'bad-merge'))).toBe(false);
  });

  it('refuses a shard whose rows.csv changed since it was written', () => {
    const r = graduasi(...COMPARE, '--shard', '2/3', '--out', 'changed');
    expect(r.status).toBe(0);
    writeFileSync(join(dir, 'changed/rows.csv'), `${read('changed', 'rows.csv')}\n`);
    const merge = graduasi('merge', 'parts/shard-1', 'changed', 'parts/shard-3', '--out', 'bad-merge');
    expect(merge.status).toBe(1);
    expect(merge.stderr).toMatch(/changed\/rows\.csv: expected the file the shard wrote, SHA-256 [0-9a-f]{64} \(shard\.json: rows\.sha256\), got a file changed since/);
    expect(existsSync(join(dir, 'bad-merge'))).toBe(false);
  });
});

/** A Morris study of two parameters (2 trajectories: 6 points, then 5 one at a time: 11 runs), measured in March 2023. */
const STUDY = ['sensitivity', '--method', 'morris', '--parameters', 'registry.exclusion_error,pkh.compliance', '--month', '2023-03', '--trajectories', '2', '--seed', '3'];

describe('sensitivity --shard K/N, then merge', () => {
  beforeAll(() => {
    for (const args of [
      [...STUDY, '--workers', '2', '--out', 'study-one'],
      ...[1, 2, 3].map((k) => [...STUDY, '--workers', '1', '--shard', `${k}/3`, '--out', `study-parts/shard-${k}`]),
      ['merge', 'study-parts/shard-2', 'study-parts/shard-3', 'study-parts/shard-1', '--out', 'study-merged'],
    ]) {
      const r = graduasi(...args);
      if (r.status !== 0) throw new Error(`graduasi ${args.join(' ')} failed:\n${r.stderr}`);
    }
  });

  it("splits the study's runs across its stages j mod N", () => {
    const shards = [1, 2, 3].map((k) => JSON.parse(read(`study-parts/shard-${k}`, 'shard.json')));
    expect(shards.map((s) => s.records.map((r: { job: number }) => r.job))).toEqual([[0, 3, 6, 9], [1, 4, 7, 10], [2, 5, 8]]);
    expect(shards[0].calls).toEqual([6, 5]);
  });

  it("writes the one-machine study's files, byte for byte, and its manifest apart from the shards", () => {
    const names = readdirSync(join(dir, 'study-one')).sort();
    expect(names).toEqual(['design.csv', 'manifest.json', 'morris.csv', 'one-at-a-time.csv', 'report.html']);
    expect(readdirSync(join(dir, 'study-merged')).sort()).toEqual(names);
    for (const name of names.filter((n) => n !== 'manifest.json')) expect(read('study-merged', name), name).toBe(read('study-one', name));
    const { shards, ...merged } = JSON.parse(read('study-merged', 'manifest.json'));
    expect(`${JSON.stringify(merged, null, 2)}\n`).toBe(read('study-one', 'manifest.json'));
    expect(shards.map((s: { shard: number; folder: string }) => [s.shard, s.folder])).toEqual([[1, 'shard-1'], [2, 'shard-2'], [3, 'shard-3']]);
  });

  it('refuses --shard with --method both, whose Sobol stage waits for the Morris ranking', () => {
    const r = graduasi('sensitivity', '--shard', '1/2', '--out', 'bad-both');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('graduasi sensitivity: --shard: expected --method morris or sobol: every point of the study known before any runs, got --method both, whose Sobol stage takes its parameters from the Morris ranking and so waits for it (shard --method morris, then --method sobol --parameters <its top K>)');
    expect(existsSync(join(dir, 'bad-both'))).toBe(false);
  });

  it("refuses a study's shards with an experiment's, and a study's shard missing", () => {
    const mixed = graduasi('merge', 'study-parts/shard-1', 'parts/shard-2', '--out', 'bad-mixed');
    expect(mixed.status).toBe(1);
    expect(mixed.stderr).toContain(`${join(dir, 'parts/shard-2/shard.json')}: kind: expected a shard of a study (sensitivity), like the first shard, got a shard of an experiment (run or compare)`);
    const missing = graduasi('merge', 'study-parts/shard-1', 'study-parts/shard-3', '--out', 'bad-mixed');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('graduasi merge: shard 2 of 3: expected each shard from 1 to 3 once, got it is missing');
    expect(existsSync(join(dir, 'bad-mixed'))).toBe(false);
  });
});
