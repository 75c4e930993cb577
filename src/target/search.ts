/**
 * The greedy search for the cheapest mix of levers that brings an indicator below a level.
 *
 * A mix is a level for each lever (0: as legislated). The search climbs, then trims:
 *
 *   climb  from the legislated mix, each round evaluates one level up for each lever that has one
 *          (the round's candidates together), and takes the step with the largest fall of the
 *          indicator per extra rupiah (a step that lowers the indicator at no extra cost comes first,
 *          the larger fall first among them); until the mix meets the target (its mean below the
 *          level), no lever has a level left, or no step lowers the indicator;
 *   trim   from a mix that meets the target, each round evaluates one level down for each lever
 *          above the legislated level, and takes the cheapest that still meets it; until none does.
 *
 * The answer is the cheapest evaluated mix that meets the target. Climbing by fall per rupiah is the
 * rule of thumb of cost-effectiveness ranking (buy the cheapest fall first); trimming undoes the
 * steps the last one made unneeded. Neither is a proof of the cheapest mix over every combination,
 * which would take the product of the levels' counts in runs; the candidates evaluated are all shown.
 *
 * The evaluation is injected (`evaluate`: mixes → their mean indicator and cost), so the search runs
 * without the model; ./index.ts gives it model runs with common random numbers over the job pool.
 * A mix is never evaluated twice.
 */

/** A level for each lever, in the order of the levers; 0 is the legislated level. */
export type Mix = readonly number[];

/** What the search reads of an evaluated mix: its indicator at the target month and its cost (means over replicates). */
export interface Evaluation {
  readonly value: number;
  readonly cost: number;
}

/** A mix that was evaluated, in the order of evaluation. */
export interface Candidate extends Evaluation {
  readonly mix: Mix;
  /** The round that evaluated it: 0 the legislated mix, then climbing and trimming rounds. */
  readonly round: number;
  /** Its indicator is below the level. */
  readonly meets: boolean;
}

/** Why the search stopped. */
export const STOPS = ['met', 'levels-exhausted', 'no-fall'] as const;
export type Stop = (typeof STOPS)[number];

export interface SearchProblem {
  /** The levels of each lever beyond the legislated one (a lever with 3 has levels 0 … 3). */
  readonly levels: readonly number[];
  /** The target: the indicator below this level. */
  readonly below: number;
  /** The mean indicator and cost of each mix, in order; the mixes of one round come together. */
  readonly evaluate: (mixes: readonly Mix[], round: number) => Promise<readonly Evaluation[]>;
}

export interface SearchResult {
  /** Every mix evaluated, in order. */
  readonly candidates: readonly Candidate[];
  /** The mixes the search stood on, from the legislated one: the steps taken, climbing then trimming. */
  readonly steps: readonly Mix[];
  /** The cheapest evaluated mix that meets the target (ties: the lower indicator), or null when none does. */
  readonly answer: Candidate | null;
  readonly stop: Stop;
  /** Rounds run, the legislated mix's included. */
  readonly rounds: number;
}

const key = (mix: Mix) => mix.join(',');

/** Climbs and trims (see the module comment) and returns every candidate, the steps and the answer. */
export async function greedySearch(problem: SearchProblem): Promise<SearchResult> {
  const { levels, below } = problem;
  if (!(levels.length > 0 && levels.every((n) => Number.isInteger(n) && n >= 1))) throw new Error(`greedySearch: levels: expected a whole number ≥ 1 for each lever, got [${levels.join(', ')}]`);
  if (!Number.isFinite(below)) throw new Error(`greedySearch: below: expected a finite number, got ${below}`);
  const seen = new Map<string, Candidate>();
  const candidates: Candidate[] = [];
  let round = 0;
  const evaluate = async (mixes: readonly Mix[]): Promise<Candidate[]> => {
    const fresh = mixes.filter((m, k) => !seen.has(key(m)) && mixes.findIndex((n) => key(n) === key(m)) === k);
    if (fresh.length) {
      const results = await problem.evaluate(fresh, round);
      if (results.length !== fresh.length) throw new Error(`greedySearch: evaluate returned ${results.length} evaluations for ${fresh.length} mixes`);
      fresh.forEach((mix, k) => {
        const { value, cost } = results[k];
        if (!Number.isFinite(value) || !Number.isFinite(cost)) throw new Error(`greedySearch: evaluate gave value ${value} and cost ${cost} for the mix [${mix.join(', ')}]; both must be finite`);
        const c: Candidate = { mix: [...mix], round, value, cost, meets: value < below };
        seen.set(key(mix), c);
        candidates.push(c);
      });
    }
    round++;
    return mixes.map((m) => seen.get(key(m))!);
  };

  let current = (await evaluate([levels.map(() => 0)]))[0];
  const steps: Mix[] = [current.mix];
  let stop: Stop = 'met';
  // Climb.
  while (!current.meets) {
    const up = levels.flatMap((n, i) => (current.mix[i] < n ? [current.mix.map((l, j) => (j === i ? l + 1 : l))] : []));
    if (up.length === 0) {
      stop = 'levels-exhausted';
      break;
    }
    const next = best(current, await evaluate(up));
    if (!next) {
      stop = 'no-fall';
      break;
    }
    current = next;
    steps.push(current.mix);
  }
  // Trim.
  while (current.meets) {
    const down = levels.flatMap((_, i) => (current.mix[i] > 0 ? [current.mix.map((l, j) => (j === i ? l - 1 : l))] : []));
    if (down.length === 0) break;
    const cheaper = (await evaluate(down)).filter((c) => c.meets && c.cost < current.cost).sort(byCost)[0];
    if (!cheaper) break;
    current = cheaper;
    steps.push(current.mix);
  }
  const answer = candidates.filter((c) => c.meets).sort(byCost)[0] ?? null;
  return { candidates, steps, answer, stop, rounds: round };
}

/** Cheapest first; at equal cost the lower indicator, then the earlier evaluated. */
function byCost(a: Candidate, b: Candidate): number {
  return a.cost - b.cost || a.value - b.value;
}

/**
 * The step with the largest fall of the indicator per extra rupiah from `from`; steps that lower it
 * at no extra cost (or save money) first, the larger fall first. Null when no step lowers it.
 */
function best(from: Candidate, steps: readonly Candidate[]): Candidate | null {
  const scored = steps
    .map((c, k) => ({ c, k, fall: from.value - c.value, extra: c.cost - from.cost }))
    .filter((s) => s.fall > 0)
    .map((s) => ({ ...s, score: s.extra <= 0 ? Infinity : s.fall / s.extra }));
  scored.sort((a, b) => (b.score === a.score ? b.fall - a.fall || a.k - b.k : b.score - a.score));
  return scored[0]?.c ?? null;
}
