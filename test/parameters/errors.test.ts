/**
 * Bad parameter trees are rejected with one error that names the file, the parameter path and what was
 * expected. Each case copies the real tree into a temporary folder and breaks one thing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_DIR, loadParameters } from '../../src/parameters';
import { ProblemError } from '../../src/problems';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** A copy of the real tree in a temporary folder. */
function copyTree(): string {
  dir = mkdtempSync(join(tmpdir(), 'graduasi-params-'));
  cpSync(DEFAULT_PARAMETER_DIR, dir, { recursive: true });
  return dir;
}

/** Replaces `from` by `to` in one file of the copy (the text must be there). */
function edit(file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`test set-up: "${from}" not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

/** The ProblemError thrown by loading the copy. */
function loadError(): ProblemError {
  try {
    loadParameters(dir);
  } catch (e) {
    if (e instanceof ProblemError) return e;
    throw e;
  }
  throw new Error('expected the tree to be rejected, but it loaded');
}

const COMPLIANCE = 'behaviour/pkh/compliance.yaml';
const PKH_BUDGET = 'policy/pkh/budget.yaml';
const BPNT_BENEFIT = 'policy/bpnt/benefit.yaml';
const CASELOAD = 'policy/facilitators/caseload.yaml';
const MEMBER_CAP = 'policy/pkh/member_cap.yaml';

describe('a bad parameter tree is rejected, naming the file, the parameter and what was expected', () => {
  it.each([
    ['an unknown key', COMPLIANCE, () => edit(COMPLIANCE, '  unit:', '  colour: blue\n  unit:'),
      'behaviour.pkh.compliance: metadata.colour: expected only the keys unit, label, reference, assumption, range, reasoning, got an unknown key "colour"'],
    ['a misspelt top-level key', COMPLIANCE, () => edit(COMPLIANCE, 'description:', 'descripton:'),
      'behaviour.pkh.compliance: descripton: expected only the keys description, values, metadata, got an unknown key "descripton"'],
    ['a probability of 1.5', COMPLIANCE, () => edit(COMPLIANCE, '2018-01-01: 0.9', '2018-01-01: 1.5'),
      'behaviour.pkh.compliance: values.2018-01-01: expected a monthly probability in [0, 1], got 1.5'],
    ['a negative budget', PKH_BUDGET, () => edit(PKH_BUDGET, '2021-01-01: 28700000000000', '2021-01-01: -28700000000000'),
      'policy.pkh.budget: values.2021-01-01: expected a non-negative amount in rupiah per year, got -28700000000000'],
    ['dates out of order', BPNT_BENEFIT, () => edit(BPNT_BENEFIT, '2020-01-01:', '2016-01-01:'),
      'policy.bpnt.benefit: values.2016-01-01: expected a date in a later month than the one before it (2017-02-01)'],
    ['two dates in one month', BPNT_BENEFIT, () => edit(BPNT_BENEFIT, '2020-01-01:', '2017-02-15:'),
      'policy.bpnt.benefit: values.2017-02-15: expected a date in a later month than the one before it (2017-02-01): dates must increase, one value per month at most'],
    ['a date that does not exist', BPNT_BENEFIT, () => edit(BPNT_BENEFIT, '2020-01-01:', '2019-02-29:'),
      'policy.bpnt.benefit: values.2019-02-29: expected a date YYYY-MM-DD that exists in the calendar, got "2019-02-29"'],
    ['a missing unit', BPNT_BENEFIT, () => edit(BPNT_BENEFIT, '  unit: idr-per-month\n', ''),
      'policy.bpnt.benefit: metadata.unit: expected "idr-per-month" (the unit declared in src/parameters/spec.ts), got nothing'],
    ['a unit that differs from the spec', COMPLIANCE, () => edit(COMPLIANCE, 'unit: probability-per-month', 'unit: share'),
      'behaviour.pkh.compliance: metadata.unit: expected "probability-per-month" (the unit declared in src/parameters/spec.ts), got "share"'],
    ['a value outside the behaviour range', COMPLIANCE, () => edit(COMPLIANCE, '2018-01-01: 0.9', '2018-01-01: 0.99'),
      'behaviour.pkh.compliance: values.2018-01-01: expected a value within metadata.range [0.8, 0.98], got 0.99'],
    ['a range with min above max', COMPLIANCE, () => edit(COMPLIANCE, '{ min: 0.8, max: 0.98 }', '{ min: 0.98, max: 0.8 }'),
      'behaviour.pkh.compliance: metadata.range: expected min ≤ max, got min 0.98 > max 0.8'],
    ['a range outside the unit', COMPLIANCE, () => edit(COMPLIANCE, '{ min: 0.8, max: 0.98 }', '{ min: 0.8, max: 1.2 }'),
      'behaviour.pkh.compliance: metadata.range.max: expected a monthly probability in [0, 1], got 1.2'],
    ['a behaviour parameter without a range', COMPLIANCE, () => edit(COMPLIANCE, '  range: { min: 0.8, max: 0.98 }\n', ''),
      'behaviour.pkh.compliance: metadata.range: expected a plausible range { min, max } for a behaviour parameter, got nothing'],
    ['a behaviour parameter without a reasoning', 'behaviour/income/shock_size.yaml',
      () => { const f = join(dir, 'behaviour/income/shock_size.yaml'); const t = readFileSync(f, 'utf8'); writeFileSync(f, t.slice(0, t.indexOf('  reasoning:'))); },
      'behaviour.income.shock_size: metadata.reasoning: expected the reasoning behind the value and range of a behaviour parameter, got nothing'],
    ['a policy parameter without a reference', 'policy/pkh/member_cap.yaml',
      () => { const f = join(dir, 'policy/pkh/member_cap.yaml'); const t = readFileSync(f, 'utf8'); writeFileSync(f, t.replace(/  reference:\n(    .*\n|      .*\n)*/, '')); },
      'policy.pkh.member_cap: metadata.reference: expected at least one reference (title and href) for a policy parameter, got nothing'],
    ['a count that is not whole', 'policy/pkh/member_cap.yaml', () => edit('policy/pkh/member_cap.yaml', '2021-01-01: 4', '2021-01-01: 4.5'),
      'policy.pkh.member_cap: values.2021-01-01: expected a non-negative whole number, got 4.5'],
    ['a quota that is not a whole number of families', 'policy/pkh/quota.yaml', () => edit('policy/pkh/quota.yaml', '2018-01-01: 10000000', '2018-01-01: 10000000.5'),
      'policy.pkh.quota: values.2018-01-01: expected a non-negative whole number of households, got 10000000.5'],
    ['a number written as text', PKH_BUDGET, () => edit(PKH_BUDGET, '2021-01-01: 28700000000000', '2021-01-01: 28.7 T'),
      'policy.pkh.budget: values.2021-01-01: expected a non-negative amount in rupiah per year, got a text "28.7 T"'],
    ['an infinite value', PKH_BUDGET, () => edit(PKH_BUDGET, '2021-01-01: 28700000000000', '2021-01-01: .inf'),
      'policy.pkh.budget: values.2021-01-01: expected a non-negative amount in rupiah per year, got Infinity'],
    ['no values', PKH_BUDGET, () => { const f = join(dir, PKH_BUDGET); writeFileSync(f, readFileSync(f, 'utf8').replace(/values:\n(  .*\n)*/, 'values: {}\n')); },
      'policy.pkh.budget: values: expected at least one dated value, got none'],
    ['a duplicate key', PKH_BUDGET, () => edit(PKH_BUDGET, 'values:', 'values:\n  2021-01-01: 1'),
      'policy.pkh.budget: expected valid YAML, got Map keys must be unique'],
    ['a label that is not text', PKH_BUDGET, () => edit(PKH_BUDGET, "label: 'PKH budget'", 'label: [PKH, budget]'),
      'policy.pkh.budget: metadata.label: expected a text, got a list'],
    ['a policy assumption without a range', CASELOAD, () => edit(CASELOAD, '  range: { min: 10, max: 60 }\n', ''),
      'policy.facilitators.caseload: metadata.range: expected a plausible range { min, max } for a policy assumption (metadata.assumption: true), got nothing'],
    ['a policy assumption without a reasoning', CASELOAD,
      () => { const f = join(dir, CASELOAD); const t = readFileSync(f, 'utf8'); writeFileSync(f, t.slice(0, t.indexOf('  reasoning:'))); },
      'policy.facilitators.caseload: metadata.reasoning: expected the reasoning behind the value and range of a policy assumption (metadata.assumption: true), got nothing'],
    ['a policy assumption outside its range', CASELOAD, () => edit(CASELOAD, '2018-01-01: 30', '2018-01-01: 80'),
      'policy.facilitators.caseload: values.2018-01-01: expected a value within metadata.range [10, 60], got 80'],
    ['an assumption mark that is not true or false', CASELOAD, () => edit(CASELOAD, 'assumption: true', 'assumption: yes'),
      'policy.facilitators.caseload: metadata.assumption: expected a boolean, got "yes"'],
    ['a range on a policy rule', MEMBER_CAP, () => edit(MEMBER_CAP, '  reference:', '  range: { min: 3, max: 5 }\n  reference:'),
      'policy.pkh.member_cap: metadata.range: expected no range on a policy rule (a rule is changed by a scenario, not varied as uncertain; mark a value no source gives with metadata.assumption: true), got a range'],
    ['an assumption mark on a behaviour parameter', COMPLIANCE, () => edit(COMPLIANCE, '  range:', '  assumption: true\n  range:'),
      'behaviour.pkh.compliance: metadata.assumption: expected no assumption mark on a behaviour parameter (every one is an estimate with a range; the mark is for policy parameters), got true'],
  ])('%s', (_what, file, breakIt, expected) => {
    copyTree();
    breakIt();
    const error = loadError();
    expect(error.message).toContain(`${join(dir, file)}: ${expected}`);
  });

  it('an undeclared file, with a guess at the intended parameter', () => {
    copyTree();
    cpSync(join(dir, PKH_BUDGET), join(dir, 'policy/pkh/budgett.yaml'));
    expect(loadError().message).toContain(
      `${join(dir, 'policy/pkh/budgett.yaml')}: policy.pkh.budgett: expected a parameter declared in src/parameters/spec.ts, got an undeclared one (did you mean "policy.pkh.budget"?)`,
    );
  });

  it('a file that is not YAML', () => {
    copyTree();
    writeFileSync(join(dir, 'policy/notes.txt'), 'x');
    expect(loadError().message).toContain(`${join(dir, 'policy/notes.txt')}: expected only parameter files ending in .yaml, got another file`);
  });

  it('a missing file, naming the file it expected', () => {
    copyTree();
    unlinkSync(join(dir, 'behaviour/income/shock_size.yaml'));
    expect(loadError().message).toContain(
      `${join(dir, 'behaviour/income/shock_size.yaml')}: behaviour.income.shock_size: expected a file for this declared parameter (unit "share"), got none`,
    );
  });

  it('a folder that does not exist', () => {
    expect(() => loadParameters(join(tmpdir(), 'graduasi-no-such-folder'))).toThrow(ProblemError);
  });

  it('collects every problem of the tree into one error', () => {
    copyTree();
    edit(COMPLIANCE, '2018-01-01: 0.9', '2018-01-01: 1.5');
    edit(COMPLIANCE, '  unit:', '  colour: blue\n  unit:');
    edit(PKH_BUDGET, '2021-01-01: 28700000000000', '2021-01-01: -1');
    unlinkSync(join(dir, 'behaviour/income/shock_size.yaml'));
    const error = loadError();
    expect(error.problems.map((p) => p.path)).toEqual([
      'behaviour.pkh.compliance: metadata.colour', // the shape, and still the values of the same file:
      'behaviour.pkh.compliance: values.2018-01-01', // the probability
      'behaviour.pkh.compliance: values.2018-01-01', // and, so, the range
      'policy.pkh.budget: values.2021-01-01',
      'behaviour.income.shock_size',
    ]);
    expect(error.message).toMatch(/^5 problems:\n/);
  });

  it('formats each problem as <file>: <path>: expected <expected>, got <found>', () => {
    const error = new ProblemError([{ file: 'data/parameters/policy/pkh/quota.yaml', path: 'policy.pkh.quota', expected: 'x', got: 'y' }]);
    expect(error.message).toBe('data/parameters/policy/pkh/quota.yaml: policy.pkh.quota: expected x, got y');
  });
});
