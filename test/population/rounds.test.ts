/**
 * A population for any Susenas round from September 2018 (data/population/rounds.csv): each statistic
 * the builder fits is exact up to the sample; the others follow from the shape, within their stated
 * tolerance. 30,000 agents; lines of the round (the extreme line of the fixture, carried with the
 * ratio of national lines for September 2018).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPopulation } from '../../src/population/index';
import { fitTable } from '../../src/population/fit';
import { DEFAULT_PARAMETER_DIR as PARAMETER_DIR, loadParameters } from '../../src/parameters/load';
import { referenceLines, simulate } from '../../src/run/simulate';
import { standardIndicators } from '../../src/observe/indicators';
import { monthOf } from '../../src/calendar/months';
import { ProblemError } from '../../src/problems/index';
import { runExperiment } from '../../src/experiment/index';
import { resolveScenarios } from '../../src/scenarios/load';
import { LINES } from './helpers';

const AGENTS = 30_000;
/** Relative tolerance of the statistics the builder fits (the provinces' P0 is fitted up to one agent of ~300 in the smallest). */
const EXACT = 0.01;
const PROVINCE = 0.03;
/** Tolerances of what follows from the shape (as measured at 200,000 agents, with room for the sample). */
const APPROXIMATE: Record<string, number> = {
  Gini: 0.03,
  'bottom-40 share (%)': 0.08,
  'quintile-1 mean (Rp)': 0.06,
  'P1 (index × 100)': 0.1,
  'extreme poverty Gorontalo (%)': 0.5,
};

const rounds = [
  ['2022-03', LINES],
  ['2018-09', { national: 410_670, extreme: (LINES.extreme * 410_670) / LINES.national }],
] as const;

describe.each(rounds)('the population of Susenas %s', (round, lines) => {
  const population = buildPopulation({ seed: 'rounds', households: AGENTS, lines, round });
  const rows = fitTable(population, lines);

  it('describes its round', () => {
    expect(population.round).toBe(round);
    expect(population.referenceMonth).toBe(monthOf(round));
  });

  it.each(rows.filter((r) => r.fit === 'exact').map((r) => [r.statistic, r.target, r] as const))('%s is fitted: %s', (statistic, _, row) => {
    expect(Math.abs(row.ratio - 1)).toBeLessThan(statistic.startsWith('P0 ') || statistic.startsWith('extreme poverty ') ? PROVINCE : EXACT);
  });

  it.each(rows.filter((r) => r.fit === 'approximate').map((r) => [r.statistic, r.target, r] as const))('%s follows from the shape, near %s', (statistic, _, row) => {
    expect(Math.abs(row.ratio - 1)).toBeLessThan(APPROXIMATE[statistic]);
  });
});

describe('rounds', () => {
  it('a round that is not a Susenas round of the data is refused with the list of rounds', () => {
    const build = () => buildPopulation({ seed: 1, households: AGENTS, lines: LINES, round: '2018-03' });
    expect(build).toThrow(ProblemError);
    expect(build).toThrow(/round: expected a Susenas round \(2018-09, 2019-03, 2019-09, 2020-03, 2020-09, 2021-03, 2021-09, 2022-03\), got "2018-03"/);
  });

  it('simulate refuses an unknown start, naming the option', () => {
    const parameters = loadParameters();
    expect(() => simulate({ id: 'x', patch: {} }, { seed: 1, households: AGENTS, parameters, observe: standardIndicators, start: '2022-09' })).toThrow(/simulate: start: expected a Susenas round/);
  });

  it('a run from March 2021 reaches March 2022, with PKH and BPNT paying from the start and BLT BBM not', () => {
    const parameters = loadParameters();
    expect(referenceLines(parameters, '2021-03').national).toBe(472_525);
    const { rows, manifest } = simulate({ id: 'legislated', patch: {} }, { seed: 5, households: 20_000, parameters, observe: standardIndicators, start: '2021-03', end: '2022-03' });
    expect(manifest.options.start).toBe('2021-03');
    const at = (month: string, indicator: string) => rows.find((r) => r.month === month && r.indicator === indicator && r.group === 'national')?.value;
    expect(rows[0].month).toBe('2021-03');
    expect(rows[rows.length - 1].month).toBe('2022-03');
    expect(at('2021-03', 'p0_national')).toBeCloseTo(0.1014, 2);
    expect(at('2021-03', 'pkh_households')).toBeGreaterThan(0);
    expect(at('2021-03', 'bpnt_households')).toBeGreaterThan(0);
    expect(at('2021-06', 'blt_bbm_households')).toBe(0);
  });

  it('a run from a round the parameters do not reach back to is refused before any work, naming each parameter that starts later and its file', async () => {
    // A copy of the tree whose PKH budget starts in 2021, as it did before the backtest needed 2018.
    const folder = join(mkdtempSync(join(tmpdir(), 'graduasi-rounds-')), 'parameters');
    cpSync(PARAMETER_DIR, folder, { recursive: true });
    const budget = join(folder, 'policy', 'pkh', 'budget.yaml');
    writeFileSync(budget, readFileSync(budget, 'utf8').replace(/^  2018-01-01: .*\n/m, ''));
    const parameters = loadParameters(folder);
    const scenarios = resolveScenarios(['assistance-only'], parameters, 'data');
    await expect(runExperiment({ parameters, scenarios, replicates: 1, seed: 1, households: 20_000, start: '2019-03' })).rejects.toThrow(
      /start: expected a round whose year the parameters cover: every parameter needs a value from 2019-01-01, got "2019-03", and 1 parameter starts later: policy\.pkh\.budget from 2021-01-01 \(.*budget\.yaml\)/,
    );
  });
});
