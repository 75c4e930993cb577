/**
 * One month of the model: the processes, in order.
 *
 *   community ─► income ─► business ─► registry ─► pkh ─► bpnt ─► blt_bbm ─► pathway ─► consumption
 *
 *   community    community programmes (KAT, Karang Taruna, LKS) reach the poorest communities
 *   income       market income moves with growth, prices, household, province and aggregate shocks
 *   business     businesses earn, grow or fail (poverty trap); profit adds to income
 *   registry     households due for assessment: DTKS listing (with errors) and PMT score
 *   pkh          exits, cuts or entries within quota and budget, then payments to compliant families
 *   bpnt         the same for BPNT / Sembako food assistance
 *   blt_bbm      the fuel-compensation cash transfer to PKH and BPNT families, while it is paid
 *   pathway      phases, services (ATENSI, RST, skills, PENA, PROKUS) within capacity, graduation, relapse
 *   consumption  measured consumption from income and transfers; the welfare distribution is refilled
 *
 * A virtual trial's run adds one stage, `offer`, before pathway (SimulateOptions.offer, processes/offer.ts).
 *
 * Each process reads only the world and the month's context (parameters in force, prices, streams).
 */
import type { MonthContext, World } from './world';
import { PROGRAMMES, SERVICES } from './world';
import { income } from './processes/income';
import { registry } from './processes/registry';
import { activeMonthsLeft, bltBbmRule, bpntRule, pkhEntitlements, pkhRule, runProgramme } from './processes/programmes';
import { consumption } from './processes/consumption';
import { community } from './processes/community';
import { business } from './processes/business';
import { pathway } from './processes/pathway';
import { yearOf } from '../calendar/months';

export type Process = (world: World, ctx: MonthContext) => void;

/** PKH: entitlements follow this year's benefit index; then enrolment and payments. */
export function pkh(world: World, ctx: MonthContext): void {
  const b = ctx.params.policy.pkh;
  const key = JSON.stringify([b.benefit, b.member_cap]);
  if (world.pkhIndex !== key) {
    pkhEntitlements(world.households, ctx.params);
    world.pkhIndex = key;
  }
  runProgramme(world, ctx, pkhRule(world.households, ctx), activeMonthsLeft(world.books.pkh, ctx.month));
}

export function bpnt(world: World, ctx: MonthContext): void {
  runProgramme(world, ctx, bpntRule(ctx), activeMonthsLeft(world.books.bpnt, ctx.month));
}

export function bltBbm(world: World, ctx: MonthContext): void {
  runProgramme(world, ctx, bltBbmRule(ctx), activeMonthsLeft(world.books.blt_bbm, ctx.month));
}

/** The monthly pipeline, in order. */
export const PROCESSES: ReadonlyArray<readonly [name: string, process: Process]> = [
  ['community', community],
  ['income', income],
  ['business', business],
  ['registry', registry],
  ['pkh', pkh],
  ['bpnt', bpnt],
  ['blt_bbm', bltBbm],
  ['pathway', pathway],
  ['consumption', consumption],
];

/** Clear the month's transfers, spending, queues and flows, and open a new budget year in January. */
export function openMonth(world: World, ctx: MonthContext): void {
  world.households.cashTransfers.fill(0);
  world.households.foodTransfers.fill(0);
  for (const id of PROGRAMMES) {
    const book = world.books[id];
    if (book.year !== yearOf(ctx.month)) {
      book.year = yearOf(ctx.month);
      book.spent = 0;
    }
    book.spentThisMonth = 0;
    book.spentByProvince.fill(0);
  }
  for (const id of SERVICES) {
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
  world.facilitatorQueue = 0;
  world.blocked.noWorkingAgeMember = 0;
  world.blocked.awaitingRehabilitation = 0;
  ctx.flows.fill(0);
}

/** Advance the world by one month. */
export function step(world: World, ctx: MonthContext, processes: ReadonlyArray<readonly [string, Process]> = PROCESSES): void {
  openMonth(world, ctx);
  for (const [, process] of processes) process(world, ctx);
}
