/**
 * The population data files (data/population/*.csv) hold the published figures they cite.
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
  ])('%s holds %s percent of the population (BPS SP2020 island shares)', (island, share) => {
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

  /**
   * The published figures, kept here apart from the data file they check: BPS SP2020 Table 1
   * (https://sensus.bps.go.id/topik/tabular/sp2020/1) for the population; BPS's provincial releases
   * of July 2022 (via infoaceh for Sumatra, antaranews Manado for Sulawesi) for P0 in March 2022;
   * BPS at the Rakornas PKE of 9 Nov 2023 (via detik.com, bisnis.com) for series-B extreme poverty.
   * Percent of persons; undefined where no figure was published for the province.
   */
  const PUBLISHED: [code: number, name: string, population: number, p0: number | undefined, extreme: number | undefined][] = [
    [11, 'Aceh', 5_274_871, 14.64, undefined],
    [12, 'Sumatera Utara', 14_799_361, 8.42, undefined],
    [13, 'Sumatera Barat', 5_534_472, undefined, undefined],
    [14, 'Riau', 6_394_087, 6.78, undefined],
    [15, 'Jambi', 3_548_228, 7.62, undefined],
    [16, 'Sumatera Selatan', 8_467_432, 11.90, undefined],
    [17, 'Bengkulu', 2_010_670, 14.62, undefined],
    [18, 'Lampung', 9_007_848, 11.57, undefined],
    [19, 'Kepulauan Bangka Belitung', 1_455_678, undefined, undefined],
    [21, 'Kepulauan Riau', 2_064_564, undefined, undefined],
    [31, 'DKI Jakarta', 10_562_088, undefined, undefined],
    [32, 'Jawa Barat', 48_274_162, undefined, undefined],
    [33, 'Jawa Tengah', 36_516_035, undefined, undefined],
    [34, 'DI Yogyakarta', 3_668_719, undefined, undefined],
    [35, 'Jawa Timur', 40_665_696, undefined, undefined],
    [36, 'Banten', 11_904_562, undefined, undefined],
    [51, 'Bali', 4_317_404, undefined, undefined],
    [52, 'Nusa Tenggara Barat', 5_320_092, undefined, undefined],
    [53, 'Nusa Tenggara Timur', 5_325_566, undefined, undefined],
    [61, 'Kalimantan Barat', 5_414_390, undefined, undefined],
    [62, 'Kalimantan Tengah', 2_669_969, undefined, undefined],
    [63, 'Kalimantan Selatan', 4_073_584, undefined, undefined],
    [64, 'Kalimantan Timur', 3_766_039, undefined, undefined],
    [65, 'Kalimantan Utara', 701_814, undefined, undefined],
    [71, 'Sulawesi Utara', 2_621_923, 7.28, undefined],
    [72, 'Sulawesi Tengah', 2_985_734, 12.33, undefined],
    [73, 'Sulawesi Selatan', 9_073_509, 8.63, undefined],
    [74, 'Sulawesi Tenggara', 2_624_875, 11.17, undefined],
    [75, 'Gorontalo', 1_171_681, 15.42, 4.28],
    [76, 'Sulawesi Barat', 1_419_229, 11.75, undefined],
    [81, 'Maluku', 1_848_923, undefined, undefined],
    [82, 'Maluku Utara', 1_282_937, undefined, undefined],
    [91, 'Papua Barat', 1_134_068, undefined, undefined],
    [94, 'Papua', 4_303_707, undefined, 10.92],
  ];

  it.each(PUBLISHED)('%i %s: %i persons in SP2020; P0 %s and extreme poverty %s (percent) in March 2022, as published', (code, name, population, p0, extreme) => {
    const province = data.provinces.find((p) => p.code === code);
    expect(province, `provinces.csv has no row for BPS code ${code}`).toBeDefined();
    expect(province).toMatchObject({ name, population });
    expect(province!.p0).toBe(p0 === undefined ? undefined : p0 / 100);
    expect(province!.extreme).toBe(extreme === undefined ? undefined : extreme / 100);
  });

  it('has exactly the 34 provinces published', () => {
    expect(data.provinces.map((p) => p.code)).toEqual(PUBLISHED.map(([code]) => code));
  });

  it('gives each province the P0 and extreme-poverty rate that data/targets/targets.csv compares the model with', () => {
    const targets = parseCsv(readFileSync(join(POPULATION_DATA_DIR, '..', 'targets', 'targets.csv'), 'utf8'), 'targets.csv').filter((t) => t.group.startsWith('province:') && t.month === '2022-03');
    expect(targets.length).toBe(15);
    for (const target of targets) {
      const province = data.provinces.find((p) => `province:${p.name}` === target.group)!;
      const rate = target.indicator === 'p0_extreme' ? province.extreme : province.p0;
      expect(rate, target.id).toBe(Number(target.value) / 100);
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
