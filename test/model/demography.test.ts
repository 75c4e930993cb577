import { describe, expect, it } from 'vitest';
import { tinyWorld } from './world-fixture';
import type { Family, Tiny } from './world-fixture';
import { PKH } from './bits';
import { demography, monthOfChange } from '../../src/model/processes/demography';
import { assistance } from '../../src/model/processes/assistance';
import { pkhEntitlements } from '../../src/model/programmes/pkh';
import { FEMALE_HEAD } from '../../src/model/households';
import type { Households } from '../../src/model/households';
import { PROCESSES } from '../../src/model/month';
import { loadParameters } from '../../src/parameters/load';
import { populationFor, simulate } from '../../src/run/simulate';
import { standardIndicators } from '../../src/observe/indicators';
import type { Reporter } from '../../src/model/observation';
import { loadPopulationData } from '../../src/population/data';
import { monthOf } from '../../src/calendar/months';

/** Households of one kind: enough for the month's probabilities to show in the totals. */
const N = 4000;

/** Component counts of the store. */
const COUNTS = ['size', 'pregnant', 'earlyChildhood', 'primaryPupils', 'juniorPupils', 'seniorPupils', 'elderly', 'severeDisability'] as const;
type Count = (typeof COUNTS)[number];

function total(h: Households, key: Count | 'headAge'): number {
  let sum = 0;
  for (let i = 0; i < h.count; i++) sum += h[key][i];
  return sum;
}

/** N copies of a family with nothing but what is given: no children, no pregnancy, head aged 55 (too old for a new pregnancy). */
function only(family: Family): Family[] {
  const bare: Family = { size: 4, headAge: 55, earlyChildhood: 0, primaryPupils: 0 };
  return Array.from({ length: N }, () => ({ ...bare, ...family }));
}

/** Totals of the world's counts after `months` months of demography alone, per household. */
function after(t: Tiny, months: number): Record<Count, number> {
  t.months(months, demography);
  return Object.fromEntries(COUNTS.map((key) => [key, total(t.h, key) / N])) as Record<Count, number>;
}

describe('demography: a year of members moving, on households of one kind', () => {
  const year = (family: Family) => after(tinyWorld(only(family), { month: '2023-01' }), 12);
  // Expected per household: members × (1 − (1 − hazard)^12) ≈ members × 12 × hazard for small hazards.
  it('children under six leave early childhood, nearly all into primary school (1/84 a month each)', () => {
    const c = year({ earlyChildhood: 2 });
    const left = 2 * (1 - (1 - 1 / 84) ** 12);
    expect(c.earlyChildhood).toBeCloseTo(2 - left, 1);
    expect(c.primaryPupils).toBeCloseTo(0.99 * left, 1);
    expect(c.size).toBe(4);
  });

  it('primary pupils finish (1/72 a month); 96/99 of them go on to junior secondary', () => {
    const c = year({ primaryPupils: 2 });
    const left = 2 * (1 - (1 - 1 / 72) ** 12);
    expect(c.primaryPupils).toBeCloseTo(2 - left, 1);
    expect(c.juniorPupils).toBeCloseTo((96 / 99) * left, 1);
  });

  it('junior pupils finish (1/36 a month); 73/96 of them go on to senior secondary', () => {
    const c = year({ juniorPupils: 1 });
    const left = 1 - (1 - 1 / 36) ** 12;
    expect(c.juniorPupils).toBeCloseTo(1 - left, 1);
    expect(c.seniorPupils).toBeCloseTo((73 / 96) * left, 1);
  });

  it('senior pupils finish (1/36 a month) and leave the components, staying household members', () => {
    const c = year({ seniorPupils: 1 });
    expect(c.seniorPupils).toBeCloseTo((1 - 1 / 36) ** 12, 1);
    expect(c.size).toBe(4);
  });

  it('pregnancies end in births (1/10.4 a month): each newborn is a child under six and a member more', () => {
    const c = year({ pregnant: 1 });
    const births = 1 - (1 - 1 / 10.4) ** 12;
    expect(c.pregnant).toBeCloseTo(1 - births, 1);
    expect(c.earlyChildhood).toBeGreaterThan(0.5);
    expect(c.size - 4).toBeCloseTo(1 - c.pregnant, 10); // a member more for each pregnancy ended
  });

  it.each<[string, Family, number]>([
    ['a woman heading a household under 50', { headAge: 30, flags: FEMALE_HEAD, size: 1 }, 0.094],
    ['a man under 50 with his partner', { headAge: 30, size: 2 }, 0.094],
    ['a man under 50 living alone: none', { headAge: 30, size: 1 }, 0],
    ['a head of 55: none', { headAge: 55, size: 2 }, 0],
  ])('pregnancies begin at 0.094 a year in a household with %s', (_, family, rate) => {
    const t = tinyWorld(only(family), { month: '2023-01' });
    t.months(12, demography);
    const begun = total(t.h, 'pregnant') + total(t.h, 'size') - N * (family.size ?? 4); // still pregnant, or born (a member more)
    expect(Math.abs(begun / N - rate)).toBeLessThan(0.015);
    if (rate === 0) expect(begun).toBe(0);
  });

  it('members aged 70+ die (0.12 a year): fewer elderly and fewer members, by as many', () => {
    const c = year({ headAge: 75, elderly: 2, size: 3 });
    const deaths = 2 * (1 - Math.exp(-0.12));
    expect(c.elderly).toBeCloseTo(2 - deaths, 1);
    expect(c.size - c.elderly).toBeCloseTo(1, 10);
  });

  it('a one-person household is never emptied: its elderly member stays', () => {
    const c = year({ headAge: 80, elderly: 1, size: 1 });
    expect(c.size).toBe(1);
    expect(c.elderly).toBe(1);
  });
});

