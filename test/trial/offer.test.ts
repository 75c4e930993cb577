/**
 * The trial hook (SimulateOptions.offer, src/model/processes/offer.ts): an offer gives its programme
 * to the households named, in its month, outside the programme's places, and changes no draw — a run
 * with an empty offer is the run without one, byte for byte, and households the offer does not reach
 * live exactly as they would without it.
 */
import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { populationFor, simulate } from '../../src/run/simulate';
import type { SimulateOptions } from '../../src/run/simulate';
import { PROCESSES } from '../../src/model/month';
import { offerStage } from '../../src/model/processes/offer';
import type { GraduationPackage, Offer } from '../../src/model/processes/offer';
import { pathway } from '../../src/model/processes/pathway';
import { ASSISTANCE, GRADUATED, NONE, TRANSITION } from '../../src/model/phases';
import { PENA_RECEIVED, TRAINED } from '../model/bits';
import { standardIndicators } from '../../src/observe/indicators';
import type { Reporter } from '../../src/model/observation';
import { toCsv } from '../../src/run/results';
import { formatMonth, monthOf } from '../../src/calendar/months';
import { W, tinyWorld } from '../model/world-fixture';

const params = loadParameters();
const population = populationFor(params, 11, 0, { households: 20_000 });
const baseline = { id: 'baseline', patch: {} };
const PACKAGE: GraduationPackage = { capital: 4_000_000, asset: 'equipment', stipend: 150_000, stipendMonths: 9, mentoringMonths: 24, training: true };
/** Every 40th agent: 500 households. */
const TREATED = Int32Array.from({ length: 500 }, (_, k) => 40 * k);

describe('a run with an empty offer is the run without the hook', () => {
  it.each(['pena', 'graduation-package'] as const)('%s offered to nobody: the same rows, byte for byte', (programme) => {
    const options: SimulateOptions = { seed: 11, population, parameters: params, end: '2023-06', observe: standardIndicators };
    const plain = simulate(baseline, options);
    const empty = simulate(baseline, { ...options, offer: { programme, month: '2022-09', households: new Int32Array(0), ...(programme === 'pena' ? {} : { package: PACKAGE }) } });
    expect(toCsv(empty.rows)).toBe(toCsv(plain.rows));
    expect(empty.manifest.results).toEqual(plain.manifest.results);
    expect(empty.manifest.offer).toMatchObject({ programme, month: '2022-09', households: 0 });
    expect(plain.manifest).not.toHaveProperty('offer');
  });
});

/** Per month, every household's transitory income, consumption, income and capital, as one array each. */
function householdsByMonth(into: Map<string, Float64Array[]>): Reporter {
  return (world, ctx) => {
    const h = world.households;
    into.set(formatMonth(ctx.month), [Float64Array.from(h.transitory), Float64Array.from(h.consumption), Float64Array.from(h.income), Float64Array.from(h.capital)]);
    return [];
  };
}

describe('the offer moves no draw', () => {
  // Income, businesses and consumption only: nothing that ranks or rations households, so the offer
  // can reach the others only through the draws — and it must not.
  const isolated = PROCESSES.filter(([name]) => name === 'income' || name === 'business' || name === 'consumption');
  const run = (offer?: Offer) => {
    const months = new Map<string, Float64Array[]>();
    simulate(baseline, { seed: 11, population, parameters: params, end: '2023-12', observe: householdsByMonth(months), processes: isolated, ...(offer ? { offer } : {}) });
    return months;
  };
  const without = run();
  const withOffer = run({ programme: 'graduation-package', month: '2022-09', households: TREATED, package: PACKAGE });
  const treated = new Set(TREATED);

  it('households not offered anything live exactly as without the offer, every month', () => {
    const differ: string[] = [];
    for (const [month, now] of withOffer) {
      const before = without.get(month)!;
      for (let i = 0; i < population.households.count; i++) {
        if (!treated.has(i) && now.some((values, v) => !Object.is(values[i], before[v][i]))) differ.push(`${month} household ${i}`);
      }
    }
    expect(withOffer.size).toBe(22);
    expect(differ).toEqual([]);
  });

  it("treated households draw the same income shocks (their transitory income is the same), while their capital and consumption change", () => {
    const [t, c, , k] = withOffer.get('2023-12')!;
    const [t0, c0, , k0] = without.get('2023-12')!;
    for (const i of TREATED) expect(t[i]).toBe(t0[i]);
    expect(TREATED.filter((i) => k[i] > k0[i]).length).toBeGreaterThan(400);
    expect(TREATED.filter((i) => c[i] !== c0[i]).length).toBe(500);
  });

  it('in the full model, the province shocks (drawn by province and month) are the same with and without the offer', () => {
    const shocks = (offer?: Offer) => {
      const rows: number[][] = [];
      simulate(baseline, { seed: 11, population, parameters: params, end: '2023-06', observe: (world) => (rows.push([...world.provinceShock]), []), ...(offer ? { offer } : {}) });
      return rows;
    };
    expect(shocks({ programme: 'pena', month: '2022-09', households: TREATED })).toEqual(shocks());
  });
});

