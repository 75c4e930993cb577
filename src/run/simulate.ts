/**
 * simulate(scenario, options): one run of the model, from the synthetic population in the start
 * month (a Susenas round the population is calibrated to: March 2022 unless `start` says another) to
 * the end month.
 *
 * Pure in what matters: the same scenario, seed, options and data give the same rows, byte for
 * byte, on any machine. The population is built from the unpatched parameters, so every scenario of
 * a seed starts from the same households and sees the same random draws (paired comparisons).
 */
import type { Parameters, ParameterPatch } from '../parameters/types';
import { buildPopulation, DEFAULT_ROUND, REFERENCE_MONTH, loadPopulationData, roundRecord } from '../population/index';
import type { Population } from '../population/index';
import { pricePath } from '../model/prices';
import { runKey } from '../model/random';
import type { Seed } from '../model/random';
import { createWorld, initialise, monthContext, renewWorld, runStreams } from '../model/initialise';
import { createFlows } from '../model/groups';
import { BUILTIN_REGISTRY } from '../model/builtin';
import type { Registry, World } from '../model/world';
import { PROCESSES, step } from '../model/month';
import { startThreads, stopThreads } from '../model/threads';
import type { Process } from '../model/month';
import { formatMonth, monthOf } from '../calendar/months';
import type { Month } from '../calendar/months';
import type { Reporter } from '../model/observation';
import type { MonthContext } from '../model/world';
import type { Manifest, Result, ResultRow } from './results';
import { sha256, toCsv } from './results';
import { provenance } from './provenance';
import { checkOffer, offerStage, withOffer } from '../model/processes/offer';
import { ProblemError } from '../problems/index';
import type { Offer } from '../model/processes/offer';

/** What simulate needs of a scenario: a name and a patch of the parameter tree. */
export interface ScenarioPatch {
  readonly id: string;
  readonly patch: ParameterPatch;
}

export interface SimulateOptions {
  /** Seed of the run: a number or a string. */
  readonly seed: Seed;
  /** Replicate number (0, 1, …): a different population sample and different draws for the same seed. Default 0. */
  readonly replicate?: number;
  /** First month, a Susenas round "YYYY-MM" of data/population/rounds.csv (2018-09 … 2022-03): the population describes it and the run starts there. Default "2022-03". Ignored when `population` is given (its round is the start). */
  readonly start?: string;
  /** Last month, "YYYY-MM". Default {@link DEFAULT_END}, "2030-12". */
  readonly end?: string;
  /** Agents in the population (when `population` is not given). Default: the population module's default sample. */
  readonly households?: number;
  /** Agents per real household, 0 < scale ≤ 1 (when `population` is not given). */
  readonly scale?: number;
  /** A population built earlier (with buildPopulation and the same seed and replicate), to share between scenarios. */
  readonly population?: Population;
  /** The run may change `population`'s households rather than copy them: the caller uses it no more. */
  readonly takePopulation?: boolean;
  /** The parameter tree the scenario patches: `loadParameters()` at the edge (command, notebook cell, lab). */
  readonly parameters: Parameters;
  /** What to observe each month. */
  readonly observe: Reporter;
  /** The programmes and services of the run. Default: the model's own (BUILTIN_REGISTRY). */
  readonly registry?: Registry;
  /** The monthly processes, in order. Default: the model's pipeline (tests replace it to check independence). */
  readonly processes?: ReadonlyArray<readonly [string, Process]>;
  /**
   * A programme offered to some households in one month outside its yearly places: the treatment
   * arm of a virtual trial (src/model/processes/offer.ts). Every draw stays the same; without it (or with no
   * households) the rows are those of a run without the hook.
   */
  readonly offer?: Offer;
  /** Called after each month stepped, with the months stepped so far and the months the run steps in all. */
  readonly onMonth?: (done: number, total: number) => void;
  /**
   * Threads the run's step uses, the calling thread and threads − 1 helpers (src/model/threads.ts):
   * the processes that touch each household alone split the households between them. The same bits
   * at any number. Default 1.
   */
  readonly threads?: number;
}

/** The last month of a run unless another is given: December 2030, what the command, the notebooks and the lab show planners. */
export const DEFAULT_END = '2030-12';

/** The seed of a run, a study or a trial unless another is given (the command's `--seed`). */
export const DEFAULT_SEED = 2022;
/** The month the synthetic population describes unless another round is asked for (Susenas March 2022), and so the first month of a run by default. */
export { REFERENCE_MONTH };

/** An offer as the manifest records it: the households as a count and a SHA-256 of their indices. */
function describeOffer(offer: Offer): NonNullable<Manifest['offer']> {
  const indices = new Uint8Array(offer.households.buffer, offer.households.byteOffset, offer.households.byteLength);
  return {
    programme: offer.programme,
    month: offer.month,
    households: offer.households.length,
    householdsSha256: sha256(indices),
    ...(offer.package === undefined ? {} : { package: { ...offer.package } }),
  };
}

/** The seed string of a replicate's population. */
function populationSeed(seed: Seed, replicate: number): string {
  return `${String(seed)}/population/${replicate}`;
}

/** The population of a seed and replicate at a Susenas round (`start`, default "2022-03"), built from the given (unpatched) parameters. */
export function populationFor(params: Parameters, seed: Seed, replicate: number, options: { households?: number; scale?: number; start?: string }): Population {
  const round = options.start ?? DEFAULT_ROUND;
  roundRecord(loadPopulationData(), round, { file: 'simulate', path: 'start' });
  return buildPopulation({ seed: populationSeed(seed, replicate), households: options.households, scale: options.scale, lines: referenceLines(params, round), round });
}

