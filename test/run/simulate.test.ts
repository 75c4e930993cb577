import { beforeAll, describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Reporter } from '../../src/model/observation';
import { loadParameters } from '../../src/parameters/load';
import type { Parameters } from '../../src/parameters/types';
import { populationFor, simulate } from '../../src/run/simulate';
import type { Population } from '../../src/population/index';
import { reporterOf, standardIndicators } from '../../src/observe/indicators';
/** The parameters as in data/parameters, unpatched. */
const baseline = { id: 'baseline', patch: {} };
import type { Result, ResultRow } from '../../src/run/results';
import { toCsv } from '../../src/run/results';
import { BUILTIN_REGISTRY } from '../../src/model/builtin';
import { monthOf, monthOfYear, yearOf } from '../../src/calendar/months';

const REASONS = BUILTIN_REGISTRY.reasons;

const AGENTS = 20_000;
const END = '2023-12';

let params: Parameters;
let population: Population;
let run: Result;

/** National value of an indicator, by month. */
function series(rows: readonly ResultRow[], indicator: string, group = 'national'): Map<string, number> {
  return new Map(rows.filter((r) => r.indicator === indicator && r.group === group).map((r) => [r.month, r.value]));
}

beforeAll(() => {
  params = loadParameters();
  population = populationFor(params, 7, 0, { households: AGENTS });
  run = simulate(baseline, { seed: 7, population, parameters: params, end: END, observe: standardIndicators });
});

describe('invariants of a baseline run', () => {
  it('households and their weights are conserved every month', () => {
    const households = [...series(run.rows, 'households').values()];
    expect(new Set(households).size).toBe(1);
    expect(households[0]).toBeCloseTo(population.totals.households, -2);
  });

  it('persons change only by a month of births and deaths (demography): under 0.5 % a month, under 2 % a year from the start', () => {
    const persons = [...series(run.rows, 'persons').values()];
    expect(new Set(persons).size).toBeGreaterThan(1);
    for (let m = 1; m < persons.length; m++) expect(Math.abs(persons[m] / persons[m - 1] - 1)).toBeLessThan(0.005);
    expect(Math.abs(persons.at(-1)! / persons[0] - 1)).toBeLessThan((0.02 * persons.length) / 12);
  });

  it('provinces add up to the nation (households, families in each programme, spending)', () => {
    for (const indicator of ['households', 'pkh_households', 'bpnt_households', 'pkh_spend', 'bpnt_spend', 'blt_bbm_spend']) {
      const byMonth = new Map<string, number>();
      for (const r of run.rows) if (r.indicator === indicator && r.group.startsWith('province:')) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.value);
      for (const [month, national] of series(run.rows, indicator)) expect(byMonth.get(month)!).toBeCloseTo(national, -3);
    }
  });

  it('shares of households across provinces sum to 1', () => {
    const total = series(run.rows, 'households').get('2023-06')!;
    const share = run.rows.filter((r) => r.indicator === 'households' && r.month === '2023-06' && r.group.startsWith('province:')).reduce((s, r) => s + r.value / total, 0);
    expect(share).toBeCloseTo(1, 12);
  });

  it('rates are shares in [0, 1] and P0 ≥ P1 ≥ P2', () => {
    for (const line of ['extreme', 'national']) {
      for (const month of series(run.rows, `p0_${line}`).keys()) {
        const [p0, p1, p2] = [0, 1, 2].map((k) => series(run.rows, `p${k}_${line}`).get(month)!);
        expect(p0).toBeGreaterThanOrEqual(p1);
        expect(p1).toBeGreaterThanOrEqual(p2);
        expect(p2).toBeGreaterThanOrEqual(0);
        expect(p0).toBeLessThanOrEqual(1);
      }
    }
    const outside = run.rows.filter((r) => /^[a-z_]+_(coverage|inclusion_error|exclusion_error)$/.test(r.indicator) && !(r.value >= 0 && r.value <= 1));
    expect(outside).toEqual([]);
  });

  it('no programme enrols more families than its quota', () => {
    for (const [programme, quota] of [['pkh', 'policy.pkh.quota'], ['bpnt', 'policy.bpnt.quota'], ['blt_bbm', 'policy.blt_bbm.quota']] as const) {
      for (const [month, families] of series(run.rows, `${programme}_households`)) {
        const q = params.get(quota).values.filter((v) => v.month <= monthOf(month)).pop()?.value as number;
        expect(families).toBeLessThanOrEqual(q);
      }
    }
  });

  it('money paid stays within each year’s budget (the start year’s budget counts from the start month)', () => {
    for (const programme of ['pkh', 'bpnt', 'blt_bbm'] as const) {
      const byYear = new Map<number, number>();
      for (const [month, spend] of series(run.rows, `${programme}_spend`)) byYear.set(yearOf(monthOf(month)), (byYear.get(yearOf(monthOf(month))) ?? 0) + spend);
      for (const [year, spent] of byYear) {
        const budget = params.at(year * 12 + 11).policy[programme].budget;
        expect(spent).toBeLessThanOrEqual(budget * (1 + 1e-9));
      }
    }
    // PKH from March 2022: 10 of 12 months of the budget.
    const pkh2022 = [...series(run.rows, 'pkh_spend')].filter(([m]) => m.startsWith('2022')).reduce((s, [, v]) => s + v, 0);
    expect(pkh2022).toBeLessThanOrEqual((params.at(monthOf('2022-12')).policy.pkh.budget * 10) / 12 + 1);
  });

  it('no change of programme status without a reason: families(m) − families(m−1) = entries − exits', () => {
    for (const programme of ['pkh', 'bpnt', 'blt_bbm']) {
      const families = [...series(run.rows, `${programme}_households`)];
      const reasons = REASONS.filter((r) => r.startsWith(`${programme}.`));
      for (let k = 1; k < families.length; k++) {
        const [month, now] = families[k];
        let net = 0;
        for (const reason of reasons) net += (reason.endsWith('.enrolled') ? 1 : -1) * series(run.rows, `flow.${reason}`).get(month)!;
        expect(now - families[k - 1][1]).toBeCloseTo(net, -2);
      }
    }
  });

  it('BLT BBM is paid from September to December 2022 only, to about 20.65 m families', () => {
    const families = series(run.rows, 'blt_bbm_households');
    expect(families.get('2022-08')).toBe(0);
    expect(families.get('2022-09')!).toBeGreaterThan(15e6);
    expect(families.get('2022-09')!).toBeLessThanOrEqual(20_650_000);
    expect(families.get('2023-01')).toBe(0);
  });
});

