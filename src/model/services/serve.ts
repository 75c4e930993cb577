/**
 * Services' books: what a service given to a household costs, where, and that it happened; and
 * the places a service with yearly places may still fill.
 */
import { countMove } from '../groups';
import type { MonthContext, World } from '../world';

/** Record a service given to household i on one of the year's places: its cost, by province, its intake and its event (a reason code). */
export function serve(world: World, ctx: MonthContext, id: string, i: number, cost: number, reason: string): void {
  spend(world, ctx, id, i, cost, reason);
  world.services[id].admittedThisYear += world.households.weight[i];
}

/**
 * Record a service given to household i outside the year's places (an offer of a virtual trial,
 * ../processes/offer.ts): its cost, by province, and its event, as `serve` does, but the year's
 * intake is left alone, so the places open to everyone else are the same as without it.
 */
export function serveOutsidePlaces(world: World, ctx: MonthContext, id: string, i: number, cost: number, reason: string): void {
  spend(world, ctx, id, i, cost, reason);
}

function spend(world: World, ctx: MonthContext, id: string, i: number, cost: number, reason: string): void {
  const h = world.households;
  const book = world.services[id];
  const amount = h.weight[i] * cost;
  book.spentThisMonth += amount;
  book.spentByProvince[h.province[i]] += amount;
  book.admittedThisMonth += h.weight[i];
  world.totals.spent += amount;
  countMove(ctx.flows, world.registry.reason[reason], world, i);
}

/**
 * Places a service may still fill this month. Each month adds a twelfth of the yearly places in
 * force that month; places a month leaves unused stay open until the year ends. Call once a month.
 */
export function yearlyRoom(world: World, id: string, places: number): number {
  const book = world.services[id];
  book.openedThisYear += places / 12;
  return Math.max(0, book.openedThisYear - book.admittedThisYear);
}
