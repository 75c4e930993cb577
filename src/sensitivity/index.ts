/** Global sensitivity analysis: Sobol indices (Saltelli's scheme) and Morris screening, designs apart from model runs. */
export { saltelliDesign, sobolIndices, sobolAnalysis, BOOTSTRAP, CONFIDENCE } from './sobol';
export type { SaltelliDesign, SobolIndex, SobolOptions, ModelOutput } from './sobol';
export { morrisDesign, morrisEffects, morrisScreening, LEVELS } from './morris';
export type { MorrisDesign, MorrisMove, MorrisEffect } from './morris';
export type { ParameterRange } from './ranges';
