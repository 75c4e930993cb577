/**
 * Which parameters a study may vary: by default the behaviour parameters (as before policy
 * assumptions had ranges, so committed studies and the calibration stay as they were); when named,
 * a policy assumption too (a policy file marked `assumption: true`, with its range). No model runs.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETERS } from '../../src/calibration/model';
import { pointPatch, selectableParameters, studyParameters, studyRanges } from '../../src/experiment/points';
import { loadParameters } from '../../src/parameters/load';
import type { ParameterPath } from '../../src/parameters/spec';

const params = loadParameters();
const kind = (name: string) => params.get(name as ParameterPath).kind;

describe('study parameters', () => {
  it('by default are the behaviour parameters with a range and one value, shocks left out', () => {
    const names = studyParameters(params).map((r) => r.name);
    const behaviour = params.records.filter((r) => r.kind === 'behaviour' && r.range && r.values.length === 1 && !r.path.startsWith('behaviour.shocks.'));
    expect(names).toEqual(behaviour.map((r) => r.path));
    expect(names).toHaveLength(41 + 12 + 3 + 2 + 4); // 12 of demography; PKH components recorded, growth at the bottom, the inflation outlook; sejahtera mandiri judged and declared; three ATENSI cluster prevalences and the disaster share
    expect(studyRanges(params)).toEqual(studyParameters(params));
  });

  it('that may be named add every policy assumption with one value for the whole run', () => {
    const policy = selectableParameters(params).filter((r) => kind(r.name) === 'policy').map((r) => r.name);
    const assumptions = params.records.filter((r) => r.assumption && r.values.length === 1).map((r) => r.path);
    expect(policy).toEqual(assumptions);
    expect(policy).toContain('policy.facilitators.caseload');
    expect(policy).toHaveLength(21); // the 23 assumptions but two series: the RST business-space share (0, then 0.2 from 2022) and BLT Dana Desa's quota by year
  });

  it.each([
    ['policy.facilitators.caseload', 10, 60],
    ['policy.graduation.income_multiple', 1, 1.5],
    ['policy.empowerment.recovery_months', 1, 6],
  ])('%s, named, varies over %d to %d', (name, min, max) => {
    expect(studyRanges(params, [name, 'behaviour.pkh.compliance'])).toEqual([{ name, min, max }, { name: 'behaviour.pkh.compliance', min: 0.8, max: 0.98 }]);
  });

  it.each([
    ['a policy rule', 'policy.pkh.quota', 'parameters: policy.pkh.quota: expected a behaviour parameter or a policy assumption (metadata.assumption: true); policy rules are changed by scenarios, got a policy parameter (data/parameters/policy/pkh/quota.yaml)'],
    ['a policy assumption given as a series', 'policy.rst.business_space_share', 'parameters: policy.rst.business_space_share: expected a single value for the whole run, got 2 dated values in data/parameters/policy/rst/business_space_share.yaml'],
    ['a shock', 'behaviour.shocks.covid_loss', 'parameters: behaviour.shocks.covid_loss: expected a behaviour parameter that acts every month (shocks are placed in time by scenarios), got a shock'],
    ['a path without its folder, guessing it', 'facilitators.caseload', 'parameters: facilitators.caseload: expected a behaviour parameter path such as behaviour.atensi.children_in_need or a policy assumption such as policy.atensi.months, got no such parameter (did you mean policy.facilitators.caseload?)'],
  ])('refuses %s', (_, name, message) => {
    expect(() => studyRanges(params, [name])).toThrow(message);
  });

  it('the calibration fits behaviour parameters by default', () => {
    expect(DEFAULT_PARAMETERS.every((n) => kind(n) === 'behaviour')).toBe(true);
  });
});

describe('pointPatch', () => {
  it.each([
    [26.67, 27],
    [26.5, 27],
    [10, 10],
  ])('runs a caseload (a whole number of households) of %d at %d', (value, runs) => {
    const patch = pointPatch(params, ['policy.facilitators.caseload'], [value]);
    expect(patch).toEqual({ 'policy.facilitators.caseload': { '2018-01-01': runs } });
    expect(() => params.patched(patch, 'point')).not.toThrow();
  });

  it.each([
    ['policy.skills.places', 49_999.6, 50_000],
    ['policy.community.lks_households', 12_345.4, 12_345],
  ])('runs %s, a whole number of households, at the nearest whole number', (name, value, runs) => {
    const patch = pointPatch(params, [name], [value]);
    expect(patch).toEqual({ [name]: { '2018-01-01': runs } });
    expect(() => params.patched(patch, 'point')).not.toThrow();
  });

  it('keeps other values as drawn', () => {
    expect(pointPatch(params, ['policy.empowerment.recovery_months', 'behaviour.pkh.compliance'], [2.5, 0.8123])).toEqual({
      'policy.empowerment.recovery_months': { '2018-01-01': 2.5 },
      'behaviour.pkh.compliance': { '2018-01-01': 0.8123 },
    });
  });
});
