/**
 * The registry: a programme declared in one file (a fixture outside src/) is enrolled, paid,
 * counted, reported and labelled like the model's own; a declaration that does not fit is refused
 * with its name.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { simulate } from '../../src/run/simulate';
import { createRegistry } from '../../src/model/registry';
import { PROGRAMMES } from '../../src/model/programmes/index';
import { SERVICES } from '../../src/model/services/index';
import { standardIndicators } from '../../src/observe/indicators';
import { headlines } from '../../src/report/headline';
import { indicatorLabel } from '../../src/charts/units';
import { reasonLabel } from '../../src/charts/labels';
import type { Result } from '../../src/run/results';
import { fixtureAid } from './fixtures/fixture-aid';

const registry = createRegistry([...PROGRAMMES, fixtureAid], SERVICES);
/** No family leaves assistance by graduasi sejahtera mandiri, so a month's payments are the month's caseload. */
const NO_MANDIRI = { 'behaviour.graduation.judged': { '2018-01-01': 0 }, 'behaviour.graduation.declared': { '2018-01-01': 0 } };
const run = (withFixture: boolean): Result =>
  simulate({ id: 'baseline', patch: NO_MANDIRI }, { seed: 'registry', households: 20_000, end: '2022-12', parameters: loadParameters(), observe: standardIndicators, ...(withFixture ? { registry } : {}) });

const value = (r: Result, indicator: string, month: string, group = 'national') => r.rows.find((x) => x.indicator === indicator && x.month === month && x.group === group)?.value;

describe('a programme declared in one file', () => {
  let withAid: Result;
  let without: Result;
  beforeAll(() => {
    withAid = run(true);
    without = run(false);
  });

  it('is paid: Rp 150,000 a month to each family, within its quota of 2 million families', () => {
    for (const month of ['2022-04', '2022-08', '2022-12']) {
      const families = value(withAid, 'fixture_aid_households', month)!;
      expect(families).toBeGreaterThan(1_000_000);
      expect(families).toBeLessThanOrEqual(2_000_000);
      expect(value(withAid, 'fixture_aid_spend', month)).toBeCloseTo(families * 150_000, -3);
    }
  });

  it('is counted: its families change by its entries minus its exits, every month', () => {
    const months = [...new Set(withAid.rows.map((r) => r.month))];
    expect(value(withAid, 'flow.fixture_aid.enrolled', months[0])).toBeGreaterThan(0);
    for (let k = 1; k < months.length; k++) {
      const flow = (reason: string) => value(withAid, `flow.fixture_aid.${reason}`, months[k])!;
      const change = value(withAid, 'fixture_aid_households', months[k])! - value(withAid, 'fixture_aid_households', months[k - 1])!;
      expect(change).toBeCloseTo(flow('enrolled') - flow('left_registry') - flow('cut'), -2);
    }
  });

  it('is reported: coverage, targeting errors and spending by province, and in the headline assistance spending', () => {
    const indicators = new Set(withAid.rows.map((r) => r.indicator));
    for (const x of ['fixture_aid_coverage', 'fixture_aid_inclusion_error', 'fixture_aid_exclusion_error']) expect(indicators).toContain(x);
    expect(withAid.rows.some((r) => r.indicator === 'fixture_aid_spend' && r.group.startsWith('province:') && r.value > 0)).toBe(true);
    expect(withAid.manifest.registry?.programmes).toEqual(['pkh', 'bpnt', 'blt_bbm', 'blt_dana_desa', 'rice_aid', 'blt_el_nino', 'blt_mrp', 'blt_kesra', 'fixture_aid']);
    const [mine] = headlines(withAid.rows, undefined, registry);
    const [theirs] = headlines(without.rows);
    expect(mine.assistanceSpend.mean - theirs.assistanceSpend.mean).toBeGreaterThan(0);
  });

  it('is labelled in both languages', () => {
    expect(indicatorLabel('fixture_aid_households', 'id', registry)).toBe('Keluarga penerima bantuan uji');
    expect(indicatorLabel('fixture_aid_coverage', 'en', registry)).toBe('Fixture aid coverage');
    expect(indicatorLabel('flow.fixture_aid.enrolled', 'id', registry)).toBe('Bantuan uji: menjadi penerima');
    expect(reasonLabel('fixture_aid.cut', 'en', registry)).toBe('Fixture aid: quota or budget cut');
  });

  it('without it, the model runs as before: no row of it', () => {
    expect(without.rows.some((r) => r.indicator.includes('fixture_aid'))).toBe(false);
  });
});

describe('a declaration that does not fit is refused, naming it', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['an id taken twice', () => createRegistry([...PROGRAMMES, PROGRAMMES[0]], SERVICES), /createRegistry: programme pkh: expected an id of its own/],
    ['eligibility naming an unknown programme', () => createRegistry([...PROGRAMMES, { ...fixtureAid, eligibility: { any: ['pkh', 'rastra'] } }], SERVICES), /createRegistry: programme fixture_aid: eligibility.any: expected 'registry', 'graduated' or a programme's id, got "rastra"/],
    ['leaving for a reason it does not declare', () => createRegistry([...PROGRAMMES, { ...fixtureAid, leaves: { ...fixtureAid.leaves, cut: 'pkh.quota_or_budget_cut' } }], SERVICES), /programme fixture_aid: leaves.cut: expected one of its reasons .*, got "pkh.quota_or_budget_cut"/],
    ['a reason under another prefix', () => createRegistry([...PROGRAMMES, { ...fixtureAid, reasons: { ...fixtureAid.reasons, enrolled: { code: 'aid.enrolled', label: { en: 'x', id: 'x' } } } }], SERVICES), /programme fixture_aid: reasons: expected codes starting "fixture_aid.", got "aid.enrolled"/],
    ['more service flags than households.services holds', () => createRegistry(PROGRAMMES, [...SERVICES, { ...SERVICES[0], id: 'many', flags: Array.from({ length: 25 }, (_, k) => `f${k}`), reasons: [] }]), /service many: flags.f\d+: expected at most 32 flags over all services/],
  ])('%s', (_, make, message) => {
    expect(make).toThrow(message);
  });
});
