/**
 * The household tally (src/observe/indicators.ts) against a plain count: each of its sums, nationally
 * and for the urban households, as one reads its definition off the households one by one; with
 * the tally's sums of weights on one thread and split over two (src/model/threads.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reporter } from '../../src/model/observation';
import type { World } from '../../src/model/world';
import type { Indicator } from '../../src/observe/indicators';
import { indicatorsOf, reporterOf } from '../../src/observe/indicators';
import { IN_REGISTRY, URBAN } from '../../src/model/households';
import { ASSISTANCE, ENTERED_EXTREME, GRADUATED, PHASES, RECOVERY } from '../../src/model/phases';
import { welfareQuantile } from '../../src/model/welfare';
import { loadParameters } from '../../src/parameters/load';
import { simulate } from '../../src/run/simulate';

/** Every sum of household i: slot name → its term (0 when it adds nothing). */
function plainTerms(world: World, i: number, lines: { extreme: number; national: number; bottom: number }): Map<string, number> {
  const h = world.households;
  const w = h.weight[i];
  const wp = w * h.size[i];
  const y = h.consumption[i];
  const phase = h.phase[i];
  const status = h.programmes[i];
  const listed = (status & IN_REGISTRY) !== 0;
  const extreme = y < lines.extreme;
  const poor = y < lines.national;
  const bottom = y < lines.bottom;
  const gE = 1 - y / lines.extreme;
  const gN = 1 - y / lines.national;
  const registryExtreme = h.registryScore[i] < lines.extreme && phase >= ASSISTANCE && phase < GRADUATED;
  const terms = new Map<string, number>([
    ['households', w],
    ['persons', wp],
    ['consumption', wp * y],
    ['extreme_p0', extreme ? wp : 0],
    ['extreme_p1', extreme ? wp * gE : 0],
    ['extreme_p2', extreme ? wp * gE * gE : 0],
    ['national_p0', poor ? wp : 0],
    ['national_p1', poor ? wp * gN : 0],
    ['national_p2', poor ? wp * gN * gN : 0],
    ['poor_households', poor ? w : 0],
    ['listed', listed ? w : 0],
    ['listed_not_bottom', listed && !bottom ? w : 0],
    ['bottom', bottom ? w : 0],
    ['bottom_not_listed', bottom && !listed ? w : 0],
    ...PHASES.map((name, k): [string, number] => [`phase_${name}`, phase === k ? w : 0]),
    ['business', h.business[i] !== 0 ? w : 0],
    ['lifted', !extreme && (h.history[i] & ENTERED_EXTREME) !== 0 && phase >= RECOVERY ? wp : 0],
    ['registry_extreme', registryExtreme ? w : 0],
    ['registry_extreme_on_pathway', registryExtreme && phase >= RECOVERY ? w : 0],
  ]);
  for (const p of world.registry.programmes) {
    const member = (status & world.registry.status[p.id]) !== 0;
    terms.set(`${p.id}.families`, member ? w : 0);
    terms.set(`${p.id}.not_poor`, member && !poor ? w : 0);
    terms.set(`${p.id}.poor_not_reached`, poor && !member ? w : 0);
  }
  return terms;
}

describe.each([1, 2])('the household tally, the step and the tally on %i thread(s)', (threads) => {
  let checked: { month: number; group: string; slot: string; tally: number; plain: number }[];

  beforeAll(() => {
    const params = loadParameters();
    checked = [];
    let slotIndicators: Indicator[] = [];
    const reporter = reporterOf((registry) => {
      const tally = indicatorsOf(registry).find((x) => x.id === 'households')!.accumulate[0];
      slotIndicators = tally.slots.map((slot) => ({ id: `slot:${slot}`, unit: 'households', label: { en: slot, id: slot }, scope: 'groups', accumulate: [tally], finish: (v) => v.sum(`household.${slot}`) }));
      return slotIndicators;
    });
    const observe: Reporter = (world, ctx, names) => {
      const rows = reporter(world, ctx, names);
      const lines = { extreme: ctx.extremeLine, national: ctx.nationalLine, bottom: welfareQuantile(world.welfare, ctx.params.policy.registry.eligible_share) };
      const plain = { national: new Map<string, number>(), 'area:urban': new Map<string, number>() };
      for (let i = 0; i < world.households.count; i++) {
        const urban = (world.households.flags[i] & URBAN) !== 0;
        for (const [slot, term] of plainTerms(world, i, lines)) {
          if (term === 0) continue;
          plain.national.set(slot, (plain.national.get(slot) ?? 0) + term);
          if (urban) plain['area:urban'].set(slot, (plain['area:urban'].get(slot) ?? 0) + term);
        }
      }
      for (const row of rows) {
        const sums = plain[row.group as keyof typeof plain];
        if (sums !== undefined && row.indicator.startsWith('slot:')) checked.push({ month: ctx.month, group: row.group, slot: row.indicator.slice('slot:'.length), tally: row.value, plain: sums.get(row.indicator.slice('slot:'.length)) ?? 0 });
      }
      return rows;
    };
    // Every month is counted plainly, to the end of 2025, so that every programme has had families.
    simulate({ id: 'baseline', patch: {} }, { seed: 11, households: 20_000, parameters: params, end: '2025-12', observe, threads });
  });

  it('gives, for every slot, nationally and for the urban households, the plain count of its definition', () => {
    expect(new Set(checked.map((c) => c.group))).toEqual(new Set(['national', 'area:urban']));
    // Every slot is checked where it counts someone, so a slot the tally leaves empty cannot pass unseen.
    expect([...new Set(checked.map((c) => c.slot))].filter((slot) => !checked.some((c) => c.slot === slot && c.plain > 0))).toEqual([]);
    const wrong = checked.filter((c) => Math.abs(c.tally - c.plain) > 1e-9 * Math.max(1, Math.abs(c.plain)));
    expect(wrong).toEqual([]);
  });
});
