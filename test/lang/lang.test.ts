/**
 * The languages: places filled, months in words, and numbers written the way each language writes
 * them (Indonesian: a comma before decimals, a point between thousands).
 */
import { describe, expect, it } from 'vitest';
import { LANGS, MAGNITUDES, VEGA_LOCALE, decimal, fill, monthLabel } from '../../src/lang/index';
import { BUILTIN_SCENARIOS } from '../../src/scenarios/builtin';
import { TEXT } from '../../src/report/text';
import { progressDisplay } from '../../src/cli/progress';

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

describe('the scenarios and the status lines speak the language asked for', () => {
  it.each(BUILTIN_SCENARIOS.map((s) => [s.id, s] as const))('%s has a rationale in each language, the Indonesian its own text', (_, s) => {
    for (const lang of LANGS) expect(s.rationale[lang].length).toBeGreaterThan(40);
    expect(s.rationale.id).not.toBe(s.rationale.en);
  });

  it.each([
    ['en', 'Graduasi run: 2 scenarios × 3 replicates, March 2022 to December 2024, seed 7, 1 worker, calibrated parameters', 'Run written to runs/x', 'Report written to runs/x/report-en.html'],
    ['id', 'Graduasi run: 2 skenario × 3 replikasi, Maret 2022 sampai Desember 2024, seed 7, 1 worker, parameter hasil kalibrasi', 'Hasil simulasi ditulis ke runs/x', 'Laporan ditulis ke runs/x/report-en.html'],
  ] as const)('%s: the status lines of run and report', (lang, starting, written, report) => {
    const t = TEXT[lang];
    expect(t.starting({ command: 'run', scenarios: 2, replicates: 3, start: '2022-03', end: '2024-12', seed: 7, workers: 1, parameters: 'calibrated' })).toBe(starting);
    expect(t.starting({ command: 'run', scenarios: 2, replicates: 3, start: '2022-03', end: '2024-12', seed: 7, workers: 1, threads: 1, parameters: 'calibrated' })).toBe(starting);
    expect(t.starting({ command: 'run', scenarios: 2, replicates: 3, start: '2022-03', end: '2024-12', seed: 7, workers: 1, threads: 2, parameters: 'calibrated' })).toBe(starting.replace(', 1 worker, ', lang === 'en' ? ', 1 worker, 2 threads a run, ' : ', 1 worker, 2 thread per simulasi, '));
    expect(t.runWritten('runs/x')).toBe(written);
    expect(t.reportWritten('runs/x/report-en.html')).toBe(report);
  });

  it.each([
    ['en', 'runs: 1 of 4 done, 0:10 elapsed, 0:30 left\n'],
    ['id', 'simulasi: 1 dari 4 selesai, 0:10 berlalu, sisa 0:30\n'],
  ] as const)('%s: the progress lines written to a file or a pipe', (lang, line) => {
    let written = '';
    const stream = { isTTY: false, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
    progressDisplay(stream, 'runs', lang).update({ done: 1, total: 4, elapsed: 10 });
    expect(written).toBe(line);
  });

  it('tells no time left from the first month of many runs, and then the pace since that month', () => {
    let written = '';
    const stream = { isTTY: false, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
    const display = progressDisplay(stream, 'runs', 'en');
    const months = 90 * 106;
    display.update({ done: 0, total: 90, elapsed: 3, share: 1 / months }); // the population built, one month stepped
    display.update({ done: 9, total: 90, elapsed: 27, share: 0.1 });
    expect(written.trim().split('\n')).toEqual(['runs: 0 of 90 done (0 %), 0:03 elapsed', 'runs: 9 of 90 done (10 %), 0:27 elapsed, 3:36 left']);
  });

  it('counts the months stepped of a long run: a line a tenth, with the share and the time left at that pace', () => {
    let written = '';
    const stream = { isTTY: false, write: (s: string) => ((written += s), true) } as unknown as NodeJS.WriteStream;
    const display = progressDisplay(stream, 'runs', 'en');
    for (let month = 0; month <= 106; month++) display.update({ done: 0, total: 1, elapsed: month, share: month / 106 });
    display.update({ done: 1, total: 1, elapsed: 107, share: 1 });
    const lines = written.trim().split('\n');
    expect(lines).toHaveLength(12); // 0 %, each tenth, then done
    expect(lines[5]).toBe('runs: 0 of 1 done (50 %), 0:53 elapsed, 0:53 left');
    expect(lines.at(-1)).toBe('runs: 1 of 1 done, 1:47 elapsed, 0:00 left');
  });
});
