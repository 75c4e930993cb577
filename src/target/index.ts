/**
 * The planner's question, "what does it take?": the cheapest mix of levers (./levers.ts) that brings
 * an indicator of a group below a level by a month — e.g. extreme poverty (p0_extreme, a share of
 * persons) below 0.005 by March 2026.
 *
 * The greedy search (./search.ts) is given model runs: every mix is a patch over the policy as
 * legislated (the committed calibration over the data tree, what `graduasi run` runs by default),
 * run from the start round to the target month. Every candidate runs the same replicates of one seed
 * (common random numbers: replicate r of every mix has the same population and draws, so the
 * difference between two mixes is the levers', not luck), and the candidates of a round run together
 * on the job pool (src/experiment/points).
 *
 * Cost of a mix: the sum of every programme's and service's monthly spending (the `<id>_spend`
 * indicators: PKH, BPNT / Sembako, the BLTs, rice aid, ATENSI, RST, skills, PENA, PROKUS, community
 * programmes), national, from the start month to the target month, both included; extra cost: that
 * less the legislated mix's, replicate by replicate. What the model does not spend — facilitators'
 * pay, registry surveys — is not in it. The search reads means over replicates; each candidate also
 * carries its band over replicates (mean, 5th and 95th percentiles) and the share of replicates below
 * the level.
 */
import { performance } from 'node:perf_hooks';
import { mean } from 'simple-statistics';
import type { Progress } from '../experiment/index';
import { evaluatePoints, GROUPS_REPORTED, measureProblems, type Measure } from '../experiment/points';
import { formatMonth, monthOf } from '../calendar/months';
import { INDICATORS } from '../observe/indicators';
import type { Seed } from '../model/random';
import type { ParameterPatch, Parameters } from '../parameters/types';
import { LAST_YEAR } from '../parameters/load';
import { MIN_HOUSEHOLDS } from '../population/index';
import { REFERENCE_MONTH } from '../run/simulate';
import { band, type Band } from '../observe/summary';
import { ProblemError, refuse, type Problem } from '../problems/index';
import { CALIBRATED, resolveScenarios } from '../scenarios/load';
import type { ResolvedScenario } from '../scenarios/types';
import { DEFAULT_LEVERS, mixPatch, type Lever } from './levers';
import { greedySearch, type Mix, type Stop } from './search';

export { DEFAULT_LEVERS, checkLevers, levelText, leverPatch, mixPatch, readLeverFile, MAX_LEVERS, MAX_LEVELS, MAX_MULTIPLIER } from './levers';
export type { Lever } from './levers';
export { greedySearch, STOPS } from './search';
export type { Candidate, Evaluation, Mix, SearchProblem, SearchResult, Stop } from './search';

/** The spending indicators a mix's cost adds up: every programme's and service's `<id>_spend`. */
export const SPEND_INDICATORS: readonly string[] = Object.keys(INDICATORS).filter((id) => id.endsWith('_spend'));

/** The question: an indicator of a group below a level by a month. */
export interface Target {
  /** An indicator of INDICATORS (src/observe/indicators.ts), e.g. "p0_extreme". */
  readonly indicator: string;
  /** "national" (default), "province:<name>", "area:urban|rural", "head_age:…", "head_sex:…". */
  readonly group?: string;
  /** The level, in the indicator's unit (p0_extreme: a share, 0.005 = 0.5 %). */
  readonly below: number;
  /** "YYYY-MM", after the start month (March 2022), in LAST_YEAR at the latest. */
  readonly by: string;
}

export interface TargetOptions extends Target {
  /** The parameter tree: `loadParameters()` at the edge. */
  readonly parameters: Parameters;
  /** The policy the search starts from; default the committed calibration over the data tree (the policy as legislated). */
  readonly legislated?: ResolvedScenario;
  /** Levers to turn; default DEFAULT_LEVERS. Levers from a file: readLeverFile. */
  readonly levers?: readonly Lever[];
  readonly seed: Seed;
  /** Replicates of every candidate (≥ 1), the same for all. Default 3. */
  readonly replicates?: number;
  /** Agents in the population (≥ 20,000). Default 50,000. */
  readonly households?: number;
  /** Worker threads (≥ 1). Default 1. */
  readonly workers?: number;
  /** Called after each run of a round. */
  readonly onProgress?: (progress: Progress & { readonly round: number }) => void;
}

