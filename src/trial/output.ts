/**
 * A virtual trial's results as the tidy CSV files of its run folder (`graduasi trial`): itt.csv,
 * balance.csv, published.csv and paths.csv. Numbers in JavaScript's shortest round-trip form; the tables
 * people read are src/report/trial.ts.
 */
import { csvField } from '../run/results';
import type { TrialEstimate } from './outcomes';
import type { PublishedComparison } from './published';
import type { PathCheck } from './paths';

/** A number for a CSV cell: JavaScript's shortest round-trip form; empty for NaN or ±Infinity. */
function cell(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/** itt.csv: one row per outcome and horizon; relative_effect in percent of the control mean. */
export function ittCsv(rows: readonly TrialEstimate[]): string {
  const header = 'outcome,horizon_months,n_treatment,n_control,control_mean,treatment_mean,effect,se,ci_low,ci_high,p_value,relative_effect,control_sd,standardised_effect';
  const lines = rows.map((r) => [r.outcome, r.horizon, r.nTreatment, r.nControl, cell(r.controlMean), cell(r.treatmentMean), cell(r.effect), cell(r.se), cell(r.low), cell(r.high), cell(r.p), cell(r.relativeEffect), cell(r.controlSd), cell(r.standardised)].join(','));
  return `${header}\n${lines.join('\n')}\n`;
}

/** balance.csv: treatment − control of each outcome at baseline. */
export function balanceCsv(rows: readonly TrialEstimate[]): string {
  const header = 'outcome,n_treatment,n_control,treatment_mean,control_mean,difference,se,p_value,standardised_difference';
  const lines = rows.map((r) => [r.outcome, r.nTreatment, r.nControl, cell(r.treatmentMean), cell(r.controlMean), cell(r.effect), cell(r.se), cell(r.p), cell(r.standardised)].join(','));
  return `${header}\n${lines.join('\n')}\n`;
}

/** published.csv: each published effect beside the model's estimate of the same measure. */
export function publishedCsv(rows: readonly PublishedComparison[]): string {
  const header = 'outcome,published_outcome,model_outcome,horizon_months,measure,qualifier,published_value,published_other_version,model_value,model_ci_low,model_ci_high,study,source,url,confidence,notes';
  const lines = rows.map((c) =>
    [
      csvField(c.outcome),
      csvField(c.publishedOutcome),
      c.modelOutcome ?? '',
      c.horizon,
      c.measure,
      csvField(c.qualifier),
      cell(c.value),
      c.valueOtherVersion === null ? '' : cell(c.valueOtherVersion),
      cell(c.model),
      cell(c.modelLow),
      cell(c.modelHigh),
      csvField(c.study),
      csvField(c.source),
      csvField(c.url),
      csvField(c.confidence),
      csvField(c.notes),
    ].join(','),
  );
  return `${header}\n${lines.join('\n')}\n`;
}

/** paths.csv: each path target beside the model's value (relative effect in percent; Rp for at_least_transfer) and whether it is met. */
export function pathsCsv(rows: readonly PathCheck[]): string {
  const header = 'target,outcome,horizon_months,rule,low,high,reference_horizon_months,threshold,model_value,met,source,url,confidence,notes';
  const lines = rows.map((c) =>
    [csvField(c.target), c.outcome, c.horizon, c.rule, cell(c.low), cell(c.high), cell(c.referenceHorizon), cell(c.threshold), cell(c.model), c.met, csvField(c.source), csvField(c.url), csvField(c.confidence), csvField(c.notes)].join(','),
  );
  return `${header}\n${lines.join('\n')}\n`;
}
