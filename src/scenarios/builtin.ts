/**
 * Built-in scenarios. A scenario is a named, sourced patch of the parameter tree; the baseline is
 * the tree as it stands in data/parameters.
 */
import type { ParameterPatch, Reference } from '../parameters/types';

export interface Scenario {
  readonly id: string;
  readonly label: string;
  readonly rationale: string;
  readonly references: readonly Reference[];
  readonly patch: ParameterPatch;
}

export const baseline: Scenario = {
  id: 'baseline',
  label: 'Baseline: policy as legislated',
  rationale: 'Every parameter as in data/parameters: PKH, BPNT / Sembako and BLT BBM at their official quotas, budgets and benefits.',
  references: [],
  patch: {},
};
