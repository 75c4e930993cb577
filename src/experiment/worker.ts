/**
 * A worker thread of an experiment: receives its settings and the caller's parameter tree once, then
 * jobs one at a time, and posts each month stepped and each result back (packed: ./result-transfer.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fromTransfer } from '../parameters/load';
import { createJobRunner } from './job';
import type { Job } from './job';
import type { WorkerStart } from './pool';
import { packResult } from './result-transfer';

const start = workerData as WorkerStart;
const run = createJobRunner(start.settings, fromTransfer(start.parameters));
parentPort!.on('message', (job: Job) => {
  try {
    const result = packResult(run(job, (done, total) => parentPort!.postMessage({ month: done, months: total })));
    parentPort!.postMessage({ ok: true, result }, [result.keys.buffer, result.replicates.buffer, result.values.buffer] as ArrayBuffer[]);
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: (error as Error).stack ?? String(error) });
  }
});
