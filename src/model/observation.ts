/**
 * What observation hands back: tidy rows. Reporters live in src/observe; the model only calls the
 * one it is given (what to collect is an argument of the run, not part of the model).
 */
import type { MonthContext, World } from './world';

/** One observed value of the world in a month. */
export interface IndicatorRow {
  readonly indicator: string;
  /** "national", "province:<name>", "reason:<code>", … */
  readonly group: string;
  readonly value: number;
}

/** A reporter: rows describing the world at the end of a month. */
export type Reporter = (world: World, ctx: MonthContext, provinceNames: readonly string[]) => IndicatorRow[];
