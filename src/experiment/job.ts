/**
 * One job of an experiment: one parameter set × one replicate. The same code runs in the calling
 * thread (one worker) and in worker threads, so results cannot depend on where a job ran. Every job
 * patches the parameter tree the caller gave (a worker thread receives it as plain data, ./pool.ts).
 */
import type { Seed } from '../model/random';
import type { ResultRow } from '../run/results';
import { populationFor, simulateRows } from '../run/simulate';
import { formatMonth, monthOf } from '../calendar/months';
import type { Reporter } from '../model/observation';
import { standardIndicators } from '../observe/indicators';
import type { Parameters, ParameterPatch } from '../parameters/types';
import type { Population } from '../population/index';
import { experimentIndicators } from './observe';

/** What every job of an experiment shares. */
export interface JobSettings {
  readonly seed: Seed;
  /** The Susenas round the populations describe and the runs start from, "YYYY-MM" (absent: the default round). */
  readonly start?: string;
  readonly end: string;
  readonly households?: number;
  readonly scale?: number;
  /** Record only these values (parameter studies); every indicator of the experiment's observation when absent. */
  readonly measures?: readonly Measure[];
  /** Threads each run's step uses (SimulateOptions.threads; the same bits at any number). Default 1. */
  readonly threads?: number;
}

/** One number a run is asked for: an indicator of a group in a month, e.g. p0_extreme, national, 2030-03. */
export interface Measure {
  readonly indicator: string;
  readonly group: string;
  /** "YYYY-MM". */
  readonly month: string;
}

export interface Job {
  /** Index of the parameter set (scenarios with identical parameters share one). */
  readonly set: number;
  /** Id the rows are labelled with; the experiment relabels them for each scenario of the set. */
  readonly id: string;
  readonly patch: ParameterPatch;
  readonly replicate: number;
  /** The only job of its replicate: it may take the replicate's population over rather than copy it. */
  readonly only?: boolean;
}

export interface JobResult {
  readonly set: number;
  readonly replicate: number;
  readonly rows: readonly ResultRow[];
  readonly population: { readonly agents: number; readonly households: number; readonly persons: number };
}

/** A reporter that reads the world only in the months measured and keeps only the rows asked for. */
function measured(measures: readonly Measure[]): Reporter {
  const months = new Set(measures.map((m) => monthOf(m.month)));
  const wanted = new Set(measures.map((m) => `${m.month}|${m.indicator}|${m.group}`));
  return (world, ctx, names) => {
    if (!months.has(ctx.month)) return [];
    const month = formatMonth(ctx.month);
    return standardIndicators(world, ctx, names).filter((r) => wanted.has(`${month}|${r.indicator}|${r.group}`));
  };
}

/**
 * Runs jobs over `parameters` (each job's patch is applied to it; populations are built from it
 * unpatched), keeping the population of the latest replicate (jobs come replicate by replicate) for
 * its next job, unless the job is its replicate's only one.
 */
export function createJobRunner(settings: JobSettings, parameters: Parameters): (job: Job, onMonth?: (done: number, total: number) => void) => JobResult {
  const observe = settings.measures ? measured(settings.measures) : experimentIndicators(monthOf(settings.end));
  let cached: { replicate: number; population: Population } | undefined;
  return (job, onMonth) => {
    if (cached?.replicate !== job.replicate) {
      cached = undefined; // let the old population go before the new one is built
      cached = { replicate: job.replicate, population: populationFor(parameters, settings.seed, job.replicate, settings) };
    }
    const { population } = cached;
    if (job.only === true) cached = undefined; // the run takes the population over
    const { rows } = simulateRows({ id: job.id, patch: job.patch }, { seed: settings.seed, replicate: job.replicate, end: settings.end, population, takePopulation: job.only, parameters, observe, onMonth, threads: settings.threads });
    return {
      set: job.set,
      replicate: job.replicate,
      rows,
      population: { agents: population.households.count, households: population.totals.households, persons: population.totals.persons },
    };
  };
}
