/**
 * Services' books: what a service given to a household costs, where, and that it happened.
 */
import { countMove } from './reasons';
import type { MonthContext, ServiceId, World } from './world';

/** Record a service given to household i: its cost, by province, and its event. */
export function serve(world: World, ctx: MonthContext, id: ServiceId, i: number, cost: number, reason: number): void {
  const h = world.households;
  const book = world.services[id];
  const amount = h.weight[i] * cost;
  book.spentThisMonth += amount;
  book.spentByProvince[h.province[i]] += amount;
  book.admittedThisMonth += h.weight[i];
  book.admittedThisYear += h.weight[i];
  world.totals.spent += amount;
  countMove(ctx.flows, reason, h, i);
}
