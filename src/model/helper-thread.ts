/**
 * A helper thread of a run's step (./threads.ts): views of the run's shared households, then a loop
 * that waits for a task, runs its kernel over its range and posts back what the range added (flows,
 * weights by welfare bin, regrouped households, whether members changed, an observer's sums). It
 * imports a kernel's module the first time a task names it.
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { householdsOn } from './households';
import { flowBytes } from './groups';
import { LOG_BINS } from './welfare';
import { takeChunks } from './threads';
import type { HelperStart, HelperTask, HouseholdView, Kernel, RangeOut, RangeWork } from './threads';

const start = workerData as HelperStart;
const households = householdsOn(start.households, start.count);
const view: HouseholdView = {
  households,
  consumptionBits: new Uint32Array(start.households.consumption),
  scoreBits: new Uint32Array(start.households.registryScore),
  consumptionDrafts: new Float32Array(start.consumptionDrafts),
  growthRank: new Float32Array(start.growthRank),
  membersChanged: new Uint8Array(start.membersChanged),
  flowBytes: flowBytes(households),
  welfare: { rank: new Float64Array(start.welfareRank) },
  visiting: { households: new Int32Array(start.visiting) },
  settling: new Int32Array(start.settling),
};
const control = new Int32Array(start.control);
const nextChunk = new Int32Array(start.nextChunk);
const modules = new Map<string, Record<string, unknown>>();
/** The work each kernel made for this thread's world, by module and name: made once (a helper lives for one run). */
const works = new Map<string, RangeWork<unknown>>();
let flows = new Float64Array(0);
let sums = new Float64Array(0);
const weightByBin = new Float64Array(LOG_BINS);
let regrouped: Uint32Array = new Uint32Array(1024);

/** The work of the kernel a task names, for this thread's world: its module imported and the work made the first time. */
async function workOf(task: HelperTask): Promise<RangeWork<unknown>> {
  const key = `${task.kernel.module}#${task.kernel.name}`;
  const made = works.get(key);
  if (made !== undefined) return made;
  let module = modules.get(task.kernel.module);
  if (module === undefined) modules.set(task.kernel.module, (module = (await import(task.kernel.module)) as Record<string, unknown>));
  const kernel = module[task.kernel.name];
  if (typeof kernel !== 'function') throw new Error(`${task.kernel.module} exports no kernel ${task.kernel.name}`);
  const work = (kernel as Kernel<unknown>)(view);
  works.set(key, work);
  return work;
}

for (let seen = 0; ; ) {
  Atomics.wait(control, 0, seen);
  seen = Atomics.load(control, 0);
  if (seen < 0) break;
  try {
    const task = receiveMessageOnPort(start.port)?.message as HelperTask;
    if (flows.length !== task.flowsLength) flows = new Float64Array(task.flowsLength);
    if (sums.length !== task.sumsLength) sums = new Float64Array(task.sumsLength);
    flows.fill(0);
    sums.fill(0);
    weightByBin.fill(0);
    const out: RangeOut = { flows, weightByBin, regrouped, regroupedCount: 0, membersChanged: false, sums, listed: 0 };
    const chunks = takeChunks(await workOf(task), task.terms, task.n, task.chunks, start.home, nextChunk, out);
    regrouped = out.regrouped;
    start.port.postMessage({ ok: true, flows, weightByBin, regrouped: regrouped.slice(0, out.regroupedCount), membersChanged: out.membersChanged, sums, chunks });
  } catch (error) {
    start.port.postMessage({ ok: false, message: (error as Error).stack ?? String(error) });
  }
  Atomics.store(control, 1, seen);
  Atomics.notify(control, 1);
}
start.port.close();
