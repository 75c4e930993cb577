/**
 * Services' books: what a service given to a household costs, where, and that it happened.
 */
import { countMove } from './reasons';
import type { MonthContext, ServiceId, World } from './world';

/** Record a service given to household i on one of the year's places: its cost, by province, its intake and its event. */
export function serve(world: World, ctx: MonthContext, id: ServiceId, i: number, cost: number, reason: number): void {
  spend(world, ctx, id, i, cost, reason);
  world.services[id].admittedThisYear += world.households.weight[i];
}

/**
 * Record a service given to household i outside the year's places (an offer of a virtual trial,
 * ./processes/offer.ts): its cost, by province, and its event, as `serve` does, but the year's
 * intake is left alone, so the places open to everyone else are the same as without it.
 */
export function serveOutsidePlaces(world: World, ctx: MonthContext, id: ServiceId, i: number, cost: number, reason: number): void {
  spend(world, ctx, id, i, cost, reason);
}

function spend(world: World, ctx: MonthContext, id: ServiceId, i: number, cost: number, reason: number): void {
  const h = world.households;
  const book = world.services[id];
  const amount = h.weight[i] * cost;
  book.spentThisMonth += amount;
  book.spentByProvince[h.province[i]] += amount;
  book.admittedThisMonth += h.weight[i];
  world.totals.spent += amount;
  countMove(ctx.flows, reason, h, i);
}
