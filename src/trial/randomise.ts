/**
 * Random assignment to the arms of a trial, reproducibly: each household gets a key, a hash of
 * (seed, id) from the stream "trial.randomise" of src/model/random.ts, households are sorted by key,
 * and the first round(share × n) are treated. So exactly that many are treated, the assignment is the
 * same on any machine, and a household's arm depends on the seed and on which households take part,
 * not on their order in the list. An id and its decimal string (7 and "7") are the same household.
 * Stratified or clustered assignment (by village) is not done here.
 */
import { bits, hashName, runKey, stream } from '../model/random';
import type { Seed } from '../model/random';
import { checkSeed } from '../experiment/ranges';
import type { Arm } from './estimate';

/**
 * The arm of each of `ids` (same order): round(share × n) households, chosen by hashing (seed, id),
 * are "treatment", the rest "control". Math.round rounds halves up. Throws on a share outside [0, 1],
 * a bad seed or a repeated id.
 */
export function randomise(ids: readonly (string | number)[], share: number, seed: Seed): Arm[] {
  const where = 'randomise';
  if (!Array.isArray(ids)) throw new Error(`${where}: "ids": expected a list of household ids (strings or numbers), got ${String(ids)}`);
  if (!(share >= 0 && share <= 1)) throw new Error(`${where}: "share": expected the treated share in [0, 1], e.g. 0.5, got ${String(share)}`);
  checkSeed(seed, where);
  const s = stream(runKey(seed), 'trial.randomise');
  const seen = new Map<string, number>();
  const keys = ids.map((id, j) => {
    if (!(typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)))) throw new Error(`${where}: ids[${j}]: expected a string or a finite number, got ${String(id)}`);
    const text = String(id);
    const before = seen.get(text);
    if (before !== undefined) throw new Error(`${where}: ids[${j}]: expected unique ids, but ids[${before}] is ${JSON.stringify(ids[before])} too`);
    seen.set(text, j);
    const h = hashName(text);
    return { j, text, high: bits(s.k0, s.k1, h, 0, 0) >>> 0, low: bits(s.k0, s.k1, h, 0, 1) >>> 0 };
  });
  keys.sort((a, b) => a.high - b.high || a.low - b.low || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const treated = Math.round(share * ids.length);
  const arms = new Array<Arm>(ids.length);
  keys.forEach((key, rank) => (arms[key.j] = rank < treated ? 'treatment' : 'control'));
  return arms;
}