describe('demography: heads age on their household birthday', () => {
  it('each head is a year older after twelve months, household i in month (i mod 12) + 1', () => {
    const t = tinyWorld(Array.from({ length: 24 }, () => ({ headAge: 45 })), { month: '2022-12' });
    t.months(3, demography); // January, February, March 2023
    expect(Array.from(t.h.headAge.slice(0, 12))).toEqual([46, 46, 46, 45, 45, 45, 45, 45, 45, 45, 45, 45]);
    t.months(9, demography);
    expect(total(t.h, 'headAge')).toBe(24 * 46);
  });

  it('a head reaching 70 joins the elderly component, and so does his partner with probability 0.9', () => {
    const t = tinyWorld(only({ headAge: 69, size: 2, elderly: 0 }), { month: '2023-01' });
    t.months(12, demography);
    const joined = (total(t.h, 'elderly') + 2 * N - total(t.h, 'size')) / N; // the elderly, and those who died since
    expect(Math.abs(joined - 1.9)).toBeLessThan(0.03);
    let aboveSize = 0;
    for (let i = 0; i < N; i++) if (t.h.elderly[i] > t.h.size[i]) aboveSize++;
    expect(aboveSize).toBe(0);
  });

  it.each<[string, number, number]>([
    ['heads of 45 (no group boundary)', 45, 0],
    ['heads of 39 (turning 40)', 39, 1],
    ['heads of 59 (turning 60)', 59, 1],
  ])('the groups are marked changed only when a head crosses an age-group boundary: %s', (_, age, bumps) => {
    const t = tinyWorld([{ headAge: age }], { month: '2023-01' });
    const before = t.world.regrouped.version;
    t.months(12, demography);
    expect(t.world.regrouped.version - before).toBe(bumps);
    if (bumps > 0) expect([...t.world.regrouped.households.subarray(0, t.world.regrouped.count)]).toEqual([0]);
  });
});

