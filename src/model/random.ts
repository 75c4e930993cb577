/**
 * Random streams: every draw is addressable.
 *
 * A draw is a pure function of (run seed, replicate, process, household, month, draw index), computed
 * by hashing, not by advancing a sequence. So a household's draws do not depend on how households are
 * split across workers or in which order shards run, and a process that adds draws leaves every other
 * process's draws untouched: scenarios compared in one experiment see the same draws (common random
 * numbers), which makes their differences paired.
 *
 * seedrandom turns the user-facing seed (a number or a string such as "rpjmn-2025") into the 64-bit
 * run key; after that the hash below does all the work (~2 ns a draw, no state).
 */
import seedrandom from 'seedrandom';

/** A user-facing seed: a number or a string. */
export type Seed = number | string;

/** The 64-bit key of one run (seed × replicate), as two 32-bit words. */
export interface RunKey {
  readonly k0: number;
  readonly k1: number;
}

/** The key of one named process (or purpose) inside a run. Draws of different streams are independent. */
export interface Stream {
  readonly k0: number;
  readonly k1: number;
}

/** A 32-bit avalanche mix (Wellons' lowbias32). Works on and returns int32 (kept small for V8). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** FNV-1a hash of a string, mixed: a stable 32-bit id for a process name. */
export function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** The run key of a seed and replicate. Numbers and their decimal strings give the same key. */
export function runKey(seed: Seed, replicate = 0): RunKey {
  const rng = seedrandom(`graduasi:${String(seed)}`);
  const a = rng.int32();
  const b = rng.int32();
  return { k0: mix32(a ^ Math.imul(replicate + 1, 0x9e3779b1)), k1: mix32((b + Math.imul(replicate + 1, 0x85ebca77)) | 0) };
}

/** The stream of a named process (e.g. "income", "pkh.compliance") in a run. */
export function stream(run: RunKey, process: string): Stream {
  const h = hashName(process);
  return { k0: mix32(run.k0 ^ h), k1: mix32((run.k1 + mix32(h ^ 0x5bd1e995)) | 0) };
}

/**
 * 32 random bits (as an int32) for (household, month, draw) in a stream. `month` < 2^24 and `draw` < 256.
 * Small enough for V8 to inline into the monthly loops.
 */
export function bits(k0: number, k1: number, household: number, month: number, draw: number): number {
  let x = mix32(household ^ k0);
  x = mix32(x ^ k1 ^ ((month << 8) | draw));
  return mix32((x + k0) | 0);
}

/** 2^−32: `(bits(...) >>> 0) * UNIT` is a uniform in [0, 1). */
export const UNIT = 2.3283064365386963e-10;

/** A uniform draw in [0, 1) for (household, month, draw) in a stream. */
export function uniform(s: Stream, household: number, month: number, draw = 0): number {
  return (bits(s.k0, s.k1, household, month, draw) >>> 0) * UNIT;
}

