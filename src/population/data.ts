/**
 * The population's data files, read and checked once (data/population/*.csv, see data/README.md).
 *
 * provinces.csv holds the 34 SP2020 provinces: population, the March 2022 poverty rate (P0) and the
 * series-B extreme-poverty rate where the reference pack has them, and two per-province assumption
 * columns. rounds.csv holds the marginals of each Susenas round from September 2018 to March 2022
 * (poverty, lines, inequality, mean consumption; derived or interpolated cells say so in its note).
 * national.csv holds the frame (households, persons), demography, and the few explicit assumptions
 * (confidence "assumption") that fill gaps in the reference. Percent values are turned into shares
 * here; nothing else is transformed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv';
import { ProblemError } from '../problems/index';

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

/** One Susenas round of rounds.csv: the marginals the population of that round is fitted to. Shares are 0–1. */
export interface RoundRecord {
  /** "YYYY-MM". */
  readonly round: string;
  readonly p0: number;
  readonly p0Urban: number;
  readonly p0Rural: number;
  /** Poor persons, urban and rural, millions (undefined where the release gives none: Sep 2020). */
  readonly poorUrbanMillions?: number;
  readonly poorRuralMillions?: number;
  /** BPS national poverty line of the round, Rp per person per month (a cross-check of the parameters). */
  readonly nationalLine: number;
  /** Series B, share of persons (published, or interpolated between rounds: see the note). */
  readonly extreme: number;
  /** Poverty gap index P1 as a share (0.01586); undefined where not published. */
  readonly p1?: number;
  readonly gini: number;
  readonly giniUrban: number;
  readonly giniRural: number;
  /** Share of expenditure of the poorest 40 % of persons; undefined where not published. */
  readonly bottom40Share?: number;
  /** Mean size of households below the national line, persons. */
  readonly poorHouseholdSize: number;
  /** Mean consumption, Rp per person per month (published for March 2022, derived before). */
  readonly consumptionMean: number;
  /** Mean consumption of the poorest 20 % of persons; undefined where not published. */
  readonly consumptionQ1Mean?: number;
}

/** The frame, demography and assumptions of national.csv. Shares are 0–1. */
export interface NationalRecord {
  /** Households (family cards, KK), Dukcapil Dec 2020. */
  readonly households: number;
  /** Persons, SP2020. */
  readonly population: number;
  /** Mean consumption urban / rural (Susenas September 2022), taken for every round. */
  readonly consumptionUrbanRuralRatio: number;
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
  /** The Susenas rounds, oldest first. */
  readonly rounds: readonly RoundRecord[];
}

/** The round a population describes unless another is given: Susenas March 2022. */
export const DEFAULT_ROUND = '2022-03';

/**
 * The record of a Susenas round. Refuses a round that is not in rounds.csv with the list of rounds:
 * a ProblemError at `at`, the caller's name for the option (default: population options, round).
 */
export function roundRecord(data: PopulationData, round: string, at: { file: string; path: string } = { file: 'population options', path: 'round' }): RoundRecord {
  const found = data.rounds.find((r) => r.round === round);
  if (found === undefined) {
    throw new ProblemError([{ ...at, expected: `a Susenas round (${data.rounds.map((r) => r.round).join(', ')})`, got: `"${String(round)}"` }]);
  }
  return found;
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

/** Reads and checks data/population/provinces.csv, national.csv and rounds.csv (or the same files in `dir`). */
export function loadPopulationData(dir: string = POPULATION_DATA_DIR): PopulationData {
  const national = readNational(join(dir, 'national.csv'));
  const provinces = readProvinces(join(dir, 'provinces.csv'), national);
  const rounds = readRounds(join(dir, 'rounds.csv'));
  return { provinces, national, rounds };
}

const ROUND_COLUMNS = ['round', 'p0', 'p0_urban', 'p0_rural', 'poor_urban', 'poor_rural', 'national_line', 'extreme_b', 'p1', 'gini', 'gini_urban', 'gini_rural', 'bottom40_share', 'poor_household_size', 'consumption_mean', 'consumption_q1_mean', 'source', 'url', 'confidence', 'note'];

function readRounds(file: string): RoundRecord[] {
  const rows = parseCsv(readFileSync(file, 'utf8'), file);
  for (const c of ROUND_COLUMNS) if (rows.length > 0 && !(c in rows[0])) throw new Error(`${file}: expected a column "${c}"`);
  if (rows.length === 0) throw new Error(`${file}: expected at least one Susenas round`);
  const rounds = rows.map((row, k) => {
    const where = `row ${k + 2} (${row.round})`;
    if (!/^\d{4}-(03|09)$/.test(row.round)) throw new Error(`${file}: ${where}: round: expected a Susenas round "YYYY-03" or "YYYY-09", found "${row.round}"`);
    const optional = (column: string, min: number, max: number, what: string): number | undefined => {
      if (row[column].trim() === '') return undefined;
      const v = number(file, `${where}: ${column}`, row[column], what);
      if (!(v > min && v < max)) throw new Error(`${file}: ${where}: ${column}: expected ${what} in (${min}, ${max}), found ${v}`);
      return v;
    };
    const required = (column: string, min: number, max: number, what: string): number => {
      const v = optional(column, min, max, what);
      if (v === undefined) throw new Error(`${file}: ${where}: ${column}: expected ${what}, found an empty cell`);
      return v;
    };
    const pct = (column: string) => required(column, 0, 100, 'a percentage') / 100;
    const optionalPct = (column: string) => {
      const v = optional(column, 0, 100, 'a percentage');
      return v === undefined ? undefined : v / 100;
    };
    const record: RoundRecord = {
      round: row.round,
      p0: pct('p0'),
      p0Urban: pct('p0_urban'),
      p0Rural: pct('p0_rural'),
      poorUrbanMillions: optional('poor_urban', 0, 1000, 'millions of persons'),
      poorRuralMillions: optional('poor_rural', 0, 1000, 'millions of persons'),
      nationalLine: required('national_line', 0, Infinity, 'Rp per person per month'),
      extreme: pct('extreme_b'),
      p1: optionalPct('p1'),
      gini: required('gini', 0, 1, 'a Gini ratio'),
      giniUrban: required('gini_urban', 0, 1, 'a Gini ratio'),
      giniRural: required('gini_rural', 0, 1, 'a Gini ratio'),
      bottom40Share: optionalPct('bottom40_share'),
      poorHouseholdSize: required('poor_household_size', 1, 50, 'persons'),
      consumptionMean: required('consumption_mean', 0, Infinity, 'Rp per person per month'),
      consumptionQ1Mean: optional('consumption_q1_mean', 0, Infinity, 'Rp per person per month'),
    };
    if ((record.poorUrbanMillions === undefined) !== (record.poorRuralMillions === undefined)) {
      throw new Error(`${file}: ${where}: poor_urban, poor_rural: expected both or neither`);
    }
    if (!(record.p0Urban < record.p0 && record.p0 < record.p0Rural)) throw new Error(`${file}: ${where}: expected p0_urban < p0 < p0_rural`);
    if (!(record.extreme < record.p0)) throw new Error(`${file}: ${where}: expected extreme_b below p0`);
    return record;
  });
  rounds.forEach((r, k) => {
    if (k > 0 && !(r.round > rounds[k - 1].round)) throw new Error(`${file}: row ${k + 2} (${r.round}): expected the rounds in order, oldest first, each once`);
  });
  return rounds;
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
    consumptionUrbanRuralRatio: get('consumption_urban_rural_ratio', 1, 10),
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
