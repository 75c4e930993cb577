/**
 * A worker thread of an experiment: receives its settings once, then jobs one at a time, and posts
 * each result back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createJobRunner } from './job';
import type { Job, JobSettings } from './job';

const run = createJobRunner(workerData as JobSettings);
parentPort!.on('message', (job: Job) => {
  try {
    parentPort!.postMessage({ ok: true, result: run(job) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: (error as Error).stack ?? String(error) });
  }
});
