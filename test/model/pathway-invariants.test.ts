/**
 * Invariants and metamorphic relations of the pathway on real runs: a baseline run of 20,000 agents
 * from March 2022 to December 2024, and runs that change one policy lever under the same seed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import type { ParameterPatch, Parameters } from '../../src/parameters/types';
import type { ParameterPath } from '../../src/parameters/spec';
import { populationFor, simulate } from '../../src/run/simulate';
import type { Population } from '../../src/population/index';
import { standardIndicators } from '../../src/observe/indicators';
import type { ResultRow } from '../../src/run/results';
import { PATHWAY_MOVES } from '../../src/model/reasons';
import { PHASES } from '../../src/model/phases';
import { monthOf } from '../../src/calendar/months';
import { CLUSTERS } from '../../src/model/services/atensi';

const SEED = 5;
const END = '2024-12';

let params: Parameters;
let population: Population;
let base: Run;

/** A run's rows, looked up by indicator and group, month by month. */
interface Run {
  readonly months: readonly string[];
  readonly groups: readonly string[];
  /** Values of an indicator in a group, in month order. */
  series(indicator: string, group?: string): number[];
  readonly rows: readonly ResultRow[];
}

function indexed(rows: readonly ResultRow[]): Run {
  const months = [...new Set(rows.map((r) => r.month))];
  const at = new Map<string, number>();
  for (const r of rows) at.set(`${r.indicator}|${r.group}|${r.month}`, r.value);
  const groups = [...new Set(rows.filter((r) => r.indicator === 'households').map((r) => r.group))];
  return {
    months,
    groups,
    rows,
    series: (indicator, group = 'national') =>
      months.map((m) => {
        const v = at.get(`${indicator}|${group}|${m}`);
        if (v === undefined) throw new Error(`no row ${indicator} ${group} ${m}`);
        return v;
      }),
  };
}

function run(id: string, patch: ParameterPatch): Run {
  return indexed(simulate({ id, patch }, { seed: SEED, population, parameters: params, end: END, observe: standardIndicators }).rows);
}

/** A patch multiplying every dated value of each parameter by its factor. */
function scaled(factors: { readonly [P in ParameterPath]?: number }): ParameterPatch {
  const patch: Record<string, Record<string, number>> = {};
  for (const [path, k] of Object.entries(factors) as [ParameterPath, number][]) {
    patch[path] = Object.fromEntries(params.get(path).values.map((v) => [v.date, (v.value as number) * k]));
  }
  return patch as ParameterPatch;
}

/** Running sums. */
function cumulative(xs: readonly number[]): number[] {
  let s = 0;
  return xs.map((x) => (s += x));
}

/** Sum of series element-wise. */
function plus(...series: number[][]): number[] {
  return series[0].map((_, k) => series.reduce((s, xs) => s + xs[k], 0));
}

beforeAll(() => {
  params = loadParameters();
  population = populationFor(params, SEED, 0, { households: 20_000 });
  base = run('baseline', {});
});

describe('invariants of the pathway in a baseline run', () => {
  it('every household is in exactly one phase, every month, nationally and in every province and group', () => {
    for (const group of base.groups) {
      const households = base.series('households', group);
      const inPhases = plus(...PHASES.map((p) => base.series(`phase_${p}`, group)));
      inPhases.forEach((n, k) => expect(n).toBeCloseTo(households[k], -1));
    }
    expect(base.groups.filter((g) => g.startsWith('province:')).length).toBe(34);
  });

  it('phase counts change only by counted moves: phase(m) − phase(m−1) = moves in − moves out', () => {
    const flows = Object.fromEntries(Object.keys(PATHWAY_MOVES).map((r) => [r, base.series(`flow.${r}`)]));
    for (const phase of PHASES) {
      const count = base.series(`phase_${phase}`);
      for (let k = 1; k < base.months.length; k++) {
        let net = 0;
        for (const [reason, [from, to]] of Object.entries(PATHWAY_MOVES)) {
          if (to === phase) net += flows[reason][k];
          if (from === phase) net -= flows[reason][k];
        }
        expect([phase, base.months[k], count[k] - count[k - 1]]).toEqual([phase, base.months[k], expect.closeTo(net, -1)]);
      }
    }
  });

  it('the pathway is used: families enter pemulihan sosial and move on to transisi', () => {
    expect(Math.max(...base.series('phase_recovery'))).toBeGreaterThan(0);
    expect(Math.max(...base.series('phase_transition'))).toBeGreaterThan(0);
  });

  it.each<[string, string, (p: ReturnType<Parameters['at']>['policy']) => number]>([
    ['PENA capital', 'flow.pena.received', (p) => p.pena.recipients / 12],
    ...CLUSTERS.map((c): [string, string, (p: ReturnType<Parameters['at']>['policy']) => number] => [`ATENSI rehabilitation, ${c}`, `flow.atensi.admitted_${c}`, (p) => Math.min((p.atensi.places * p.atensi.cluster_share[c]) / 12, p.tksk.count * p.tksk.referrals)]),
    ['RST houses', 'flow.rst.built', (p) => p.rst.houses / 12],
    ['skills training', 'flow.skills.admitted', (p) => p.skills.places / 12],
    ['PROKUS grants', 'flow.prokus.received', (p) => p.prokus.recipients / 12],
  ])('%s never admits more by any month than its yearly places × the year’s months run so far / 12', (_, indicator, room) => {
    const admitted = base.series(indicator);
    let year = -1;
    let toDate = 0;
    let allowed = 0;
    base.months.forEach((m, k) => {
      const month = monthOf(m);
      if (k === 0) return; // the start month is set up, not stepped
      if (Math.floor(month / 12) !== year) [year, toDate, allowed] = [Math.floor(month / 12), 0, 0];
      toDate += admitted[k];
      allowed += room(params.at(month).policy);
      expect(toDate).toBeLessThanOrEqual(allowed * (1 + 1e-12));
    });
  });

  it('the facilitators’ caseload (recovery + transition + development) never exceeds facilitators × caseload, or last month’s caseload when the corps shrinks (no household is dropped, none taken in)', () => {
    const caseload = plus(base.series('phase_recovery'), base.series('phase_transition'), base.series('phase_development'));
    base.months.forEach((m, k) => {
      const f = params.at(monthOf(m)).policy.facilitators;
      const bound = Math.max(f.count * f.caseload, k > 0 ? caseload[k - 1] : 0);
      expect(caseload[k]).toBeLessThanOrEqual(bound * (1 + 1e-12));
    });
  });
});

