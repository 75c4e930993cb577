/**
 * The rolling-origin backtest, small (20,000 agents, 2 replicates, the two 2021 origins): each origin
 * predicts the national poverty and extreme-poverty figures of the record one and two rounds on, the
 * scores are the errors it printed, and `graduasi backtest` writes its folder or refuses bad origins
 * before any work.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { backtest, defaultOrigins, scoresOf, type Backtest } from '../../src/backtest/index';
import { loadRecord } from '../../src/calibration/targets';
import { loadParameters } from '../../src/parameters/load';
import { loadPopulationData } from '../../src/population/index';
import { resolveScenarios } from '../../src/scenarios/load';

const ROUNDS = loadPopulationData().rounds.map((r) => r.round);
const record = loadRecord();
const parameters = loadParameters();
const [scenario] = resolveScenarios(['assistance-only'], parameters);
const SMALL = { parameters, scenario, record, rounds: ROUNDS, replicates: 2, seed: 4, households: 20_000, workers: 1 } as const;

describe('a backtest from the 2021 rounds', () => {
  let result: Backtest;
  beforeAll(async () => {
    result = await backtest({ ...SMALL, origins: ['2021-03', '2021-09'] });
  });

  it('predicts from each origin the national figures of the record one and two rounds on, and none after March 2022', () => {
    expect(result.predictions.map((p) => [p.origin, p.horizon, p.row.figure.id])).toEqual([
      ['2021-03', 1, 'poverty_rate_2021_09'],
      ['2021-03', 2, 'poverty_rate_2022_03'],
      ['2021-03', 2, 'extreme_rate_2022_03'],
      ['2021-09', 1, 'poverty_rate_2022_03'],
      ['2021-09', 1, 'extreme_rate_2022_03'],
    ]);
    expect(result.runs.map((r) => [r.origin, r.end, r.experiment.manifest.experiment.start])).toEqual([['2021-03', '2022-03', '2021-03'], ['2021-09', '2022-03', '2021-09']]);
  });

  it('reads each prediction from its run: the mean of the replicates in the figure\'s month, the error against the published value, the band', () => {
    for (const p of result.predictions) {
      const { experiment } = result.runs.find((r) => r.origin === p.origin)!;
      const values = experiment.rows.filter((r) => r.month === p.row.figure.month && r.indicator === p.row.figure.indicator && r.group === 'national').map((r) => r.value);
      expect(values).toHaveLength(2);
      expect(p.row.model!.mean).toBeCloseTo((values[0] + values[1]) / 2, 12);
      expect(p.error).toBeCloseTo(p.row.model!.mean - p.row.figure.value, 12);
      expect(p.row.figure.value).toBeCloseTo(p.row.figure.published.value / 100, 12);
      expect(p.covered).toBe(p.row.model!.p05 <= p.row.figure.value && p.row.figure.value <= p.row.model!.p95);
    }
  });

  it('scores each measure and horizon by the mean absolute error and the predictions the band covers', () => {
    expect(result.scores).toEqual(scoresOf(result.predictions));
    const poverty = result.predictions.filter((p) => p.row.figure.indicator === 'p0_national' && p.horizon === 1);
    expect(result.scores[0]).toEqual({ indicator: 'p0_national', horizon: 1, predictions: 2, mae: (Math.abs(poverty[0].error) + Math.abs(poverty[1].error)) / 2, covered: poverty.filter((p) => p.covered).length });
    expect(result.scores.map((s) => [s.indicator, s.horizon, s.predictions])).toEqual([['p0_national', 1, 2], ['p0_national', 2, 1], ['p0_extreme', 1, 1], ['p0_extreme', 2, 1]]);
  });
});

describe('origins', () => {
  it('by default every round with a figure of the record one or two rounds later: all but March 2022', () => {
    expect(defaultOrigins(record, ROUNDS)).toEqual(ROUNDS.slice(0, -1));
  });

  it('a round with nothing to predict after it, or not a round, is refused before any run', async () => {
    await expect(backtest({ ...SMALL, origins: ['2022-03', '2020-06'] })).rejects.toThrow(
      /backtest: origins: expected rounds with a figure of the record one or two rounds later, got "2022-03", after which the record has none\n.*origins: expected Susenas rounds \(2018-09, .*\), got "2020-06"/s,
    );
  });
});

describe('graduasi backtest', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-backtest-'));
  const graduasi = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/graduasi.js'), 'backtest', ...args], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints the predictions and the scores and writes a new folder', () => {
    const r = graduasi('--origins', '2021-09', '--households', '20000', '--replicates', '2', '--workers', '1', '--out', 'bt');
    expect(r.stderr).toContain('Graduasi backtest: assistance-only from 1 origin (September 2021) × 2 replicates, seed 2022, 1 worker, calibrated parameters');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/September 2021\s+1 round \(6 months\)\s+Poverty rate \(P0, BPS national line\)\s+March 2022\s+9\.54\s+/);
    expect(r.stdout).toMatch(/Figure\s+Ahead\s+Predictions\s+MAE \(pp\)\s+Band covers/);
    expect(readdirSync(join(dir, 'bt')).sort()).toEqual(['manifest.json', 'predictions.csv', 'scores.csv']);
    const predictions = readFileSync(join(dir, 'bt', 'predictions.csv'), 'utf8').trim().split('\n');
    expect(predictions[0]).toBe('origin,horizon,id,indicator,group,month,official,model_mean,model_p05,model_p95,replicates,error,covered');
    expect(predictions.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['2021-09,1,poverty_rate_2022_03', '2021-09,1,extreme_rate_2022_03']);
    const manifest = JSON.parse(readFileSync(join(dir, 'bt', 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'backtest', settings: { scenario: 'assistance-only', parameterSet: 'calibrated', origins: ['2021-09'], replicates: 2, seed: 2022 } });
    expect(manifest.runs.map((x: { origin: string; end: string }) => [x.origin, x.end])).toEqual([['2021-09', '2022-03']]);
  });

  it('refuses an origin that is not a round with something to predict, with no folder', () => {
    const r = graduasi('--origins', '2022-03', '--out', 'refused');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/graduasi backtest: --origins: expected one of 2018-09, .*, 2021-09, got "2022-03"/);
    expect(existsSync(join(dir, 'refused'))).toBe(false);
  });
});