describe('demography: invariants and draws', () => {
  /** Families of every shape: counts 0–3 of each component, heads 20–89, either sex. */
  const mixed = (): Family[] =>
    Array.from({ length: 3000 }, (_, i) => ({
      size: 1 + (i % 7),
      headAge: 20 + ((i * 7) % 70),
      flags: i % 5 === 0 ? FEMALE_HEAD : 0,
      pregnant: i % 4 === 0 ? 1 : 0,
      earlyChildhood: (i >> 1) % 3,
      primaryPupils: (i >> 2) % 3,
      juniorPupils: (i >> 3) % 2,
      seniorPupils: (i >> 4) % 2,
      elderly: (i >> 5) % 2,
    }));

  it('four years on, no count has gone below zero (a wrapped byte would read 200 or more), no household is empty, the elderly are members', () => {
    const t = tinyWorld(mixed(), { month: '2023-01' });
    t.months(47, demography);
    for (let i = 0; i < t.h.count; i++) {
      for (const key of COUNTS) expect(t.h[key][i]).toBeLessThan(200);
      expect(t.h.size[i]).toBeGreaterThanOrEqual(1);
      expect(t.h.elderly[i]).toBeLessThanOrEqual(t.h.size[i]);
    }
  });

  it('the same seed gives the same members; another seed other ones', () => {
    const run = (seed: number) => {
      const t = tinyWorld(mixed(), { month: '2023-01', seed });
      t.months(24, demography);
      return COUNTS.map((key) => Array.from(t.h[key]));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(8)).not.toEqual(run(7));
  });

  it('demography leaves the draws of the other processes as they were (income is drawn the same with and without it)', () => {
    const params = loadParameters();
    const population = populationFor(params, 3, 0, { households: 20_000 });
    const transitory: Reporter = (world) => [{ indicator: 'transitory_sum', group: 'national', value: world.households.transitory.reduce((s, x) => s + x, 0) }];
    const options = { seed: 3, population, parameters: params, end: '2022-12', observe: transitory };
    const without = PROCESSES.filter(([name]) => name !== 'demography');
    expect(without.length).toBe(PROCESSES.length - 1);
    const plain = simulate({ id: 'baseline', patch: {} }, options);
    expect(simulate({ id: 'baseline', patch: {} }, { ...options, processes: without }).rows).toEqual(plain.rows);
    expect(simulate({ id: 'baseline', patch: {} }, { ...options, seed: 4 }).rows).not.toEqual(plain.rows);
  });

  it('the partner share and the pregnancy window are the population module\'s', () => {
    const national = loadPopulationData().national;
    const d = loadParameters().at(monthOf('2023-01')).behaviour.demography;
    expect(d.partner_share).toBeCloseTo(national.partnerShare, 10);
    expect(d.pregnancy_window).toBe(national.pregnancyWindowMonths);
  });
});

describe('demography: the month of the next change of members is drawn', () => {
  it('a chance of 0 never changes, a chance of 1 changes at once, and the waits are geometric with the chance a month', () => {
    expect(monthOfChange(300, 0, 0.5)).toBe(0xffff);
    expect(monthOfChange(300, 1, 0.99)).toBe(300);
    expect(monthOfChange(300, 0.1, 0)).toBe(300);
    const p = 0.1;
    const waits = Array.from({ length: 20_000 }, (_, k) => monthOfChange(300, p, (k + 0.5) / 20_000) - 300);
    expect(waits.filter((m) => m === 0).length / waits.length).toBeCloseTo(p, 3); // P(wait = k) = p (1 − p)^k
    expect(waits.filter((m) => m === 1).length / waits.length).toBeCloseTo(p * (1 - p), 3);
    expect(waits.reduce((a, b) => a + b, 0) / waits.length).toBeCloseTo((1 - p) / p, 1);
  });

  it('a month a household has a change in is spread over the months as a draw each month would spread it', () => {
    // 4,000 families with one senior pupil each: the first change falls in month k with probability p (1 − p)^(k − 1), p = 1/36.
    const t = tinyWorld(only({ seniorPupils: 1 }), { month: '2023-01' });
    const p = 1 / 36;
    for (let k = 1; k <= 6; k++) {
      const before = total(t.h, 'seniorPupils');
      t.months(1, demography);
      const left = before - total(t.h, 'seniorPupils');
      expect(Math.abs(left / N - p * (1 - p) ** (k - 1))).toBeLessThan(0.008);
    }
  });

  it('when the rates in force change, every household\'s next change is drawn anew with them', () => {
    // Heads of 30 with a partner: only a pregnancy can begin. With no fertility for six months, no
    // change is due; then fertility comes back and pregnancies begin at its rate.
    const t = tinyWorld(only({ headAge: 30, size: 2 }), { month: '2023-01' });
    const withFertility = (fertility: number) => {
      t.next();
      const d = t.ctx.params.behaviour.demography;
      demography(t.world, { ...t.ctx, params: { ...t.ctx.params, behaviour: { ...t.ctx.params.behaviour, demography: { ...d, fertility } } } });
    };
    const fertility = t.ctx.params.behaviour.demography.fertility;
    for (let m = 0; m < 6; m++) withFertility(0);
    expect(total(t.h, 'pregnant')).toBe(0);
    for (let m = 0; m < 12; m++) withFertility(fertility);
    const begun = total(t.h, 'pregnant') + total(t.h, 'size') - 2 * N;
    expect(Math.abs(begun / N - fertility)).toBeLessThan(0.015);
  });

  it('a head turning 50 stops new pregnancies from the next month on, and the other changes keep their chance', () => {
    // Household i turns 50 in month (i mod 12) + 1 of 2023, so it has (i mod 12) + 1 months with the
    // chance of a pregnancy: 6.5 on average, not 24. Its senior pupil finishes at 1/36 a month
    // throughout: the birthday draws the next change anew with the smaller chance.
    const t = tinyWorld(only({ headAge: 49, size: 2, seniorPupils: 1 }), { month: '2023-01' });
    t.months(24, demography);
    const begun = total(t.h, 'pregnant') + total(t.h, 'size') - 2 * N;
    const perMonth = t.ctx.params.behaviour.demography.fertility / 12;
    expect(Math.abs(begun / N - 6.5 * perMonth)).toBeLessThan(0.015);
    expect(Math.abs(total(t.h, 'seniorPupils') / N - (35 / 36) ** 24)).toBeLessThan(0.025);
  });
});