describe('the offer gives its programme outside the places', () => {
  it('PENA reaches the treated when PENA has no places at all (policy.pena.recipients 0): capital, mentoring, spending and events', () => {
    const patch = { 'policy.pena.recipients': Object.fromEntries(params.get('policy.pena.recipients').values.map((v) => [v.date, 0])) };
    const seen: Record<string, number> = {};
    const observe: Reporter = (world, ctx) => {
      if (ctx.month !== monthOf('2023-01')) return [];
      const h = world.households;
      seen.received = TREATED.filter((i) => (h.services[i] & PENA_RECEIVED) !== 0 && h.penaMonth[i] === ctx.month && h.mentoringMonths[i] === 6).length;
      seen.capital = TREATED.filter((i) => h.capital[i] >= 6_000_000).length;
      seen.spent = world.services.pena.spentThisMonth;
      seen.intake = world.services.pena.admittedThisYear;
      return standardIndicators(world, ctx, []).filter((r) => r.group === 'national' && (r.indicator === 'flow.pena.received' || r.indicator === 'pena_spend'));
    };
    const result = simulate({ id: 'no-pena-places', patch }, { seed: 11, population, parameters: params, end: '2023-01', observe, offer: { programme: 'pena', month: '2023-01', households: TREATED } });
    const weight = TREATED.reduce((s, i) => s + population.households.weight[i], 0);
    expect(seen.received).toBe(500);
    expect(seen.capital).toBe(500);
    expect(seen.spent).toBeCloseTo(weight * 6_000_000, -3);
    expect(seen.intake).toBe(0); // the year's places are untouched
    expect(result.rows.find((r) => r.indicator === 'flow.pena.received')!.value).toBeCloseTo(weight, 1);
  });
});

describe('the offer stage, household by household (tiny world, offer in June 2023)', () => {
  const offer = (programme: Offer['programme'], households: number[], pkg?: GraduationPackage): Offer => ({ programme, month: '2023-06', households: Int32Array.from(households), ...(pkg ? { package: pkg } : {}) });

  it('PENA: Rp 6 m in kind, "PENA received", 6 months of mentoring, the month, its cost and event — whatever the phase', () => {
    const t = tinyWorld([{ phase: ASSISTANCE }, { phase: GRADUATED }, { phase: NONE }], { hold: { 'policy.pena.recipients': 0, 'behaviour.business.start_probability': 0 } });
    t.run(offerStage(offer('pena', [0, 1])));
    expect([...t.h.capital]).toEqual([6_000_000, 6_000_000, 0]);
    expect([...t.h.services].map((s) => (s & PENA_RECEIVED) !== 0)).toEqual([true, true, false]);
    expect([...t.h.mentoringMonths]).toEqual([6, 6, 0]);
    expect(t.h.penaMonth[0]).toBe(monthOf('2023-06'));
    expect(t.world.services.pena.spentThisMonth).toBe(2 * W * 6_000_000);
    expect(t.world.services.pena.admittedThisYear).toBe(0);
    expect(t.flow('pena.received')).toBe(2 * W);
  });

  it('the package: capital, training done at once, mentoring, and the stipend in each of its 9 months, then none', () => {
    const t = tinyWorld([{}, {}], { hold: { 'behaviour.business.start_probability': 0 } });
    const stage = offerStage(offer('graduation-package', [1], PACKAGE));
    const stipends: number[] = [];
    t.run(stage);
    stipends.push(t.h.cashTransfers[1]);
    for (let m = 0; m < 11; m++) {
      t.next();
      t.run(stage);
      stipends.push(t.h.cashTransfers[1]);
    }
    expect(stipends).toEqual([...Array(9).fill(150_000), 0, 0, 0]);
    expect([t.h.capital[0], t.h.capital[1]]).toEqual([0, 4_000_000]);
    expect(t.h.services[1] & TRAINED).toBe(TRAINED);
    expect(t.h.mentoringMonths[1]).toBe(24); // counted down by the business process, not run here
    expect(t.h.cashTransfers[0]).toBe(0);
  });

  it.each<[string, GraduationPackage['asset'], number, number]>([
    ['a livestock package lands as livestock, which breeds', 'livestock', 0, 4_000_000],
    ['an equipment package lands as equipment, which wears out', 'equipment', 4_000_000, 0],
  ])('%s', (_, asset, equipment, livestock) => {
    const t = tinyWorld([{}], { hold: { 'behaviour.business.start_probability': 1 } });
    t.run(offerStage(offer('graduation-package', [0], { ...PACKAGE, asset })));
    expect([t.h.capital[0], t.h.livestock[0]]).toEqual([equipment, livestock]);
    expect(t.h.business[0]).toBe(1); // either kind of asset is enough to start a business
  });

  it('nothing happens before the offer month', () => {
    const t = tinyWorld([{}], { month: '2023-05' });
    t.run(offerStage(offer('graduation-package', [0], PACKAGE)));
    expect([t.h.capital[0], t.h.cashTransfers[0], t.h.services[0]]).toEqual([0, 0, 0]);
  });

  it.each<[string, number, number]>([
    ['start probability 1: a business in the offer month', 1, 1],
    ['start probability 0: none', 0, 0],
  ])('take-up outside transisi, %s', (_, probability, business) => {
    const t = tinyWorld([{ phase: ASSISTANCE }, { phase: NONE }], { hold: { 'behaviour.business.start_probability': probability } });
    t.run(offerStage(offer('graduation-package', [0, 1], PACKAGE)));
    expect([...t.h.business]).toEqual([business, business]);
    expect(t.flow('business.started')).toBe(2 * business * W);
  });

  it('in transisi, the pathway draws the start, not the offer', () => {
    const t = tinyWorld([{ phase: TRANSITION, monthsInPhase: 1 }], { hold: { 'behaviour.business.start_probability': 1, 'policy.empowerment.in_effect': false } });
    t.run(offerStage(offer('graduation-package', [0], PACKAGE)));
    expect(t.h.business[0]).toBe(0);
    t.run(pathway);
    expect(t.h.business[0]).toBe(1);
  });
});

