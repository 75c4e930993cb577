/** Randomised trials: reproducible assignment and the intention-to-treat table graduation trials publish. */
export { ittEstimate, ittTable, ARMS, CONFIDENCE } from './estimate';
export type { Arm, TrialUnit, TrialRound, IttEstimate } from './estimate';
export { randomise } from './randomise';