describe('PKH follows the members: natural graduation', () => {
  it('a family whose last pupil finishes school leaves PKH by natural graduation', () => {
    const t = tinyWorld(only({ seniorPupils: 1 }), { month: '2023-01' });
    let graduated = 0;
    for (let m = 0; m < 24; m++) {
      t.months(1, demography, assistance);
      graduated += t.flow('pkh.natural_graduation');
    }
    let left = 0;
    let inPkh = 0;
    for (let i = 0; i < N; i++) {
      if (t.h.seniorPupils[i] === 0) left++;
      if ((t.h.programmes[i] & PKH) !== 0) inPkh++;
    }
    expect(left).toBeGreaterThan(N / 3); // 1 − (35/36)^24 ≈ 49 % expected
    expect(inPkh).toBe(N - left);
    expect(graduated).toBe(left * t.h.weight[0]);
  });

  it('the entitlements brought up to date family by family equal those computed afresh for every family', () => {
    const t = tinyWorld(Array.from({ length: N }, (_, i) => ({ size: 3 + (i % 4), headAge: 25 + (i % 50), pregnant: i % 3 === 0 ? 1 : 0, earlyChildhood: i % 2, primaryPupils: (i >> 1) % 2, juniorPupils: (i >> 2) % 2, seniorPupils: (i >> 3) % 2, elderly: i % 7 === 0 ? 1 : 0 })), { month: '2023-01' });
    t.months(12, demography, assistance);
    const afresh = new Float32Array(N);
    pkhEntitlements(t.h, t.ctx.params, afresh);
    expect(Array.from(t.world.books['pkh'].entitlement!)).toEqual(Array.from(afresh));
    expect(t.world.membersChanged.every((x) => x === 0)).toBe(true);
  });

  it('natural graduations happen every year of 2022–2025 in a 20,000-household run (flow.pkh.natural_graduation)', () => {
    const params = loadParameters();
    const result = simulate({ id: 'baseline', patch: {} }, { seed: 2022, households: 20_000, parameters: params, end: '2025-12', observe: standardIndicators });
    const byYear = new Map<string, number>();
    for (const r of result.rows) {
      if (r.indicator !== 'flow.pkh.natural_graduation' || r.group !== 'national') continue;
      byYear.set(r.month.slice(0, 4), (byYear.get(r.month.slice(0, 4)) ?? 0) + r.value);
    }
    expect([...byYear.keys()]).toEqual(['2022', '2023', '2024', '2025']);
    for (const [, households] of byYear) expect(households).toBeGreaterThan(0);
  });
});
