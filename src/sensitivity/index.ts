/** Global sensitivity analysis: Sobol indices (Saltelli's scheme) and Morris screening, designs apart from model runs; studies of the model over its behaviour parameters (./study). */
export { saltelliDesign, sobolIndices, sobolAnalysis, BOOTSTRAP, CONFIDENCE } from './sobol';
export type { SaltelliDesign, SobolIndex, SobolOptions } from './sobol';
export { morrisDesign, morrisEffects, morrisScreening, LEVELS } from './morris';
export type { MorrisDesign, MorrisMove, MorrisEffect } from './morris';
export type { ModelOutput, ParameterRange } from '../experiment/ranges';
export { morrisStudy, sobolStudy, screenThenSobol, oneAtATime, topParameters, STUDY_DEFAULTS } from './study';
export type {
  StudyMeasure,
  StudyOptions,
  MorrisStudyOptions,
  SobolStudyOptions,
  ScreeningOptions,
  StageProgress,
  StudyParameter,
  StudyRun,
  RankedEffect,
  RankedIndex,
  MorrisStudy,
  SobolStudy,
  OneAtATimeStudy,
} from './study';