/** An evaluated mix, with what each replicate gave. */
export interface TargetCandidate {
  readonly mix: Mix;
  readonly round: number;
  /** The indicator at the target month, per replicate. */
  readonly values: readonly number[];
  /** Spending from the start month to the target month (Rp), per replicate. */
  readonly costs: readonly number[];
  readonly value: Band;
  readonly cost: Band;
  /** Cost less the legislated mix's, replicate by replicate (Rp). */
  readonly extraCost: Band;
  /** Share of replicates whose indicator is below the level. */
  readonly shareMeeting: number;
  /** The mean is below the level. */
  readonly meets: boolean;
  /** The indicator each month from the start to the target month: mean and band over replicates. */
  readonly path: ReadonlyArray<{ readonly month: string } & Band>;
}

export interface TargetSearch {
  readonly target: Required<Target>;
  readonly start: string;
  readonly levers: readonly Lever[];
  readonly legislated: { readonly id: string; readonly patch: ParameterPatch };
  /** Every mix evaluated, in order; the first is the legislated one. */
  readonly candidates: readonly TargetCandidate[];
  readonly steps: readonly Mix[];
  /** The cheapest candidate that meets the target, or null. */
  readonly answer: TargetCandidate | null;
  /** The candidate with the lowest indicator (mean): what comes closest, when none meets the target. */
  readonly closest: TargetCandidate;
  readonly stop: Stop;
  readonly run: { readonly seed: Seed; readonly replicates: number; readonly households: number; readonly rounds: number; readonly runs: number; readonly seconds: number };
}

/** Defaults of a search: replicates and agents. */
export const TARGET_DEFAULTS = { replicates: 3, households: 50_000, group: 'national' } as const;

/** The problems of a target (none when the indicator is known, the month inside the runs and the level a number). */
export function targetProblems(t: Target, where: string): Problem[] {
  const start = formatMonth(REFERENCE_MONTH);
  const problems: Problem[] = measureProblems({ indicator: t.indicator, group: t.group ?? 'national', month: t.by }, start)
    .map((p) => ({ ...p, file: where, path: p.path === 'month' ? 'by' : p.path }));
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(t.by)) {
    if (t.by === start) problems.push({ file: where, path: 'by', expected: `a month after the runs' start, ${start}`, got: t.by });
    if (Number(t.by.slice(0, 4)) > LAST_YEAR) problems.push({ file: where, path: 'by', expected: `a month in ${LAST_YEAR} at the latest (the last year of a run)`, got: t.by });
  }
  if (typeof t.below !== 'number' || !Number.isFinite(t.below)) problems.push({ file: where, path: 'below', expected: "a number in the indicator's unit", got: String(t.below) });
  else if (t.indicator in INDICATORS && INDICATORS[t.indicator].unit.startsWith('share') && !(t.below > 0 && t.below <= 1)) {
    problems.push({ file: where, path: 'below', expected: `a share in (0, 1] (${t.indicator} is a ${INDICATORS[t.indicator].unit}: 0.005 = 0.5 %)`, got: String(t.below) });
  }
  return problems;
}

