/**
 * The step's threads: the work that touches each household alone (demography, income, businesses,
 * the registry's assessments, consumption, the programmes' listing, settling, payments and months of
 * holding, ATENSI's pass over the households, the pathway's listing; in the start month the first
 * assessments, the cluster traits and each household's income too) cuts the households of one run
 * into chunks, which the calling thread and the helper threads take in turn until none is left, on
 * the same shared memory (households.ts, sharedArray).
 *
 * A run gives the same bits at any number of threads. Each household's draws are its own
 * (./random.ts), lists are joined in chunk order, and the sums this work makes across households
 * are exact, so neither which thread takes a chunk nor the order in which the threads' sums are
 * added matters: the weights moved in the flows, the welfare histogram,
 * the candidates' tallies and the families a programme pays are sums of Float32 weights in Float64
 * (a Float32 weight has 24 significant bits; the sums stay far below 2^53 of the smallest weight's
 * last bit), and what a programme pays or expects to pay a family with an entitlement of its own is
 * a whole number of rupiah (sums far below 2^53). What else a process adds up in rupiah (a service's
 * spending, the tally's consumption) stays in the calling thread, in household order.
 *
 * An observer can split its sums over households the same way (../observe/indicators.ts: the
 * household tally's sums of weights go to the threads while the calling thread adds its sums in
 * rupiah in household order).
 *
 * A helper thread waits on its control word (Atomics.wait), takes its task from its port
 * (receiveMessageOnPort: the calling thread blocks while the helpers work, so nothing here waits for
 * an event loop), runs the kernel over the chunks it takes and posts back what they added. A kernel is
 * named by its module and export (KernelRef); the helper imports the module the first time.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { ATTRIBUTES, sharedArray } from './households';
import { LOG_BINS } from './welfare';
import type { MonthContext, StepHelper, StepThreads, World } from './world';

/** Where a helper thread finds a kernel: its module's URL (import.meta.url) and the name it exports it by. */
export interface KernelRef {
  readonly module: string;
  readonly name: string;
}

/** What a kernel reads and writes besides its terms: the households and the world's arrays of one element per household. */
export type HouseholdView = Pick<World, 'households' | 'consumptionBits' | 'scoreBits' | 'consumptionDrafts' | 'growthRank' | 'membersChanged' | 'flowBytes'> & {
  readonly welfare: { readonly rank: Float64Array };
  /** A kernel may list households in World.visiting from the start of its range on (Split.list). */
  readonly visiting: { readonly households: Int32Array };
  /** A kernel over the households listed in World.visiting may list some of them in World.settling from the start of its range on (Split.list); a kernel that lists in World.visiting may write beside its entries in World.settling (Split.beside). */
  readonly settling: Int32Array;
};

/** What the ranges of households a thread runs add up (a chunk each: takeChunks): merged in the calling thread once every chunk is done. */
export interface RangeOut {
  /** Weights moved, by reason and group (World flows: ./groups.ts, countMove). */
  readonly flows: Float64Array;
  /** Weights by welfare bin (the welfare distribution being filled). */
  readonly weightByBin: Float64Array;
  /** The households whose group changed, in household order: a range appends them after the first `regroupedCount` (growing the array if it must). */
  regrouped: Uint32Array;
  regroupedCount: number;
  /** Whether the members of some household changed: a range sets it, never clears it. */
  membersChanged: boolean;
  /** A kernel's sums of weights (its own layout: Split.sums). */
  readonly sums: Float64Array;
  /** Households the kernel listed in Split.list, from the start of its range on (Split.list joins the ranges' lists); a range sets it. */
  listed: number;
}

/** A process's work on households lo ≤ i < hi of one world, given its terms for the month (plain data: they travel to the helper threads). */
export type RangeWork<T> = (terms: T, lo: number, hi: number, out: RangeOut) => void;

/**
 * A kernel makes a process's work for one world, once in each thread: the work holds the world as a
 * constant of its closure. Where a thread has made one closure of a kernel (a helper thread, which
 * lives for one run; the calling thread of a process that runs one world), the optimising compiler
 * knows the world's typed arrays and reads them without checking and reloading each one at every
 * read (the consumption kernel at 2 million households: 11 ns a household so, 19 with its arrays
 * passed in); where it has made several, the work reads them as if they were passed in.
 */
export type Kernel<T> = (w: HouseholdView) => RangeWork<T>;

/** The work `kernel` (known to the helpers as `ref`) makes for `world`, made the first time on the calling thread. */
function workOf<T>(world: World, ref: KernelRef, kernel: Kernel<T>): RangeWork<T> {
  const key = `${ref.module}#${ref.name}`;
  let work = world.kernels.get(key) as RangeWork<T> | undefined;
  if (work === undefined) world.kernels.set(key, (work = kernel(world)));
  return work;
}

