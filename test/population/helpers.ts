/**
 * Shared fixtures and weighted statistics for the population tests.
 */
import { createHash } from 'node:crypto';
import type { Households } from '../../src/model/households';
import { ATTRIBUTES } from '../../src/model/households';

/**
 * Poverty lines for the tests, Rp per person per month, March 2022. The national line is BPS's
 * (505,469, BPS release of 15 Jul 2022, as data/parameters/policy/poverty_line/national.yaml cites it).
 * The extreme line is USD 1.90 PPP 2011 at its 2021 rupiah value (11,941 a day, Kemendagri slides of
 * 21 Sep 2022) × 365 / 12: a test fixture; the model takes
 * both lines from the caller's parameters.
 */
export const LINES = { national: 505_469, extreme: (11_941 * 365) / 12 } as const;

/** SHA-256 of every attribute array of a store, in ATTRIBUTES order. */
export function digest(h: Households): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(ATTRIBUTES) as (keyof typeof ATTRIBUTES)[]) {
    const a = h[key];
    hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return hash.digest('hex');
}

/** Σ weight × f(i) over the households for which `where(i)` holds. */
export function weighted(h: Households, f: (i: number) => number, where: (i: number) => boolean = () => true): number {
  let sum = 0;
  for (let i = 0; i < h.count; i++) if (where(i)) sum += h.weight[i] * f(i);
  return sum;
}

/** Person-weighted share of households for which `where(i)` holds, among those where `among(i)` holds. */
export function personShare(h: Households, where: (i: number) => boolean, among: (i: number) => boolean = () => true): number {
  const size = (i: number) => h.size[i];
  return weighted(h, size, (i) => among(i) && where(i)) / weighted(h, size, among);
}

/** Mean consumption of the poorest `share` of persons (consumption per person, person-weighted). */
export function bottomMean(h: Households, share: number): number {
  const order = Array.from({ length: h.count }, (_, i) => i).sort((a, b) => h.consumption[a] - h.consumption[b]);
  const persons = weighted(h, (i) => h.size[i]);
  let taken = 0;
  let spent = 0;
  for (const i of order) {
    const pw = Math.min(h.weight[i] * h.size[i], share * persons - taken);
    if (pw <= 0) break;
    taken += pw;
    spent += pw * h.consumption[i];
  }
  return spent / taken;
}
