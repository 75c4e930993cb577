/**
 * A scenario: a named, sourced patch of the parameter tree, optionally extending another scenario.
 */
import type { Words } from '../lang/index';
import type { ParameterPatch, Reference } from '../parameters/types';

export interface Scenario {
  /** Lower-case words joined by hyphens, e.g. "budget-cut-20". */
  readonly id: string;
  /** Short name in English and in Bahasa Indonesia. */
  readonly label: Words;
  /** Why the scenario is what it is, and what question it answers, in English and Bahasa Indonesia. */
  readonly rationale: Words;
  readonly references: readonly Reference[];
  /** The scenario this one starts from (a built-in id, or a scenario file relative to this one's file). */
  readonly extends?: string;
  /** Dated values merged over the parent's (or over data/parameters when there is no parent). */
  readonly patch: ParameterPatch;
  /** The file the scenario was read from; absent for built-ins. */
  readonly file?: string;
  /** SHA-256 of that file's bytes, as read. */
  readonly sha256?: string;
}

/** A scenario with its ancestry merged: what a run uses. */
export interface ResolvedScenario extends Scenario {
  /** The values it is resolved on: the committed calibration ('calibrated', the root of its lineage) or the data tree's own ('data'). */
  readonly parameterSet: 'calibrated' | 'data';
  /** Ids from the root ancestor down to this scenario. */
  readonly lineage: readonly string[];
  /** The patch over data/parameters: every ancestor's patch merged, the nearer one winning at equal dates. */
  readonly effectivePatch: ParameterPatch;
  /** What the scenarios of the lineage change themselves: every patch but the calibration's at the root. */
  readonly ownPatch: ParameterPatch;
}

/** Scenario ids: lower-case letters, digits and hyphens, starting with a letter. */
export const SCENARIO_ID = /^[a-z][a-z0-9-]*$/;