/** What a helper thread posts back for the chunks it took (Taken). */
type HelperReply =
  | { readonly ok: true; readonly flows: Float64Array; readonly weightByBin: Float64Array; readonly regrouped: Uint32Array; readonly membersChanged: boolean; readonly sums: Float64Array; readonly chunks: readonly number[] }
  | { readonly ok: false; readonly message: string };

/** What a helper thread starts with (its workerData). */
export interface HelperStart {
  readonly count: number;
  /** Each household attribute's shared memory, by name. */
  readonly households: { readonly [attribute: string]: SharedArrayBuffer };
  readonly growthRank: SharedArrayBuffer;
  readonly membersChanged: SharedArrayBuffer;
  readonly welfareRank: SharedArrayBuffer;
  readonly visiting: SharedArrayBuffer;
  readonly settling: SharedArrayBuffer;
  readonly consumptionDrafts: SharedArrayBuffer;
  /** The next chunk of each block of the task under way (StepThreads.nextChunk). */
  readonly nextChunk: SharedArrayBuffer;
  /** The helper's block (takeChunks). */
  readonly home: number;
  /** Int32 words: [0] the task's number (−1: stop), [1] the number of the last task done (−2: the helper could not start). */
  readonly control: SharedArrayBuffer;
  readonly port: MessagePort;
}

/** A task for a helper thread. */
export interface HelperTask {
  readonly kernel: KernelRef;
  readonly terms: unknown;
  /** Entries the task goes over, and the chunks they are cut in (chunkStart). */
  readonly n: number;
  readonly chunks: number;
  /** Slots of the run's flows. */
  readonly flowsLength: number;
  /** Slots of the kernel's sums (Split.sums; 0 when it has none). */
  readonly sumsLength: number;
}

/** A helper's "last task done" word when it could not start (./helper-thread.js). */
const COULD_NOT_START = -2;

/** The calling thread alone. */
export function oneThread(): StepThreads {
  return { helpers: [], regrouped: new Uint32Array(0), busy: false, nextChunk: new Int32Array(1) };
}

/** Whether a typed array lives on shared memory (helper threads can see it). */
function shared(a: ArrayBufferView): boolean {
  return a.buffer instanceof SharedArrayBuffer;
}

/**
 * Start `threads − 1` helper threads on the world's households. Stop them with stopThreads. The
 * world's household arrays must be on shared memory (createWorld makes them so). With helpers, the
 * world gets its consumption drafts (World.consumptionDrafts), kept for its next run.
 */
export function startThreads(world: World, threads: number): StepThreads {
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`threads: expected a whole number from 1, got ${threads}`);
  if (threads === 1) return oneThread();
  const h = world.households;
  if (world.consumptionDrafts.length !== h.count) world.consumptionDrafts = sharedArray(Float32Array, h.count);
  const buffers: Record<string, SharedArrayBuffer> = {};
  for (const key of Object.keys(ATTRIBUTES) as (keyof typeof ATTRIBUTES)[]) {
    if (!shared(h[key])) throw new Error(`threads: household attribute ${key} is not on shared memory`);
    buffers[key] = h[key].buffer as SharedArrayBuffer;
  }
  for (const [name, a] of [['growthRank', world.growthRank], ['membersChanged', world.membersChanged], ['welfare.rank', world.welfare.rank], ['visiting', world.visiting.households], ['settling', world.settling]] as const) {
    if (!shared(a)) throw new Error(`threads: world ${name} is not on shared memory`);
  }
  const helpers: StepHelper[] = [];
  const nextChunkMemory = new SharedArrayBuffer(threads * Int32Array.BYTES_PER_ELEMENT);
  const nextChunk = new Int32Array(nextChunkMemory);
  for (let k = 1; k < threads; k++) {
    const control = new SharedArrayBuffer(8);
    const { port1, port2 } = new MessageChannel();
    const start: HelperStart = {
      count: h.count,
      households: buffers,
      growthRank: world.growthRank.buffer as SharedArrayBuffer,
      membersChanged: world.membersChanged.buffer as SharedArrayBuffer,
      welfareRank: world.welfare.rank.buffer as SharedArrayBuffer,
      visiting: world.visiting.households.buffer as SharedArrayBuffer,
      settling: world.settling.buffer as SharedArrayBuffer,
      consumptionDrafts: world.consumptionDrafts.buffer as SharedArrayBuffer,
      nextChunk: nextChunkMemory,
      home: k,
      control,
      port: port2,
    };
    const worker = new Worker(new URL('./helper-thread.js', import.meta.url), { workerData: start, transferList: [port2] });
    worker.unref();
    helpers.push({ worker, control: new Int32Array(control), port: port1, task: 0 });
  }
  return { helpers, regrouped: new Uint32Array(1024), busy: false, nextChunk };
}

