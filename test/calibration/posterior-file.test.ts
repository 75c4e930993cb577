/**
 * A posterior sample read back (readPosterior, src/calibration/output.ts): every weight and value a
 * finite decimal number as the calibration writes it; anything else refused naming the file, the row,
 * the column, what was expected and what was found.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decimal, readPosterior } from '../../src/calibration/output';
import { loadParameters } from '../../src/parameters/load';
import { ProblemError } from '../../src/problems';

const dir = mkdtempSync(join(tmpdir(), 'graduasi-posterior-'));
const params = loadParameters();
const HEADER = 'particle,weight,distance,behaviour.income.real_growth';

/** A posterior file of the rows given (each "weight,value"), after the header. */
function posterior(name: string, ...rows: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${HEADER}\n${rows.map((r, k) => `${k},${r.split(',')[0]},0.1,${r.split(',').slice(1).join(',')}`).join('\n')}\n`);
  return file;
}

/** The problems readPosterior finds in `file`. */
function problems(file: string) {
  try {
    readPosterior(file, params);
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return (e as ProblemError).problems;
  }
  throw new Error('expected the posterior to be refused');
}

describe('the numbers of a posterior file', () => {
  it.each([
    ['an infinite weight', 'Infinity,0.5', 'weight', '"Infinity"'],
    ['a weight beyond the largest double', '1e309,0.5', 'weight', '"1e309"'],
    ['a hexadecimal weight', '0x1,0.5', 'weight', '"0x1"'],
    ['a weight of zero', '0,0.5', 'weight', '"0"'],
    ['a hexadecimal value', '0.5,0x0', 'behaviour.income.real_growth', '"0x0"'],
    ['a value with a blank before it', '0.5, 0.03', 'behaviour.income.real_growth', '" 0.03"'],
    ['a value with a blank after it', '0.5,0.03 ', 'behaviour.income.real_growth', '"0.03 "'],
    ['an empty value', '0.5,', 'behaviour.income.real_growth', '""'],
    ['a binary value', '0.5,0b1', 'behaviour.income.real_growth', '"0b1"'],
  ])('refuses %s, naming the file, row and column', (_, row, column, got) => {
    const file = posterior('bad.csv', '0.5,0.5', row);
    const found = problems(file);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: `row 3: ${column}`, got });
    expect(found[0].file).toMatch(/bad\.csv$/);
    expect(found[0].expected).toMatch(column === 'weight' ? /^a positive decimal number, finite/ : /^a decimal number, finite/);
  });

  it('reads numbers as the calibration writes them, exponents included', () => {
    const sample = readPosterior(posterior('good.csv', '0.25,0.5', '1.5e-3,1e-7', '7,.5', '+2,1.'), params);
    expect(sample.weights).toEqual([0.25, 0.0015, 7, 2]);
    expect(sample.points).toEqual([[0.5], [1e-7], [0.5], [1]]);
  });

  it.each([
    ['0.03', 0.03],
    ['-4', -4],
    ['1e3', 1000],
    ['Infinity', NaN],
    ['-Infinity', NaN],
    ['1e309', NaN],
    ['0x10', NaN],
    [' 1', NaN],
    ['1_000', NaN],
    ['', NaN],
  ])('decimal("%s") is %s', (cell, value) => {
    expect(decimal(cell)).toBe(value);
  });
});
