/** Randomised trials: reproducible assignment, the intention-to-treat table graduation trials publish, and virtual trials run on the model. */
export { ittEstimate, ittTable, ARMS, CONFIDENCE } from './estimate';
export type { Arm, TrialUnit, TrialRound, IttEstimate } from './estimate';
export { randomise } from './randomise';
export { runTrial, checkDesign, checkHorizons, MAX_HORIZON } from './virtual';
export type { TrialOptions, TrialResult, ArmSizes, SpilloverRow } from './virtual';
export { TRIAL_DESIGNS, PENA_2023, BRAC_LIKE, BRAC_LIKE_PACKAGE, PENA_FAMILIES, EXTREME_POOR_WORKING_AGE, trialDesign, costPerHousehold } from './designs';
export type { TrialDesign, Eligibility, GraduationPackageDesign } from './designs';
export { OUTCOMES, OUTCOME_INFO } from './outcomes';
export type { Outcome, OutcomeInfo, OutcomeKind, TrialEstimate } from './outcomes';
export { readPublished, comparePublished, MEASURES } from './published';
export type { PublishedEffect, PublishedComparison, Measure } from './published';
export { ittCsv, balanceCsv, publishedCsv, pathsCsv } from './output';
export { readPaths, checkPaths, PATH_RULES } from './paths';
export type { PathTarget, PathCheck, PathRule } from './paths';