/** Runs the search (see the module comment). Every option is checked before any run; problems name the option. */
export async function targetSearch(options: TargetOptions): Promise<TargetSearch> {
  const where = 'targetSearch';
  const replicates = options.replicates ?? TARGET_DEFAULTS.replicates;
  const households = options.households ?? TARGET_DEFAULTS.households;
  const workers = options.workers ?? 1;
  const group = options.group ?? TARGET_DEFAULTS.group;
  const problems = targetProblems(options, where);
  const count = (name: string, x: number, least: number) => {
    if (!Number.isInteger(x) || x < least) problems.push({ file: where, path: name, expected: `a whole number of at least ${least.toLocaleString('en')}`, got: String(x) });
  };
  count('replicates', replicates, 1);
  count('households', households, MIN_HOUSEHOLDS);
  count('workers', workers, 1);
  const levers = options.levers ?? DEFAULT_LEVERS;
  if (levers.length === 0) problems.push({ file: where, path: 'levers', expected: 'at least one lever', got: 'none' });
  refuse(problems);

  const params = options.parameters;
  const legislated = options.legislated ?? resolveScenarios([CALIBRATED], params)[0];
  const base = params.patched(legislated.effectivePatch, `scenario ${legislated.id}`);
  const start = formatMonth(REFERENCE_MONTH);
  if (group !== 'national') await probeGroup(params, options.indicator, group, options.seed, where);

  const months: string[] = [];
  for (let m = REFERENCE_MONTH; m <= monthOf(options.by); m++) months.push(formatMonth(m));
  const measures: Measure[] = [
    ...months.map((month) => ({ indicator: options.indicator, group, month })),
    ...months.flatMap((month) => SPEND_INDICATORS.map((indicator) => ({ indicator, group: 'national', month }))),
  ];
  const patchOf = (mix: Mix): ParameterPatch => ({ ...legislated.effectivePatch, ...mixPatch(base, levers, mix) });

  const began = performance.now();
  let runs = 0;
  const byMix = new Map<string, { values: number[]; costs: number[]; paths: number[][] }>();
  const result = await greedySearch({
    levels: levers.map((l) => l.levels.length),
    below: options.below,
    evaluate: async (mixes, round) => {
      const values = await evaluatePoints({
        parameters: params,
        points: mixes.map(patchOf),
        measures,
        replicates,
        seed: options.seed,
        households,
        workers,
        onProgress: options.onProgress && ((p) => options.onProgress!({ ...p, round })),
      });
      runs += mixes.length * replicates;
      return mixes.map((mix, k) => {
        const perReplicate = values[k];
        const paths = perReplicate.map((r) => r.slice(0, months.length));
        const costs = perReplicate.map((r) => r.slice(months.length).reduce((s, x) => s + x, 0));
        const atTarget = paths.map((p) => p[months.length - 1]);
        byMix.set(mix.join(','), { values: atTarget, costs, paths });
        return { value: mean(atTarget), cost: mean(costs) };
      });
    },
  });

  const legislatedCosts = byMix.get(result.candidates[0].mix.join(','))!.costs;
  const candidates: TargetCandidate[] = result.candidates.map((c) => {
    const { values, costs, paths } = byMix.get(c.mix.join(','))!;
    return {
      mix: c.mix,
      round: c.round,
      values,
      costs,
      value: band(values),
      cost: band(costs),
      extraCost: band(costs.map((x, r) => x - legislatedCosts[r])),
      shareMeeting: values.filter((v) => v < options.below).length / values.length,
      meets: c.meets,
      path: months.map((month, m) => ({ month, ...band(paths.map((p) => p[m])) })),
    };
  });
  const answer = result.answer && candidates[result.candidates.indexOf(result.answer)];
  const closest = [...candidates].sort((a, b) => a.value.mean - b.value.mean || a.cost.mean - b.cost.mean)[0];
  return {
    target: { indicator: options.indicator, group, below: options.below, by: options.by },
    start,
    levers,
    legislated: { id: legislated.id, patch: legislated.effectivePatch },
    candidates,
    steps: result.steps,
    answer,
    closest,
    stop: result.stop,
    run: { seed: options.seed, replicates, households, rounds: result.rounds, runs, seconds: (performance.now() - began) / 1000 },
  };
}

/**
 * The runners-up: other candidates that meet the target, cheapest first; then the candidates that
 * come closest without meeting it, lowest indicator first (at most `closest` of them).
 */
export function runnersUp(search: TargetSearch, closest = 5): { readonly meeting: TargetCandidate[]; readonly near: TargetCandidate[] } {
  const others = search.candidates.filter((c) => c !== search.answer);
  return {
    meeting: others.filter((c) => c.meets).sort((a, b) => a.cost.mean - b.cost.mean || a.value.mean - b.value.mean),
    near: others.filter((c) => !c.meets).sort((a, b) => a.value.mean - b.value.mean || a.cost.mean - b.cost.mean).slice(0, closest),
  };
}

/** Refuses a group the model does not report `indicator` for (a ProblemError at "group"): a one-month run of the fewest agents. */
export async function probeGroup(params: Parameters, indicator: string, group: string, seed: Seed, where: string): Promise<void> {
  try {
    await evaluatePoints({ parameters: params, points: [{}], measures: [{ indicator, group, month: formatMonth(REFERENCE_MONTH) }], replicates: 1, seed, households: MIN_HOUSEHOLDS, workers: 1 });
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    throw new ProblemError([{ file: where, path: 'group', expected: `a group the model reports ${indicator} for: ${GROUPS_REPORTED}`, got: `"${group}"`, hint: 'money and pathway totals are national only' }]);
  }
}