/** Stop the helper threads (each ends its loop and exits). */
export function stopThreads(threads: StepThreads): void {
  for (const helper of threads.helpers) {
    Atomics.store(helper.control, 0, -1);
    Atomics.notify(helper.control, 0);
    helper.port.close();
  }
}

/** How a kernel's work is shared and what it adds up besides the flows and the welfare histogram. */
export interface Split {
  /**
   * Work the calling thread does before it takes chunks, while the helpers take theirs. It may not
   * run a kernel over the households itself (the helpers are busy).
   */
  readonly before?: () => void;
  /** Sums of weights: the ranges' sums are added into it (the calling thread's ranges add to it directly). */
  readonly sums?: Float64Array;
  /**
   * A list on shared memory (World.visiting's or World.settling's) each range's kernel writes from the
   * start of its range on (`listed` entries): the lists are joined at its front, in household order.
   */
  readonly list?: Int32Array;
  /** A second list on shared memory (World.settling) a kernel writes beside `list`, an entry for each of its entries: joined the same way. */
  readonly beside?: Int32Array;
  /**
   * 'visiting': split the households listed in World.visiting (its first `count` entries: the kernel
   * reads entries lo to hi − 1), not all households; a number n: split the first n entries of
   * World.settling the same way.
   */
  readonly over?: 'households' | 'visiting' | number;
}

const NO_SUMS = new Float64Array(0);

/** What the ranges of a kernel's run add up to, besides the flows, the welfare histogram and the sums. */
export interface Merged {
  /** The regrouped households of every range, in household order (the first `regroupedCount`; a new array with helpers). */
  readonly regrouped: Uint32Array;
  readonly regroupedCount: number;
  /** Whether the members of some household changed. */
  readonly membersChanged: boolean;
  /** Entries of Split.list, joined. */
  readonly listed: number;
}

/** Chunks a task is cut in for each of its threads: enough that the threads end together when some households take longer than others. */
const CHUNKS_PER_THREAD = 16;
/** The fewest entries a chunk goes over. */
const MIN_CHUNK = 4096;

/** The chunks `n` entries are cut in on `threads` threads. */
function chunksFor(n: number, threads: number): number {
  return Math.max(1, Math.min(threads * CHUNKS_PER_THREAD, Math.floor(n / MIN_CHUNK)));
}

/** The first entry of chunk `c` of `chunks` over `n` entries (chunk c goes over chunkStart(c) to chunkStart(c + 1) − 1). */
function chunkStart(n: number, chunks: number, c: number): number {
  return Math.floor((n * c) / chunks);
}

/**
 * Thread `home` (0: the calling thread; k: helper k) takes chunks of a task until none is left: first
 * those of its own block (the chunks are cut in as many blocks as there are threads, in order, so a
 * thread works on the same households from kernel to kernel and finds them in its cache), then those
 * left in the others'. `next` holds each block's next chunk (nextChunks). It runs the work over each
 * chunk into `out`, and returns what each chunk it took added to the lists, as quadruples: the
 * chunk's number, its entries listed (Split.list, from the chunk's start on), and the span of
 * out.regrouped its regrouped households fill.
 */
export function takeChunks<T>(work: RangeWork<T>, terms: T, n: number, chunks: number, home: number, next: Int32Array, out: RangeOut): number[] {
  const taken: number[] = [];
  const blocks = next.length;
  for (let b = 0; b < blocks; b++) {
    const block = (home + b) % blocks;
    const end = chunkStart(chunks, blocks, block + 1);
    for (let c = Atomics.add(next, block, 1); c < end; c = Atomics.add(next, block, 1)) {
      const regroupedFrom = out.regroupedCount;
      out.listed = 0;
      work(terms, chunkStart(n, chunks, c), chunkStart(n, chunks, c + 1), out);
      taken.push(c, out.listed, regroupedFrom, out.regroupedCount);
    }
  }
  return taken;
}

/** Each block's next chunk set to its first (takeChunks). */
function nextChunks(next: Int32Array, chunks: number): void {
  for (let b = 0; b < next.length; b++) Atomics.store(next, b, chunkStart(chunks, next.length, b));
}

/**
 * Run a kernel over every household (or every household listed in World.visiting, or the first
 * entries of World.settling), split over the run's threads, and merge what the ranges added: their
 * flows into the run's flows, their weights by bin into the welfare histogram being filled, their
 * sums into `split.sums`, their lists into `split.list`.
 *
 * With helpers, the entries are cut in chunks that every thread takes in turn until none is left (the
 * calling thread after `split.before`), so no thread waits long for another; the lists and the
 * regrouped households are joined in chunk order, and every sum is exact in any order, so which
 * thread takes which chunk does not change a bit.
 */
