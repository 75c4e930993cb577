/**
 * The rolling-origin backtest: the model judged on the past it was not started from. For each
 * origin t, a Susenas round, the baseline runs from a population built for round t (fitted to that
 * round's marginals, nothing later) and predicts the official figures of the next rounds, t + 1 and
 * t + 2 (six and twelve months ahead); each prediction is set beside the published figure
 * (src/history's compareWithRecord: the mean over replicates and its 5–95 % band).
 *
 *   error     = model mean − official, in percentage points;
 *   MAE       = the mean of |error| over the predictions of a measure and horizon;
 *   coverage  = how many of those predictions have the published figure inside the band.
 *
 * Only figures the record holds before the model's own start (March 2022) and after an origin are
 * predicted, so no figure after March 2022 enters. The behaviour parameters are the same at every
 * origin (the set the scenario is resolved on): the backtest re-fits the population, not the
 * behaviour, at each origin.
 */
import { runExperiment, type Experiment, type Progress } from '../experiment/index';
import { compareWithRecord, type HistoryRow } from '../history/index';
import { loadRecord, type Target } from '../calibration/targets';
import { loadPopulationData } from '../population/index';
import type { Parameters } from '../parameters/types';
import type { ResolvedScenario } from '../scenarios/types';
import type { Seed } from '../model/random';
import { refuse, type Problem } from '../problems/index';

/** What a backtest predicts: the national poverty rate and the national extreme-poverty rate. */
export const BACKTEST_MEASURES = ['p0_national', 'p0_extreme'] as const;
export type BacktestMeasure = (typeof BACKTEST_MEASURES)[number];
/** How many rounds ahead an origin predicts. */
export const HORIZONS = [1, 2] as const;

export interface BacktestOptions {
  readonly parameters: Parameters;
  /** The baseline, resolved. */
  readonly scenario: ResolvedScenario;
  /** The official figures; default data/targets/targets.csv (loadRecord). */
  readonly record?: readonly Target[];
  /** The Susenas rounds a population can be built for, in order; default data/population/rounds.csv. */
  readonly rounds?: readonly string[];
  /** The origins, rounds of `rounds`; default every round with a figure to predict after it. */
  readonly origins?: readonly string[];
  readonly replicates: number;
  readonly seed: Seed;
  readonly households?: number;
  readonly scale?: number;
  readonly workers?: number;
  /** Called after each finished run, with the origin it belongs to. */
  readonly onProgress?: (origin: string, progress: Progress) => void;
}

/** One prediction: a figure of round t + horizon, from origin t. */
export interface Prediction {
  readonly origin: string;
  readonly horizon: number;
  /** The figure beside the model (status "in span"). */
  readonly row: HistoryRow;
  /** Model mean − official (a share: × 100 for percentage points). */
  readonly error: number;
  /** The official figure lies within the model's 5–95 % band. */
  readonly covered: boolean;
}

/** The error of a measure at a horizon over every origin. */
export interface BacktestScore {
  readonly indicator: BacktestMeasure;
  readonly horizon: number;
  readonly predictions: number;
  /** Mean absolute error (a share). */
  readonly mae: number;
  /** Predictions whose band covers the figure. */
  readonly covered: number;
}

export interface Backtest {
  readonly predictions: readonly Prediction[];
  readonly scores: readonly BacktestScore[];
  /** Each origin's run, in origin order. */
  readonly runs: ReadonlyArray<{ readonly origin: string; readonly end: string; readonly experiment: Experiment }>;
}

const isMeasure = (indicator: string): indicator is BacktestMeasure => (BACKTEST_MEASURES as readonly string[]).includes(indicator);

/** The national figures of the measures, by round. */
function figuresByRound(record: readonly Target[], rounds: readonly string[]): Map<string, Target[]> {
  const byRound = new Map<string, Target[]>();
  for (const t of record) {
    if (!isMeasure(t.indicator) || t.group !== 'national' || t.measure !== 'month' || !rounds.includes(t.month)) continue;
    byRound.set(t.month, [...(byRound.get(t.month) ?? []), t]);
  }
  return byRound;
}

