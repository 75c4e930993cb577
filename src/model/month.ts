/**
 * One month of the model: the processes, in order.
 *
 *   demography ─► community ─► income ─► business ─► registry ─► assistance ─► rehabilitation ─► pathway ─► consumption
 *
 *   demography   children move through school, pregnancies end in births, heads age, the elderly die:
 *                the month's members, which PKH's entitlements count
 *   community    community programmes (KAT, Karang Taruna, LKS) reach the poorest communities
 *   income       market income moves with growth, prices, household, province and aggregate shocks
 *   business     businesses earn, grow or fail (poverty trap); profit adds to income
 *   registry     households due for assessment: DTKS listing (with errors) and PMT score
 *   assistance   each programme of the registry in turn (PKH, BPNT / Sembako, BLT BBM, …): exits, cuts
 *                or entries within quota and budget, then payments (conditional ones to compliant families)
 *   rehabilitation  ATENSI for the persons of its clusters, inside and outside the pathway, within
 *                its places by cluster and the TKSK's referrals
 *   pathway      phases, the services of the registry (RST, skills, PENA, PROKUS) within capacity,
 *                graduation, relapse
 *   consumption  measured consumption from income and transfers; the welfare distribution is refilled
 *
 * A virtual trial's run adds one stage, `offer`, before pathway (SimulateOptions.offer, processes/offer.ts).
 *
 * Each process reads only the world and the month's context (parameters in force, prices, streams).
 */
import type { MonthContext, World } from './world';
import { demography } from './processes/demography';
import { income } from './processes/income';
import { registry } from './processes/registry';
import { assistance } from './processes/assistance';
import { consumption } from './processes/consumption';
import { community } from './processes/community';
import { business } from './processes/business';
import { pathway } from './processes/pathway';
import { rehabilitation } from './processes/rehabilitation';
import { yearOf } from '../calendar/months';

export type Process = (world: World, ctx: MonthContext) => void;

/** The monthly pipeline, in order. */
export const PROCESSES: ReadonlyArray<readonly [name: string, process: Process]> = [
  ['demography', demography],
  ['community', community],
  ['income', income],
  ['business', business],
  ['registry', registry],
  ['assistance', assistance],
  ['rehabilitation', rehabilitation],
  ['pathway', pathway],
  ['consumption', consumption],
];

/** Clear the month's transfers, spending, queues and flows, and open a new budget year in January. */
export function openMonth(world: World, ctx: MonthContext): void {
  world.households.cashTransfers.fill(0);
  world.households.foodTransfers.fill(0);
  for (const { id } of world.registry.programmes) {
    const book = world.books[id];
    if (book.year !== yearOf(ctx.month)) {
      book.year = yearOf(ctx.month);
      book.spent = 0;
    }
    book.spentThisMonth = 0;
    book.paidThisMonth = 0;
    book.spentByProvince.fill(0);
  }
  for (const { id } of world.registry.services) {
    const book = world.services[id];
    if (book.year !== yearOf(ctx.month)) {
      book.year = yearOf(ctx.month);
      book.admittedThisYear = 0;
      book.openedThisYear = 0;
    }
    book.spentThisMonth = 0;
    book.spentByProvince.fill(0);
    book.admittedThisMonth = 0;
    book.queue = 0;
  }
  world.facilitatorQueue.extremePoor = 0;
  world.facilitatorQueue.pushed = 0;
  world.blocked.noWorkingAgeMember = 0;
  world.blocked.awaitingRehabilitation = 0;
  ctx.flows.fill(0);
}

/** Advance the world by one month. */
export function step(world: World, ctx: MonthContext, processes: ReadonlyArray<readonly [string, Process]> = PROCESSES): void {
  openMonth(world, ctx);
  for (const [, process] of processes) process(world, ctx);
}
