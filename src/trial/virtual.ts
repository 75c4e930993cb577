/**
 * A virtual randomised trial ("graduasi trial"): the model's households as the sample of a field
 * experiment, analysed the way graduation trials are (Banerjee et al. 2015; Bandiera et al. 2017).
 *
 *   1. Population: the synthetic population of the seed and replicate (populationFor), under the
 *      policy as legislated (the parameter tree the caller gives, unpatched).
 *   2. Baseline: the model is run to the end of the month before the offer (the "baseline survey");
 *      the design's eligibility predicate picks the eligible households on that state.
 *   3. Assignment: within four strata — urban or rural × in PKH/BPNT or not — round(share × n) of the
 *      eligible households are treated, by `randomise` (./randomise.ts) with a seed derived from the
 *      trial's seed, design and replicate. Deterministic, and balanced on the strata.
 *   4. One run with the offer to the treatment arm (SimulateOptions.offer, src/model/processes/offer.ts):
 *      treatment and control households live in the same run, so they share prices, province shocks,
 *      quotas and places, and each sees the very draws it would see without the offer. The run repeats
 *      the baseline months exactly (the offer acts from its month on); the eligible households are
 *      checked to be the same.
 *   5. Outcomes (./outcomes.ts) of every trial household at baseline and at each horizon (months
 *      after the offer month, at its end), with the households' weights.
 *   6. Estimates: the ITT table (ittTable, ./estimate.ts) per outcome × horizon, with the effect
 *      relative to the control mean; balance at baseline (the same estimator on baseline outcomes: a
 *      difference that should be zero up to chance); and, for designs that name an evidence file, the
 *      published effects beside the model's (./published.ts).
 *
 * What this is not: the sample is all eligible households of the synthetic population (no survey
 * attrition, no clustering by village), and because both arms live in one economy, effects include
 * whatever the model passes between households (places freed or taken, registry rankings) — small
 * while the trial is a small part of the population, as in a real pilot.
 */
import { performance } from 'node:perf_hooks';
import type { Parameters } from '../parameters/types';
import { populationFor, simulateRows, REFERENCE_MONTH } from '../run/simulate';
import type { Seed } from '../model/random';
import { URBAN } from '../model/households';
import type { Reporter } from '../model/observation';
import type { Month } from '../calendar/months';
import { formatMonth, monthOf } from '../calendar/months';
import type { Progress } from '../experiment/index';
import { checkSeed } from '../experiment/ranges';
import { ittTable } from './estimate';
import type { Arm, IttEstimate, TrialRound, TrialUnit } from './estimate';
import { randomise } from './randomise';
import { OUTCOMES, measureHousehold } from './outcomes';
import type { Outcome, TrialEstimate } from './outcomes';
import { costPerHousehold } from './designs';
import type { TrialDesign } from './designs';
import { comparePublished, readPublished } from './published';
import type { PublishedComparison } from './published';
import { checkPaths, readPaths } from './paths';
import type { PathCheck } from './paths';

export interface TrialOptions {
  /** Seed of the trial: the population, the model's draws and the assignment all follow from it. */
  readonly seed: Seed;
  /** Replicate (0, 1, …): another population sample, other draws, another assignment. Default 0. */
  readonly replicate?: number;
  /** Agents in the population (at least 20,000). Default: the population module's default (200,000). */
  readonly households?: number;
  /** Agents per real household, in (0, 1], instead of `households`. */
  readonly scale?: number;
  /** The parameter tree: `loadParameters()` at the edge (command, notebook cell). */
  readonly parameters: Parameters;
  /**
   * Also run the model without the offer (same population and draws) and compare each arm's means
   * with and without it: for the control arm, the difference is the spillover of the offer onto
   * households that were not offered anything. Default false (one more run).
   */
  readonly spillovers?: boolean;
  /** Called after each simulated month (the baseline run's, the trial run's, then the run without the offer). */
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * An arm's mean of an outcome at a horizon in the trial run and in a run without the offer (the
 * same households, population and draws). Weighted means; the difference is exact, not an estimate.
 */
export interface SpilloverRow {
  readonly arm: Arm;
  readonly outcome: Outcome;
  readonly horizon: number;
  readonly withOffer: number;
  readonly withoutOffer: number;
  /** withOffer − withoutOffer: for the control arm, the spillover. */
  readonly difference: number;
}

