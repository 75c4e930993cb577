/**
 * The population's data files, read and checked once (data/population/*.csv, see data/README.md).
 *
 * provinces.csv holds the 34 SP2020 provinces: population, the March 2022 poverty rate (P0) and the
 * series-B extreme-poverty rate where the reference pack has them, and two per-province assumption
 * columns. national.csv holds the national marginals the synthetic population is fitted to, the
 * validation figures, and the few explicit assumptions (confidence "assumption") that fill gaps in
 * the reference. Percent values are turned into shares here; nothing else is transformed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv';

/** data/population/ of this repository. */
export const POPULATION_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'population');

/** One province row of provinces.csv. Rates are shares (0–1); undefined where the reference has no value. */
export interface ProvinceRecord {
  /** BPS province code (11 Aceh … 94 Papua). */
  readonly code: number;
  readonly name: string;
  /** Island group: Sumatra, Java, Bali-Nusa Tenggara, Kalimantan, Sulawesi, Maluku-Papua. */
  readonly island: string;
  /** Population, SP2020 (September 2020), persons. */
  readonly population: number;
  /** Poverty headcount rate at the province's BPS line, March 2022, share of persons. */
  readonly p0?: number;
  /** Extreme-poverty rate (series B), March 2022, share of persons. */
  readonly extreme?: number;
  /** Fixed urban share of persons (assumption; only DKI Jakarta = 1). Undefined: the common share. */
  readonly urbanShare?: number;
  /** Remote indigenous communities (KAT) are assumed to live in the province's rural areas. */
  readonly katArea: boolean;
}

/** The national marginals, validation figures and assumptions of national.csv. Shares are 0–1. */
export interface NationalRecord {
  /** Households (family cards, KK), Dukcapil Dec 2020. */
  readonly households: number;
  /** Persons, SP2020. */
  readonly population: number;
  readonly p0: number;
  readonly p0Urban: number;
  readonly p0Rural: number;
  /** Poor persons, urban and rural, millions. */
  readonly poorUrbanMillions: number;
  readonly poorRuralMillions: number;
  /** Series B, share of persons. */
  readonly extreme: number;
  /** Rp per person per month. */
  readonly consumptionMean: number;
  readonly consumptionQ1Mean: number;
  /** Poverty gap index P1 as a share (0.01586). */
  readonly p1: number;
  readonly gini: number;
  readonly bottom40Share: number;
  /** Mean size of households below the national line, persons. */
  readonly poorHouseholdSize: number;
  readonly femaleHeaded: number;
  readonly femaleHeadedUrban: number;
  readonly femaleHeadedRural: number;
  readonly maleShare: number;
  readonly age15to64: number;
  readonly elderly60plus: number;
  /** Shares of persons aged 60+. */
  readonly elderly70to79: number;
  readonly elderly80plus: number;
  readonly tfr: number;
  /** Annual rate (0.0125). */
  readonly populationGrowth: number;
  /** Persons with a severe disability by age group, SUPAS 2015. */
  readonly severeDisability: { readonly age2to6: number; readonly age7to18: number; readonly age19to59: number; readonly age60plus: number };
  readonly katHouseholds: number;
  /** Assumption: DKI Jakarta's urban share (also a column of provinces.csv). */
  readonly urbanShareDki: number;
  /** Assumption: number of provinces flagged kat_area_assumption = 1 in provinces.csv (a cross-check). */
  readonly katAreaProvinces: number;
  /** Assumption: the head's age bands, shares of households. */
  readonly headAge: readonly { readonly from: number; readonly to: number; readonly share: number }[];
  /** Assumption: share of male-headed households of 2+ persons with the head's partner present. */
  readonly partnerShare: number;
  /** Assumption: women 15–49 as a share of women 15–64. */
  readonly women15to49Of15to64: number;
  /** Assumption: months a birth keeps a woman pregnant or post-partum. */
  readonly pregnancyWindowMonths: number;
  /** Assumption: enrolment of children aged 7–12, 13–15, 16–18. */
  readonly enrolment: { readonly primary: number; readonly junior: number; readonly senior: number };
}

