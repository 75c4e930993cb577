/** Graduasi's public API. */
export { simulate, populationFor, REFERENCE_MONTH, DEFAULT_END } from './model/simulate';
export type { SimulateOptions, ScenarioPatch } from './model/simulate';
export type { Result, ResultRow, Manifest } from './model/results';
export { toCsv } from './model/results';
export { runKey, stream, uniform } from './model/random';
export type { Seed } from './model/random';
export { monthOf, formatMonth } from './model/time';
export { loadParameters } from './parameters/load';
export type { Parameters, ParameterPatch } from './parameters/types';
export { buildPopulation, DEFAULT_HOUSEHOLDS } from './population/index';
export type { Population, PopulationOptions } from './population/index';
export { standardIndicators, INDICATORS } from './observe/indicators';
export { baseline } from './scenarios/builtin';
export type { Scenario } from './scenarios/builtin';
