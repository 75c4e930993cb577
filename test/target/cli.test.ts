/**
 * `graduasi target` end to end, in a folder of its own: a small search (20,000 agents, two levers,
 * one replicate, March to September 2022) writes its folder and report; the same seed gives the same
 * bytes at one and at two workers; bad input is refused, naming the option or the file and path,
 * before any folder is made.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandFolder } from '../support/command';

const LEVERS = `levers:
  - id: sembako
    label: { en: Sembako benefit and budget, id: Bantuan dan anggaran Sembako }
    parameters: [policy.bpnt.benefit, policy.bpnt.budget]
    multiply: [1.5, 2]
  - id: pena
    label: { en: PENA places, id: Kuota PENA }
    parameters: [policy.pena.recipients]
    multiply: [4]
`;

const SMALL = ['--below', '1%', '--by', '2022-09', '--households', '20000', '--replicates', '1'];

describe('graduasi target', () => {
  const { dir, graduasi, file } = commandFolder('graduasi-target-');
  const levers = file('levers.yaml', LEVERS);

  it('writes a new folder with the candidates, the paths, the manifest and the report, the same bytes at 1 and 2 workers', () => {
    const one = graduasi('target', ...SMALL, '--levers', levers, '--workers', '1', '--out', 'one');
    expect(one.stderr).not.toMatch(/expected/);
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/No mix within the levers' levels brings|The cheapest mix found|already brings/);
    const two = graduasi('target', ...SMALL, '--levers', levers, '--workers', '2', '--out', 'two');
    expect(two.status).toBe(0);
    for (const name of ['candidates.csv', 'paths.csv', 'manifest.json', 'report.html']) {
      expect(readFileSync(join(dir, 'two', name), 'utf8')).toBe(readFileSync(join(dir, 'one', name), 'utf8'));
    }
    const candidates = readFileSync(join(dir, 'one', 'candidates.csv'), 'utf8').trim().split('\n');
    expect(candidates[0]).toMatch(/^round,level_sembako,level_pena,meets,answer,value_mean/);
    expect(candidates[1]).toMatch(/^0,0,0,/); // the legislated mix first
    expect(candidates.length).toBeGreaterThan(2); // and at least one round of levers
    const manifest = JSON.parse(readFileSync(join(dir, 'one', 'manifest.json'), 'utf8'));
    expect(manifest.command).toEqual(['graduasi', 'target', ...SMALL, '--levers', levers]);
    expect(manifest.target.levers.map((l: { id: string }) => l.id)).toEqual(['sembako', 'pena']);
    const report = readFileSync(join(dir, 'one', 'report.html'), 'utf8');
    expect(report).toContain('<h2>The answer</h2>');
    expect(report).toContain('<h2>Runners-up</h2>');
  });

  it('writes the report in Indonesian with --lang id', () => {
    const r = graduasi('target', ...SMALL, '--levers', levers, '--workers', '1', '--lang', 'id', '--out', 'id');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'id', 'report.html'), 'utf8')).toContain('<h2>Jawabannya</h2>');
  });

  it('refuses to write over an earlier search', () => {
    const r = graduasi('target', ...SMALL, '--levers', levers, '--workers', '1', '--out', 'one');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--out|new output folder/);
  });

  it.each([
    ['an unknown indicator, listing the names', ['--indicator', 'p0_extrem'], /--indicator: expected one of households, persons, p0_extreme/],
    ['a month outside the run', ['--by', '2021-06'], /--by: expected a month from the runs' start, 2022-03/],
    ['a level that is not a number', ['--below', 'half'], /--below: expected a number/],
    ['a percentage of an indicator that is not a share', ['--indicator', 'pkh_spend', '--below', '5%'], /--below: expected a number in pkh_spend's unit/],
    ['a month that is not one', ['--by', '2026-13'], /--by: expected a month YYYY-MM/],
    ['a group the model does not report', ['--group', 'province:Papu'], /--group: expected a group the model reports p0_extreme for/],
  ])('refuses %s before any work', (_, bad, message) => {
    const args = [...SMALL];
    for (let k = 0; k < bad.length; k += 2) {
      const at = args.indexOf(bad[k]);
      if (at >= 0) args.splice(at, 2);
      args.push(...bad.slice(k, k + 2));
    }
    const r = graduasi('target', ...args, '--out', 'refused');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'refused'))).toBe(false);
  });

  it('refuses a lever path that is not a parameter, naming the file and the path inside it', () => {
    const bad = file('bad.yaml', LEVERS.replace('policy.pena.recipients', 'policy.pena.recipient'));
    const r = graduasi('target', ...SMALL, '--levers', bad, '--out', 'refused');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml: levers\[1\]\.parameters\[0\]: expected a parameter path.*"policy\.pena\.recipient", no such parameter \(did you mean "policy\.pena\.recipients"\?\)/);
    expect(existsSync(join(dir, 'refused'))).toBe(false);
  });
});
