/**
 * Graduasi's public API: the one door for notebooks and for code that uses the model, in domain
 * words. It only re-exports. Internals (the household store, random streams, the monthly
 * processes, workers) are not here; docs/ARCHITECTURE.md says what each folder behind it owns.
 * Notebooks import from './src/index' and nothing else of src/ (test/notebooks/imports.test.ts).
 *
 *     import { loadParameters, resolveScenarios, runExperiment, charts, chart, progress } from './src/index';
 *     const scenarios = resolveScenarios(['assistance-only', 'graduation-push-under-40'], loadParameters());
 *     const run = await runExperiment({ scenarios, replicates: 3, seed: 2022, reference: 'assistance-only', onProgress: progress('Runs') });
 *     await chart(charts.povertyOverTime(run.summary, { lang: 'id' }));
 *
 * Chart builders are exported by name and, all together, as the namespace `charts`.
 */

// Parameters and scenarios
export { loadParameters } from './parameters/load';
export type { Parameters, ParameterPatch, ParameterRecord, Reference } from './parameters/types';
export { BUILTIN_SCENARIOS, DEFAULT_REFERENCE } from './scenarios/builtin';
export { defineScenario, resolveScenarios, readScenarioFile } from './scenarios/load';
export { describeScenario, describeScenarios, describeParameters } from './scenarios/describe';
export { ProblemError, formatProblems } from './problems/index';
export type { Problem } from './problems/index';
export type { Scenario, ResolvedScenario } from './scenarios/types';

// Languages and months
export { LANGS } from './lang/index';
export type { Lang, Words } from './lang/index';
export { monthOf, formatMonth } from './calendar/months';
export type { Month } from './calendar/months';

// One run of one scenario
export { simulate, populationFor, DEFAULT_END, REFERENCE_MONTH } from './run/simulate';
export type { SimulateOptions, ScenarioPatch } from './run/simulate';
export { toCsv } from './run/results';
export type { Result, ResultRow, Manifest, Provenance } from './run/results';
export type { Seed } from './model/random';
export { buildPopulation, DEFAULT_HOUSEHOLDS } from './population/index';
export type { Population, PopulationOptions } from './population/index';
export { standardIndicators, INDICATORS, indicatorsOf, reporterOf } from './observe/indicators';
export type { Indicator, IndicatorUnit, Tally, GroupValues } from './observe/indicators';

// Programmes, services and the groups results are broken down by
export { BUILTIN_REGISTRY } from './model/builtin';
export { createRegistry } from './model/registry';
export { PROGRAMMES } from './model/programmes/index';
export { SERVICES } from './model/services/index';
export type { Programme, ProgrammeTerms, Service, Registry, ReasonDeclaration } from './model/world';
export { DIMENSIONS, FLOW_GROUPS } from './model/groups';
export type { Dimension } from './model/groups';

// Experiments: scenarios × replicates, and parameter points
export { runExperiment } from './experiment/index';
export type { Experiment, ExperimentOptions, ExperimentManifest, Progress, Uncertainty } from './experiment/index';
export { mergeShards, readShard, runShard, shardFiles, shardJobs } from './experiment/shard';
export type { ReadShard, Shard, ShardManifest, ShardRun } from './experiment/shard';
export { summarise, BAND } from './observe/summary';
export type { SummaryRow } from './observe/summary';
export { evaluatePoints, pointPatch, studyParameters } from './experiment/points';
export type { Measure, PointsOptions, PointValues } from './experiment/points';
export type { ModelOutput, ParameterRange } from './experiment/ranges';

