/**
 * Engine benchmark: household-months per second per core, and bytes per household.
 *
 *   npm run bench                      default sample and 10 million households
 *   npm run bench -- 1000000           one size
 *
 * For each size: build the population, initialise a world, run 3 months to warm up, then time 12
 * monthly steps of the full pipeline on one thread and 12 more with the standard indicators (the
 * median month of each is reported); then the same months again, on the same population, on two
 * threads (src/model/threads.ts: the processes that touch each household alone and the indicators'
 * sums of weights split the households). Each of the two timings runs in a process of its own, as a
 * run of `graduasi run` does: the step's kernels are made once for the one world of their thread
 * (src/model/threads.ts, Kernel), which a second world in the same process would not get.
 * In the same process as the one-thread timing, at the same size, the ceiling kernel (./ceiling.ts, a
 * bare struct-of-arrays household step) runs a month of its own after each month of the step, so
 * that both are timed at the pace the machine has that minute (its speed moves by a third from hour
 * to hour here); the ratio ceiling ÷ real of each step-only month, and their median, is what compares
 * across machines and loads.
 * Bytes per household: the model state (sum of the typed arrays' element sizes) and the measured
 * growth of resident memory while the population and world were built, divided by households.
 * This is a measurement, not a test: it asserts nothing.
 */
import { loadParameters } from '../src/parameters/load';
import { DEFAULT_HOUSEHOLDS } from '../src/population/index';
import { populationFor, REFERENCE_MONTH } from '../src/run/simulate';
import { createWorld, initialise, monthContext, runStreams } from '../src/model/initialise';
import { createFlows } from '../src/model/groups';
import { BUILTIN_REGISTRY } from '../src/model/builtin';
import { registryBytes } from '../src/model/registry';
import { pricePath } from '../src/model/prices';
import { runKey } from '../src/model/random';
import { openMonth, stages } from '../src/model/month';
import { bytesPerHousehold } from '../src/model/households';
import { standardIndicators } from '../src/observe/indicators';
import { ceilingKernel } from './ceiling';
import { startThreads, stopThreads } from '../src/model/threads';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MONTHS = 12;
/** Threads of the second timing: the machine's two cores. */
const THREADS = 2;
/** Months run before timing starts, so the timed months run optimised code. */
const WARM_UP = 3;

