/**
 * What an experiment records: every indicator nationally each month, and by province, urban/rural,
 * age group and sex of the head in March of each year (the Susenas round, when BPS measures
 * poverty) and in the last month. Keeps results.csv to a size people can open.
 */
import type { Reporter } from '../model/observation';
import { monthOfYear, type Month } from '../calendar/months';
import { reporterOf } from '../observe/indicators';

export const OBSERVATION = 'every indicator nationally each month; by province, urban/rural, age group and sex of the head in March of each year and in the last month';

export function experimentIndicators(end: Month): Reporter {
  return reporterOf(undefined, (month) => monthOfYear(month) === 3 || month === end);
}
