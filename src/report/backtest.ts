/**
 * The rolling-origin backtest (src/backtest) as tables and CSV: each prediction beside the published
 * figure, and the mean absolute error and band coverage per measure and horizon. Percentages as
 * published (% of persons), errors in percentage points.
 */
import type { Backtest, BacktestScore, Prediction } from '../backtest/index';
import { figureIndicator } from '../charts/index';
import { monthLabel, decimal } from '../lang/index';
import type { Lang } from '../lang/index';
import { modelCell } from './history';
import type { Table } from './table';

export const BACKTEST_TEXT = {
  en: {
    predictions: ['Origin', 'Ahead', 'Figure', 'Round', 'Official (%)', 'Model (%) [5–95 %]', 'Error (pp)', 'In band'],
    scores: ['Figure', 'Ahead', 'Predictions', 'MAE (pp)', 'Band covers'],
    rounds: (h: number) => `${h} round${h === 1 ? '' : 's'} (${6 * h} months)`,
    yes: 'yes',
    no: 'no',
    of: (k: number, n: number) => `${k} of ${n}`,
    note: (replicates: number) =>
      `Each origin is a Susenas round: the baseline runs from a population built for it and predicts the official figures of the next two rounds. Model: mean of ${replicates} replicate${replicates === 1 ? '' : 's'} [5th – 95th percentile]. Error: model − official. MAE: mean absolute error. The behaviour parameters are the same at every origin.`,
  },
  id: {
    predictions: ['Titik awal', 'Ke depan', 'Angka', 'Putaran', 'Resmi (%)', 'Model (%) [5–95 %]', 'Galat (poin)', 'Dalam rentang'],
    scores: ['Angka', 'Ke depan', 'Prediksi', 'MAE (poin)', 'Rentang mencakup'],
    rounds: (h: number) => `${h} putaran (${6 * h} bulan)`,
    yes: 'ya',
    no: 'tidak',
    of: (k: number, n: number) => `${k} dari ${n}`,
    note: (replicates: number) =>
      `Setiap titik awal adalah satu putaran Susenas: baseline dijalankan dari populasi yang dibangun untuknya dan memprediksi angka resmi dua putaran berikutnya. Model: rata-rata ${replicates} replikasi [persentil ke-5 – ke-95]. Galat: model − resmi. MAE: rata-rata galat absolut. Parameter perilaku sama pada setiap titik awal.`,
  },
} as const;

/** Each prediction, by origin and horizon. */
export function predictionTable(predictions: readonly Prediction[], lang: Lang): Table {
  const t = BACKTEST_TEXT[lang];
  return {
    columns: t.predictions,
    rows: predictions.map((p) => [
      monthLabel(p.origin, lang),
      t.rounds(p.horizon),
      figureIndicator(p.row.figure.indicator, lang),
      monthLabel(p.row.figure.month, lang),
      decimal(p.row.figure.published.value, 2, lang),
      modelCell(p.row, lang),
      decimal(100 * p.error, 2, lang, true),
      p.covered ? t.yes : t.no,
    ]),
  };
}

/** The mean absolute error and band coverage of each measure and horizon. */
export function scoreTable(scores: readonly BacktestScore[], lang: Lang): Table {
  const t = BACKTEST_TEXT[lang];
  return {
    columns: t.scores,
    rows: scores.map((s) => [figureIndicator(s.indicator, lang), t.rounds(s.horizon), String(s.predictions), decimal(100 * s.mae, 2, lang), t.of(s.covered, s.predictions)]),
  };
}

export const PREDICTIONS_HEADER = 'origin,horizon,id,indicator,group,month,official,model_mean,model_p05,model_p95,replicates,error,covered';
export const SCORES_HEADER = 'indicator,horizon,predictions,mae,covered';

/** The predictions as CSV, values as shares. */
export function predictionsCsv(backtest: Backtest): string {
  const lines = backtest.predictions.map((p) =>
    [p.origin, p.horizon, p.row.figure.id, p.row.figure.indicator, p.row.figure.group, p.row.figure.month, p.row.official, p.row.model!.mean, p.row.model!.p05, p.row.model!.p95, p.row.model!.replicates, p.error, p.covered].join(','),
  );
  return `${PREDICTIONS_HEADER}\n${lines.join('\n')}\n`;
}

/** The scores as CSV, errors as shares. */
export function scoresCsv(backtest: Backtest): string {
  return `${SCORES_HEADER}\n${backtest.scores.map((s) => [s.indicator, s.horizon, s.predictions, s.mae, s.covered].join(',')).join('\n')}\n`;
}