describe('determinism', () => {
  it('the same seed gives byte-identical results', () => {
    const again = simulate(baseline, { seed: 7, population, parameters: params, end: END, observe: standardIndicators });
    expect(toCsv(again.rows)).toBe(toCsv(run.rows));
    expect(again.manifest).toEqual(run.manifest);
  });

  it('a different seed gives different results', () => {
    const other = simulate(baseline, { seed: 8, population, parameters: params, end: END, observe: standardIndicators });
    expect(toCsv(other.rows)).not.toBe(toCsv(run.rows));
  });

  it('a reporter that reports groups only in March gives, in the other months, exactly the national rows of the full reporter', () => {
    const march = reporterOf(undefined, (month) => monthOfYear(month) === 3);
    const marchOnly = simulate(baseline, { seed: 7, population, parameters: params, end: END, observe: march });
    const expected = run.rows.filter((r) => r.month.endsWith('-03') || r.group === 'national');
    expect(toCsv(marchOnly.rows)).toBe(toCsv(expected));
    expect(marchOnly.rows.some((r) => r.month === '2023-03' && r.group.startsWith('province:'))).toBe(true);
    expect(marchOnly.rows.some((r) => r.month === '2023-04' && r.group !== 'national')).toBe(false);
  });

  it('a reporter that keeps the cells and regroups only the households listed gives the rows of one that groups every household anew, reporting every month or some', () => {
    const anew: Reporter = (w, ctx, names) => reporterOf()(w, ctx, names);
    const grouped = simulate(baseline, { seed: 7, population, parameters: params, end: END, observe: anew });
    expect(toCsv(run.rows)).toBe(toCsv(grouped.rows));
    const kept = reporterOf();
    const quarterly = simulate(baseline, { seed: 7, population, parameters: params, end: END, observe: (w, ctx, names) => (ctx.month % 3 === 0 ? kept(w, ctx, names) : []) });
    expect(toCsv(quarterly.rows)).toBe(toCsv(grouped.rows.filter((r) => monthOf(r.month) % 3 === 0)));
  });

  it('a run on the world of a finished run, made again, gives the rows of a run on a new world, whatever ran on it before', () => {
    const budget = params.get('policy.pkh.budget').values;
    const richer = { id: 'richer', patch: { 'policy.pkh.budget': Object.fromEntries(budget.map((v) => [v.date, (v.value as number) * 1.5])) } };
    const worlds: object[] = [];
    const observe: Reporter = (w, ctx, names) => {
      if (!worlds.includes(w)) worlds.push(w);
      return standardIndicators(w, ctx, names);
    };
    simulate(richer, { seed: 8, population: populationFor(params, 8, 1, { households: AGENTS }), parameters: params, end: END, observe });
    const again = simulate(baseline, { seed: 7, population, parameters: params, end: END, observe });
    expect(worlds.length).toBe(1); // the second run was on the first run's world
    expect(toCsv(again.rows)).toBe(toCsv(run.rows));
  });

  it('a finished run\'s world is kept for the next run of its size only: a run of another size lets it go to the garbage collector, and the standard reporter does not keep it', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    let world: WeakRef<object> | undefined;
    const observe: Reporter = (w, ctx, names) => {
      world ??= new WeakRef(w);
      return standardIndicators(w, ctx, names);
    };
    simulate(baseline, { seed: 7, population, parameters: params, end: '2022-06', observe });
    simulate(baseline, { seed: 7, households: AGENTS + 1_000, parameters: params, end: '2022-04', observe: standardIndicators });
    for (let k = 0; k < 3 && world!.deref() !== undefined; k++) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // a WeakRef holds its target until the job that made it ends
      gc();
    }
    expect(world!.deref()).toBeUndefined();
  });

  it('building the population again from the same seed gives byte-identical results', () => {
    const fresh = simulate(baseline, { seed: 7, households: AGENTS, parameters: params, end: END, observe: standardIndicators });
    expect(fresh.manifest.results.sha256).toBe(run.manifest.results.sha256);
  });
});

