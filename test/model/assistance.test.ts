/**
 * Assistance as it is operated: a caseload set at each payment and held between payments, tranches
 * that pay the months of benefit they cover, no cliff when a budget year opens, and a budget that
 * holds the caseload it pays for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { simulate } from '../../src/run/simulate';
import { monthOf } from '../../src/calendar/months';
import { createRegistry } from '../../src/model/registry';
import { PROGRAMMES } from '../../src/model/programmes/index';
import { SERVICES } from '../../src/model/services/index';
import { standardIndicators } from '../../src/observe/indicators';
import type { Result } from '../../src/run/results';
import { QUARTERLY_BENEFIT, QUARTERLY_BUDGET, QUARTERLY_QUOTA, quarterlyAid } from './fixtures/quarterly-aid';

const value = (r: Result, indicator: string, month: string) => r.rows.find((x) => x.indicator === indicator && x.month === month && x.group === 'national')?.value ?? 0;
const PAYMENT_MONTHS = ['01', '04', '07', '10'];

describe('a programme paid in quarterly tranches', () => {
  let run: Result;
  let months: string[];
  beforeAll(() => {
    const registry = createRegistry([...PROGRAMMES, quarterlyAid], SERVICES);
    // No family leaves assistance by graduasi sejahtera mandiri, so a tranche's families are the month's caseload.
    const noMandiri = { 'behaviour.graduation.judged': { '2018-01-01': 0 }, 'behaviour.graduation.declared': { '2018-01-01': 0 } };
    run = simulate({ id: 'baseline', patch: noMandiri }, { seed: 'tranches', households: 20_000, end: '2023-12', parameters: loadParameters(), observe: standardIndicators, registry });
    months = [...new Set(run.rows.map((r) => r.month))];
  });

  it('has its caseload from the first month, though it pays nothing in March', () => {
    expect(months[0]).toBe('2022-03');
    expect(value(run, 'quarterly_aid_households', '2022-03')).toBeGreaterThan(0.97 * QUARTERLY_QUOTA);
    expect(value(run, 'quarterly_aid_spend', '2022-03')).toBe(0);
  });

  it('takes in and cuts families only in the months it pays; between payments they leave only when no longer eligible', () => {
    for (const month of months.slice(1)) {
      if (PAYMENT_MONTHS.includes(month.slice(5))) continue;
      expect(value(run, 'flow.quarterly_aid.enrolled', month)).toBe(0);
      expect(value(run, 'flow.quarterly_aid.cut', month)).toBe(0);
    }
  });

  it('pays three months of benefit in each tranche and nothing between', () => {
    for (const month of months) {
      const spend = value(run, 'quarterly_aid_spend', month);
      if (PAYMENT_MONTHS.includes(month.slice(5))) expect(spend).toBeCloseTo(value(run, 'quarterly_aid_households', month) * QUARTERLY_BENEFIT * 3, -4);
      else expect(spend).toBe(0);
    }
  });

  it('counts the families each tranche pays: every enrolled family of an unconditional programme, none between tranches', () => {
    for (const month of months.slice(1)) {
      const paid = value(run, 'quarterly_aid_paid_households', month);
      if (PAYMENT_MONTHS.includes(month.slice(5))) expect(paid).toBeCloseTo(value(run, 'quarterly_aid_households', month), -1);
      else expect(paid).toBe(0);
    }
  });

  it('counts as paid by a PKH tranche only the families that met its conditions', () => {
    const compliance = loadParameters().at(monthOf('2023-01')).behaviour.pkh.compliance;
    for (const month of ['2022-04', '2023-01', '2023-07']) {
      const share = value(run, 'pkh_paid_households', month) / value(run, 'pkh_households', month);
      expect(share).toBeGreaterThan(compliance - 0.03);
      expect(share).toBeLessThan(compliance + 0.03);
    }
    expect(value(run, 'pkh_paid_households', '2023-02')).toBe(0);
  });

  it('holds its caseload when a budget year opens: no January cliff, and a year within budget', () => {
    expect(value(run, 'flow.quarterly_aid.cut', '2023-01')).toBe(0);
    expect(value(run, 'quarterly_aid_households', '2023-01')).toBeGreaterThan(0.97 * QUARTERLY_QUOTA);
    const spent2023 = months.filter((m) => m.startsWith('2023')).reduce((sum, m) => sum + value(run, 'quarterly_aid_spend', m), 0);
    expect(spent2023).toBeLessThanOrEqual(QUARTERLY_BUDGET * 1.0001);
    expect(spent2023).toBeGreaterThan(0.97 * QUARTERLY_BUDGET);
  });
});
