/**
 * Parameters: the model's programme rules and behavioural estimates, read from data/parameters/ (one
 * YAML file per parameter, dated values, sources), validated once, then read-only.
 *
 *   const params = loadParameters();
 *   params.at(monthOf('2022-09')).policy.blt_bbm.benefit; // 150000 (Rp per family per month)
 */
export { loadParameters, DEFAULT_PARAMETER_DIR } from './load';
export { PARAMETERS, UNITS } from './spec';
export type { Leaf, ParameterPath, ParameterSpec, ParameterValues, Unit, ValueOf, ValuesOf } from './spec';
export type { DatedValue, ParameterPatch, ParameterRecord, Parameters, Reference } from './types';
