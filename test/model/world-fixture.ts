/**
 * A tiny world built by hand, for rule tests of the monthly processes.
 *
 * A handful of households in one province (BPS code 11, unless a test asks for more), each a default
 * family — four persons, two of working age, head aged 45, in the registry and PKH, in the assistance
 * phase, consuming 1.1 × the national line — with whatever attributes a test sets. Parameters are the
 * data tree with a few values held constant (`held`), so a rule can be made deterministic (a
 * probability of 1 or 0, a capacity that is large or zero). The test calls a process directly
 * (`pathway(t.world, t.ctx)`) and reads the households and the month's flows. */
import { ATTRIBUTES, IN_REGISTRY, allocateHouseholds } from '../../src/model/households';
import { PKH } from './bits';
import { BUILTIN_REGISTRY } from '../../src/model/builtin';
import type { Households } from '../../src/model/households';
import { createWorld, monthContext, runStreams } from '../../src/model/initialise';
import { openMonth } from '../../src/model/month';
import type { Process } from '../../src/model/month';
import { ASSISTANCE } from '../../src/model/phases';
import { pricePath } from '../../src/model/prices';
import { runKey } from '../../src/model/random';
import { FLOW_GROUPS, createFlows } from '../../src/model/groups';
import { monthOf } from '../../src/calendar/months';
import type { Month } from '../../src/calendar/months';
import type { MonthContext, World } from '../../src/model/world';
import { loadParameters } from '../../src/parameters/load';
import type { ParameterPath } from '../../src/parameters/spec';
import type { ParameterPatch, Parameters } from '../../src/parameters/types';

/** Every array attribute of a household, by name. */
export type Attribute = keyof typeof ATTRIBUTES;
/** Some attributes of one household. */
export type Family = Partial<Record<Attribute, number>>;
export type FlowGroup = string;

/** The weight of a default family: real households one agent stands for. */
export const W = 1000;

/** The month rule tests are set in (the integration and the under-40 push are on). */
export const MONTH = '2023-06';

const BASE = loadParameters();

/** A patch holding each parameter at one value at every date it has (so from its first date on). */
export function held(values: { readonly [P in ParameterPath]?: number | boolean }, params: Parameters = BASE): ParameterPatch {
  const patch: Record<string, Record<string, number | boolean>> = {};
  for (const [path, value] of Object.entries(values) as [ParameterPath, number | boolean][]) {
    patch[path] = Object.fromEntries(params.get(path).values.map((v) => [v.date, value]));
  }
  return patch as ParameterPatch;
}

export interface Tiny {
  readonly params: Parameters;
  readonly world: World;
  readonly h: Households;
  /** The current month's context; `next()` replaces it. */
  ctx: MonthContext;
  /** This month's poverty lines, Rp per person per month. */
  readonly national: number;
  readonly extreme: number;
  /** Weighted households moved for `reason` this month, in `group` (default national). */
  flow(reason: string, group?: FlowGroup): number;
  /** Run processes in the current month. */
  run(...processes: Process[]): void;
  /** Open the next month: a new context, books, queues, blocked counts and flows cleared. */
  next(): void;
  /** Open the next month and run the processes in it, `months` times. */
  months(months: number, ...processes: Process[]): void;
}

export interface TinyOptions {
  /** Parameter values held constant (see `held`). */
  readonly hold?: { readonly [P in ParameterPath]?: number | boolean };
  /** The first month the processes run in, "YYYY-MM" (default MONTH); the world starts the month before. */
  readonly month?: string;
  readonly seed?: number;
  /** BPS codes of the provinces (default [11], one province); a family's `province` indexes them. */
  readonly provinces?: readonly number[];
}

/** Default attributes of a family, given this month's national line. */
function defaults(national: number): Family {
  return {
    weight: W,
    province: 0,
    flags: 0,
    size: 4,
    headAge: 45,
    earlyChildhood: 1,
    primaryPupils: 1,
    consumption: 1.1 * national,
    income: 1.1 * national,
    registryScore: 1.1 * national,
    programmes: IN_REGISTRY | PKH,
    phase: ASSISTANCE,
  };
}

/**
 * A world of `families.length` households, each the default family with the attributes given (a
 * function of the month's lines, to place a family relative to them).
 */
export function tinyWorld(families: readonly Family[] | ((lines: { national: number; extreme: number }) => readonly Family[]), options: TinyOptions = {}): Tiny {
  const params = BASE.patched(held(options.hold ?? {}), 'test');
  const first: Month = monthOf(options.month ?? MONTH);
  const start = first - 1;
  const end = first + 48;
  const prices = pricePath(params, start, end);
  const streams = runStreams(runKey(options.seed ?? 1));
  const flows = createFlows(BUILTIN_REGISTRY.reasons.length);
  const lines = { national: prices.nationalLine(first), extreme: prices.extremeLine(first) };
  const list = typeof families === 'function' ? families(lines) : families;
  const world = createWorld(allocateHouseholds(list.length), options.provinces ?? [11], params, start, end, BUILTIN_REGISTRY);
  const h = world.households;
  list.forEach((family, i) => {
    for (const [key, value] of Object.entries({ ...defaults(lines.national), ...family })) h[key as Attribute][i] = value as number;
  });
  let month = first;
  const t: Tiny = {
    params,
    world,
    h,
    ctx: monthContext(params, prices, streams, flows, start, first),
    ...lines,
    flow: (reason, group = 'national') => flows[BUILTIN_REGISTRY.reason[reason] * FLOW_GROUPS.length + FLOW_GROUPS.indexOf(group)],
    run: (...processes) => {
      for (const p of processes) p(world, t.ctx);
    },
    next: () => {
      month++;
      t.ctx = monthContext(params, prices, streams, flows, start, month);
      openMonth(world, t.ctx);
    },
    months: (months, ...processes) => {
      for (let k = 0; k < months; k++) {
        t.next();
        t.run(...processes);
      }
    },
  };
  openMonth(world, t.ctx);
  return t;
}
