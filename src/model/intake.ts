/**
 * Intake: who gets one of a limited number of places this month.
 *
 * Candidates are ranked by a key (a bin of their registry score, poorest first, with priority groups
 * placed in front); a first pass tallies their weight by key, `decide` finds the key up to which
 * everyone fits the room, and a second pass admits them — and, in the key where the room runs out,
 * candidates in household order while it lasts. Exact, deterministic and without a sort.
 *
 * A process keeps its intakes from month to month and resets them: only the keys tallied (from
 * `lowest` to `highest`) are cleared and searched, so a month's intake costs what its candidates
 * do, not the 2 × 4,096 keys (INTAKE_KEYS), and the month allocates nothing.
 */
import { LOG_BINS, logBin } from './welfare';

export interface Intake {
  /** Candidate weight by key. */
  readonly weight: Float64Array;
  /** Keys below `cut` are admitted whole; key `cut` while `left` lasts. */
  cut: number;
  left: number;
  /** Weight of all candidates and of those admitted. */
  candidates: number;
  admitted: number;
  /** The lowest and highest key tallied (lowest > highest: none). */
  lowest: number;
  highest: number;
}

/** Keys: registry-score bins, in two priority tiers (tier 0 first). */
export const INTAKE_KEYS = 2 * LOG_BINS;

/** The key of a household: its score bin, in front when `priority`. */
export function intakeKey(scoreBits: number, priority: boolean): number {
  return (priority ? 0 : LOG_BINS) + logBin(scoreBits);
}

export function createIntake(): Intake {
  return { weight: new Float64Array(INTAKE_KEYS), cut: -1, left: 0, candidates: 0, admitted: 0, lowest: INTAKE_KEYS, highest: -1 };
}

/** `count` intakes of `kept` (a process's own, kept from month to month; made when missing), reset for the month. */
export function monthIntakes(kept: Intake[], count: number): Intake[] {
  while (kept.length < count) kept.push(createIntake());
  for (let k = 0; k < count; k++) resetIntake(kept[k]);
  return kept;
}

/** Start a month: no candidates yet. */
function resetIntake(intake: Intake): void {
  if (intake.lowest <= intake.highest) intake.weight.fill(0, intake.lowest, intake.highest + 1);
  intake.cut = -1;
  intake.left = 0;
  intake.candidates = 0;
  intake.admitted = 0;
  intake.lowest = INTAKE_KEYS;
  intake.highest = -1;
}

/** Tally a candidate. */
export function tally(intake: Intake, key: number, weight: number): void {
  intake.weight[key] += weight;
  intake.candidates += weight;
  if (key < intake.lowest) intake.lowest = key;
  if (key > intake.highest) intake.highest = key;
}

/**
 * Tally the candidates of `weights`, by key (candidates tallied elsewhere, e.g. over the step's
 * threads). It reads every key of `weights`: for ATENSI's five clusters, 40,960 a month.
 */
export function tallyAll(intake: Intake, weights: Float64Array): void {
  for (let key = 0; key < weights.length; key++) if (weights[key] !== 0) tally(intake, key, weights[key]);
}

/**
 * Fix the cut for `room` (weighted households) once every candidate is tallied: the first key,
 * poorest first, whose candidates no longer all fit. Keys outside the tallied ones hold no one, so
 * with any room the search runs over the tallied keys only; a cut past them admits every
 * candidate, as one past the last key would.
 */
export function decide(intake: Intake, room: number): void {
  let k = room >= 0 ? Math.min(intake.lowest, intake.highest + 1) : 0;
  let used = 0;
  while (k <= intake.highest && used + intake.weight[k] <= room) used += intake.weight[k++];
  intake.cut = k;
  intake.left = Math.max(0, room - used);
}

/** Whether a household of key `key` is past the cut: it has no place this month, candidate or not. */
export function pastCut(intake: Intake, key: number): boolean {
  return key > intake.cut;
}

/** Whether a tallied candidate is admitted (call once per candidate, in household order). */
export function admit(intake: Intake, key: number, weight: number): boolean {
  if (pastCut(intake, key)) return false;
  if (key === intake.cut) {
    if (weight > intake.left) return false;
    intake.left -= weight;
  }
  intake.admitted += weight;
  return true;
}

/** Candidates left waiting (weighted). */
export function queued(intake: Intake): number {
  return intake.candidates - intake.admitted;
}