/** Arm sizes: agents, and the real households they stand for (weights). */
export interface ArmSizes {
  readonly eligible: number;
  readonly treatment: number;
  readonly control: number;
  readonly eligibleHouseholds: number;
  readonly treatmentHouseholds: number;
  readonly controlHouseholds: number;
}

export interface TrialResult {
  readonly design: TrialDesign;
  readonly seed: Seed;
  readonly replicate: number;
  /** The parameter tree the trial ran on: the folder it was read from and its hash. */
  readonly parameterTree: { readonly folder: string; readonly hash: string };
  /** Agents in the population. */
  readonly agents: number;
  /** "YYYY-MM": the run's first month, the baseline month (before the offer), the offer month, the last month. */
  readonly months: { readonly start: string; readonly baseline: string; readonly offer: string; readonly end: string };
  readonly arms: ArmSizes;
  /** What the treatment arm receives per household, Rp (PENA capital; or the package's capital, training and stipend). */
  readonly costPerHousehold: number;
  /** The ITT table: every outcome (OUTCOMES order) at every horizon (design order). */
  readonly itt: readonly TrialEstimate[];
  /** Balance at baseline: treatment − control of each outcome before the offer (horizon 0). */
  readonly balance: readonly TrialEstimate[];
  /** Published effects beside the model's, for designs that name an evidence file; else empty. */
  readonly published: readonly PublishedComparison[];
  /** The path targets checked against the ITT table, for designs that name a paths file; else empty. */
  readonly paths: readonly PathCheck[];
  /** The households' outcomes: baseline (horizon 0), then each horizon. */
  readonly rounds: readonly TrialRound[];
  /** Each arm with and without the offer, when options.spillovers; else empty. */
  readonly spillovers: readonly SpilloverRow[];
}

/** Months of a horizon list the trial accepts (ten years). */
export const MAX_HORIZON = 120;

/** Throws unless the design is usable, naming the field and what was expected. */
export function checkDesign(design: TrialDesign): void {
  const at = `trial design ${JSON.stringify(design?.id)}`;
  if (typeof design?.id !== 'string' || design.id === '') throw new Error(`trial design: "id": expected a non-empty name, got ${JSON.stringify(design?.id)}`);
  let offer: Month;
  try {
    offer = monthOf(design.offerMonth);
  } catch {
    throw new Error(`${at}: "offerMonth": expected a month as YYYY-MM, got ${JSON.stringify(design.offerMonth)}`);
  }
  if (offer <= REFERENCE_MONTH) throw new Error(`${at}: "offerMonth": expected a month after ${formatMonth(REFERENCE_MONTH)} (runs start then; the baseline is the month before the offer), got "${design.offerMonth}"`);
  if (!(design.treatmentShare > 0 && design.treatmentShare < 1)) throw new Error(`${at}: "treatmentShare": expected a share of the eligible households in (0, 1), e.g. 0.5, got ${String(design.treatmentShare)}`);
  checkHorizons(design.horizons, `${at}: "horizons"`);
  if (typeof design.eligibility?.test !== 'function') throw new Error(`${at}: "eligibility": expected { id, label, test(world, ctx, i) }`);
  if ((design.programme === 'graduation-package') !== (design.package !== undefined)) {
    throw new Error(`${at}: "package": expected one for "graduation-package" and none for "pena", got ${design.package === undefined ? 'none' : 'one'} for "${design.programme}"`);
  }
}

/**
 * Throws unless `horizons` are increasing whole numbers of months from 1 to MAX_HORIZON; `where`
 * starts the message and `shown` is the input as the user wrote it (default: the list as JSON).
 */
export function checkHorizons(horizons: readonly number[], where: string, shown = JSON.stringify(horizons)): void {
  if (!validHorizons(horizons)) throw new Error(`${where}: expected ${HORIZONS_EXPECTED}, got ${shown}`);
}

/** What horizons must be, worded to follow "expected". */
export const HORIZONS_EXPECTED = `months after the offer as increasing whole numbers from 1 to ${MAX_HORIZON}, e.g. 12,24,36,48`;

