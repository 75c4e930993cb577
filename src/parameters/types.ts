/**
 * What the parameter loader returns: a validated, read-only tree of dated values.
 */
import type { Month } from '../calendar/months';
import type { ParameterPath, ParameterValues, Unit } from './spec';

/** A value and the month from which it applies. */
export interface DatedValue {
  /** As written in the file, e.g. "2022-09-01". */
  readonly date: string;
  readonly month: Month;
  readonly value: number | boolean;
}

export interface Reference {
  readonly title: string;
  readonly href: string;
}

/** One parameter file, validated. */
export interface ParameterRecord {
  readonly path: ParameterPath;
  /** Relative to the repository root, e.g. "data/parameters/policy/pkh/quota.yaml". */
  readonly file: string;
  readonly kind: 'policy' | 'behaviour';
  readonly description: string;
  readonly unit: Unit;
  readonly label: string;
  /** In strictly increasing month order. */
  readonly values: readonly DatedValue[];
  readonly references: readonly Reference[];
  /** A policy parameter whose value no source gives (metadata.assumption: true); it has a range and a reasoning. Absent on rules and behaviour parameters. */
  readonly assumption?: boolean;
  /** Plausible range (behaviour parameters and policy assumptions): used by sensitivity analysis and calibration. */
  readonly range?: { readonly min: number; readonly max: number };
  /** Why the value and range are what they are, where no source gives them directly. */
  readonly reasoning?: string;
}

/** A patch: parameter paths → dated values ("YYYY-MM-DD" → value) merged over the loaded ones. */
export type ParameterPatch = { readonly [P in ParameterPath]?: Readonly<Record<string, number | boolean>> };

/** The whole validated parameter tree. */
export interface Parameters {
  /** Every value in force in `month` (the latest dated value at or before it). Throws if a parameter has no value yet. */
  at(month: Month): ParameterValues;
  get(path: ParameterPath): ParameterRecord;
  /** Every parameter, sorted by path. */
  readonly records: readonly ParameterRecord[];
  /** SHA-256 (hex) of the canonical content of every record: identical trees give identical hashes on any machine. */
  readonly hash: string;
  /** The folder the tree was read from, as messages show it (relative to the repository when inside it), e.g. "data/parameters"; a patched tree keeps it. Not part of the hash. */
  readonly folder: string;
  /** A new tree with the patch's dated values merged in (a value at an existing date replaces it), validated like a file; `source` names the patch in errors. */
  patched(patch: ParameterPatch, source: string): Parameters;
}
