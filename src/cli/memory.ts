/**
 * The memory a command will need, estimated from its options before any work, and checked against
 * the machine: the memory available now (os.freemem: free and reclaimable) and the V8 heap limit of
 * this process, which is also each worker thread's. A run that would not fit is refused with the
 * estimate and the limit, rather than dying of "heap out of memory" minutes later.
 *
 * What takes the memory (measured with Node 20 on a machine of 2 cores and 24 GB, rounded up):
 *   - a thread's population, which a run works on: about 100 B per agent (peak resident memory of
 *     one run of 8.6 million agents, scale 0.1, to December 2022: 0.91 GB) — AGENT_BYTES; when the
 *     population is kept for the replicate's next scenario, the run's own copy of it as much again (2
 *     and 4 scenarios: 1.65 and 1.69 GB; a thread keeps its last run's world and makes it the next
 *     run's, on the same arrays, ../run/simulate.ts) — typed arrays outside the heap;
 *   - the rows a run records (src/experiment/observe.ts): 156 a month nationally, 3,049 in March and
 *     in the last month, when every group is recorded — NATIONAL_ROWS, GROUPED_ROWS;
 *   - each row held in the heap until the files are written: the row, its line of results.csv and
 *     its share of summary.csv, 275–531 B (1 to 4 replicates of 20,000 agents) — ROW_BYTES;
 *   - a thread's fixed cost (V8, the code, the parameter tree): THREAD_BYTES; a run's step split
 *     over threads (--threads) adds a helper thread for each thread beyond the first, which holds its
 *     fixed cost and the month's messages (the households are shared memory, not copied), and the
 *     month's consumption drafted beside the pathway, DRAFT_BYTES an agent: one run of 86.4 million
 *     agents to 2030, peak 8.02 GB on one thread, 8.76 and 9.06 GB on two before the drafts;
 *   - garbage: a heap holds what is live and what V8 has not collected yet, up to GC_SLACK times as
 *     much again, at most GC_SLACK_CAP a thread. Peak resident memory of `graduasi compare` (10
 *     scenarios of 200,000 agents to 2030): 1 replicate on 1 thread 1.19 GB, on 2 threads 1.45 GB;
 *     3 replicates 1.82 GB, 10 replicates 4.10 GB; one run of 20,000 agents 0.23 GB. The live heap
 *     alone (THREAD_BYTES and ROW_BYTES a row) is a third to four fifths of those; the heap limit is
 *     checked against it, the memory available against what is resident.
 * The estimate errs on the high side; its purpose is to refuse what cannot fit, not to plan to the byte.
 */