/** Whether horizons are increasing whole numbers from 1 to MAX_HORIZON. */
export function validHorizons(horizons: readonly number[]): boolean {
  return Array.isArray(horizons) && horizons.length > 0 && horizons.every((h, k) => Number.isInteger(h) && h >= 1 && h <= MAX_HORIZON && (k === 0 || h > horizons[k - 1]));
}

/** The assignment stratum of household i: urban or rural × in an assistance programme (PKH, BPNT) or not. */
function stratum(programmes: number, flags: number, assistance: number): number {
  return ((flags & URBAN) !== 0 ? 2 : 0) + ((programmes & assistance) !== 0 ? 1 : 0);
}

/**
 * Runs the trial of `design` (see the module comment). Deterministic: the same design and options
 * give the same result, byte for byte. Throws on a bad design or options, or when fewer than two
 * households per arm are eligible (use more households).
 */
export function runTrial(design: TrialDesign, options: TrialOptions): TrialResult {
  checkDesign(design);
  checkSeed(options.seed, 'runTrial');
  const replicate = options.replicate ?? 0;
  if (!(Number.isInteger(replicate) && replicate >= 0)) throw new Error(`runTrial: "replicate": expected a whole number ≥ 0, got ${String(replicate)}`);
  const params = options.parameters;
  if (typeof params?.patched !== 'function') throw new Error(`runTrial: "parameters": expected the parameter tree, e.g. loadParameters(), got ${params === undefined ? 'nothing' : typeof params}`);
  const population = populationFor(params, options.seed, replicate, options);
  const start = population.referenceMonth;
  const offer = monthOf(design.offerMonth);
  const baseline = offer - 1;
  const end = offer + design.horizons[design.horizons.length - 1];
  const scenario = { id: `trial:${design.id}`, patch: {} };

  // Progress: one tick per simulated month of both runs.
  const began = performance.now();
  const total = baseline - start + 1 + (end - start + 1) * (options.spillovers ? 2 : 1);
  let done = 0;
  const tick = () => options.onProgress?.({ done: ++done, total, elapsed: (performance.now() - began) / 1000 });

  // 2. Baseline: who is eligible at the end of the month before the offer.
  let eligible: number[] = [];
  let strataOf: number[] = [];
  const findEligible: Reporter = (world, ctx) => {
    tick();
    if (ctx.month !== baseline) return [];
    const h = world.households;
    eligible = pick(h.count, (i) => design.eligibility.test(world, ctx, i));
    strataOf = eligible.map((i) => stratum(h.programmes[i], h.flags[i], world.registry.assistance));
    return [];
  };
  simulateRows(scenario, { seed: options.seed, replicate, population, parameters: params, end: formatMonth(baseline), observe: findEligible });
  if (eligible.length < 4) {
    throw new Error(`runTrial: design "${design.id}": ${eligible.length} of ${population.households.count.toLocaleString('en')} agents are eligible (${design.eligibility.id}) in ${formatMonth(baseline)}; expected at least 4 (2 per arm): use more households`);
  }

  // 3. Assignment, stratified.
  const arms = new Array<Arm>(eligible.length);
  const strata = new Map<number, number[]>();
  strataOf.forEach((s, k) => {
    const members = strata.get(s);
    if (members) members.push(k);
    else strata.set(s, [k]);
  });
  const assignmentSeed = `${String(options.seed)}/trial/${design.id}/${replicate}`;
  for (const [, members] of [...strata].sort((a, b) => a[0] - b[0])) {
    const drawn = randomise(members.map((k) => eligible[k]), design.treatmentShare, assignmentSeed);
    members.forEach((k, j) => (arms[k] = drawn[j]));
  }
  const treated = Int32Array.from(eligible.filter((_, k) => arms[k] === 'treatment'));

  // 4–5. One run with the offer; outcomes at baseline and each horizon.
  const roundMonths = [baseline, ...design.horizons.map((h) => offer + h)];
  let still: number[] = [];
  const survey = (units: Map<Month, TrialUnit[]>): Reporter => (world, ctx) => {
    tick();
    if (!roundMonths.includes(ctx.month)) return [];
    if (ctx.month === baseline) still = pick(world.households.count, (i) => design.eligibility.test(world, ctx, i));
    units.set(
      ctx.month,
      eligible.map((i, k) => ({ arm: arms[k], weight: world.households.weight[i], outcomes: measureHousehold(world, ctx, i) })),
    );
    return [];
  };
  const units = new Map<Month, TrialUnit[]>();
  const pkg = design.package;
  simulateRows(scenario, {
    seed: options.seed,
    replicate,
    population,
    parameters: params,
    end: formatMonth(end),
    observe: survey(units),
    offer: {
      programme: design.programme,
      month: design.offerMonth,
      households: treated,
      ...(pkg === undefined ? {} : { package: { capital: pkg.capital, asset: pkg.asset, stipend: pkg.stipend, stipendMonths: pkg.stipendMonths, mentoringMonths: pkg.mentoringMonths, training: pkg.training } }),
    },
  });
  if (still.length !== eligible.length || still.some((i, k) => i !== eligible[k])) {
    throw new Error(`runTrial: design "${design.id}": the trial run's baseline differs from the baseline run's (${still.length} against ${eligible.length} eligible); the offer must not act before its month`);
  }

  // 6. Estimates.
  const roundsOf = (byMonth: Map<Month, TrialUnit[]>): TrialRound[] => roundMonths.map((m, r) => ({ horizon: r === 0 ? 0 : design.horizons[r - 1], units: byMonth.get(m)! }));
  const rounds = roundsOf(units);
  let spillovers: SpilloverRow[] = [];
  if (options.spillovers) {
    const without = new Map<Month, TrialUnit[]>();
    simulateRows(scenario, { seed: options.seed, replicate, population, parameters: params, end: formatMonth(end), observe: survey(without) });
    spillovers = compareRuns(rounds.slice(1), roundsOf(without).slice(1));
  }
  const weightOf = (arm: Arm) => rounds[0].units.reduce((s, u) => s + (u.arm === arm ? u.weight! : 0), 0);
  const itt = withRelative(ittTable(rounds.slice(1), { outcomes: OUTCOMES }));
  return {
    design,
    seed: options.seed,
    replicate,
    parameterTree: { folder: params.folder, hash: params.hash },
    agents: population.households.count,
    months: { start: formatMonth(start), baseline: formatMonth(baseline), offer: design.offerMonth, end: formatMonth(end) },
    arms: {
      eligible: eligible.length,
      treatment: treated.length,
      control: eligible.length - treated.length,
      eligibleHouseholds: weightOf('treatment') + weightOf('control'),
      treatmentHouseholds: weightOf('treatment'),
      controlHouseholds: weightOf('control'),
    },
    costPerHousehold: costPerHousehold(design, params.at(offer).policy.pena.capital),
    itt,
    balance: withRelative(ittTable(rounds.slice(0, 1), { outcomes: OUTCOMES })),
    published: design.published === undefined ? [] : comparePublished(readPublished(design.published), itt),
    paths: design.paths === undefined ? [] : checkPaths(readPaths(design.paths), itt, design.package?.capital ?? params.at(offer).policy.pena.capital),
    rounds,
    spillovers,
  };
}