export function overHouseholds<T>(world: World, ctx: MonthContext, ref: KernelRef, kernel: Kernel<T>, terms: T, split: Split = {}): Merged {
  const threads = world.threads;
  if (threads.busy) throw new Error(`${ref.name}: a kernel over the households cannot start while the step's threads run another (Split.before may not start one)`);
  const n = split.over === 'visiting' ? world.visiting.count : typeof split.over === 'number' ? split.over : world.households.count;
  const sums = split.sums ?? NO_SUMS;
  const out: RangeOut = { flows: ctx.flows, weightByBin: world.welfare.weight, regrouped: threads.regrouped, regroupedCount: 0, membersChanged: false, sums, listed: 0 };
  const work = workOf(world, ref, kernel);
  if (threads.helpers.length === 0) {
    split.before?.();
    work(terms, 0, n, out);
    threads.regrouped = out.regrouped;
    return { regrouped: out.regrouped, regroupedCount: out.regroupedCount, membersChanged: out.membersChanged, listed: out.listed };
  }
  const chunks = chunksFor(n, threads.helpers.length + 1);
  nextChunks(threads.nextChunk, chunks);
  for (const helper of threads.helpers) {
    const task: HelperTask = { kernel: ref, terms, n, chunks, flowsLength: ctx.flows.length, sumsLength: sums.length };
    helper.port.postMessage(task);
    helper.task++;
    Atomics.store(helper.control, 0, helper.task);
    Atomics.notify(helper.control, 0);
  }
  threads.busy = true;
  try {
    split.before?.();
  } finally {
    threads.busy = false;
  }
  const own = takeChunks(work, terms, n, chunks, 0, threads.nextChunk, out);
  threads.regrouped = out.regrouped;
  const taken: Taken[] = [{ chunks: own, regrouped: out.regrouped }];
  let membersChanged = out.membersChanged;
  for (const helper of threads.helpers) {
    for (let done = Atomics.load(helper.control, 1); done !== helper.task && done !== COULD_NOT_START; done = Atomics.load(helper.control, 1)) Atomics.wait(helper.control, 1, done);
    const reply = receiveMessageOnPort(helper.port)?.message as HelperReply | undefined;
    if (reply === undefined) throw new Error(`a step thread finished ${ref.name} without a reply`);
    if (reply.ok === false) throw new Error(`a step thread failed in ${ref.name}:\n${reply.message}`);
    for (let j = 0; j < reply.flows.length; j++) ctx.flows[j] += reply.flows[j];
    for (let b = 0; b < LOG_BINS; b++) world.welfare.weight[b] += reply.weightByBin[b];
    for (let j = 0; j < reply.sums.length; j++) sums[j] += reply.sums[j];
    taken.push({ chunks: reply.chunks, regrouped: reply.regrouped });
    membersChanged ||= reply.membersChanged;
  }
  return { ...joinChunks(taken, n, chunks, split), membersChanged };
}

/** What a thread did of a task: the chunks it took (takeChunks) and its regrouped households. */
interface Taken {
  readonly chunks: readonly number[];
  readonly regrouped: Uint32Array;
}

/**
 * The chunks' lists joined at the front of Split.list (and Split.beside), and their regrouped
 * households after one another, in chunk order.
 */
function joinChunks(taken: readonly Taken[], n: number, chunks: number, split: Split): { regrouped: Uint32Array; regroupedCount: number; listed: number } {
  const listedBy = new Int32Array(chunks);
  const regroupedBy: Uint32Array[] = [];
  let regroupedCount = 0;
  for (const { chunks: quads, regrouped } of taken) {
    for (let q = 0; q < quads.length; q += 4) {
      listedBy[quads[q]] = quads[q + 1];
      regroupedBy[quads[q]] = regrouped.subarray(quads[q + 2], quads[q + 3]);
      regroupedCount += quads[q + 3] - quads[q + 2];
    }
  }
  const regrouped = new Uint32Array(regroupedCount);
  let listed = 0;
  for (let c = 0, at = 0; c < chunks; c++) {
    regrouped.set(regroupedBy[c], at);
    at += regroupedBy[c].length;
    const start = chunkStart(n, chunks, c);
    if (split.list !== undefined && listedBy[c] > 0 && start !== listed) {
      split.list.copyWithin(listed, start, start + listedBy[c]);
      split.beside?.copyWithin(listed, start, start + listedBy[c]);
    }
    listed += listedBy[c];
  }
  return { regrouped, regroupedCount, listed };
}
