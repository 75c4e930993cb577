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
 * On two threads or more, the pathway and consumption run side by side (SIDE_BY_SIDE): while the
 * calling thread does the pathway's tally and moves, the helper threads do consumption. The same bits
 * as one after the other.
 *
 * Each process reads only the world and the month's context (parameters in force, prices, streams).
 */
import type { MonthContext, World } from './world';
import { demography } from './processes/demography';
import { income } from './processes/income';
import { registry } from './processes/registry';
import { assistance } from './processes/assistance';
import { consumption, consumptionBeside } from './processes/consumption';
import { community } from './processes/community';
import { business } from './processes/business';
import { pathway, pathwayParts } from './processes/pathway';
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

/**
 * Processes that run side by side when they come one after the other and the run has helper threads:
 * `first` ends its month on the calling thread alone (`serial`, after `threaded`), and `then`'s work
 * over the households runs on the helpers meanwhile (`beside`). They may: the pathway's moves write
 * nothing consumption reads (income, transfers, size, weight, savings, last month's consumption) and
 * read nothing it writes but consumption, which it writes into drafts until the moves are done
 * (processes/consumption.ts, consumptionBeside; processes/pathway.ts, PathwayParts).
 */
const SIDE_BY_SIDE: ReadonlyArray<{
  readonly first: Process;
  readonly threaded: Process;
  readonly serial: Process;
  readonly then: Process;
  readonly beside: (world: World, ctx: MonthContext, serial: () => void) => void;
}> = [
  {
    first: pathway,
    threaded: (world, ctx) => pathwayParts(world).list(ctx),
    serial: (world, ctx) => pathwayParts(world).move(ctx),
    then: consumption,
    beside: consumptionBeside,
  },
];

/**
 * The month's stages on `world`'s threads: its processes in order, those of SIDE_BY_SIDE that come
 * one after the other joined into one stage named for both ("pathway + consumption") when the world
 * has helper threads.
 */
export function stages(world: World, processes: ReadonlyArray<readonly [string, Process]> = PROCESSES): ReadonlyArray<readonly [string, Process]> {
  if (world.threads.helpers.length === 0) return processes;
  const joined: (readonly [string, Process])[] = [];
  for (let k = 0; k < processes.length; k++) {
    const [name, process] = processes[k];
    const pair = SIDE_BY_SIDE.find((p) => p.first === process && processes[k + 1]?.[1] === p.then);
    if (pair === undefined) {
      joined.push(processes[k]);
      continue;
    }
    const { threaded, serial, beside } = pair;
    joined.push([`${name} + ${processes[k + 1][0]}`, (w, ctx) => {
      threaded(w, ctx);
      beside(w, ctx, () => serial(w, ctx));
    }]);
    k++;
  }
  return joined;
}

/** Advance the world by one month. */
export function step(world: World, ctx: MonthContext, processes: ReadonlyArray<readonly [string, Process]> = PROCESSES): void {
  openMonth(world, ctx);
  for (const [, stage] of stages(world, processes)) stage(world, ctx);
}
