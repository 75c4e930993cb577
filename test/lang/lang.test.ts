/**
 * The languages: places filled, months in words, and numbers written the way each language writes
 * them (Indonesian: a comma before decimals, a point between thousands).
 */
import { describe, expect, it } from 'vitest';
import { LANGS, MAGNITUDES, VEGA_LOCALE, decimal, fill, monthLabel } from '../../src/lang/index';

describe('words', () => {
  it.each<[string, () => string, string]>([
    ['places are filled, each as often as it appears', () => fill('{a} of {b}, {a}', { a: 'x', b: 2 }), 'x of 2, x'],
    ['a place with no value stays as it is', () => fill('{a} and {b}', { a: 1 }), '1 and {b}'],
    ['a month in English', () => monthLabel('2026-12', 'en'), 'December 2026'],
    ['a month in Indonesian', () => monthLabel('2026-08', 'id'), 'Agustus 2026'],
  ])('%s', (_, words, expected) => {
    expect(words()).toBe(expected);
  });
});

describe('numbers', () => {
  it.each<[string, () => string, string]>([
    ['English: a point before decimals, a comma between thousands', () => decimal(1_234_567.891, 2, 'en'), '1,234,567.89'],
    ['Indonesian: a comma before decimals, a point between thousands', () => decimal(1_234_567.891, 2, 'id'), '1.234.567,89'],
    ['exactly the digits asked for', () => decimal(2, 1, 'id'), '2,0'],
    ['signed: "+" before a positive value', () => decimal(0.25, 2, 'en', true), '+0.25'],
    ['signed: a negative value keeps its minus', () => decimal(-0.25, 2, 'en', true), '-0.25'],
    ['a value that rounds to zero is "0", never "-0"', () => decimal(-0.0004, 2, 'id', true), '0,00'],
  ])('%s', (_, number, expected) => {
    expect(number()).toBe(expected);
  });

  it('every language says every power of a thousand', () => {
    for (const m of MAGNITUDES) for (const lang of LANGS) expect(m[lang]).toMatch(/\S/);
  });

  it('Vega draws Indonesian numbers with the same separators', () => {
    expect(VEGA_LOCALE.en).toBeNull();
    expect(VEGA_LOCALE.id?.number).toMatchObject({ decimal: ',', thousands: '.' });
  });
});