export interface PopulationData {
  readonly provinces: readonly ProvinceRecord[];
  readonly national: NationalRecord;
}

const HEAD_AGE_BANDS = [
  ['head_age_20_29', 20, 29],
  ['head_age_30_39', 30, 39],
  ['head_age_40_49', 40, 49],
  ['head_age_50_59', 50, 59],
  ['head_age_60_69', 60, 69],
  ['head_age_70_79', 70, 79],
  ['head_age_80_89', 80, 89],
] as const;

/** Reads and checks data/population/provinces.csv and national.csv (or the same files in `dir`). */
export function loadPopulationData(dir: string = POPULATION_DATA_DIR): PopulationData {
  const national = readNational(join(dir, 'national.csv'));
  const provinces = readProvinces(join(dir, 'provinces.csv'), national);
  return { provinces, national };
}

function number(file: string, where: string, text: string, what: string): number {
  const value = text.trim() === '' ? NaN : Number(text);
  if (!Number.isFinite(value)) throw new Error(`${file}: ${where}: expected ${what}, found "${text}"`);
  return value;
}

function readProvinces(file: string, national: NationalRecord): ProvinceRecord[] {
  const rows = parseCsv(readFileSync(file, 'utf8'), file);
  const columns = ['bps_code', 'province', 'island', 'population_sp2020', 'p0_pct_mar2022', 'extreme_pct_mar2022_series_b', 'urban_share_assumption', 'kat_area_assumption'];
  for (const c of columns) if (rows.length > 0 && !(c in rows[0])) throw new Error(`${file}: expected a column "${c}"`);
  if (rows.length !== 34) throw new Error(`${file}: expected the 34 SP2020 provinces, found ${rows.length} rows`);
  const codes = new Set<number>();
  let total = 0;
  const provinces = rows.map((row, k) => {
    const where = `row ${k + 2} (${row.province})`;
    const code = number(file, `${where}: bps_code`, row.bps_code, 'a BPS province code');
    if (codes.has(code)) throw new Error(`${file}: ${where}: bps_code ${code} appears twice`);
    codes.add(code);
    const population = number(file, `${where}: population_sp2020`, row.population_sp2020, 'a positive number of persons');
    if (!(population > 0)) throw new Error(`${file}: ${where}: population_sp2020: expected a positive number of persons, found ${population}`);
    total += population;
    const rate = (column: string): number | undefined => {
      if (row[column].trim() === '') return undefined;
      const pct = number(file, `${where}: ${column}`, row[column], 'a percentage');
      if (!(pct > 0 && pct < 100)) throw new Error(`${file}: ${where}: ${column}: expected a percentage in (0, 100), found ${pct}`);
      return pct / 100;
    };
    const urban = row.urban_share_assumption.trim() === '' ? undefined : number(file, `${where}: urban_share_assumption`, row.urban_share_assumption, 'a share in (0, 1]');
    if (urban !== undefined && !(urban > 0 && urban <= 1)) throw new Error(`${file}: ${where}: urban_share_assumption: expected a share in (0, 1], found ${urban}`);
    const kat = row.kat_area_assumption.trim();
    if (kat !== '0' && kat !== '1') throw new Error(`${file}: ${where}: kat_area_assumption: expected 0 or 1, found "${kat}"`);
    const p0 = rate('p0_pct_mar2022');
    const extreme = rate('extreme_pct_mar2022_series_b');
    if (p0 !== undefined && extreme !== undefined && !(extreme < p0)) throw new Error(`${file}: ${where}: expected the extreme-poverty rate below P0`);
    return { code, name: row.province, island: row.island, population, p0, extreme, urbanShare: urban, katArea: kat === '1' };
  });
  const dki = provinces.find((p) => p.code === 31);
  if (dki?.urbanShare !== national.urbanShareDki || provinces.some((p) => p.code !== 31 && p.urbanShare !== undefined)) {
    throw new Error(`${file}: urban_share_assumption: expected DKI Jakarta (31) alone to have a fixed urban share, equal to urban_share_dki in national.csv`);
  }
  const kat = provinces.filter((p) => p.katArea).length;
  if (kat !== national.katAreaProvinces) {
    throw new Error(`${file}: kat_area_assumption: expected ${national.katAreaProvinces} provinces flagged (kat_area in national.csv), found ${kat}`);
  }
  if (total !== national.population) {
    throw new Error(`${file}: expected province populations to sum to population_total in national.csv (${national.population}), found ${total}`);
  }
  return provinces;
}