import { availableParallelism, freemem, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { monthOf, monthOfYear } from '../calendar/months';
import { ProblemError } from '../problems/index';

/** Bytes per agent a thread's population holds (runs that keep it for the next scenario hold a copy of as much again). */
export const AGENT_BYTES = 100;

/** Bytes per agent of a run whose step has helper threads: the month's consumption drafted beside the pathway (World.consumptionDrafts). */
export const DRAFT_BYTES = 4;

/** Populations' worth a thread holds: its population, and with more than one scenario a replicate the run's copy. */
const populationsHeld = (scenarios: number) => (scenarios > 1 ? 2 : 1);
/** Rows a run records in a month with the national figures only, and in a month with every group. */
export const NATIONAL_ROWS = 170;
export const GROUPED_ROWS = 3_300;
/** Heap bytes a recorded row holds until the files are written. */
export const ROW_BYTES = 600;
/** A thread's fixed cost, in bytes. */
export const THREAD_BYTES = 100 * 2 ** 20;
/** Garbage a thread's heap may hold before V8 collects it: this many times the live heap, at most GC_SLACK_CAP. */
export const GC_SLACK = 2.5;
export const GC_SLACK_CAP = 2 ** 30;

/** Resident memory of a heap of `live` bytes, its garbage included. */
const resident = (live: number) => live + Math.min(GC_SLACK * live, GC_SLACK_CAP);

/** What a command will hold, in bytes. */
export interface MemoryEstimate {
  /** The largest heap one thread needs. */
  readonly heap: number;
  /** Every thread's heap and populations together. */
  readonly total: number;
  /** What it is made of, in words ("12 runs of 200,000 agents, 2 workers"). */
  readonly what: string;
}

/** The machine's memory as a command may use it, in bytes. */
export interface MachineMemory {
  /** Available now: free and reclaimable (os.freemem). */
  readonly available: number;
  readonly total: number;
  /** The V8 heap limit of this process and of each worker thread. */
  readonly heapLimit: number;
}

export function machineMemory(): MachineMemory {
  return { available: freemem(), total: totalmem(), heapLimit: getHeapStatistics().heap_size_limit };
}

/** Rows one run of the experiment records from `start` to `end` ("YYYY-MM"): national each month, every group in March and the last month. */
export function rowsPerRun(start: string, end: string): number {
  const first = monthOf(start);
  const last = monthOf(end);
  let rows = 0;
  for (let m = first; m <= last; m++) rows += monthOfYear(m) === 3 || m === last ? GROUPED_ROWS : NATIONAL_ROWS;
  return rows;
}

/** Threads that hold a population: the workers, or the calling thread alone when there is one worker. */
const threadsFor = (runs: number, workers: number) => (workers > 1 ? Math.min(workers, runs) : 1);

/**
 * An experiment's memory (run, compare, history, backtest): `runs` runs of `agents` agents, each
 * recording `rows` rows that the calling thread keeps until the files are written, over `workers`
 * threads; with `scenarios` runs a replicate (more than one: each run copies the population); each
 * run's step on `threadsPerRun` threads (default 1: no helper threads).
 */
export function experimentMemory(o: { readonly runs: number; readonly rows: number; readonly agents: number; readonly workers: number; readonly scenarios: number; readonly threadsPerRun?: number }): MemoryEstimate {
  const threads = threadsFor(o.runs, o.workers);
  const helpers = threads * ((o.threadsPerRun ?? 1) - 1);
  const kept = THREAD_BYTES + o.runs * o.rows * ROW_BYTES;
  const thread = THREAD_BYTES + o.rows * ROW_BYTES;
  const populations = threads * o.agents * (AGENT_BYTES * populationsHeld(o.scenarios) + (helpers > 0 ? DRAFT_BYTES : 0));
  const steps = helpers > 0 ? `, ${count(o.threadsPerRun ?? 1, 'thread')} a run` : '';
  return {
    heap: Math.max(kept, thread),
    total: resident(kept) + (o.workers > 1 ? threads * resident(thread) : 0) + helpers * resident(THREAD_BYTES) + populations,
    what: `${count(o.runs, 'run')} of ${o.agents.toLocaleString('en')} agents recording ${o.rows.toLocaleString('en')} rows each, ${count(threads, 'worker')}${steps}`,
  };
}

/** A study's memory (calibrate, sensitivity, trial): runs of `agents` agents that record a few numbers each, on `workers` threads, each run on a copy of its thread's population. */
export function studyMemory(o: { readonly agents: number; readonly workers: number }): MemoryEstimate {
  const threads = o.workers;
  return {
    heap: THREAD_BYTES,
    total: resident(THREAD_BYTES) * (1 + (o.workers > 1 ? threads : 0)) + threads * o.agents * AGENT_BYTES * populationsHeld(2),
    what: `runs of ${o.agents.toLocaleString('en')} agents, ${count(threads, 'worker')}`,
  };
}

const count = (n: number, what: string) => `${n.toLocaleString('en')} ${what}${n === 1 ? '' : 's'}`;

/** Bytes as a person reads them: "1.2 GB", "350 MB" (powers of 1024). */
export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let k = 0;
  let x = n;
  while (x >= 1024 && k < units.length - 1) {
    x /= 1024;
    k++;
  }
  return `${x >= 100 || k === 0 ? Math.round(x) : x.toPrecision(2)} ${units[k]}`;
}

/**
 * Refuses, as a problem of `graduasi <command>`, an estimate that does not fit `machine`: its heap
 * above the V8 heap limit, or its total above the memory available. `options` names what makes the
 * estimate, for the user to lower.
 */
export function checkMemory(command: string, options: string, estimate: MemoryEstimate, machine: MachineMemory = machineMemory()): void {
  const file = `graduasi ${command}`;
  const hint = `fewer or smaller runs: lower ${options}`;
  if (estimate.heap > machine.heapLimit) {
    throw new ProblemError([{ file, path: options, expected: `a run whose heap fits the V8 heap limit of ${bytes(machine.heapLimit)} of each thread`, got: `about ${bytes(estimate.heap)} in one thread (${estimate.what})`, hint }]);
  }
  if (estimate.total > machine.available) {
    throw new ProblemError([{ file, path: options, expected: `a run that fits the memory available, ${bytes(machine.available)} (of ${bytes(machine.total)})`, got: `about ${bytes(estimate.total)} (${estimate.what})`, hint }]);
  }
}

/** The file of a run folder that says what the run used of the machine that ran it. */
export const RESOURCES_FILE = 'resources.json';

/**
 * What a command used of this machine, as resources.json records it: the wall time since `began`
 * (performance.now()), the peak resident memory of the process (its worker threads included), the
 * estimate checked before it started, the worker threads and the machine. Unlike the manifest, it is
 * not reproducible: it differs from machine to machine and run to run.
 */
export function resourcesUsed(began: number, estimate: MemoryEstimate, workers: number, threads: number): string {
  const record = {
    about: 'What this run used of the machine that ran it: not part of the results, and different from run to run',
    seconds: Math.round(performance.now() - began) / 1000,
    peakResidentBytes: process.resourceUsage().maxRSS * 1024,
    estimatedBytes: Math.round(estimate.total),
    estimated: estimate.what,
    workers,
    threadsPerRun: threads,
    machine: { cores: availableParallelism(), memoryBytes: totalmem(), node: process.version, platform: `${process.platform} ${process.arch}` },
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}