describe('a bad offer is refused, naming the field', () => {
  it('processes with no stage to place the offer before', () => {
    const only = PROCESSES.filter(([name]) => name === 'income');
    expect(() => simulate(baseline, { seed: 11, population, parameters: params, end: '2022-12', observe: () => [], processes: only, offer: { programme: 'pena', month: '2022-09', households: new Int32Array(0) } })).toThrow(
      'simulate: offer: expected the processes to have a "pathway" or "consumption" stage to place the offer before, got "income"',
    );
  });

  const good: Offer = { programme: 'graduation-package', month: '2022-09', households: Int32Array.from([1, 2]), package: PACKAGE };
  const options = { seed: 11, population, parameters: params, end: '2022-12', observe: () => [] };
  it.each<[string, unknown, RegExp]>([
    ['an unknown programme', { ...good, programme: 'prokus' }, /offer\.programme: expected "pena" or "graduation-package", got "prokus"/],
    ['a month that is no month', { ...good, month: '2022-13' }, /offer\.month: expected a month as YYYY-MM, got "2022-13"/],
    ['the start month', { ...good, month: '2022-03' }, /offer\.month: expected a month after the run's first month 2022-03 and at most its last 2022-12, got "2022-03"/],
    ['a month after the end', { ...good, month: '2023-01' }, /offer\.month: .* got "2023-01"/],
    ['households as a plain list', { ...good, households: [1, 2] }, /offer\.households: expected an Int32Array of agent indices, got \[object Array\]/],
    ['an index beyond the agents', { ...good, households: Int32Array.from([1, 20_000]) }, /offer\.households\[1\]: expected an agent index from 0 to 19999, got 20000/],
    ['a household twice', { ...good, households: Int32Array.from([5, 6, 5]) }, /offer\.households\[2\]: expected each household once, but offer\.households\[0\] is 5 too/],
    ['a package for PENA', { ...good, programme: 'pena' }, /offer\.package: expected none for "pena"/],
    ['no package for the graduation package', { ...good, package: undefined }, /offer\.package: expected \{ capital, asset, stipend, stipendMonths, mentoringMonths, training \} for "graduation-package"/],
    ['negative capital', { ...good, package: { ...PACKAGE, capital: -1 } }, /offer\.package\.capital: expected an amount in Rp, 0 or more, got -1/],
    ['300 months of mentoring', { ...good, package: { ...PACKAGE, mentoringMonths: 300 } }, /offer\.package\.mentoringMonths: expected a whole number of months from 0 to 255, got 300/],
    ['half a month of stipend', { ...good, package: { ...PACKAGE, stipendMonths: 0.5 } }, /offer\.package\.stipendMonths: expected a whole number of months/],
    ['training as a word', { ...good, package: { ...PACKAGE, training: 'yes' } }, /offer\.package\.training: expected true or false, got yes/],
    ['an unknown package field', { ...good, package: { ...PACKAGE, herd: 1 } }, /offer\.package\.herd: expected one of capital, asset, stipend, stipendMonths, mentoringMonths, training/],
    ['an asset that is neither equipment nor livestock', { ...good, package: { ...PACKAGE, asset: 'land' } }, /offer\.package\.asset: expected "equipment" or "livestock", got "land"/],
  ])('%s', (_, offer, message) => {
    expect(() => simulate(baseline, { ...options, offer: offer as Offer })).toThrow(message);
  });
});
