/** Calibration: fitting parameters within their ranges to targets — Nelder–Mead, the target distance, rejection ABC and ABC-SMC, designs apart from model runs. */
export { nelderMead, STEP, F_TOLERANCE, X_TOLERANCE } from './nelder-mead';
export type { NelderMeadOptions, NelderMeadResult, Evaluation } from './nelder-mead';
export { distance } from './distance';
export type { CalibrationTarget } from './distance';
export { abcRejectionDesign, abcAccept, abcRejection } from './abc';
export type { AbcDesign, AbcPopulation, AbcAcceptOptions, Simulate } from './abc';
export { abcSmcDesign, abcSmcAccept, abcSmc, abcSmcSteps, ACCEPT_FRACTION, QUANTILE } from './abc-smc';
export type { AbcSmcOptions } from './abc-smc';
export { posteriorSummary, COVERAGE } from './posterior';
export type { PosteriorSummary } from './posterior';
export type { ParameterRange } from '../experiment/ranges';
