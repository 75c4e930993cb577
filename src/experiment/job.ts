/**
 * One job of an experiment: one parameter set × one replicate. The same code runs in the calling
 * thread (one worker) and in worker threads, so results cannot depend on where a job ran.
 */
import type { Seed } from '../model/random';
import type { ResultRow } from '../model/results';
import { populationFor, simulate } from '../model/simulate';
import { monthOf } from '../model/time';
import { loadParameters } from '../parameters/load';
import type { Parameters, ParameterPatch } from '../parameters/types';
import type { Population } from '../population/index';
import { experimentIndicators } from './observe';

/** What every job of an experiment shares. */
export interface JobSettings {
  readonly seed: Seed;
  readonly end: string;
  readonly households?: number;
  readonly scale?: number;
}

export interface Job {
  /** Index of the parameter set (scenarios with identical parameters share one). */
  readonly set: number;
  /** Id the rows are labelled with; the experiment relabels them for each scenario of the set. */
  readonly id: string;
  readonly patch: ParameterPatch;
  readonly replicate: number;
}

export interface JobResult {
  readonly set: number;
  readonly replicate: number;
  readonly rows: readonly ResultRow[];
  readonly population: { readonly agents: number; readonly households: number; readonly persons: number };
}

/** Runs jobs, keeping the population of the latest replicate (jobs come replicate by replicate). */
export function createJobRunner(settings: JobSettings): (job: Job) => JobResult {
  const parameters: Parameters = loadParameters();
  const observe = experimentIndicators(monthOf(settings.end));
  let cached: { replicate: number; population: Population } | undefined;
  return (job) => {
    if (cached?.replicate !== job.replicate) {
      cached = undefined; // let the old population go before the new one is built
      cached = { replicate: job.replicate, population: populationFor(parameters, settings.seed, job.replicate, settings) };
    }
    const { population } = cached;
    const result = simulate({ id: job.id, patch: job.patch }, { seed: settings.seed, replicate: job.replicate, end: settings.end, population, parameters, observe });
    return {
      set: job.set,
      replicate: job.replicate,
      rows: result.rows,
      population: { agents: population.households.count, households: result.manifest.population.households, persons: result.manifest.population.persons },
    };
  };
}
