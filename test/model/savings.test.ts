/**
 * Savings as a buffer stock (the consumption process): households put part of a rise in income
 * aside and draw on it when income falls, on tiny worlds built by hand.
 */
import { describe, expect, it } from 'vitest';
import { consumption } from '../../src/model/processes/consumption';
import { tinyWorld } from './world-fixture';
import type { Family } from './world-fixture';

/** |a − b| within `digits` significant digits of b (values are stored as Float32). */
function close(a: number, b: number, digits = 5): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(Math.abs(b) * 10 ** -digits);
}

/** No transfers; half-way smoothing; save 20 % of a rise, cover half of a fall. */
const hold = { 'behaviour.consumption.smoothing': 0.5, 'behaviour.savings.saving_rate': 0.2, 'behaviour.savings.drawdown': 0.5 } as const;
const family = (l: { national: number }, over: Family): Family[] => [{ size: 4, consumption: l.national, income: l.national, cashTransfers: 0, foodTransfers: 0, ...over }];

describe('savings fill from income above needs', () => {
  it('income Rp 100,000 a person above last month’s consumption: 20 % of the rise is saved, the rest consumed with smoothing', () => {
    const t = tinyWorld((l) => family(l, { income: l.national + 100_000 }), { hold });
    t.run(consumption);
    close(t.h.savings[0], 4 * 0.2 * 100_000); // per person × size
    close(t.h.consumption[0], 0.5 * t.national + 0.5 * (t.national + 100_000 - 0.2 * 100_000));
  });

  it('a household below the extreme line (basic needs) saves nothing, even when its income rises', () => {
    const t = tinyWorld((l) => family(l, { consumption: 0.5 * l.extreme, income: 0.9 * l.extreme }), { hold });
    t.run(consumption);
    expect(t.h.savings[0]).toBe(0);
  });

  it('with saving_rate 0 nothing is saved and consumption is as without savings', () => {
    const t = tinyWorld((l) => family(l, { income: l.national + 100_000 }), { hold: { ...hold, 'behaviour.savings.saving_rate': 0 } });
    t.run(consumption);
    expect(t.h.savings[0]).toBe(0);
    close(t.h.consumption[0], t.national + 50_000);
  });
});

describe('savings buffer a fall in income', () => {
  it('income falls Rp 200,000 a person below last month’s consumption: savings cover half the fall, and consumption falls less than without them', () => {
    const shocked = (savings: number) => tinyWorld((l) => family(l, { income: l.national - 200_000, savings }), { hold });
    const saver = shocked(2_000_000);
    const twin = shocked(0);
    saver.run(consumption);
    twin.run(consumption);
    close(saver.h.savings[0], 2_000_000 - 4 * 0.5 * 200_000);
    close(twin.h.consumption[0], saver.national - 0.5 * 200_000);
    close(saver.h.consumption[0], saver.national - 0.5 * (200_000 - 0.5 * 200_000));
  });

  it('savings cover the fall only as far as they last: Rp 40,000 for a household of four is Rp 10,000 a person', () => {
    const t = tinyWorld((l) => family(l, { income: l.national - 200_000, savings: 40_000 }), { hold });
    t.run(consumption);
    expect(t.h.savings[0]).toBe(0);
    close(t.h.consumption[0], t.national - 0.5 * (200_000 - 10_000));
  });

  it('after the shock, income back above what the household consumes refills its savings', () => {
    const t = tinyWorld((l) => family(l, { income: l.national - 200_000, savings: 1_000_000 }), { hold });
    t.run(consumption);
    const drawn = t.h.savings[0];
    expect(drawn).toBeLessThan(1_000_000);
    t.h.income[0] = t.national; // income recovers; consumption is still below it
    t.run(consumption);
    expect(t.h.savings[0]).toBeGreaterThan(drawn);
    close(t.h.savings[0], drawn + 4 * 0.2 * (t.national - (t.national - 0.5 * (200_000 - 0.5 * 200_000))), 4);
  });
});