/** The figures origin t predicts, with their horizon. */
function predicted(origin: string, rounds: readonly string[], byRound: Map<string, Target[]>): Array<{ horizon: number; figure: Target }> {
  const at = rounds.indexOf(origin);
  const order = (t: Target) => BACKTEST_MEASURES.indexOf(t.indicator as BacktestMeasure);
  return HORIZONS.flatMap((horizon) => [...(byRound.get(rounds[at + horizon]) ?? [])].sort((a, b) => order(a) - order(b)).map((figure) => ({ horizon, figure })));
}

/** The default origins: every round but the last with a figure to predict one or two rounds on. */
export function defaultOrigins(record: readonly Target[], rounds: readonly string[]): string[] {
  const byRound = figuresByRound(record, rounds);
  return rounds.filter((round) => predicted(round, rounds, byRound).length > 0);
}

export async function backtest(options: BacktestOptions): Promise<Backtest> {
  const record = options.record ?? loadRecord();
  const rounds = options.rounds ?? loadPopulationData().rounds.map((r) => r.round);
  const byRound = figuresByRound(record, rounds);
  const origins = options.origins ?? defaultOrigins(record, rounds);
  const problems: Problem[] = [];
  for (const origin of origins) {
    if (!rounds.includes(origin)) problems.push({ file: 'backtest', path: 'origins', expected: `Susenas rounds (${rounds.join(', ')})`, got: `"${origin}"` });
    else if (predicted(origin, rounds, byRound).length === 0) problems.push({ file: 'backtest', path: 'origins', expected: 'rounds with a figure of the record one or two rounds later', got: `"${origin}", after which the record has none` });
  }
  if (origins.length === 0) problems.push({ file: 'backtest', path: 'origins', expected: 'at least one origin', got: 'none' });
  refuse(problems);

  const runs: Array<{ origin: string; end: string; experiment: Experiment }> = [];
  const predictions: Prediction[] = [];
  for (const origin of origins) {
    const targets = predicted(origin, rounds, byRound);
    const end = targets.map((t) => t.figure.month).sort().at(-1)!;
    const experiment = await runExperiment({
      parameters: options.parameters,
      scenarios: [options.scenario],
      replicates: options.replicates,
      seed: options.seed,
      start: origin,
      end,
      households: options.households,
      scale: options.scale,
      workers: options.workers,
      onProgress: options.onProgress && ((p) => options.onProgress!(origin, p)),
    });
    runs.push({ origin, end, experiment });
    const rows = compareWithRecord(experiment.rows, targets.map((t) => t.figure));
    rows.forEach((row, k) => {
      if (row.status !== 'in span' || row.model === null) throw new Error(`backtest: ${row.figure.id} from ${origin}: expected the run to give it, got status "${row.status}"`);
      predictions.push({ origin, horizon: targets[k].horizon, row, error: row.model.mean - row.official, covered: row.model.p05 <= row.official && row.official <= row.model.p95 });
    });
  }
  return { predictions, scores: scoresOf(predictions), runs };
}

/** MAE and coverage per measure and horizon, in BACKTEST_MEASURES and HORIZONS order (only those with predictions). */
export function scoresOf(predictions: readonly Prediction[]): BacktestScore[] {
  return BACKTEST_MEASURES.flatMap((indicator) =>
    HORIZONS.flatMap((horizon) => {
      const of = predictions.filter((p) => p.row.figure.indicator === indicator && p.horizon === horizon);
      if (of.length === 0) return [];
      return [{ indicator, horizon, predictions: of.length, mae: of.reduce((s, p) => s + Math.abs(p.error), 0) / of.length, covered: of.filter((p) => p.covered).length }];
    }),
  );
}
