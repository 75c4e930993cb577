/**
 * A calibration as tables: the posterior beside the point fit, and the fit to each target — what
 * `graduasi calibrate` prints and the calibration notebook shows.
 */
import { formatTable } from './table';
import type { Table } from './table';
import type { Calibration } from '../calibration/model';
import type { TargetFitRow } from '../charts/calibration';

/** Significant digits for a table cell. */
const sig = (x: number, digits = 4) => (Number.isFinite(x) ? Number(x.toPrecision(digits)).toLocaleString('en', { maximumFractionDigits: 6 }) : 'n/a');

/** Each parameter: its range, posterior median with a 90 % interval, and the point fit. */
export function posteriorTable(c: Calibration): Table {
  return {
    columns: ['Parameter', 'Range', 'Posterior median [5–95 %]', 'Point fit'],
    rows: c.summary.map((s) => {
      const r = c.parameters.find((p) => p.name === s.parameter)!;
      return [s.parameter.replace('behaviour.', ''), `${sig(r.min)}–${sig(r.max)}`, `${sig(s.median)} [${sig(s.low)}–${sig(s.high)}]`, sig(c.pointFit.point[s.parameter])];
    }),
  };
}

/** Each target of the given roles: observed, point fit, posterior predictive median with a 90 % interval, and z = (point fit − observed) / sd. */
export function fitTable(c: Calibration, roles: readonly string[] = ['fit', 'holdout']): Table {
  return {
    columns: ['Target', 'Role', 'Observed', 'Point fit', 'Posterior median [5–95 %]', 'z'],
    rows: c.table
      .filter((r) => roles.includes(r.role))
      .map((r) => [r.target.id, r.role, sig(r.target.value), sig(r.pointFit), `${sig(r.posterior.median)} [${sig(r.posterior.p05)}–${sig(r.posterior.p95)}]`, r.zScore.toFixed(2)]),
  };
}

/** Both tables as text, with their titles. */
export function calibrationText(c: Calibration): string {
  return (
    `Posterior (${c.posterior.points.length} particles, effective size ${c.posterior.effectiveSize.toFixed(1)}) and point fit\n${formatTable(posteriorTable(c))}\n\n` +
    `Fit to the targets (model units: shares, persons, households, Rp per person per month)\n${formatTable(fitTable(c))}`
  );
}

/** The targets of the given roles as rows of the target-fit chart (src/charts/calibration.ts). */
export function targetFitRows(c: Calibration, roles: readonly string[] = ['fit', 'holdout']): TargetFitRow[] {
  return c.table
    .filter((r) => roles.includes(r.role))
    .map((r) => ({ id: r.target.id, role: r.role, indicator: r.target.indicator, observed: r.target.value, pointFit: r.pointFit, p05: r.posterior.p05, median: r.posterior.median, p95: r.posterior.p95 }));
}
