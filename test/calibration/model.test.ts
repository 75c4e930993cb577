/**
 * Calibrating the model itself: targets read and checked from data/targets, a planted parameter
 * recovered (the "observed" figure is the model's own output at a known value), the same seed giving
 * the same calibration, and posterior draws reaching scenario comparisons.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate } from '../../src/calibration/model';
import { loadRecord, loadTargets, periodMonths, pickTargets } from '../../src/calibration/targets';
import { calibrationFiles, posteriorCsv, posteriorDraws, posteriorSample, readPosterior } from '../../src/calibration/output';
import { createPointRunner, pointPatch } from '../../src/experiment/points';
import { runExperiment } from '../../src/experiment/index';
import { loadParameters } from '../../src/parameters/load';
import { resolveScenarios } from '../../src/scenarios/load';

const dir = mkdtempSync(join(tmpdir(), 'graduasi-calibration-'));
const params = loadParameters();
const HEADER = 'id,indicator,group,month,value,unit,series,period,measure,sd,sd_basis,source,url,confidence,kind,calibrate,notes';

describe('calibration targets (data/targets/targets.csv)', () => {
  const targets = loadTargets();

  it('holds extreme poverty (series B), national P0 and P1, consumption, PKH and BPNT, and provinces, in model units', () => {
    const byId = new Map(targets.map((t) => [t.id, t]));
    expect(byId.get('extreme_rate_2022_03')).toMatchObject({ indicator: 'p0_extreme', group: 'national', month: '2022-03', series: 'B_BPS_1.9PPP2011_revised' });
    expect(byId.get('extreme_rate_2022_03')!.value).toBeCloseTo(0.0204, 10);
    expect(byId.get('extreme_count_2022_03')!.value).toBeCloseTo(5.59e6, 3);
    expect(byId.get('poverty_gap_2022_03')!.value).toBeCloseTo(0.01586, 10);
    expect(byId.get('pkh_families_2022')!.value).toBe(10e6);
    expect(byId.get('bpnt_families_2022')!.value).toBeCloseTo(18.8e6, 3);
    expect(targets.filter((t) => t.group.startsWith('province:')).length).toBe(15);
    for (const t of targets) expect(t.source.length).toBeGreaterThan(5);
  });

  it('never mixes extreme-poverty series: every extreme-poverty target is series B', () => {
    for (const t of targets.filter((t) => t.indicator.includes('extreme'))) expect(t.series).toBe('B_BPS_1.9PPP2011_revised');
  });

  it('refuses a bad file, naming file, row and column', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${HEADER}\nx1,p0_extreme,national,2018-03,2.14,percent,B,2018-03,month,0,,s,,A,outcome,yes,\n`);
    const message = (() => {
      try {
        loadTargets(bad);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toContain('row 2 (x1): unit: expected one of');
    expect(message).toContain('row 2 (x1): sd: expected a positive number, got "0"');
    expect(message).toContain("row 2 (x1): month: expected a month from the runs' start, 2018-09, on, got 2018-03");
  });

  it('refuses an unknown target id, listing the ids there are', () => {
    expect(() => pickTargets(targets, ['consumption_2022_10'], '--fit')).toThrow(/--fit: expected ids of data\/targets\/targets\.csv: extreme_rate_2022_03, .*, got "consumption_2022_10" \(did you mean "consumption_2022_03" or "consumption_2022_09"\?\)/);
  });
});

describe('the record (every row of data/targets/targets.csv) and the calibration\'s selection of it', () => {
  const record = loadRecord();

  it('the calibration may use the 28 figures it used before the record grew, the programmes\' reach in 2023 and the national poverty rounds before March 2022, and no other', () => {
    expect(loadTargets().map((t) => t.id)).toEqual([
      'extreme_rate_2022_03', 'extreme_count_2022_03', 'poverty_rate_2022_03', 'poor_count_2022_03', 'poverty_gap_2022_03', 'poverty_rate_urban_2022_03',
      'poverty_rate_rural_2022_03', 'consumption_2022_03', 'consumption_2022_09', 'consumption_urban_2022_09', 'consumption_rural_2022_09', 'pkh_families_2022',
      'bpnt_families_2022', 'poverty_rate_aceh_2022_03', 'poverty_rate_sumatera_utara_2022_03', 'poverty_rate_riau_2022_03', 'poverty_rate_jambi_2022_03',
      'poverty_rate_sumatera_selatan_2022_03', 'poverty_rate_bengkulu_2022_03', 'poverty_rate_lampung_2022_03', 'poverty_rate_sulawesi_utara_2022_03',
      'poverty_rate_sulawesi_tengah_2022_03', 'poverty_rate_sulawesi_selatan_2022_03', 'poverty_rate_sulawesi_tenggara_2022_03', 'poverty_rate_gorontalo_2022_03',
      'extreme_rate_gorontalo_2022_03', 'poverty_rate_sulawesi_barat_2022_03', 'extreme_rate_papua_2022_03', 'poverty_rate_2018_09', 'poverty_rate_2019_03', 'poverty_rate_2019_09', 'poverty_rate_2020_03', 'poverty_rate_2020_09',
      'poverty_rate_2021_03', 'poverty_rate_2021_09', 'extreme_rate_2021_03', 'pkh_families_2023', 'bpnt_families_2023',
    ]);
  });

  it('holds no poverty or extreme-poverty figure after March 2022 (the pack keeps them out)', () => {
    const poverty = record.filter((t) => /^(p[012]_|poor_)/.test(t.indicator));
    expect(poverty.length).toBeGreaterThan(40);
    for (const t of poverty) expect(t.month <= '2022-03').toBe(true);
  });

  it('marks the poverty lines as inputs, and only them', () => {
    expect(new Set(record.filter((t) => t.kind === 'input').map((t) => t.indicator))).toEqual(new Set(['line_national', 'line_extreme']));
  });

  it.each([
    ['pkh_spend_2023', 'sum', 12, 28.1e12],
    ['blt_bbm_spend_2022_10', 'sum', 2, 6.21e12],
    ['rice_aid_families_2023_r1', 'peak', 4, 21.353e6],
    ['pkh_families_2023', 'month', 1, 9.9e6],
  ])('%s is read as a %s over %i month(s), %d in the model\'s unit', (id, measure, months, value) => {
    const t = record.find((x) => x.id === id)!;
    expect(t).toMatchObject({ measure, calibrate: measure === 'month' });
    expect(t.months).toHaveLength(months);
    expect(t.months.at(-1)).toBe(t.month);
    expect(t.value).toBeCloseTo(value, 0);
  });

  it.each([
    ['2023', '2023-01', '2023-12', 12],
    ['2022-09 to 2022-12', '2022-09', '2022-12', 4],
    ['2024-01', '2024-01', '2024-01', 1],
  ])('the period %s runs from %s to %s (%i months)', (period, first, last, n) => {
    const months = periodMonths(period)!;
    expect([months[0], months.at(-1), months.length]).toEqual([first, last, n]);
  });

  it('refuses a peak or a sum whose month is not the last of its period, and a measure it does not know', () => {
    const bad = join(dir, 'bad-record.csv');
    writeFileSync(bad, `${HEADER}\ns1,pkh_spend,national,2023-06,28.1,Rp trillion,S,2023,sum,0.5,,s,,A,outcome,no,\ns2,pkh_spend,national,2023-12,28.1,Rp trillion,S,2023,mean,0.5,,s,,A,outcome,no,\n`);
    expect(() => loadRecord(bad)).toThrow(/row 2 \(s1\): month: expected the last month of the period, 2023-12, got "2023-06"/);
    expect(() => loadRecord(bad)).toThrow(/row 3 \(s2\): measure: expected one of month, peak, sum, got "mean"/);
  });
});

describe('calibrate on a planted value', () => {
  // "Observed": national mean consumption in September 2022 from the model at real growth 1.2 × per-capita HFCE growth.
  const planted = 1.2;
  const measure = { indicator: 'consumption_mean', group: 'national', month: '2022-09' };
  const run = createPointRunner({ parameters: params, measures: [measure], seed: 7, households: 20_000 });
  const observed = run(pointPatch(params, ['behaviour.income.real_growth'], [planted]), 0)[0];
  const targetsFile = join(dir, 'planted.csv');
  writeFileSync(targetsFile, `${HEADER}\nplanted,consumption_mean,national,2022-09,${observed},Rp per person per month,model,2022-09,month,${observed * 0.005},test,model output,,A,outcome,yes,\n`);
  const options = { params, parameters: ['behaviour.income.real_growth'], fit: ['planted'], holdout: [], targetsFile, seed: 7, households: 20_000, particles: 10, generations: 1, acceptFraction: 0.25, replicates: 1, maxEvaluations: 30, workers: 1 };

  // The point fit runs replicate 0 of the planted run's seed: common random numbers, so it must find the planted value.
  it('recovers the planted real growth: the posterior interval covers it and the point fit is close', async () => {
    const c = await calibrate(options);
    const s = c.summary[0];
    expect(s.low).toBeLessThanOrEqual(planted);
    expect(s.high).toBeGreaterThanOrEqual(planted);
    expect(s.high - s.low).toBeLessThan(0.7 * 1.6); // the prior (uniform over 0–1.6) has a 5–95 % interval of 0.9 × 1.6
    expect(Math.abs(c.pointFit.point['behaviour.income.real_growth'] - planted)).toBeLessThan(0.05);
    expect(c.table[0].role).toBe('fit');
    expect(Math.abs(c.table[0].zScore)).toBeLessThan(0.2);

    // The same seed gives the same files (but for the clock-free manifest, which holds the commit).
    const again = await calibrate(options);
    expect(posteriorCsv(again)).toBe(posteriorCsv(c));
    const files = calibrationFiles(c, 'test', params);
    expect(Object.keys(files)).toEqual(['posterior.csv', 'fit.csv', 'calibrated.yaml', 'manifest.json']);
    expect(files['calibrated.yaml']).toMatch(/^id: calibrated\n/);
    expect(files['calibrated.yaml']).toContain('behaviour.income.real_growth:');

    // Read back, drawn by weight, deterministically.
    const file = join(dir, 'posterior.csv');
    writeFileSync(file, files['posterior.csv']);
    const sample = readPosterior(file, params);
    expect(sample.points).toEqual(c.posterior.points);
    const draws = posteriorDraws(sample, 5, 3, params);
    expect(draws).toEqual(posteriorDraws(posteriorSample(c), 5, 3, params));
    expect(draws.every((d) => d.particle >= 0 && d.particle < sample.points.length)).toBe(true);
  });

  it('refuses a holdout that is also fitted, and a parameter without a range', async () => {
    await expect(calibrate({ ...options, holdout: ['planted'] })).rejects.toThrow('holdout: expected targets left out of the fit, got planted, which is also fitted');
    await expect(calibrate({ ...options, parameters: ['policy.pkh.quota'] })).rejects.toThrow(/parameters: policy\.pkh\.quota: expected a behaviour parameter .*, got a policy parameter/);
  });
});

describe('a posterior sample read back', () => {
  it('refuses a value outside its range and a column that is not a behaviour parameter, naming file and row', () => {
    const file = join(dir, 'out-of-range.csv');
    writeFileSync(file, 'particle,weight,distance,behaviour.income.real_growth\n0,1,0.1,2\n');
    expect(() => readPosterior(file, params)).toThrow(/out-of-range\.csv: row 2: behaviour\.income\.real_growth: expected a value within the parameter's range \[0, 1\.6\], got 2/);
    const policy = join(dir, 'policy.csv');
    writeFileSync(policy, 'particle,weight,distance,policy.pkh.quota\n0,1,0.1,5\n');
    expect(() => readPosterior(policy, params)).toThrow(/column "policy.pkh.quota": expected a behaviour parameter with one value/);
  });
});

describe('scenario comparisons with parameter uncertainty', () => {
  it('replicates draw behaviour parameters from the posterior, the same draw for every scenario, and the manifest says so', async () => {
    const sample = { file: 'test posterior', sha256: 'x', parameters: ['behaviour.income.real_growth'], weights: [0.5, 0.5], points: [[0], [1.6]] };
    const scenarios = resolveScenarios(['assistance-only', 'graduation-push-under-40'], params);
    const draws = posteriorDraws(sample, 2, 1, params);
    expect(draws.map((d) => d.particle)).toEqual([0, 1]);
    const common = { parameters: params, scenarios, replicates: 2, seed: 1, end: '2023-03', households: 20_000, reference: 'assistance-only', workers: 1 };
    const withPosterior = await runExperiment({ ...common, posterior: { file: sample.file, sha256: sample.sha256, draws } });
    const without = await runExperiment(common);
    expect(withPosterior.manifest.experiment.uncertainty).toEqual({ kind: 'parameter and stochastic', posterior: 'test posterior', sha256: 'x', particles: [0, 1] });
    expect(without.manifest.experiment.uncertainty).toEqual({ kind: 'stochastic' });
    const p0 = (rows: typeof without.rows, replicate: number) => rows.find((r) => r.scenario === 'assistance-only' && r.replicate === replicate && r.month === '2023-03' && r.indicator === 'p0_national' && r.group === 'national')!.value;
    // Growth at 0 and at 1.6 × household-consumption growth: poverty higher and lower than at the calibrated multiple (0.89).
    expect(p0(withPosterior.rows, 0)).toBeGreaterThan(p0(without.rows, 0));
    expect(p0(withPosterior.rows, 1)).toBeLessThan(p0(without.rows, 1));
  });
});
