/**
 * The real parameter tree: it loads, it reads like the policy, and the tree object behaves
 * (at(month), get, records, hash, patched).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_DIR, loadParameters, PARAMETERS, type ParameterPath, type Parameters } from '../../src/parameters';
import { fromTransfer, LAST_YEAR, toTransfer } from '../../src/parameters/load';
import { ProblemError } from '../../src/problems';
import { monthOf } from '../../src/calendar/months';

const params = loadParameters();

/** The value of one parameter in force on a date, read from its record (works before every parameter has a value). */
function valueOn(p: Parameters, path: ParameterPath, date: string): number | boolean | undefined {
  const month = monthOf(date);
  return p.get(path).values.filter((v) => v.month <= month).at(-1)?.value;
}

/** Every leaf path of PARAMETERS, walked independently of the loader. */
function leaves(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v.unit === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`));
}

describe('the parameter tree in data/parameters', () => {
  it('loads, with one record per declared parameter, sorted by path', () => {
    const paths = params.records.map((r) => r.path);
    expect([...paths].sort()).toEqual(leaves(PARAMETERS).sort());
    expect(paths).toEqual([...paths].sort());
  });

  it('names each record by its file, relative to the repository root', () => {
    expect(params.get('policy.pkh.quota').file).toBe('data/parameters/policy/pkh/quota.yaml');
    expect(params.get('behaviour.pkh.compliance').kind).toBe('behaviour');
  });

  it('gives every behaviour parameter a range and a reasoning, every policy parameter a reference', () => {
    for (const r of params.records) {
      if (r.kind === 'behaviour') expect([r.path, r.range !== undefined, (r.reasoning ?? '').length > 0]).toEqual([r.path, true, true]);
      else expect([r.path, r.references.length > 0]).toEqual([r.path, true]);
    }
  });

  it('marks every policy parameter whose reasoning calls it an assumption, and only those, with assumption: true and a range', () => {
    const policy = params.records.filter((r) => r.kind === 'policy');
    const saysSo = policy.filter((r) => /^An assumption/.test(r.reasoning ?? '')).map((r) => r.path);
    expect(policy.filter((r) => r.assumption).map((r) => r.path)).toEqual(saysSo);
    expect(saysSo).toHaveLength(23);
    expect(policy.filter((r) => r.range !== undefined).map((r) => r.path)).toEqual(saysSo);
  });

  it.each([
    ['policy.facilitators.caseload', 30, 10, 60],
    ['policy.graduation.income_multiple', 1.2, 1, 1.5],
    ['policy.rst.houses', 20_000, 5_000, 100_000],
    ['policy.atensi.unit_cost', 2_700_000, 1_000_000, 10_000_000],
  ])('%s (an assumption) is %d with the range its reasoning names, %d to %d', (path, value, min, max) => {
    const r = params.get(path as ParameterPath);
    expect([r.values[0].value, r.range]).toEqual([value, { min, max }]);
  });

  it('knows the folder it was read from (not part of the hash)', () => {
    expect(params.folder).toBe('data/parameters');
  });

  it('has every value in force from January 2022, when the model starts', () => {
    expect(() => params.at(monthOf('2022-01'))).not.toThrow();
  });
});

describe('the tree reads like the policy', () => {
  const in2022 = params.at(monthOf('2022-06')).policy.pkh.benefit;

  it.each([
    ['a pregnant or post-partum woman', 'pregnant', 3_000_000],
    ['a child aged 0–6', 'early_childhood', 3_000_000],
    ['a primary-school pupil (SD)', 'primary_school', 900_000],
    ['a junior-secondary pupil (SMP)', 'junior_secondary', 1_500_000],
    ['a senior-secondary pupil (SMA)', 'senior_secondary', 2_000_000],
    ['a person with a severe disability', 'severe_disability', 2_400_000],
    ['an elderly member', 'elderly', 2_400_000],
  ] as const)('in 2022 PKH pays Rp %s a year for %s', (_who, component, rupiahPerYear) => {
    expect(in2022[component]).toBe(rupiahPerYear);
  });

  it('PKH counts at most four eligible members, elderly from 70, for 10 million families', () => {
    const pkh = params.at(monthOf('2022-06')).policy.pkh;
    expect([pkh.member_cap, pkh.quota]).toEqual([4, 10_000_000]);
  });

  it('BLT BBM pays Rp 150,000 a month from September 2022 and nothing from January 2023', () => {
    expect(params.at(monthOf('2022-08')).policy.blt_bbm.benefit).toBe(0);
    expect(params.at(monthOf('2022-09')).policy.blt_bbm.benefit).toBe(150_000);
    expect(params.at(monthOf('2022-12')).policy.blt_bbm.benefit).toBe(150_000);
    expect(params.at(monthOf('2023-01')).policy.blt_bbm.benefit).toBe(0);
    expect(params.at(monthOf('2022-09')).policy.blt_bbm.quota).toBe(20_650_000);
  });

  it('BPNT paid Rp 110,000 from February 2017, Rp 150,000 in February 2020 and Rp 200,000 from April 2020', () => {
    expect(valueOn(params, 'policy.bpnt.benefit', '2017-01-31')).toBeUndefined();
    expect(valueOn(params, 'policy.bpnt.benefit', '2017-02-01')).toBe(110_000);
    expect(valueOn(params, 'policy.bpnt.benefit', '2020-02-01')).toBe(150_000);
    expect(valueOn(params, 'policy.bpnt.benefit', '2020-04-01')).toBe(200_000);
  });

  it('the 2022 Sembako budget is the realised Rp 44.5 T, about 18.8 m families × Rp 197,000 × 12 months', () => {
    expect(params.at(monthOf('2022-01')).policy.bpnt.budget).toBe(44_500_000_000_000);
  });

  it('PKH and Sembako budgets after the last realisation are the 2023 realised spending per family times the quota', () => {
    const at2024 = params.at(monthOf('2024-06')).policy;
    expect(at2024.pkh.budget).toBeCloseTo((28.1e12 / 9_900_000) * at2024.pkh.quota, -1);
    const at2025 = params.at(monthOf('2025-06')).policy;
    expect(at2025.bpnt.budget).toBeCloseTo((44.5e12 / 18_700_000) * at2025.bpnt.quota, -1);
  });

  it('the national poverty line in force in March 2022 is the March 2022 Susenas line', () => {
    expect(params.at(monthOf('2022-03')).policy.poverty_line.national).toBe(505_469);
    expect(valueOn(params, 'policy.poverty_line.national', '2022-02-01')).toBe(486_168);
  });

  it('the fuel-price shock is a one-month jump in September 2022', () => {
    const shock = (m: string) => params.at(monthOf(m)).behaviour.prices.fuel_price_shock;
    expect([shock('2022-08'), shock('2022-09'), shock('2022-10')]).toEqual([0, 0.0079, 0]);
  });
});

describe('at(month)', () => {
  it('returns the same frozen object for the same month', () => {
    const a = params.at(monthOf('2022-09'));
    expect(params.at(monthOf('2022-09'))).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.policy.pkh.benefit)).toBe(true);
  });

  it('throws, naming the parameter and its first date, before a parameter has a value', () => {
    expect(() => params.at(monthOf('2017-06'))).toThrow(/has no value in 2017-06: its first value applies from 2018-01-01/);
  });
});

describe('records and get(path)', () => {
  it('are deeply frozen', () => {
    const record = params.get('policy.pkh.quota');
    expect(Object.isFrozen(params.records) && Object.isFrozen(record) && Object.isFrozen(record.values[0])).toBe(true);
    expect(() => (record.values as unknown[]).push(1)).toThrow();
  });

  it('get() throws on an unknown path, suggesting the closest one', () => {
    expect(() => params.get('policy.pkh.qouta' as ParameterPath)).toThrow(/did you mean "policy\.pkh\.quota"/);
  });
});

describe('hash', () => {
  let dir = '';
  afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = ''; });

  it('is the same for two loads of the same tree', () => {
    expect(loadParameters().hash).toBe(params.hash);
    expect(params.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores comments, whitespace, key order and where the tree lives', () => {
    dir = mkdtempSync(join(tmpdir(), 'graduasi-params-'));
    cpSync(DEFAULT_PARAMETER_DIR, dir, { recursive: true });
    const file = join(dir, 'policy', 'pkh', 'quota.yaml');
    const text = readFileSync(file, 'utf8');
    const [description, rest] = [text.slice(0, text.indexOf('values:')), text.slice(text.indexOf('values:'))];
    writeFileSync(file, `# a comment\n\n${rest}\n${description}`);
    expect(loadParameters(dir).hash).toBe(params.hash);
    expect(loadParameters(dir).folder).toBe(dir);
  });

  it('changes when a value changes', () => {
    const changed = params.patched({ 'policy.pkh.quota': { '2022-01-01': 10_000_001 } }, 'test');
    expect(changed.hash).not.toBe(params.hash);
  });
});

