/**
 * Sensitivity studies of the model, tiny (3 parameters, 20,000 agents — the smallest population —
 * and runs of a few months): they run, rank, are the same at one and two workers, give exactly 0 to
 * a parameter that cannot act on the outcome, refuse bad options before running; and
 * `graduasi sensitivity` writes its folder, the same bytes at any worker count, and refuses bad
 * input with no folder.
 *
 * The parameter that cannot matter: PKH families in April 2022 do not depend on the monthly return
 * of businesses, because no household has a business before transisi, and households reach
 * transisi at the earliest policy.empowerment.recovery_months (3) after the run starts in March
 * 2022.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import type { ParameterPath } from '../../src/parameters/spec';
import { formatProblem, ProblemError } from '../../src/problems';
import { morrisStudy, oneAtATime, screenThenSobol, sobolStudy } from '../../src/sensitivity/index';
import type { MorrisStudy, OneAtATimeStudy, SobolStudy, StudyOptions } from '../../src/sensitivity/index';
import { offlinePage, openBrowser } from '../support/browser';

const REGISTRY = 'behaviour.registry.exclusion_error';
const COMPLIANCE = 'behaviour.pkh.compliance';
const BUSINESS = 'behaviour.business.monthly_return';
const PARAMETERS = [REGISTRY, COMPLIANCE, BUSINESS];
/** PKH families one month after the start. */
const TINY: StudyOptions = { params: loadParameters(), parameters: PARAMETERS, measure: { indicator: 'pkh_households', month: '2022-04' }, seed: 5 };

