/**
 * Headline numbers of an experiment, per scenario: each computed replicate by replicate from the
 * national rows, then summarised as a mean with a 5–95 % band over replicates (differences paired
 * with the reference's replicate).
 *
 * - Extreme poverty (P0 at the extreme line) in March, the Susenas round, of the first target year
 *   (2024, the year of the zero-extreme-poverty target) and of the last year of the run.
 * - Graduations and empowerment spending over the whole run; cost per graduate = one over the other.
 * - Assistance spending (every programme of the registry) over the whole run.
 */
import type { ResultRow } from '../run/results';
import { band, type Band } from '../observe/summary';
import { BUILTIN_REGISTRY } from '../model/builtin';
import type { Registry } from '../model/world';

export type { Band };

export interface Headline {
  readonly scenario: string;
  readonly replicates: number;
  /** Extreme poverty rate in March of each headline year (share of persons). */
  readonly extremePoverty: ReadonlyArray<{ readonly month: string; readonly level: Band; readonly difference: Band | null }>;
  /** Graduations over the run (households). */
  readonly graduations: Band;
  /** Rp over the run. */
  readonly assistanceSpend: Band;
  readonly empowermentSpend: Band;
  /** Rp per graduation over the run. */
  readonly costPerGraduate: Band;
}

/** The March months the headline reports: the target year 2024 (when in the run) and the last year's. */
export function headlineMonths(months: readonly string[]): string[] {
  const marches = months.filter((m) => m.endsWith('-03')).sort();
  const last = marches.at(-1);
  return [...new Set([marches.find((m) => m === '2024-03'), last].filter((m): m is string => m !== undefined))];
}

interface ReplicateNumbers {
  poverty: Map<string, number>;
  graduations: number;
  assistance: number;
  empowerment: number;
}

/** Headline numbers of every scenario in `rows`, in the order scenarios first appear. */
export function headlines(rows: readonly ResultRow[], reference?: string, registry: Registry = BUILTIN_REGISTRY): Headline[] {
  const assistance = new Set(registry.programmes.map((p) => `${p.id}_spend`));
  const empowerment = new Set(registry.services.map((s) => `${s.id}_spend`));
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const last = months.at(-1);
  const marches = new Set(headlineMonths(months));
  const per = new Map<string, Map<number, ReplicateNumbers>>();
  for (const r of rows) {
    if (r.group !== 'national') continue;
    let scenario = per.get(r.scenario);
    if (!scenario) per.set(r.scenario, (scenario = new Map()));
    let n = scenario.get(r.replicate);
    if (!n) scenario.set(r.replicate, (n = { poverty: new Map(), graduations: 0, assistance: 0, empowerment: 0 }));
    if (r.indicator === 'p0_extreme' && marches.has(r.month)) n.poverty.set(r.month, r.value);
    else if (r.indicator === 'graduations_to_date' && r.month === last) n.graduations = r.value;
    else if (assistance.has(r.indicator)) n.assistance += r.value;
    else if (empowerment.has(r.indicator)) n.empowerment += r.value;
  }
  const ref = reference === undefined ? undefined : per.get(reference);
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
      graduations: band(numbers.map((n) => n.graduations)),
      assistanceSpend: band(numbers.map((n) => n.assistance)),
      empowermentSpend: band(numbers.map((n) => n.empowerment)),
      costPerGraduate: band(numbers.map((n) => (n.graduations > 0 ? n.empowerment / n.graduations : NaN))),
    };
  });
}