/** Bytes per household of every array of one element per household the world holds (the store, the books' entitlements, the processes' own), each memory counted once. */
function worldBytes(world: ReturnType<typeof createWorld>): number {
  const n = world.households.count;
  const buffers = new Set<ArrayBufferLike>();
  let bytes = 0;
  const visit = (value: unknown, depth: number): void => {
    if (ArrayBuffer.isView(value)) {
      if ((value as unknown as { length: number }).length === n && !buffers.has(value.buffer)) {
        buffers.add(value.buffer);
        bytes += value.byteLength;
      }
    } else if (value !== null && typeof value === 'object' && depth < 4) for (const v of Object.values(value)) visit(v, depth + 1);
  };
  visit(world, 0);
  return bytes / n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** What one process times: the step on `threads` threads (and, on one thread, the ceiling kernel). */
interface Timing {
  readonly households: number;
  readonly buildSeconds: number;
  readonly step: number;
  readonly withIndicators: number;
  /** Median ms of each process in a month. */
  readonly byProcess: Record<string, number>;
  /** Bytes per household of the world's arrays, and the resident memory growth per household while the population and world were built. */
  readonly bytes: number;
  readonly rssGrowth: number;
  /** On one thread: the ceiling kernel's median month, ms, and the median over the step-only months of the ceiling's month ÷ the step's month just before it. */
  readonly ceiling: number | null;
  readonly ratio: number | null;
}

/** Times the step at `households` on `threads` threads, in this process. */
function measure(households: number, threads: number): Timing {
  const params = loadParameters();
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let t = performance.now();
  const population = populationFor(params, 'bench', 0, { households });
  const buildSeconds = (performance.now() - t) / 1000;
  const start = REFERENCE_MONTH;
  const end = start + WARM_UP + 2 * MONTHS;
  const prices = pricePath(params, start, end);
  const streams = runStreams(runKey('bench'));
  const flows = createFlows(BUILTIN_REGISTRY.reasons.length);
  const names = population.provinces.map((p) => p.name);
  /** A new world on the population, initialised. */
  const newWorld = () => {
    const world = createWorld(population.households, population.provinces.map((p) => p.code), params, start, end, BUILTIN_REGISTRY);
    initialise(world, monthContext(params, prices, streams, flows, start, start));
    return world;
  };
  const world = newWorld();
  global.gc?.();
  const rssAfter = process.memoryUsage().rss;

  /**
   * On `threads` threads: time MONTHS months of the step alone and MONTHS with the standard indicators,
   * after WARM_UP months untimed; on one thread, a month of the ceiling kernel after each.
   */
  const timeMonths = (threads: number) => {
    world.threads = startThreads(world, threads);
    const ceiling = threads === 1 ? ceilingKernel(population.households.count) : null;
    const stepOnly: number[] = [];
    const withIndicators: number[] = [];
    const ceilingMonths: number[] = [];
    const ratios: number[] = [];
    const monthStages = stages(world);
    const byProcess = new Map(monthStages.map(([name]) => [name, [] as number[]]));
    for (let k = 1; k <= WARM_UP + 2 * MONTHS; k++) {
      const ctx = monthContext(params, prices, streams, flows, start, start + k);
      const timed = k > WARM_UP;
      const observe = k <= WARM_UP || k > WARM_UP + MONTHS;
      t = performance.now();
      openMonth(world, ctx);
      for (const [name, stage] of monthStages) {
        const began = performance.now();
        stage(world, ctx);
        if (timed) byProcess.get(name)!.push(performance.now() - began);
      }
      const stepped = performance.now();
      if (observe) standardIndicators(world, ctx, names);
      const observed = performance.now();
      if (timed && !observe) stepOnly.push(stepped - t);
      else if (timed) withIndicators.push(observed - t);
      const ceilingMonth = ceiling?.month(k);
      if (ceilingMonth !== undefined && timed && !observe) {
        ceilingMonths.push(ceilingMonth);
        ratios.push(ceilingMonth / (stepped - t));
      }
    }
    stopThreads(world.threads);
    return {
      step: median(stepOnly),
      withIndicators: median(withIndicators),
      byProcess: Object.fromEntries([...byProcess].map(([name, ms]) => [name, median(ms)])),
      ceiling: ceiling === null ? null : median(ceilingMonths),
      ratio: ceiling === null ? null : median(ratios),
    };
  };
  const timed = timeMonths(threads);
  const n = population.households.count;
  return {
    households: n,
    buildSeconds,
    ...timed,
    bytes: worldBytes(world),
    rssGrowth: (rssAfter - rssBefore) / n,
  };
}

/** Times the step at `households` on `threads` threads in a process of its own (this script, with --child). */
function measureApart(households: number, threads: number): Timing {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(households), String(threads)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`bench: the timing of ${households} households on ${threads} threads failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Timing;
}

function report(one: Timing, two: Timing): void {
  const n = one.households;
  const ceiling = one.ceiling!;
  const buildSeconds = one.buildSeconds;
  const bytes = one.bytes;
  const rate = (ms: number) => (n / (ms / 1000) / 1e6).toFixed(1);
  const perProcess = (byProcess: Record<string, number>) => Object.entries(byProcess).map(([name, ms]) => `${name} ${((ms * 1e6) / n).toFixed(0)}`).join(', ');
  console.log(
    [
      `households: ${n.toLocaleString('en')}`,
      `  population build: ${buildSeconds.toFixed(2)} s`,
      `  model step (median of ${MONTHS} months): ${one.step.toFixed(1)} ms → ${rate(one.step)} M household-months/s per core`,
      `  step + standard indicators:            ${one.withIndicators.toFixed(1)} ms → ${rate(one.withIndicators)} M household-months/s per core`,
      `  ceiling kernel (a month after each):    ${ceiling.toFixed(1)} ms → ${rate(ceiling)} M household-months/s per core; real step ÷ ceiling ${one.ratio!.toFixed(2)} (median of the months)`,
      `  per process, ns per household-month (median month): ${perProcess(one.byProcess)}`,
      `  on ${THREADS} threads (src/model/threads.ts): step ${two.step.toFixed(1)} ms → ${rate(two.step)} M household-months/s (${(one.step / two.step).toFixed(2)}× one thread); with indicators ${two.withIndicators.toFixed(1)} ms → ${rate(two.withIndicators)} M/s`,
      `  per process on ${THREADS} threads, ns per household-month: ${perProcess(two.byProcess)}`,
      `  model state: ${bytesPerHousehold(registryBytes(BUILTIN_REGISTRY))} B per household in the store and the books; the world's arrays of one element per household, all: ${bytes} B (${two.bytes} B on ${THREADS} threads, with the consumption drafts); resident memory growth ${one.rssGrowth.toFixed(0)} B per household (population + world)`,
    ].join('\n'),
  );
}

const args = process.argv.slice(2);
if (args[0] === '--child') {
  console.log(JSON.stringify(measure(Number(args[1]), Number(args[2]))));
} else {
  const sizes = args.map(Number);
  console.log(`Graduasi engine benchmark — Node ${process.version}, one thread, then ${THREADS}\n`);
  for (const n of sizes.length > 0 ? sizes : [DEFAULT_HOUSEHOLDS, 10_000_000]) report(measureApart(n, 1), measureApart(n, THREADS));
}