function readNational(file: string): NationalRecord {
  const rows = parseCsv(readFileSync(file, 'utf8'), file);
  const values = new Map<string, number>();
  for (const [k, row] of rows.entries()) {
    for (const c of ['key', 'value', 'unit', 'period', 'source', 'url', 'confidence', 'note']) {
      if (!(c in row)) throw new Error(`${file}: expected a column "${c}"`);
    }
    if (values.has(row.key)) throw new Error(`${file}: row ${k + 2}: key "${row.key}" appears twice`);
    values.set(row.key, number(file, `row ${k + 2} (${row.key}): value`, row.value, 'a number'));
  }
  const get = (key: string, min = 0, max = Infinity): number => {
    const v = values.get(key);
    if (v === undefined) throw new Error(`${file}: expected a row with key "${key}"`);
    if (!(v >= min && v <= max)) throw new Error(`${file}: ${key}: expected a value in [${min}, ${max}], found ${v}`);
    return v;
  };
  const pct = (key: string): number => get(key, 0, 100) / 100;
  const headAge = HEAD_AGE_BANDS.map(([key, from, to]) => ({ from, to, share: pct(key) }));
  const sum = headAge.reduce((s, b) => s + b.share, 0);
  if (Math.abs(sum - 1) > 1e-9) throw new Error(`${file}: head_age_*: expected the shares to sum to 100 %, found ${(sum * 100).toFixed(4)} %`);
  return {
    households: get('households_total', 1),
    population: get('population_total', 1),
    p0: pct('p0'),
    p0Urban: pct('p0_urban'),
    p0Rural: pct('p0_rural'),
    poorUrbanMillions: get('poor_urban'),
    poorRuralMillions: get('poor_rural'),
    extreme: pct('extreme_b'),
    consumptionMean: get('consumption_mean', 1),
    consumptionQ1Mean: get('consumption_q1_mean', 1),
    p1: pct('p1'),
    gini: get('gini', 0, 1),
    bottom40Share: pct('bottom40_share'),
    poorHouseholdSize: get('poor_household_size', 1),
    femaleHeaded: pct('female_headed'),
    femaleHeadedUrban: pct('female_headed_urban'),
    femaleHeadedRural: pct('female_headed_rural'),
    maleShare: pct('male_share'),
    age15to64: pct('age_15_64'),
    elderly60plus: pct('elderly_60plus'),
    elderly70to79: pct('elderly_70_79'),
    elderly80plus: pct('elderly_80plus'),
    tfr: get('tfr', 0, 10),
    populationGrowth: pct('population_growth'),
    severeDisability: {
      age2to6: get('severe_disability_2_6'),
      age7to18: get('severe_disability_7_18'),
      age19to59: get('severe_disability_19_59'),
      age60plus: get('severe_disability_60plus'),
    },
    katHouseholds: get('kat_households'),
    urbanShareDki: pct('urban_share_dki'),
    katAreaProvinces: get('kat_area', 0, 34),
    headAge,
    partnerShare: pct('partner_share'),
    women15to49Of15to64: pct('women_15_49_of_15_64'),
    pregnancyWindowMonths: get('pregnancy_window', 0, 12),
    enrolment: { primary: pct('enrolment_primary'), junior: pct('enrolment_junior'), senior: pct('enrolment_senior') },
  };
}
