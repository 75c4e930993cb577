/**
 * The job pool of experiments and parameter studies: jobs run in the calling thread (one worker) or
 * over worker threads fed from one queue; results come back in job order whatever thread ran them.
 *
 * Worker threads get the caller's parameter tree as plain data (its validated records, folder and
 * hash: toTransfer in src/parameters/load.ts) and rebuild it, checking the hash; they read no
 * parameter file. A patched tree travels the same way.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { toTransfer } from '../parameters/load';
import type { ParameterTransfer } from '../parameters/load';
import type { Parameters } from '../parameters/types';
import { createJobRunner } from './job';
import type { Job, JobResult, JobSettings } from './job';
import { unpackResult, type PackedResult } from './result-transfer';

/** What a worker thread starts with (its workerData). */
export interface WorkerStart {
  readonly settings: JobSettings;
  readonly parameters: ParameterTransfer;
}

/**
 * Agents from which a run's step is split over threads by default: below, starting the helper
 * threads and handing them each process's work cost more than they save. `graduasi run
 * integrated-2022 --replicates 1 --workers 1`: 200,000 agents 5.98–6.29 s on one thread, 6.54–6.73
 * on two (twice each); 500,000 10.35 and 9.57 s; 1,000,000 17.11–17.98 and 14.21–14.68 s (twice each).
 */
export const THREADED_AGENTS = 500_000;

/**
 * The threads each run's step uses by default beside `workers` workers running `jobs` jobs of
 * `agents` agents: the machine's cores the workers in use leave (one worker on two cores: two
 * threads a run), at least 1; 1 below THREADED_AGENTS agents.
 */
export function threadsPerRun(workers: number, jobs: number, agents: number): number {
  if (agents < THREADED_AGENTS) return 1;
  return Math.max(1, Math.floor(availableParallelism() / Math.max(1, Math.min(workers, jobs))));
}

/**
 * Runs the jobs over `parameters` in order in this thread, or over `workers` threads; results come
 * back in job order. `progress` hears of each job finished (`done` of them) and each month stepped:
 * `share` is the share of all the jobs' months stepped so far.
 */
export async function runJobs(jobs: readonly Job[], settings: JobSettings, parameters: Parameters, workers: number, progress: (done: number, share: number) => void): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  // Months stepped, by job and in all; every job of a call steps the same months.
  const stepped = new Float64Array(jobs.length);
  let steppedAll = 0;
  let months = 0;
  let done = 0;
  const share = () => (months === 0 ? done / jobs.length : steppedAll / (months * jobs.length));
  const onMonth = (k: number, month: number, total: number) => {
    months = total;
    steppedAll += month - stepped[k];
    stepped[k] = month;
    progress(done, share());
  };
  if (workers === 1) {
    const run = createJobRunner(settings, parameters);
    for (let k = 0; k < jobs.length; k++) {
      results[k] = run(jobs[k], (month, months) => onMonth(k, month, months));
      progress(++done, share());
      await new Promise((resolve) => setImmediate(resolve)); // let the caller's progress display draw
    }
    return results;
  }
  let next = 0;
  const texts = new Map<string, string>(); // one copy of each text of the rows, for all the results
  const start: WorkerStart = { settings, parameters: toTransfer(parameters) };
  const threads = Array.from({ length: Math.min(workers, jobs.length) }, () => new Worker(new URL('./thread.js', import.meta.url), { workerData: start }));
  try {
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const feed = () => {
              if (next >= jobs.length) return resolve();
              current = next++;
              thread.postMessage(jobs[current]);
            };
            thread.on('message', (message: { ok: true; result: PackedResult } | { ok: false; message: string } | { month: number; months: number }) => {
              if ('month' in message) return onMonth(current, message.month, message.months);
              if (message.ok === false) return reject(new Error(`a worker failed on job ${current + 1} of ${jobs.length}:\n${message.message}`));
              results[current] = unpackResult(message.result, texts);
              progress(++done, share());
              feed();
            });
            thread.on('error', reject);
            thread.on('exit', (code) => {
              if (next < jobs.length || results[current] === undefined) reject(new Error(`a worker stopped (exit code ${code}) before its jobs were done`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
  return results;
}