describe('metamorphic relations of the pathway', () => {
  it('twice the facilitators never lowers the families that entered pemulihan sosial to date', () => {
    const more = run('more facilitators', scaled({ 'policy.facilitators.count': 2 }));
    const entered = (r: Run) => cumulative(plus(r.series('flow.pathway.recovery_extreme_poor'), r.series('flow.pathway.recovery_under40_push')));
    const [b, m] = [entered(base), entered(more)];
    m.forEach((x, k) => expect(x).toBeGreaterThanOrEqual(b[k] - 1e-6));
    expect(m.at(-1)!).toBeGreaterThan(b.at(-1)!);
  });

  it('more PENA recipients never lower PENA received to date', () => {
    const received = (r: Run) => cumulative(r.series('flow.pena.received'));
    const runs = [base, run('pena × 5', scaled({ 'policy.pena.recipients': 5 })), run('pena × 20', scaled({ 'policy.pena.recipients': 20 }))].map(received);
    for (let j = 1; j < runs.length; j++) runs[j].forEach((x, k) => expect(x).toBeGreaterThanOrEqual(runs[j - 1][k] - 1e-6));
    expect(runs[2].at(-1)!).toBeGreaterThan(runs[0].at(-1)!);
  });

  it('community programmes without effect (income_effect 0, shock_reduction 0) leave everything but their spending as without them', () => {
    const noEffect = run('no effect', {
      'behaviour.community.income_effect': { '2018-01-01': 0 },
      'behaviour.community.shock_reduction': { '2018-01-01': 0 },
    });
    const none = run('none', {
      'policy.community.karang_taruna_households': { '2018-01-01': 0 },
      'policy.community.lks_households': { '2018-01-01': 0 },
      'policy.community.kat_households': { '2018-01-01': 0 },
    });
    expect(Math.max(...noEffect.series('flow.community.reached'))).toBeGreaterThan(0);
    const spending = /spend|^cost_per_|^flow\.community\./;
    const kept = (r: Run) => r.rows.filter((row) => !spending.test(row.indicator)).map((row) => [row.month, row.indicator, row.group, row.value]);
    const poverty = (r: Run) => r.rows.filter((row) => /^p[012]_/.test(row.indicator)).map((row) => row.value);
    expect(poverty(noEffect)).toEqual(poverty(none));
    expect(kept(noEffect)).toEqual(kept(none));
  });

  it('with the empowerment integration switched off (from 2022-01-01) nobody is in pemulihan sosial, transisi or pengembangan, and families graduate only as sejahtera mandiri', () => {
    const off = run('off', { 'policy.empowerment.in_effect': { '2022-01-01': false } });
    for (const phase of ['recovery', 'transition', 'development']) expect(new Set(off.series(`phase_${phase}`))).toEqual(new Set([0]));
    expect(off.series('phase_assistance').some((n) => n > 0)).toBe(true);
    for (const reason of ['pathway.graduated_pena_exit', 'pathway.graduated_criteria_met']) expect(new Set(off.series(`flow.${reason}`))).toEqual(new Set([0]));
    const mandiri = cumulative(plus(off.series('flow.pathway.graduated_mandiri_judged'), off.series('flow.pathway.graduated_mandiri_declared')));
    expect(mandiri.at(-1)).toBeGreaterThan(0);
    expect(off.series('phase_graduated').at(-1)).toBeLessThanOrEqual(mandiri.at(-1)!);
  });
});