describe('metamorphic relations', () => {
  it('more PKH budget never lowers the number of PKH families', () => {
    const budget = params.get('policy.pkh.budget').values;
    const patch = { 'policy.pkh.budget': Object.fromEntries(budget.map((v) => [v.date, (v.value as number) * 1.5])) };
    const richer = simulate({ id: 'richer', patch }, { seed: 7, population, parameters: params, end: END, observe: standardIndicators });
    const base = series(run.rows, 'pkh_households');
    for (const [month, families] of series(richer.rows, 'pkh_households')) expect(families).toBeGreaterThanOrEqual(base.get(month)! - 1e-6);
  });

  it('doubling every weight, quota, budget and capacity doubles every count and leaves every rate unchanged', () => {
    const doubled: Population = { ...population, households: { ...population.households, weight: population.households.weight.map((w) => 2 * w) }, totals: { households: 2 * population.totals.households, persons: 2 * population.totals.persons } };
    // Every parameter counted in households or persons (quotas, places, facilitators), and the budgets.
    const scaled = params.records.filter((r) => r.unit === 'households' || r.unit === 'persons' || r.path.endsWith('.budget'));
    const patch = Object.fromEntries(scaled.map((r) => [r.path, Object.fromEntries(r.values.map((v) => [v.date, 2 * (v.value as number)]))]));
    // A world twice as large, start month included: the doubled values are the parameter set's own, not a scenario's (a scenario's policy starts after the start month).
    const big = simulate({ id: 'baseline', patch: {} }, { seed: 7, population: doubled, parameters: params.patched(patch, 'doubled'), end: END, observe: standardIndicators });
    const counts = /households|persons|^poor_|^graduations|_spend|^flow\.|^queue_|^blocked_|_to_date$|^phase_|^lifted_/;
    // PKH pays each family its weight times its benefit to the nearest rupiah (sums exact in any order):
    // doubled, round(2x) and 2 round(x) differ by at most 1 Rp a family and month of benefit paid (3 in
    // a tranche), so its spending doubles to within that, and no closer.
    const rounding = 3 * population.households.count;
    expect(big.rows.length).toBe(run.rows.length);
    big.rows.forEach((r, k) => {
      const b = run.rows[k];
      expect([r.indicator, r.group, r.month]).toEqual([b.indicator, b.group, b.month]);
      if (r.indicator === 'pkh_spend') expect(Math.abs(r.value - 2 * b.value), `${r.indicator} ${r.group} ${r.month}`).toBeLessThanOrEqual(rounding);
      else expect([r.indicator, r.group, r.month, r.value]).toEqual([b.indicator, b.group, b.month, counts.test(r.indicator) ? 2 * b.value : b.value]);
    });
  });
});
