/**
 * `graduasi calibrate`, `compare --posterior` and `trial` as a user runs them (bin/graduasi.js): a
 * small calibration writes its folder (manifest, posterior, fit, calibrated.yaml) whose posterior a
 * comparison then draws from; bad input is refused with exit code 1, a clear message and no folder.
 * (`sensitivity` is run the same way in test/sensitivity/study.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'graduasi-calibrate-'));

function graduasi(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/graduasi.js'), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SMALL = ['--parameters', 'pkh.compliance', '--fit', 'pkh_families_2022', '--holdout', 'consumption_2022_09', '--particles', '4', '--generations', '1', '--evaluations', '6', '--replicates', '1', '--workers', '1'];

describe('graduasi calibrate', () => {
  it('writes a calibration folder whose posterior a comparison draws from', () => {
    const r = graduasi('calibrate', ...SMALL, '--out', 'cal');
    expect(r.stderr).toContain('Graduasi calibrate: seed 2022, 20,000 agents, 1 worker');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/pkh\.compliance\s+0\.8–0\.98/);
    expect(r.stdout).toMatch(/consumption_2022_09\s+holdout/);
    expect(readdirSync(join(dir, 'cal')).sort()).toEqual(['calibrated.yaml', 'fit.csv', 'manifest.json', 'posterior.csv']);
    const manifest = JSON.parse(readFileSync(join(dir, 'cal', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'calibration', targets: { fit: ['pkh_families_2022'], holdout: ['consumption_2022_09'] } });
    expect(readFileSync(join(dir, 'cal', 'fit.csv'), 'utf8').split('\n')[0]).toBe('target,role,indicator,group,month,observed,sd,point_fit,posterior_p05,posterior_median,posterior_p95,z_score,series,unit');

    const c = graduasi('compare', 'assistance-only', 'graduation-push-under-40', '--posterior', 'cal', '--households', '20000', '--years', '2022-2023', '--replicates', '2', '--workers', '1', '--out', 'cmp');
    expect(c.status).toBe(0);
    expect(c.stderr).toContain('behaviour parameters drawn from');
    expect(c.stdout).toContain('each with its own posterior draw of the behaviour parameters');
    const run = JSON.parse(readFileSync(join(dir, 'cmp', 'manifest.json'), 'utf8'));
    expect(run.experiment.uncertainty.kind).toBe('parameter and stochastic');
    expect(run.experiment.uncertainty.particles).toHaveLength(2);
  });

  it('fits on the past from an earlier round: --start, with the figures of the rounds after it', () => {
    const r = graduasi('calibrate', '--start', '2021-03', '--parameters', 'income.real_growth', '--fit', 'poverty_rate_2021_09', '--holdout', 'poverty_rate_2022_03', '--particles', '4', '--generations', '1', '--evaluations', '4', '--replicates', '1', '--workers', '1', '--out', 'past');
    expect(r.stderr).toContain('Graduasi calibrate: seed 2022, 20,000 agents, 1 worker, runs from March 2021');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/poverty_rate_2021_09\s+fit\s+0\.0971/);
    expect(r.stdout).toMatch(/poverty_rate_2022_03\s+holdout\s+0\.0954/);
    const manifest = JSON.parse(readFileSync(join(dir, 'past', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ settings: { start: '2021-03' }, targets: { fit: ['poverty_rate_2021_09'], holdout: ['poverty_rate_2022_03'] } });
    // Checked too: every other figure the calibration may use in the window it spans, none before its start.
    const roles = readFileSync(join(dir, 'past', 'fit.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(' '));
    expect(roles).toContain('extreme_rate_2021_03 check');
    expect(roles.some((l) => l.startsWith('poverty_rate_2020'))).toBe(false);
    expect(roles.some((l) => l.startsWith('pkh_families_2022'))).toBe(false);
  });

  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown target', ['--fit', 'poverty_2031'], /graduasi calibrate: --fit: expected ids of data\/targets\/targets\.csv: .*, got "poverty_2031"/],
    ['a holdout that is fitted', ['--fit', 'pkh_families_2022', '--holdout', 'pkh_families_2022'], /graduasi calibrate: --holdout: expected targets left out of the fit, got pkh_families_2022, which is also fitted/],
    ['an unknown parameter', ['--parameters', 'income.groth'], /graduasi calibrate: --parameters: behaviour\.income\.groth: expected a behaviour parameter path such as .*, got no such parameter/],
    ['a policy parameter', ['--parameters', 'policy.pkh.quota'], /a policy parameter/],
    ['too few particles', ['--particles', '1'], /--particles: expected a whole number from 2 to 10,000 \(each particle is a model run in every generation; .*\), got "1"/],
    ['a positional argument', ['budget-cut-20'], /calibrate: expected options only/],
    ['a fitted figure before the runs\' start', ['--fit', 'poverty_rate_2021_09'], /graduasi calibrate: --fit: expected targets from the runs' start, 2022-03, on, got poverty_rate_2021_09 \(2021-09\)/],
    ['a start that is not a Susenas round', ['--start', '2021-06'], /graduasi calibrate: --start: expected one of 2018-09, .*, 2022-03, got "2021-06"/],
  ];
  it.each(cases)('refuses %s, writing nothing', (_, args, message) => {
    const r = graduasi('calibrate', ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'runs'))).toBe(false);
  });

  it('compare refuses a posterior that is not one', () => {
    const r = graduasi('compare', 'assistance-only', 'graduation-push-under-40', '--posterior', 'missing.csv', '--households', '20000');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('missing.csv: expected a posterior sample (posterior.csv of a calibration run folder), got no such file');
    expect(existsSync(join(dir, 'runs'))).toBe(false);
  });
});

describe('graduasi trial refusals through the command', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['an unknown design', ['brac-lik'], /graduasi trial: design: expected one of pena-2023, brac-like, got "brac-lik" \(did you mean "brac-like"\?\)/],
    ['a share outside (0, 1)', ['--share', '1.5'], /--share: expected the share of eligible households treated, in \(0, 1\), e\.g\. 0\.5, got "1\.5"/],
  ];
  it.each(cases)('refuses %s: exit code 1, no folder', (_, args, message) => {
    const r = graduasi('trial', ...args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'runs'))).toBe(false);
  });
});
