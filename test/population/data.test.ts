/**
 * The population data files (data/population/*.csv) hold what the reference pack says.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/population/csv';
import { POPULATION_DATA_DIR, loadPopulationData } from '../../src/population/data';
import { deriveTargets, largestRemainder } from '../../src/population/targets';

const data = loadPopulationData();
const targets = deriveTargets(data);

describe('provinces.csv', () => {
  it('holds the 34 SP2020 provinces, summing to 270,203,917 persons', () => {
    expect(data.provinces).toHaveLength(34);
    expect(data.provinces.reduce((s, p) => s + p.population, 0)).toBe(270_203_917);
  });

  it.each([
    ['Java', 56.1],
    ['Sumatra', 21.68],
    ['Sulawesi', 7.36],
    ['Kalimantan', 6.15],
    ['Bali-Nusa Tenggara', 5.54],
    ['Maluku-Papua', 3.17],
  ])('%s holds %s %% of the population (BPS SP2020 island shares)', (island, share) => {
    const persons = data.provinces.filter((p) => p.island === island).reduce((s, p) => s + p.population, 0);
    expect(Math.abs((persons / 270_203_917) * 100 - share)).toBeLessThan(0.01);
  });

  it('has P0 for the 13 provinces of the reference and series-B extreme poverty for Papua and Gorontalo', () => {
    expect(data.provinces.filter((p) => p.p0 !== undefined)).toHaveLength(13);
    expect(data.provinces.filter((p) => p.extreme !== undefined).map((p) => [p.name, Math.round(p.extreme! * 1e4) / 100])).toEqual([
      ['Gorontalo', 4.28],
      ['Papua', 10.92],
    ]);
  });

  it('matches shared/reference/provinces.csv where the reference exists', () => {
    let reference: string;
    try {
      reference = readFileSync(join(POPULATION_DATA_DIR, '..', '..', '..', 'shared', 'reference', 'provinces.csv'), 'utf8');
    } catch {
      return; // the reference pack sits beside the repository on development machines only
    }
    const rows = parseCsv(reference, 'reference/provinces.csv');
    for (const row of rows) {
      const p = data.provinces.find((q) => q.code === Number(row.bps_code))!;
      expect(p.population).toBe(Number(row.population_sp2020));
      expect(p.p0).toBe(row.p0_pct_mar2022 === '' ? undefined : Number(row.p0_pct_mar2022) / 100);
      expect(p.extreme).toBe(row.extreme_pct_mar2022 === '' ? undefined : Number(row.extreme_pct_mar2022) / 100);
    }
  });
});

describe('derived targets', () => {
  it('province households are whole numbers summing to the 86,437,053 KK', () => {
    expect(targets.provinceHouseholds.every(Number.isInteger)).toBe(true);
    expect(targets.provinceHouseholds.reduce((s, v) => s + v, 0)).toBe(86_437_053);
  });

  it('persons per household are 270,203,917 / 86,437,053 = 3.126', () => {
    expect(targets.meanSize).toBeCloseTo(3.126, 3);
  });

  it('births per person-year are TFR / 35 × women 15–49 = 1.524 %, and the age shares add to 1', () => {
    expect(targets.birthsPerPerson).toBeCloseTo((2.18 / 35) * (1 - 0.5058) * 0.7072 * 0.7, 12);
    expect(targets.ageShares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(targets.ageShares.every((v) => v > 0)).toBe(true);
  });

  it('the KAT households of all provinces add up to 156,512', () => {
    expect(targets.provinceKat.reduce((s, v) => s + v, 0)).toBeCloseTo(156_512, 6);
  });

  it('largest remainder keeps the total and gives the extra unit to the largest remainder', () => {
    expect(Array.from(largestRemainder([1.2, 2.5, 3.3], 7))).toEqual([1, 3, 3]);
  });
});

describe('reading the files', () => {
  it('parses quoted fields, doubled quotes and CRLF line endings', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n', 't.csv')).toEqual([{ a: 'x, y', b: 'say "hi"' }]);
  });

  it('names the file and line of a malformed row', () => {
    expect(() => parseCsv('a,b\n1,2,3\n', 'bad.csv')).toThrow('bad.csv: line 2: expected 2 fields (as in the header), found 3');
  });

  it('names the file and key of a missing national figure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'population-'));
    const national = readFileSync(join(POPULATION_DATA_DIR, 'national.csv'), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('tfr,'))
      .join('\n');
    writeFileSync(join(dir, 'national.csv'), national);
    writeFileSync(join(dir, 'provinces.csv'), readFileSync(join(POPULATION_DATA_DIR, 'provinces.csv')));
    expect(() => loadPopulationData(dir)).toThrow(/national\.csv: expected a row with key "tfr"/);
  });
});
