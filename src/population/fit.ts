/**
 * How well a population fits its round: each published statistic measured on the households
 * (person-weighted, consumption per person against the round's lines) beside its target, and whether
 * the builder fits it exactly or it follows from the shape (approximately). For checks and the fit
 * table of data/README.md; not used to build (it sorts the households).
 */
import type { Households } from '../model/households';
import { URBAN } from '../model/households';
import type { Population } from './index';

/** One statistic of the fit. */
export interface FitRow {
  readonly statistic: string;
  readonly value: number;
  readonly target: number;
  /** value / target. */
  readonly ratio: number;
  /** 'exact': a target of the builder (up to the sample); 'approximate': follows from the shape. */
  readonly fit: 'exact' | 'approximate';
}

type Where = (i: number) => boolean;

function persons(h: Households, where: Where): number {
  let sum = 0;
  for (let i = 0; i < h.count; i++) if (where(i)) sum += h.weight[i] * h.size[i];
  return sum;
}

function personMean(h: Households, f: (i: number) => number, where: Where): number {
  let sum = 0;
  for (let i = 0; i < h.count; i++) if (where(i)) sum += h.weight[i] * h.size[i] * f(i);
  return sum / persons(h, where);
}

/** Households ordered by consumption per person (ties by index). */
function byConsumption(h: Households, where: Where): number[] {
  const order: number[] = [];
  for (let i = 0; i < h.count; i++) if (where(i)) order.push(i);
  return order.sort((a, b) => h.consumption[a] - h.consumption[b] || a - b);
}

/** Person-weighted Gini ratio of consumption per person. */
export function giniOf(h: Households, where: Where = () => true): number {
  const order = byConsumption(h, where);
  let total = 0;
  let mass = 0;
  for (const i of order) {
    mass += h.weight[i] * h.size[i];
    total += h.weight[i] * h.size[i] * h.consumption[i];
  }
  let cumulative = 0;
  let area = 0;
  for (const i of order) {
    const m = h.weight[i] * h.size[i];
    const next = cumulative + (m * h.consumption[i]) / total;
    area += (m / mass) * (cumulative + next);
    cumulative = next;
  }
  return 1 - area;
}

/** Mean consumption per person of the poorest `share` of persons, and that group's share of all consumption. */
export function bottomOf(h: Households, share: number): { mean: number; share: number } {
  const order = byConsumption(h, () => true);
  const all = persons(h, () => true);
  let total = 0;
  for (const i of order) total += h.weight[i] * h.size[i] * h.consumption[i];
  let taken = 0;
  let spent = 0;
  for (const i of order) {
    const m = Math.min(h.weight[i] * h.size[i], share * all - taken);
    if (m <= 0) break;
    taken += m;
    spent += m * h.consumption[i];
  }
  return { mean: spent / taken, share: spent / total };
}

/** The fit of a population to its round, given the lines it was built with (Rp per person per month). */
export function fitTable(population: Population, lines: { national: number; extreme: number }): FitRow[] {
  const h = population.households;
  const { round: r, consumptionMean, provinces } = population.calibration.targets;
  const all: Where = () => true;
  const urban: Where = (i) => (h.flags[i] & URBAN) !== 0;
  const rural: Where = (i) => (h.flags[i] & URBAN) === 0;
  const poor = (i: number) => (h.consumption[i] < lines.national ? 1 : 0);
  const rows: FitRow[] = [];
  const add = (statistic: string, value: number, target: number | undefined, fit: FitRow['fit']) => {
    if (target !== undefined) rows.push({ statistic, value, target, ratio: value / target, fit });
  };
  add('P0 (%)', 100 * personMean(h, poor, all), 100 * r.p0, 'exact');
  add('P0 urban (%)', 100 * personMean(h, poor, urban), 100 * r.p0Urban, 'exact');
  add('P0 rural (%)', 100 * personMean(h, poor, rural), 100 * r.p0Rural, 'exact');
  add('extreme poverty, series B (%)', 100 * personMean(h, (i) => (h.consumption[i] < lines.extreme ? 1 : 0), all), 100 * r.extreme, 'exact');
  add('P1 (index × 100)', 100 * personMean(h, (i) => Math.max(0, 1 - h.consumption[i] / lines.national), all), r.p1 === undefined ? undefined : 100 * r.p1, 'approximate');
  add('mean consumption (Rp)', personMean(h, (i) => h.consumption[i], all), r.consumptionMean, 'exact');
  add('mean consumption urban (Rp)', personMean(h, (i) => h.consumption[i], urban), consumptionMean.urban, 'exact');
  add('mean consumption rural (Rp)', personMean(h, (i) => h.consumption[i], rural), consumptionMean.rural, 'exact');
  add('Gini', giniOf(h), r.gini, 'approximate');
  add('Gini urban', giniOf(h, urban), r.giniUrban, 'exact');
  add('Gini rural', giniOf(h, rural), r.giniRural, 'exact');
  if (r.bottom40Share !== undefined) add('bottom-40 share (%)', 100 * bottomOf(h, 0.4).share, 100 * r.bottom40Share, 'approximate');
  if (r.consumptionQ1Mean !== undefined) add('quintile-1 mean (Rp)', bottomOf(h, 0.2).mean, r.consumptionQ1Mean, 'approximate');
  provinces.forEach((p, index) => {
    const inProvince: Where = (i) => h.province[i] === index;
    if (p.p0 !== undefined) add(`P0 ${p.name} (%)`, 100 * personMean(h, poor, inProvince), 100 * p.p0, 'exact');
    if (p.extreme !== undefined) {
      add(`extreme poverty ${p.name} (%)`, 100 * personMean(h, (i) => (h.consumption[i] < lines.extreme ? 1 : 0), inProvince), 100 * p.extreme, p.p0 === undefined ? 'exact' : 'approximate');
    }
  });
  return rows;
}
