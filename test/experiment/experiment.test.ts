/**
 * Experiments: results identical at any worker count, paired scenarios, shared runs for identical
 * parameters, summaries that agree with the rows.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mean } from 'simple-statistics';
import { runExperiment } from '../../src/experiment/index';
import type { Experiment, Progress } from '../../src/experiment/index';
import { pointPatch } from '../../src/experiment/points';
import { loadParameters } from '../../src/parameters/load';
import type { Parameters } from '../../src/parameters/types';
import { resolveScenarios } from '../../src/scenarios/load';
import type { ResolvedScenario } from '../../src/scenarios/types';

let parameters: Parameters;
let scenarios: ResolvedScenario[];
let one: Experiment;
let two: Experiment;
const progress: Progress[] = [];

const SETTINGS = { replicates: 2, seed: 11, end: '2023-12', households: 20_000, reference: 'graduation-push-under-40' } as const;

beforeAll(async () => {
  parameters = loadParameters();
  // On the data's values, so a patched tree reaches the runs (the calibrated set would overlay it).
  scenarios = resolveScenarios(['graduation-push-under-40', 'budget-cut-20', 'fuel-shock-2022'], parameters, 'data');
  one = await runExperiment({ ...SETTINGS, parameters, scenarios, workers: 1, onProgress: (p) => progress.push(p) });
  two = await runExperiment({ ...SETTINGS, parameters, scenarios, workers: 2 });
});

describe('an experiment', () => {
  it('gives the same bytes with 1 and 2 workers', () => {
    expect(two.resultsCsv).toBe(one.resultsCsv);
    expect(two.summaryCsv).toBe(one.summaryCsv);
    expect(JSON.stringify(two.manifest)).toBe(JSON.stringify(one.manifest));
  });

  it('runs scenarios with identical parameters once, and labels the rows for each', () => {
    // fuel-shock-2022 writes out the data's own values: 2 parameter sets × 2 replicates = 4 jobs.
    expect([...new Set(progress.map((p) => p.done))]).toEqual([0, 1, 2, 3, 4]);
    expect(progress.every((p) => p.total === 4)).toBe(true);
    const of = (id: string) => one.rows.filter((r) => r.scenario === id);
    expect(of('fuel-shock-2022').map((r) => r.value)).toEqual(of('graduation-push-under-40').map((r) => r.value));
    expect(of('fuel-shock-2022').length).toBeGreaterThan(0);
  });

  it('reports the months stepped between the runs finished, in whole percents, up to all of them', () => {
    const shares = progress.map((p) => p.share!);
    expect(shares.every((s, k) => k === 0 || s >= shares[k - 1])).toBe(true);
    expect(shares.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(4);
    expect(progress.length).toBeLessThanOrEqual(4 + 101);
    // at the end of the second run, half of the months are stepped
    expect(progress.find((p) => p.done === 2)!.share).toBeCloseTo(0.5, 10);
  });

  it('gives a scenario run alone (on its population, not a copy) the rows it has beside others', async () => {
    const alone = await runExperiment({ ...SETTINGS, reference: undefined, parameters, scenarios: scenarios.slice(1, 2), workers: 1 });
    expect(alone.rows).toEqual(one.rows.filter((r) => r.scenario === 'budget-cut-20'));
  });

  it('pairs scenarios: the same values until the policy differs, then different ones', () => {
    const at = (id: string, month: string, indicator: string) =>
      one.rows.filter((r) => r.scenario === id && r.month === month && r.indicator === indicator && r.group === 'national').map((r) => r.value);
    // budget-cut-20 changes budgets from January 2023; PKH pays (and spends) in January, April, July and October.
    expect(at('budget-cut-20', '2022-12', 'p0_extreme')).toEqual(at('graduation-push-under-40', '2022-12', 'p0_extreme'));
    expect(at('budget-cut-20', '2023-10', 'pkh_spend')).not.toEqual(at('graduation-push-under-40', '2023-10', 'pkh_spend'));
    const cut = at('budget-cut-20', '2023-07', 'pkh_spend');
    const full = at('graduation-push-under-40', '2023-07', 'pkh_spend');
    cut.forEach((c, k) => expect(c).toBeLessThan(full[k]));
  });

  it('summarises replicates: mean and band agree with the rows, differences are paired', () => {
    const values = (id: string) => one.rows.filter((r) => r.scenario === id && r.month === '2023-12' && r.indicator === 'pkh_households' && r.group === 'national');
    const cut = values('budget-cut-20');
    const full = values('graduation-push-under-40');
    expect(cut.map((r) => r.replicate)).toEqual([0, 1]);
    const level = one.summary.find((s) => s.scenario === 'budget-cut-20' && s.compared_with === '' && s.month === '2023-12' && s.indicator === 'pkh_households' && s.group === 'national')!;
    expect(level.mean).toBeCloseTo(mean(cut.map((r) => r.value)), 6);
    expect(level.p05).toBeLessThanOrEqual(level.mean);
    expect(level.p95).toBeGreaterThanOrEqual(level.mean);
    const diff = one.summary.find((s) => s.scenario === 'budget-cut-20' && s.compared_with === 'graduation-push-under-40' && s.month === '2023-12' && s.indicator === 'pkh_households' && s.group === 'national')!;
    expect(diff.mean).toBeCloseTo(mean(cut.map((r, k) => r.value - full[k].value)), 6);
    expect(diff.mean).toBeLessThan(0);
    const same = one.summary.filter((s) => s.scenario === 'fuel-shock-2022' && s.compared_with !== '');
    expect(same.length).toBeGreaterThan(0);
    expect(same.every((s) => s.mean === 0 && s.p05 === 0 && s.p95 === 0)).toBe(true);
  });

  it('records national rows monthly and every group in March and the last month', () => {
    const months = (group: string) => [...new Set(one.rows.filter((r) => r.group === group).map((r) => r.month))];
    expect(months('national')).toHaveLength(22);
    expect(months('province:Papua')).toEqual(['2022-03', '2023-03', '2023-12']);
    expect(months('area:urban')).toEqual(['2022-03', '2023-03', '2023-12']);
  });

  it('says in the manifest what produced it', () => {
    const m = one.manifest;
    expect(m.experiment).toMatchObject({ seed: 11, replicates: 2, start: '2022-03', end: '2023-12', agents: 20_000, reference: 'graduation-push-under-40' });
    expect(m.scenarios.map((s) => s.id)).toEqual(['graduation-push-under-40', 'budget-cut-20', 'fuel-shock-2022']);
    expect(m.scenarios[1].lineage).toEqual(['integrated-2022', 'graduation-push-under-40', 'budget-cut-20']);
    expect(m.scenarios[0].parametersHash).toBe(m.scenarios[2].parametersHash);
    expect(m.scenarios[0].parametersHash).not.toBe(m.scenarios[1].parametersHash);
    expect(m.populations.map((p) => p.replicate)).toEqual([0, 1]);
    expect(m.results.rows).toBe(one.rows.length);
    expect(m.parameterTree).toEqual({ folder: 'data/parameters', hash: parameters.hash });
  });

  it('runs on the parameter tree it is given, in worker threads too (they do not read data/parameters)', async () => {
    const still = parameters.patched(pointPatch(parameters, ['behaviour.income.real_growth'], [0]), 'no growth');
    const small = { ...SETTINGS, scenarios: scenarios.slice(0, 1), replicates: 1, end: '2022-09', reference: undefined };
    const here = await runExperiment({ ...small, parameters: still, workers: 1 });
    const thread = await runExperiment({ ...small, parameters: still, workers: 2 });
    const data = await runExperiment({ ...small, parameters, workers: 2 });
    expect(thread.resultsCsv).toBe(here.resultsCsv);
    expect(thread.resultsCsv).not.toBe(data.resultsCsv);
    expect(thread.manifest.parameterTree).toEqual({ folder: 'data/parameters', hash: still.hash });
  });

  it('a different seed gives different results', async () => {
    const other = await runExperiment({ ...SETTINGS, parameters, scenarios: scenarios.slice(0, 1), seed: 12, replicates: 1, reference: undefined });
    const same = await runExperiment({ ...SETTINGS, parameters, scenarios: scenarios.slice(0, 1), replicates: 1, reference: undefined });
    expect(other.resultsCsv).not.toBe(same.resultsCsv);
    expect(same.rows.map((r) => r.value)).toEqual(one.rows.filter((r) => r.scenario === 'graduation-push-under-40' && r.replicate === 0).map((r) => r.value));
  });

  it.each([
    [{ replicates: 0 }, 'replicates: expected a whole number of at least 1, got 0'],
    [{ workers: 0 }, 'workers: expected a whole number of at least 1, got 0'],
    [{ reference: 'budget-cut-30' }, 'reference: expected one of the experiment\'s scenarios'],
    [{ end: '2021-12' }, 'end: expected a month from the start, 2022-03, on, got 2021-12'],
    [{ start: '2018-03' }, 'start: expected a Susenas round (2018-09, 2019-03, 2019-09, 2020-03, 2020-09, 2021-03, 2021-09, 2022-03), got "2018-03"'],
  ])('refuses %j', async (change, message) => {
    await expect(runExperiment({ ...SETTINGS, parameters, scenarios, ...change })).rejects.toThrow(message);
  });
});