describe('a tree sent to a worker thread as plain data (toTransfer, fromTransfer)', () => {
  const patched = params.patched({ 'policy.facilitators.caseload': { '2023-01-01': 45 } }, 'test');

  it('comes back with the same hash, folder and values, patches included', () => {
    const back = fromTransfer(structuredClone(toTransfer(patched)));
    expect([back.hash, back.folder]).toEqual([patched.hash, 'data/parameters']);
    expect(back.at(monthOf('2023-06'))).toEqual(patched.at(monthOf('2023-06')));
    expect(Object.isFrozen(back.records[0])).toBe(true);
  });

  it('is refused when its records do not match the hash sent with them', () => {
    const sent = structuredClone(toTransfer(params));
    expect(() => fromTransfer({ ...sent, hash: patched.hash })).toThrow(/parameters from data\/parameters: the tree received has hash [0-9a-f]{64}, expected [0-9a-f]{64}/);
  });
});

describe('patched(patch, source)', () => {
  it('adds a dated value from its month on, leaving the original tree as it was', () => {
    const p = params.patched({ 'policy.pkh.benefit.primary_school': { '2023-01-01': 1_000_000 } }, 'raise SD');
    expect(p.at(monthOf('2022-12')).policy.pkh.benefit.primary_school).toBe(900_000);
    expect(p.at(monthOf('2023-01')).policy.pkh.benefit.primary_school).toBe(1_000_000);
    expect(params.at(monthOf('2023-01')).policy.pkh.benefit.primary_school).toBe(900_000);
    expect(p.get('policy.pkh.benefit.primary_school').values.map((v) => v.date)).toEqual(['2018-01-01', '2021-01-01', '2023-01-01']);
  });

  it('replaces a value at the same date and inserts other dates in order', () => {
    const p = params.patched({ 'policy.blt_bbm.benefit': { '2022-09-01': 300_000, '2020-06-01': 0 } }, 'double BLT');
    expect(p.get('policy.blt_bbm.benefit').values.map((v) => [v.date, v.value])).toEqual([
      ['2018-01-01', 0], ['2020-06-01', 0], ['2022-09-01', 300_000], ['2023-01-01', 0],
    ]);
  });

  it('accepts a behaviour value outside its plausible range (a scenario may explore beyond it)', () => {
    const p = params.patched({ 'behaviour.pkh.compliance': { '2023-01-01': 0.5 } }, 'weak compliance');
    expect(p.at(monthOf('2023-01')).behaviour.pkh.compliance).toBe(0.5);
  });

  it.each([
    ['a misspelt path', { 'policy.pkh.benfit.pregnant': { '2023-01-01': 1 } },
      /my-scenario\.yaml: policy\.pkh\.benfit\.pregnant: expected a declared parameter path.*did you mean "policy\.pkh\.benefit\.pregnant"/],
    ['a probability of 1.2', { 'behaviour.pkh.compliance': { '2023-01-01': 1.2 } },
      /my-scenario\.yaml: behaviour\.pkh\.compliance: 2023-01-01: expected a monthly probability in \[0, 1\], got 1\.2/],
    ['a negative budget', { 'policy.pkh.budget': { '2023-01-01': -5 } },
      /my-scenario\.yaml: policy\.pkh\.budget: 2023-01-01: expected a non-negative amount in rupiah per year, got -5/],
    ['a date that does not exist', { 'policy.pkh.budget': { '2023-02-30': 5 } },
      /policy\.pkh\.budget: 2023-02-30: expected a date YYYY-MM-DD that exists in the calendar/],
    ['a date before the parameter\'s first value in the data', { 'policy.facilitators.count': { '2014-12-01': 5 } },
      /policy\.facilitators\.count: 2014-12-01: expected a date from 2015-01-01 \(the first value of policy\.facilitators\.count in the data\) to 2045-12-31 \(the last year runs reach\), got "2014-12-01"/],
    ['a date after the last year runs reach', { 'policy.pkh.budget': { '2046-01-01': 5 } },
      /policy\.pkh\.budget: 2046-01-01: expected a date from 2018-01-01 .* to 2045-12-31 .*, got "2046-01-01"/],
    ['part of a family', { 'policy.pkh.quota': { '2023-01-01': 12.5 } },
      /my-scenario\.yaml: policy\.pkh\.quota: 2023-01-01: expected a non-negative whole number of households, got 12\.5/],
    ['part of a person', { 'policy.facilitators.count': { '2023-01-01': 0.5 } },
      /my-scenario\.yaml: policy\.facilitators\.count: 2023-01-01: expected a non-negative whole number of persons, got 0\.5/],
  ])('rejects %s, naming the source and the path', (_what, patch, message) => {
    expect(() => params.patched(patch as never, 'my-scenario.yaml')).toThrow(message);
  });

  it.each([
    ['one share raised alone', { 'policy.atensi.cluster_share.disability': { '2024-01-01': 0.5 } }, '2024-01', 0.5 + 0.209216 + 0.290391 + 0.205866],
    ['every share at zero', Object.fromEntries(['disaster', 'children', 'substance_use', 'disability', 'elderly'].map((c) => [`policy.atensi.cluster_share.${c}`, { '2024-01-01': 0 }])), '2024-01', 0],
  ])('rejects ATENSI cluster shares that do not sum to 1 (%s), naming the source, the split and the month', (_what, patch, month, sum) => {
    try {
      params.patched(patch as never, 'my-scenario.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProblemError);
      const [problem] = (e as ProblemError).problems;
      expect([problem.file, problem.path, problem.expected]).toEqual(['my-scenario.yaml', `policy.atensi.cluster_share: ${month}`, 'shares of children, disability, disaster, elderly, substance_use that sum to 1']);
      expect(Number(/a sum of ([0-9.e-]+)/.exec(problem.got ?? '')![1])).toBeCloseTo(sum, 9);
    }
  });

  it('accepts ATENSI cluster shares moved together, still summing to 1', () => {
    const p = params.patched({ 'policy.atensi.cluster_share.disability': { '2024-01-01': 0.5 }, 'policy.atensi.cluster_share.elderly': { '2024-01-01': 0.084918 } }, 'more for disability');
    const shares = p.at(monthOf('2024-06')).policy.atensi.cluster_share;
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('accepts the first and the last date a patch may have: its parameter\'s first value, the end of LAST_YEAR', () => {
    const p = params.patched({ 'policy.facilitators.count': { '2015-01-01': 1, [`${LAST_YEAR}-12-31`]: 2 } }, 'edges');
    expect(p.get('policy.facilitators.count').values.map((v) => v.value)).toEqual([1, ...params.get('policy.facilitators.count').values.slice(1).map((v) => v.value), 2]);
  });

  it('collects every problem of a patch into one ProblemError', () => {
    try {
      params.patched({ 'behaviour.pkh.compliance': { '2023-01-01': 1.2 }, 'policy.pkh.budget': { '2023-01-01': -5 } }, 's');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ProblemError);
      expect((e as ProblemError).problems.map((p) => p.path)).toEqual(['behaviour.pkh.compliance: 2023-01-01', 'policy.pkh.budget: 2023-01-01']);
    }
  });
});
