/**
 * Scenarios and parameters in words (src/scenarios/describe.ts), as `graduasi list` and `graduasi
 * show` print them, in English and Bahasa Indonesia.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import type { Parameters } from '../../src/parameters/types';
import { resolveScenarios } from '../../src/scenarios/load';
import { describeParameters, describeScenario, describeScenarios, formatValue } from '../../src/scenarios/describe';

let params: Parameters;
beforeAll(() => {
  params = loadParameters();
});

describe('values in their unit, in either language', () => {
  it.each([
    [28.7e12, 'idr-per-year', 'en', 'Rp 28.7 T a year'],
    [28.7e12, 'idr-per-year', 'id', 'Rp 28,7 T per tahun'],
    [3.5e9, 'idr', 'id', 'Rp 3,5 M'],
    [150_000, 'idr-per-month', 'id', 'Rp 150.000 per bulan'],
    [0.3, 'share', 'id', '30 %'],
    [true, 'bool', 'id', 'ya'],
  ] as const)('%s %s in %s is "%s"', (value, unit, lang, text) => {
    expect(formatValue(value, unit, lang)).toBe(text);
  });
});

describe('list and show in Bahasa Indonesia', () => {
  it("show gives the scenario's Indonesian label first, and its changes in Indonesian units", () => {
    const [s] = resolveScenarios(['budget-cut-20'], params);
    const text = describeScenario(s, params, 'id');
    expect(text.split('\n').slice(0, 2)).toEqual([`budget-cut-20: ${s.label.id}`, `  (${s.label.en})`]);
    expect(text).toContain('mulai 2023-01-01: Rp 22,48 T per tahun (data: Rp 28,1 T per tahun)');
    expect(describeScenario(s, params)).toContain('from 2023-01-01: Rp 22.48 T a year (data: Rp 28.1 T a year)');
  });

  it('list names the built-in scenarios by their Indonesian labels', () => {
    expect(describeScenarios('id')).toContain('Bantuan sosial saja (seperti sebelum 2022)');
    expect(describeParameters(params, 'id')).toContain('mulai 2021-01-01: Rp 28,7 T per tahun');
  });
});

describe('a scenario in words, safe to print to a terminal', () => {
  it('escapes the ANSI escapes and other control characters of a label, rationale and reference', () => {
    const [base] = resolveScenarios(['assistance-only'], params, 'data');
    const text = describeScenario({ ...base, label: { en: '\u001b[31mRed\u001b[0m', id: 'Merah\u0007' }, rationale: { en: 'Why\u001b]0;title\u0007 not', id: 'Mengapa' }, references: [{ title: 'A\u009bsource', href: 'https://example.org/\u202e' }] }, params);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(text).toContain('assistance-only: \\u001b[31mRed\\u001b[0m\n  (Merah\\u0007)');
    expect(text).toContain('Why\\u001b]0;title\\u0007 not');
    expect(text).toContain('- A\\u009bsource\n    https://example.org/\\u202e');
  });
});
