/**
 * `graduasi validate` and `graduasi show` on scenario files as a user gives them: every problem of
 * every file at once, and what a file says printed with its control characters escaped.
 */
import { describe, expect, it } from 'vitest';
import { commandFolder } from '../support/command';

const { graduasi, file } = commandFolder('graduasi-scenario-files-');

const SCENARIO = `id: pkh-12m
label: PKH for 12 million families
rationale: More families in PKH.
patch:
  policy.pkh.quota:
    2023-01-01: 12000000
`;

describe('graduasi validate', () => {
  it('reports every problem of every file at once, a missing field hiding none', () => {
    const missing = file('missing.yaml', SCENARIO.replace('rationale: More families in PKH.\n', '').replace('policy.pkh.quota', 'policy.pkh.qouta'));
    const part = file('part.yaml', SCENARIO.replace('id: pkh-12m', 'id: part').replace('12000000', '12.5'));
    const r = graduasi('validate', missing, part);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      '3 problems:',
      '  missing.yaml: rationale: expected a rationale: { en: …, id: … } (or one text, shown in both languages), got nothing',
      '  missing.yaml: policy.pkh.qouta: expected a declared parameter path, got "policy.pkh.qouta" (did you mean "policy.pkh.quota"?)',
      '  part.yaml: policy.pkh.quota: 2023-01-01: expected a non-negative whole number of households, got 12.5',
    ]);
  });

  it('refuses a name that is not a file', () => {
    const r = graduasi('validate', 'budget-cut-20');
    expect(r.stderr).toContain('graduasi validate: expected a scenario file (.yaml, .yml or .json), got "budget-cut-20"');
  });
});

describe('graduasi show', () => {
  it('prints the ANSI escapes and other control characters of a label escaped, not raw', () => {
    const r = graduasi('show', file('ansi.yaml', SCENARIO.replace('label: PKH for 12 million families', 'label: "\\e[31mRed\\e[0m\\a"')));
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout.split('\n')[0]).toBe('pkh-12m: \\u001b[31mRed\\u001b[0m\\u0007');
  });
});