describe('a tiny study of PKH families in April 2022', () => {
  let morris: MorrisStudy;
  let sobol: SobolStudy;
  let sobolTwoWorkers: SobolStudy;
  let oat: OneAtATimeStudy;
  beforeAll(async () => {
    morris = await morrisStudy({ ...TINY, trajectories: 3 });
    sobol = await sobolStudy({ ...TINY, samples: 8 });
    sobolTwoWorkers = await sobolStudy({ ...TINY, samples: 8, workers: 2 });
    oat = await oneAtATime(TINY);
  });

  it('Morris: r(k + 1) = 3 × 4 runs on the grid of each range, effects ranked by μ*', () => {
    expect(morris.run.runs).toBe(12);
    expect(morris.design.points).toHaveLength(12);
    expect(morris.measure).toEqual({ indicator: 'pkh_households', group: 'national', month: '2022-04' });
    const params = loadParameters();
    morris.parameters.forEach((p, i) => {
      const record = params.get(p.name as ParameterPath);
      expect([p.min, p.max, p.base, p.label]).toEqual([record.range!.min, record.range!.max, record.values[0].value, record.label]);
      for (const point of morris.design.points) {
        expect(point[i]).toBeGreaterThanOrEqual(p.min);
        expect(point[i]).toBeLessThanOrEqual(p.max);
      }
    });
    expect(morris.effects.map((e) => e.rank)).toEqual([1, 2, 3]);
    const muStar = morris.effects.map((e) => e.muStar);
    expect(muStar).toEqual([...muStar].sort((a, b) => b - a));
    expect(morris.effects.map((e) => e.parameter).slice(0, 2).sort()).toEqual([REGISTRY, COMPLIANCE].sort());
    expect(morris.effects[1].muStar).toBeGreaterThan(0);
  });

  it('Morris: the return on business capital cannot change PKH families in April 2022: μ* = μ = σ = 0 exactly', () => {
    expect(morris.effects.find((e) => e.parameter === BUSINESS)).toMatchObject({ muStar: 0, mu: 0, sigma: 0 });
  });

  it('Sobol: N(k + 2) = 8 × 5 runs; the business parameter has S1 = ST = 0 exactly, with intervals [0, 0]', () => {
    expect(sobol.run.runs).toBe(40);
    const business = sobol.indices.find((x) => x.parameter === BUSINESS)!;
    expect([business.first, business.firstLow, business.firstHigh, business.total, business.totalLow, business.totalHigh]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(sobol.indices.at(-1)!.parameter).toBe(BUSINESS);
    expect(sobol.indices[0].total).toBeGreaterThan(0);
  });

  it('Sobol: the same outcomes and indices, to the bit, at one and at two workers', () => {
    expect(sobolTwoWorkers.outputs).toEqual(sobol.outputs);
    expect(sobolTwoWorkers.indices).toEqual(sobol.indices);
    expect(sobolTwoWorkers.design).toEqual(sobol.design);
  });

  it('one at a time: 2k + 1 runs; the data point and the business parameter at either end give the same outcome', () => {
    expect(oat.run.runs).toBe(7);
    expect(oat.points[0]).toEqual(oat.parameters.map((p) => p.base));
    expect(oat.base).toBe(oat.outputs[0]);
    expect(oat.bars.find((b) => b.parameter === BUSINESS)).toEqual({ parameter: BUSINESS, low: oat.base, high: oat.base });
    expect(oat.bars.find((b) => b.parameter === REGISTRY)!.low).not.toBe(oat.base);
  });

  it('screening then Sobol takes the top K by μ* into the Sobol stage, whose other parameters stay at the data', async () => {
    const stages: string[] = [];
    const { morris: screened, sobol: second } = await screenThenSobol({ ...TINY, trajectories: 3, samples: 4, top: 2, onProgress: (p) => stages.push(p.stage) });
    expect(screened.effects).toEqual(morris.effects);
    expect(second.parameters.map((p) => p.name)).toEqual(PARAMETERS.filter((p) => screened.effects.slice(0, 2).some((e) => e.parameter === p)));
    expect(second.run.runs).toBe(4 * (2 + 2));
    expect([...new Set(stages)]).toEqual(['morris', 'sobol']);
  });
});

describe('bad options are refused before anything runs, every problem named', () => {
  const refusal = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemError);
      return (error as ProblemError).problems.map((p) => formatProblem({ ...p, file: undefined }));
    }
    throw new Error('expected a refusal');
  };

  it('lists an unknown parameter, a policy parameter, an unknown indicator, a bad month and too few trajectories together', async () => {
    const problems = await refusal(() =>
      morrisStudy({ params: TINY.params, parameters: ['behaviour.business.monthly_retrun', 'policy.pkh.quota'], measure: { indicator: 'p0_extrem', month: '2030-13' }, seed: 1, trajectories: 1 }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^parameters: behaviour\.business\.monthly_retrun: expected a behaviour parameter path such as .* or a policy assumption such as policy\..*, got no such parameter \(did you mean behaviour\.business\.monthly_return\?\)$/),
      'parameters: policy.pkh.quota: expected a behaviour parameter or a policy assumption (metadata.assumption: true); policy rules are changed by scenarios, got a policy parameter (data/parameters/policy/pkh/quota.yaml)',
      expect.stringMatching(/^measure\.indicator: expected one of households, persons, p0_extreme, .*, got "p0_extrem" \(did you mean "p0_extreme"\?\)$/),
      'measure.month: expected a month YYYY-MM, got "2030-13"',
      'trajectories: expected a whole number ≥ 2 (Morris trajectories r, for a standard deviation of the effects), got 1',
    ]);
  });

  it.each<[string, () => Promise<unknown>, RegExp]>([
    ['a month before the start', () => sobolStudy({ ...TINY, measure: { indicator: 'p0_extreme', month: '2021-12' }, samples: 8 }), /^measure\.month: expected a month from the runs' start, 2022-03, on, got 2021-12$/],
    ['one Sobol base row', () => sobolStudy({ ...TINY, samples: 1 }), /^samples: expected a whole number ≥ 2 \(base rows N of the Saltelli matrices A and B\), got 1$/],
    ['fewer agents than the population needs', () => morrisStudy({ ...TINY, trajectories: 2, households: 5000 }), /^households: expected a whole number ≥ 20,000 \(agents in the population\), got 5000$/],
    ['a top K above the parameters screened', () => screenThenSobol({ ...TINY, trajectories: 2, samples: 4, top: 4 }), /^top: expected a whole number from 1 to 3 \(parameters taken into the Sobol stage\), got 4$/],
    ['an empty parameter list', () => oneAtATime({ ...TINY, parameters: [] }), /^parameters: expected at least one behaviour parameter path/],
    ['a group the indicator is not reported for (found by a one-month probe)', () => morrisStudy({ ...TINY, measure: { indicator: 'graduations_to_date', group: 'area:rural', month: '2023-03' }, trajectories: 2 }), /^measure\.group: expected a group the model reports graduations_to_date for: "national", "province:<name>" .*, got "area:rural" \(money and pathway totals are national only/],
  ])('%s', async (_, run, message) => {
    const problems = await refusal(run);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });
});

