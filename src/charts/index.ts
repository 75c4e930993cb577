/**
 * The chart library: one function per chart, each returning a plain Vega-Lite v5 spec built from
 * summary rows (src/observe/summary.ts), with units in every title and every text in English or
 * Bahasa Indonesia.
 */
export { povertyOverTime, differenceOverTime } from './over-time';
export type { OverTimeOptions, DifferenceOptions } from './over-time';
export { phasesOverTime } from './phases';
export type { PhasesOptions } from './phases';
export { flowsOverTime, graduationsOverTime } from './flows';
export type { FlowsOptions } from './flows';
export { spendAndGraduations, provinceRanking } from './bars';
export type { SpendOptions, RankingOptions } from './bars';
export { tornado } from './tornado';
export type { SensitivityBar, TornadoOptions } from './tornado';
export { sobolChart, morrisChart, oneAtATimeChart, parameterLabel } from './sensitivity';
export type { StudyChartOptions, NamedParameter } from './sensitivity';
export { posteriorChart, targetFitChart } from './calibration';
export type { PosteriorChartInput, TargetFitRow } from './calibration';
export type { ChartOptions } from './frame';
export { scenarioLabels } from './rows';
export type { ScenarioName } from './rows';
export { trialEffects } from './trial';
export type { TrialEffectsOptions } from './trial';
export { recordRatios, recordOverTime, figureName, figureIndicator, figurePeriod } from './history';
export type { RecordOverTimeOptions } from './history';
export { backtestChart } from './backtest';
export { targetCandidates, targetPath, mixText } from './target';
export type { BacktestChartOptions } from './backtest';