/** Each arm's weighted mean of each outcome at each horizon, with and without the offer. */
function compareRuns(withOffer: readonly TrialRound[], withoutOffer: readonly TrialRound[]): SpilloverRow[] {
  const mean = (units: readonly TrialUnit[], arm: Arm, outcome: Outcome) => {
    let sum = 0;
    let weight = 0;
    for (const u of units) {
      if (u.arm !== arm) continue;
      sum += u.weight! * u.outcomes[outcome]!;
      weight += u.weight!;
    }
    return sum / weight;
  };
  return withOffer.flatMap((round, r) =>
    (['control', 'treatment'] as const).flatMap((arm) =>
      OUTCOMES.map((outcome) => {
        const a = mean(round.units, arm, outcome);
        const b = mean(withoutOffer[r].units, arm, outcome);
        return { arm, outcome, horizon: round.horizon, withOffer: a, withoutOffer: b, difference: a - b };
      }),
    ),
  );
}

/** Indices 0 … count − 1 for which `test` holds, in order. */
function pick(count: number, test: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (test(i)) out.push(i);
  return out;
}

function withRelative(rows: readonly IttEstimate[]): TrialEstimate[] {
  return rows.map((r) => ({ ...r, outcome: r.outcome as Outcome, horizon: r.horizon ?? 0, relativeEffect: r.controlMean !== 0 ? (100 * r.effect) / r.controlMean : NaN }));
}