describe('graduasi sensitivity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-sensitivity-'));
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'graduasi.js');
  const sensitivity = (...args: string[]) => {
    const r = spawnSync(process.execPath, [bin, 'sensitivity', ...args], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const SMALL = ['--parameters', 'registry.exclusion_error,pkh.compliance,business.monthly_return', '--month', '2023-03', '--trajectories', '3', '--samples', '8', '--top', '2', '--seed', '3'];
  const FILES = ['design.csv', 'manifest.json', 'morris.csv', 'one-at-a-time.csv', 'report.html', 'sobol.csv'];
  let first: ReturnType<typeof sensitivity>;
  beforeAll(() => {
    first = sensitivity(...SMALL, '--workers', '2', '--out', 'two');
  });

  it('prints the rankings and writes a new folder with the design, the indices, the manifest and the report', () => {
    expect(first.stderr).toContain('Graduasi sensitivity: p0_extreme, national, 2023-03; Morris (3 trajectories), then Sobol on the top 2 (N = 8), then one at a time');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/Morris screening\n\nParameter\s+μ\* \(percentage points\)\s+μ \(percentage points\)\s+σ \(percentage points\)/);
    expect(first.stdout).toMatch(/behaviour.business.monthly_return\s+0\.0+\s+0\.0+\s+0\.0+\n/);
    expect(first.stdout).toMatch(/Sobol indices\n\nParameter\s+S1 \[95 % interval\]\s+ST \[95 % interval\]/);
    expect(first.stdout).toContain('Study written to two\n');
    expect(readdirSync(join(dir, 'two')).sort()).toEqual(FILES);
    const design = readFileSync(join(dir, 'two', 'design.csv'), 'utf8').split('\n');
    expect(design[0]).toBe('method,point,behaviour.registry.exclusion_error,behaviour.pkh.compliance,behaviour.business.monthly_return,output');
    expect(design.filter((l) => l.startsWith('morris,'))).toHaveLength(12);
    expect(design.filter((l) => l.startsWith('sobol,'))).toHaveLength(8 * 4);
    expect(design.filter((l) => l.startsWith('one-at-a-time,'))).toHaveLength(5);
    const sobol = readFileSync(join(dir, 'two', 'sobol.csv'), 'utf8').split('\n');
    expect(sobol[0]).toBe('rank,parameter,S1,S1_low,S1_high,ST,ST_low,ST_high');
    const manifest = JSON.parse(readFileSync(join(dir, 'two', 'manifest.json'), 'utf8'));
    expect(manifest.sensitivity).toMatchObject({ measure: { indicator: 'p0_extreme', group: 'national', month: '2023-03' }, seed: 3, replicates: 1, agents: 20_000, runs: 12 + 32 + 5, sobol: { samples: 8, top: 2 } });
    expect(manifest.parameters.map((p: { path: string }) => p.path)).toEqual([REGISTRY, COMPLIANCE, BUSINESS]);
    expect(manifest.parameters[0]).toMatchObject({ range: { min: 0.15, max: 0.5 }, file: 'data/parameters/behaviour/registry/exclusion_error.yaml' });
    expect(manifest.parameters[0].references.length).toBeGreaterThan(0);
    expect(manifest.files['design.csv'].rows).toBe(49);
    expect(JSON.stringify(manifest)).not.toMatch(/seconds|workers|elapsed/);
  });

  it('writes the same bytes with one worker', () => {
    const r = sensitivity(...SMALL, '--workers', '1', '--out', 'one');
    expect(r.status).toBe(0);
    for (const file of FILES.filter((f) => f !== 'report.html')) expect(readFileSync(join(dir, 'one', file)), file).toEqual(readFileSync(join(dir, 'two', file)));
  });

  it('report.html draws its three charts offline in headless Chromium', async () => {
    const browser = await openBrowser();
    try {
      const { page, outside, errors } = await offlinePage(browser.context);
      await page.goto(pathToFileURL(join(dir, 'two', 'report.html')).href);
      await page.waitForFunction(() => document.querySelectorAll('figure.chart svg').length === 3, null, { timeout: 120_000 });
      const titles = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => s.textContent ?? ''));
      expect(titles[0]).toContain('Morris screening: Extreme poverty rate');
      expect(titles[1]).toContain('Sobol indices: Extreme poverty rate');
      expect(titles[2]).toContain('Sensitivity: Extreme poverty rate');
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown method', ['--method', 'fast'], /--method: expected one of morris, sobol, both, got "fast"/],
    ['--top without a screening', ['--method', 'sobol', '--top', '3'], /graduasi sensitivity: --top: expected only with --method both, got --method sobol, which does not use it/],
    ['an unknown parameter', ['--parameters', 'business.monthly_retrun'], /graduasi sensitivity: --parameters: behaviour\.business\.monthly_retrun: expected a behaviour parameter path .*, got no such parameter/],
    ['an unknown indicator and a month before the start, together', ['--indicator', 'p0_extrem', '--month', '2021-01'], /2 problems:\n {2}graduasi sensitivity: --indicator: expected one of .*, got "p0_extrem".*\n {2}graduasi sensitivity: --month: expected a month from the runs' start, 2022-03, on, got 2021-01/],
    ['a group the model does not report', ['--group', 'province:Atlantis', '--month', '2022-04'], /graduasi sensitivity: --group: expected a group the model reports p0_extreme for: .*, got "province:Atlantis"/],
    ['a language', ['--lang', 'fr'], /--lang: expected one of en, id, got "fr"/],
    ['an output folder that holds a run', ['--out', 'two'], /two: expected a new output folder, so that no earlier results are overwritten, got a folder that already holds a run \(manifest\.json\)/],
  ])('refuses %s: exit code 1, a message naming the option, no folder', (_, args, message) => {
    const out = args.includes('--out') ? [] : ['--out', 'refused'];
    const r = sensitivity(...args, ...out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'refused'))).toBe(false);
  });

  it('leaves no partial folder behind when refused', () => {
    mkdirSync(join(dir, 'empty'));
    expect(sensitivity('--out', 'empty').stderr).toMatch(/empty: expected a new output folder, so that no earlier results are overwritten, got a folder that already exists/);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