/** Poverty lines in a round's month ("YYYY-MM"), Rp per person per month. */
export function referenceLines(params: Parameters, round: string = DEFAULT_ROUND): { national: number; extreme: number } {
  const month = monthOf(round);
  const prices = pricePath(params, month, month);
  return { national: prices.nationalLine(month), extreme: prices.extremeLine(month) };
}

/**
 * The parameters the start month is set up with: the world as it was measured. The population's
 * consumption was measured under the policy then in force — the policy values of the parameter set
 * the scenario patches — so the transfers it holds, and the caseloads, are that policy's; a
 * scenario's policy changes take effect from the first month stepped, the same start for every
 * scenario. Its behaviour values (how households spend transfers, how incomes move) are the
 * scenario's: they describe the same households.
 */
function measuredWorld(base: Parameters, scenario: ScenarioPatch): Parameters {
  const behaviour = Object.fromEntries(Object.entries(scenario.patch).filter(([path]) => path.startsWith('behaviour.'))) as ParameterPatch;
  return base.patched(behaviour, `scenario ${scenario.id}, start month`);
}

/** A run's rows, and what its manifest records of it. */
export interface Simulation {
  readonly rows: ResultRow[];
  /** The scenario's parameters (the tree patched). */
  readonly params: Parameters;
  readonly population: Population;
  readonly start: number;
  readonly end: number;
  readonly registry: Registry;
}

/**
 * One run, as simulate makes it, without the manifest: for callers that keep the rows only (an
 * experiment's jobs, a trial's arms), as the manifest's hash is one more pass over every row.
 */
export function simulateRows(scenario: ScenarioPatch, options: SimulateOptions): Simulation {
  const base = options.parameters;
  const replicate = options.replicate ?? 0;
  const population = options.population ?? populationFor(base, options.seed, replicate, options);
  const params = base.patched(scenario.patch, `scenario ${scenario.id}`);
  const start = population.referenceMonth;
  const end = monthOf(options.end ?? DEFAULT_END);
  if (end < start) throw new ProblemError([{ file: 'simulate', path: 'end', expected: `a month from the start month, ${formatMonth(start)}, on`, got: formatMonth(end) }]);

  const prices = pricePath(params, start, end);
  const streams = runStreams(runKey(options.seed, replicate));
  const registry = options.registry ?? BUILTIN_REGISTRY;
  const flows = createFlows(registry.reasons.length);
  const measured = measuredWorld(base, scenario);
  const world = worldFor(population, params, start, end, registry, measured, options.population === undefined || options.takePopulation === true);
  const names = population.provinces.map((p) => p.name);
  let processes = options.processes ?? PROCESSES;
  if (options.offer !== undefined) {
    checkOffer(options.offer, population.households.count, start, end);
    processes = withOffer(processes, offerStage(options.offer));
  }

  const rows: ResultRow[] = [];
  const record = (month: number, ctx: MonthContext) => {
    const label = formatMonth(month);
    for (const r of options.observe(world, ctx, names)) rows.push({ scenario: scenario.id, replicate, month: label, indicator: r.indicator, group: r.group, value: r.value });
  };
  world.threads = startThreads(world, options.threads ?? 1);
  try {
    const first = monthContext(measured, prices, streams, flows, start, start);
    initialise(world, first);
    record(start, first);
    for (let month = start + 1; month <= end; month++) {
      const ctx = monthContext(params, prices, streams, flows, start, month);
      step(world, ctx, processes);
      record(month, ctx);
      options.onMonth?.(month - start, end - start);
    }
  } finally {
    stopThreads(world.threads);
    if (world.households !== population.households) spare = world;
  }
  return { rows, params, population, start, end, registry };
}

/**
 * The world of this thread's last run that was not on its population's own households, kept for the
 * next run: a thread that runs many worlds one after the other (an experiment's worker) runs them on
 * one, made again for each run (renewWorld), so its kernels stay made for one world (../model/threads.ts,
 * Kernel). Null while a run has it.
 */
let spare: World | null = null;

/** The world of a run: the spare world made again when it fits, else a new one (on the population's households when `take`). */
function worldFor(population: Population, params: Parameters, start: Month, end: Month, registry: Registry, measured: Parameters, take: boolean): World {
  const provinces = population.provinces.map((p) => p.code);
  const kept = spare;
  spare = null; // a world that does not fit is let go before the new one is made
  if (kept !== null && kept.households.count === population.households.count && kept.registry === registry) return renewWorld(kept, population.households, provinces, params, start, end, registry, measured);
  return createWorld(population.households, provinces, params, start, end, registry, measured, take);
}

export function simulate(scenario: ScenarioPatch, options: SimulateOptions): Result {
  const { rows, params, population, start, end, registry } = simulateRows(scenario, options);
  const base = options.parameters;
  const replicate = options.replicate ?? 0;
  const { data, ...code } = provenance();
  const manifest: Manifest = {
    ...code,
    scenario: { id: scenario.id, patchHash: sha256(JSON.stringify(scenario.patch)) },
    parametersHash: params.hash,
    parameterTree: { folder: base.folder, hash: base.hash },
    data,
    seed: options.seed,
    replicate,
    options: { start: formatMonth(start), end: formatMonth(end), agents: population.households.count },
    ...(options.offer === undefined ? {} : { offer: describeOffer(options.offer) }),
    ...(registry === BUILTIN_REGISTRY ? {} : { registry: { programmes: registry.programmes.map((p) => p.id), services: registry.services.map((s) => s.id) } }),
    population: population.totals,
    results: { rows: rows.length, sha256: sha256(toCsv(rows)) },
  };
  return { rows, manifest };
}
