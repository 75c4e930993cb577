/**
 * The `graduasi` command as a user runs it (bin/graduasi.js): listing, showing and validating
 * scenarios, runs that write a new folder, the same bytes twice, and every refusal with a clear
 * message and no output folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandFolder } from '../support/command';

const { dir, graduasi, file } = commandFolder('graduasi-cli-');

const SCENARIO = `id: facilitators-15k
label: 15,000 facilitators
rationale: A smaller increase than more-facilitators.
extends: graduation-push-under-40
patch:
  policy.facilitators.count:
    2023-01-01: 15000
`;
const SMALL = ['--households', '20000', '--years', '2022-2023', '--replicates', '2', '--seed', '5'];

describe('graduasi list, show, validate', () => {
  it('lists the built-in scenarios and every parameter with unit and source', () => {
    const r = graduasi('list');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('budget-cut-20');
    expect(r.stdout).toContain('policy.pkh.budget  [idr-per-year]  PKH budget');
    expect(r.stdout).toContain('from 2021-01-01: Rp 28.7 T a year');
    expect(r.stdout).toMatch(/source: Inews, 2021/);
  });

  it("shows a scenario's changes beside the data's values", () => {
    const r = graduasi('show', 'budget-cut-20');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('extends: graduation-push-under-40 ← integrated-2022');
    expect(r.stdout).toContain('from 2023-01-01: Rp 22.48 T a year (data: Rp 28.1 T a year)');
  });

  it('validates a good file and names what it changes', () => {
    const r = graduasi('validate', file('ok.yaml', SCENARIO));
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('ok.yaml: valid — scenario facilitators-15k (extends integrated-2022 → graduation-push-under-40), 2 parameters changed');
  });
});

describe('graduasi run, compare and report', () => {
  let first: string;
  beforeAll(() => {
    const r = graduasi('compare', 'graduation-push-under-40', file('mine.yaml', SCENARIO), ...SMALL, '--out', 'first', '--reference', 'graduation-push-under-40', '--workers', '2');
    expect(r.stderr).toContain('Graduasi compare: 2 scenarios × 2 replicates');
    expect(r.status).toBe(0);
    first = r.stdout;
  });

  it('prints the headline table and where the run was written', () => {
    expect(first).toMatch(/Extreme poor 2023-03 \(%\)/);
    expect(first).toMatch(/facilitators-15k\s+\d+\.\d\d \[\d+\.\d\d – \d+\.\d\d\]/);
    expect(first).toContain('Run written to first\n'); // inside the working folder: named relative to it
    expect(readdirSync(join(dir, 'first')).sort()).toEqual(['manifest.json', 'report.html', 'resources.json', 'results.csv', 'summary.csv']);
  });

  it('records what the run used of the machine beside the manifest, not in it', () => {
    const used = JSON.parse(readFileSync(join(dir, 'first', 'resources.json'), 'utf8'));
    expect(used.peakResidentBytes).toBeGreaterThan(50 * 2 ** 20);
    expect(used.estimatedBytes).toBeGreaterThan(0);
    expect(used.seconds).toBeGreaterThan(0);
    expect(used.workers).toBe(2);
    expect(used.threadsPerRun).toBe(1); // runs of fewer agents than THREADED_AGENTS are not split
    expect(readFileSync(join(dir, 'first', 'manifest.json'), 'utf8')).not.toMatch(/peakResident|seconds/);
  });

  it('gives the same results.csv bytes the second time, with one worker and each run on two threads', () => {
    const threads = Math.min(2, availableParallelism()); // --threads is at most the cores
    const r = graduasi('compare', 'graduation-push-under-40', 'mine.yaml', ...SMALL, '--out', 'second', '--reference', 'graduation-push-under-40', '--workers', '1', '--threads', String(threads));
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'second', 'resources.json'), 'utf8')).threadsPerRun).toBe(threads);
    expect(readFileSync(join(dir, 'second', 'results.csv'))).toEqual(readFileSync(join(dir, 'first', 'results.csv')));
    expect(readFileSync(join(dir, 'second', 'summary.csv'))).toEqual(readFileSync(join(dir, 'first', 'summary.csv')));
  });

  it('writes the report again in Bahasa Indonesia, once', () => {
    const r = graduasi('report', 'first', '--lang', 'id');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Miskin ekstrem 2023-03 (%)');
    const html = readFileSync(join(dir, 'first', 'report-id.html'), 'utf8');
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Angka utama');
    const again = graduasi('report', 'first', '--lang', 'id');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('report-id.html already exists');
  });

  it('refuses an output folder that already holds a run, leaving it as it was', () => {
    const before = readFileSync(join(dir, 'first', 'manifest.json'));
    const r = graduasi('run', 'graduation-push-under-40', ...SMALL, '--out', 'first');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('first: expected a new output folder, so that no earlier results are overwritten, got a folder that already holds a run (manifest.json)');
    expect(readFileSync(join(dir, 'first', 'manifest.json'))).toEqual(before);
  });
});

describe('refusals: a clear message and no output folder', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a misspelt parameter path', () => [file('typo.yaml', SCENARIO.replace('policy.facilitators.count', 'policy.facilitator.count'))], /typo\.yaml: policy\.facilitator\.count: expected a declared parameter path.*did you mean "policy\.facilitators\.count"/],
    ['a probability of 1.2', () => [file('prob.yaml', SCENARIO.replace('policy.facilitators.count:\n    2023-01-01: 15000', 'behaviour.atensi.success:\n    2023-01-01: 1.2'))], /prob\.yaml: behaviour\.atensi\.success: 2023-01-01: expected a probability in \[0, 1\], got 1\.2/],
    ['a negative budget', () => [file('neg.yaml', SCENARIO.replace('policy.facilitators.count:\n    2023-01-01: 15000', 'policy.bpnt.budget:\n    2023-01-01: -1000'))], /neg\.yaml: policy\.bpnt\.budget: 2023-01-01: expected a non-negative amount in rupiah per year, got -1000/],
    ['an extends cycle', () => { file('c2.yaml', SCENARIO.replace('id: facilitators-15k', 'id: c2').replace('graduation-push-under-40', 'c1.yaml')); return [file('c1.yaml', SCENARIO.replace('id: facilitators-15k', 'id: c1').replace('graduation-push-under-40', 'c2.yaml'))]; }, /extends: expected a chain of scenarios that ends, got a cycle/],
    ['an unknown scenario name', () => ['budget-cut-50'], /expected a built-in scenario .* got "budget-cut-50" \(did you mean "budget-cut-20"\?\)/],
    ['a non-numeric seed', () => ['graduation-push-under-40', '--seed', 'abc'], /--seed: expected a whole number of at least 0, got "abc"/],
    ['an unknown option', () => ['graduation-push-under-40', '--colour', 'red'], /graduasi run: --colour: expected one of --start, --years, --replicates, .*, got an unknown option/],
    ['years that do not start in the start\'s year', () => ['graduation-push-under-40', '--years', '2024-2030'], /graduasi run: --years: expected 2022-YYYY, got 2024-2030 \(runs start in March 2022 \(--start 2022-03\)\)/],
    ['a start that is not a Susenas round', () => ['graduation-push-under-40', '--start', '2018-03'], /graduasi run: --start: expected one of 2018-09, 2019-03, 2019-09, 2020-03, 2020-09, 2021-03, 2021-09, 2022-03, got "2018-03"/],
    ['a language the report has not', () => ['graduation-push-under-40', '--lang', 'fr'], /--lang: expected one of en, id, got "fr"/],
    ['too few agents', () => ['graduation-push-under-40', '--households', '500'], /--households: expected a whole number from 20,000 to 86,437,053 \(one agent per household of the registry, data\/population\/national\.csv\), got "500"/],
  ];
  it.each(cases)('refuses %s', (_, args, message) => {
    const given = args();
    const rest = given.includes('--years') || given.includes('--households') ? [] : ['--households', '20000', '--years', '2022-2022', '--replicates', '1'];
    const r = graduasi('run', ...given, ...rest);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(join(dir, 'runs'))).toBe(false);
  });

  it('validate refuses a bad file with the same message', () => {
    const r = graduasi('validate', file('typo2.yaml', SCENARIO.replace('policy.facilitators.count', 'policy.facilitators.cuont')));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/typo2\.yaml: policy\.facilitators\.cuont: expected a declared parameter path.*did you mean "policy\.facilitators\.count"/);
  });

  it('refuses an unknown command', () => {
    const r = graduasi('simulate');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/graduasi: expected a command: list, show, .*, got "simulate"/);
  });
});
