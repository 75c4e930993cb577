/**
 * Headline numbers of an experiment, per scenario: each computed replicate by replicate from the
 * national rows, then summarised as a mean with a 5–95 % band over replicates (differences paired
 * with the reference's replicate).
 *
 * - Extreme poverty (P0 at the extreme line) in March, the Susenas round, of the first target year
 *   (2024, the year of the zero-extreme-poverty target) and of the last year of the run.
 * - Graduations over the whole run, in all and by kind (../model/graduation.ts), and relapses by kind.
 * - Empowerment and assistance spending over the whole run.
 * - Against the reference, what the extra money buys (cost-effectiveness): extra spending (every
 *   programme and service) over the run; persons fewer in extreme poverty in the last month;
 *   person-years out of extreme poverty over the run (the monthly difference in persons below the
 *   extreme line, summed, over 12); extra graduations. Each cost is the mean extra spending over the
 *   mean gain (a ratio of means over the same replicates), given only when the gain is positive.
 */
import type { ResultRow } from '../run/results';
import { band, type Band } from '../observe/summary';
import { BUILTIN_REGISTRY } from '../model/builtin';
import type { Registry } from '../model/world';
import { GRADUATION_KINDS, RELAPSE_REASONS } from '../model/graduation';
import type { GraduationKind } from '../model/graduation';

export type { Band };

export interface Headline {
  readonly scenario: string;
  readonly replicates: number;
  /** Extreme poverty rate in March of each headline year (share of persons). */
  readonly extremePoverty: ReadonlyArray<{ readonly month: string; readonly level: Band; readonly difference: Band | null }>;
  /** Graduations over the run (households), in all and by kind; relapses by the kind of graduation. */
  readonly graduations: Band;
  readonly graduationsByKind: { readonly [kind in GraduationKind]: Band };
  readonly relapsesByKind: { readonly [kind in GraduationKind]: Band };
  readonly relapses: Band;
  /** Rp over the run. */
  readonly assistanceSpend: Band;
  readonly empowermentSpend: Band;
  /** What the extra money buys against the reference (null for the reference, or without one). */
  readonly effectiveness: Effectiveness | null;
}

/** Against the reference, over the same replicates: extra spending and what it buys, and the cost of each gain (Rp; NaN when there is no gain). */
export interface Effectiveness {
  /** Rp over the run, every programme and service. */
  readonly extraSpend: Band;
  /** Persons fewer below the extreme line in the last month. */
  readonly fewerExtremePoor: Band;
  /** Person-years out of extreme poverty over the run. */
  readonly personYears: Band;
  /** Graduations over the run, all kinds. */
  readonly extraGraduations: Band;
  readonly costPerPersonLifted: number;
  readonly costPerPersonYear: number;
  readonly costPerGraduation: number;
}

/** The March months the headline reports: the target year 2024 (when in the run) and the last year's. */
export function headlineMonths(months: readonly string[]): string[] {
  const marches = months.filter((m) => m.endsWith('-03')).sort();
  const last = marches.at(-1);
  return [...new Set([marches.find((m) => m === '2024-03'), last].filter((m): m is string => m !== undefined))];
}