// Calibration
export { calibrate } from './calibration/model';
export type { Calibration, CalibrationOptions } from './calibration/model';
export { loadTargets, loadRecord } from './calibration/targets';
export type { Target, FigureMeasure, FigureKind } from './calibration/targets';
export { compareWithRecord, STATUSES } from './history/index';
export { backtest, defaultOrigins, scoresOf, BACKTEST_MEASURES, HORIZONS } from './backtest/index';
export type { Backtest, BacktestOptions, BacktestScore, Prediction } from './backtest/index';
export type { HistoryRow, FigureStatus, ModelValue } from './history/index';
export { posteriorDraws, posteriorSample, readPosterior } from './calibration/output';
export type { PosteriorSample } from './calibration/output';
export { nelderMead, distance, abcRejectionDesign, abcAccept, abcRejection, abcSmcDesign, abcSmcAccept, abcSmc, posteriorSummary } from './calibration/index';
export type { NelderMeadOptions, NelderMeadResult, CalibrationTarget, AbcDesign, AbcPopulation, AbcAcceptOptions, AbcSmcOptions, Simulate, PosteriorSummary } from './calibration/index';

// Sensitivity analysis
export { morrisStudy, sobolStudy, screenThenSobol, oneAtATime, topParameters } from './sensitivity/index';
export type { StudyOptions, MorrisStudy, SobolStudy, OneAtATimeStudy, StudyParameter } from './sensitivity/index';
export { saltelliDesign, sobolIndices, sobolAnalysis, morrisDesign, morrisEffects, morrisScreening } from './sensitivity/index';
export type { SaltelliDesign, SobolIndex, SobolOptions, MorrisDesign, MorrisEffect } from './sensitivity/index';

// Virtual trials
export { runTrial, trialDesign, TRIAL_DESIGNS, PENA_2023, BRAC_LIKE, OUTCOMES, OUTCOME_INFO, readPublished, comparePublished } from './trial/index';
export type { TrialDesign, TrialOptions, TrialResult, TrialEstimate, Outcome, PublishedComparison } from './trial/index';
export { ittEstimate, ittTable, randomise } from './trial/index';
export type { Arm, TrialUnit, TrialRound, IttEstimate } from './trial/index';

// The planner's question: the cheapest mix of levers that brings an indicator below a level by a month
export { targetSearch, runnersUp, DEFAULT_LEVERS, checkLevers, readLeverFile, mixPatch, greedySearch, SPEND_INDICATORS } from './target/index';
export type { TargetOptions, TargetSearch, TargetCandidate, Lever, Mix, SearchResult } from './target/index';

// Charts: Vega-Lite v5 specs
export * as charts from './charts/index';
export { povertyOverTime, differenceOverTime, phasesOverTime, flowsOverTime, graduationsOverTime, spendAndGraduations, provinceRanking, tornado } from './charts/index';
export { sobolChart, morrisChart, oneAtATimeChart, posteriorChart, targetFitChart, trialEffects, scenarioLabels, recordRatios, recordOverTime, backtestChart, targetCandidates, targetPath } from './charts/index';
export type { ChartOptions, OverTimeOptions, DifferenceOptions, PhasesOptions, FlowsOptions, SpendOptions, RankingOptions, SensitivityBar, TornadoOptions } from './charts/index';
export type { StudyChartOptions, PosteriorChartInput, TargetFitRow, TrialEffectsOptions, ScenarioName, RecordOverTimeOptions } from './charts/index';

// Headline numbers, tables and reports
export { headlines } from './report/headline';
export type { Headline } from './report/headline';
export { headlineTables, formatTable, tableRecords } from './report/table';
export type { Table } from './report/table';
export { reportHtml } from './report/html';
export { historyTable, historyCounts, historyCsv, inSeriesOrder, BASELINE } from './report/history';
export { predictionTable, scoreTable, predictionsCsv, scoresCsv } from './report/backtest';
export { provinceTable } from './report/provinces';
export { calibrationText, posteriorTable, fitTable, targetFitRows } from './report/calibration';
export { morrisTable, sobolTable } from './report/sensitivity';
export { ittTableText, balanceTableText, publishedTableText, pathsTableText, armsText } from './report/trial';
export { answerSentence, answerTable, runnersUpTable, leversTable } from './report/target';

// In a notebook: charts, tables, headline numbers and progress (tslab); the bundles anywhere
export { chart, table, headline, progress, chartBundle, chartSvg, tableBundle, headlineBundle, progressBundle } from './notebook/index';
export type { MimeBundle, TableOptions } from './notebook/index';