interface ReplicateNumbers {
  poverty: Map<string, number>;
  /** Persons below the extreme line, by month. */
  extremePoor: Map<string, number>;
  byKind: number[];
  relapses: number[];
  assistance: number;
  empowerment: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Mean extra spending over a mean gain; NaN when there is no gain. */
const costOf = (spend: Band, gain: Band) => (gain.mean > 0 ? spend.mean / gain.mean : NaN);

/** Headline numbers of every scenario in `rows`, in the order scenarios first appear. */
export function headlines(rows: readonly ResultRow[], reference?: string, registry: Registry = BUILTIN_REGISTRY): Headline[] {
  const assistance = new Set(registry.programmes.map((p) => `${p.id}_spend`));
  const empowerment = new Set(registry.services.map((s) => `${s.id}_spend`));
  const kinds = new Map<string, number>(GRADUATION_KINDS.map((k, j) => [`flow.${k.reason}`, j]));
  const relapses = new Map<string, number>(RELAPSE_REASONS.map((r, j) => [`flow.${r.code}`, j]));
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const last = months.at(-1)!;
  const marches = new Set(headlineMonths(months));
  const per = new Map<string, Map<number, ReplicateNumbers>>();
  for (const r of rows) {
    if (r.group !== 'national') continue;
    let scenario = per.get(r.scenario);
    if (!scenario) per.set(r.scenario, (scenario = new Map()));
    let n = scenario.get(r.replicate);
    if (!n) scenario.set(r.replicate, (n = { poverty: new Map(), extremePoor: new Map(), byKind: GRADUATION_KINDS.map(() => 0), relapses: GRADUATION_KINDS.map(() => 0), assistance: 0, empowerment: 0 }));
    if (r.indicator === 'p0_extreme' && marches.has(r.month)) n.poverty.set(r.month, r.value);
    else if (r.indicator === 'poor_extreme') n.extremePoor.set(r.month, r.value);
    else if (kinds.has(r.indicator)) n.byKind[kinds.get(r.indicator)!] += r.value;
    else if (relapses.has(r.indicator)) n.relapses[relapses.get(r.indicator)!] += r.value;
    else if (assistance.has(r.indicator)) n.assistance += r.value;
    else if (empowerment.has(r.indicator)) n.empowerment += r.value;
  }
  const ref = reference === undefined ? undefined : per.get(reference);
  const byKind = (numbers: readonly ReplicateNumbers[], of: (n: ReplicateNumbers) => number[]) =>
    Object.fromEntries(GRADUATION_KINDS.map((k, j) => [k.id, band(numbers.map((n) => of(n)[j]))])) as { [kind in GraduationKind]: Band };
  return [...per].map(([scenario, byReplicate]) => {
    const replicates = [...byReplicate.keys()];
    const numbers = replicates.map((r) => byReplicate.get(r)!);
    return {
      scenario,
      replicates: replicates.length,
      extremePoverty: [...marches].map((month) => ({
        month,
        level: band(numbers.map((n) => n.poverty.get(month)!)),
        difference: ref && scenario !== reference ? band(replicates.map((r) => byReplicate.get(r)!.poverty.get(month)! - ref.get(r)!.poverty.get(month)!)) : null,
      })),
      graduations: band(numbers.map((n) => sum(n.byKind))),
      graduationsByKind: byKind(numbers, (n) => n.byKind),
      relapsesByKind: byKind(numbers, (n) => n.relapses),
      relapses: band(numbers.map((n) => sum(n.relapses))),
      assistanceSpend: band(numbers.map((n) => n.assistance)),
      empowermentSpend: band(numbers.map((n) => n.empowerment)),
      effectiveness: ref && scenario !== reference ? effectiveness(replicates.map((r) => [byReplicate.get(r)!, ref.get(r)!]), months, last) : null,
    };
  });
}

/** What a scenario's extra money buys against the reference, replicate by replicate (pairs of scenario and reference numbers). */
function effectiveness(pairs: ReadonlyArray<readonly [ReplicateNumbers, ReplicateNumbers]>, months: readonly string[], last: string): Effectiveness {
  const extraSpend = band(pairs.map(([s, r]) => s.assistance + s.empowerment - r.assistance - r.empowerment));
  const fewerExtremePoor = band(pairs.map(([s, r]) => r.extremePoor.get(last)! - s.extremePoor.get(last)!));
  const personYears = band(pairs.map(([s, r]) => sum(months.map((m) => r.extremePoor.get(m)! - s.extremePoor.get(m)!)) / 12));
  const extraGraduations = band(pairs.map(([s, r]) => sum(s.byKind) - sum(r.byKind)));
  return {
    extraSpend,
    fewerExtremePoor,
    personYears,
    extraGraduations,
    costPerPersonLifted: costOf(extraSpend, fewerExtremePoor),
    costPerPersonYear: costOf(extraSpend, personYears),
    costPerGraduation: costOf(extraSpend, extraGraduations),
  };
}
