/**
 * Where the agents go: a stratified design, like Susenas's province × urban/rural strata.
 *
 * Agents are laid out in province order (BPS codes), each province a contiguous block, and inside it
 * three contiguous cells: urban, rural, and rural remote (KAT). Provinces get agents in proportion to
 * their households, with a floor (1 % of the agents, at most 1,000) so that small provinces have enough
 * agents for their own statistics; cells get agents in proportion to their expected households, with
 * KAT households oversampled KAT_OVERSAMPLING times. Cell counts are fixed (not drawn), so no cell is
 * ever empty; the weights (./index.ts) bring every cell back to its share of real households.
 */
import type { PopulationTargets } from './targets';
import { largestRemainder } from './targets';

/** KAT agents per KAT household, relative to other rural households of the province. */
export const KAT_OVERSAMPLING = 4;

/**
 * The fewest agents a population can have: below this, the smallest strata (~70 agents in Papua's
 * rural areas at 20,000) can be too sparse for their poverty rate to be fitted.
 */
export const MIN_HOUSEHOLDS = 20_000;

/** One province's block of agents: [start, start + urban) urban, then `rural`, then `remote` agents. */
export interface ProvinceBlock {
  readonly start: number;
  readonly urban: number;
  readonly rural: number;
  readonly remote: number;
}

/** The blocks of `count` agents over the provinces of the targets. */
export function layoutAgents(count: number, targets: PopulationTargets): ProvinceBlock[] {
  const households = Array.from(targets.provinceHouseholds);
  const floor = Math.max(3, Math.min(1000, Math.floor(count / 100)));
  // Provinces whose proportional share is below the floor get the floor; the rest share what is left.
  const fixed = households.map(() => false);
  for (let changed = true; changed; ) {
    changed = false;
    const left = count - floor * fixed.filter(Boolean).length;
    const free = households.reduce((s, hh, p) => (fixed[p] ? s : s + hh), 0);
    households.forEach((hh, p) => {
      if (!fixed[p] && (left * hh) / free < floor) {
        fixed[p] = true;
        changed = true;
      }
    });
  }
  const left = count - floor * fixed.filter(Boolean).length;
  const free = households.reduce((s, hh, p) => (fixed[p] ? s : s + hh), 0);
  const quotas = households.map((hh, p) => (fixed[p] ? floor : (left * hh) / free));
  const agents = largestRemainder(quotas, count);

  const blocks: ProvinceBlock[] = [];
  let start = 0;
  for (let p = 0; p < households.length; p++) {
    const n = agents[p];
    const share = targets.provinceUrbanShare[p];
    const kat = targets.provinceKat[p];
    let urban = n;
    let rural = 0;
    let remote = 0;
    if (share < 1) {
      const minRural = kat > 0 ? 2 : 1;
      urban = Math.min(Math.max(Math.round(n * share), 1), n - minRural);
      const ruralAll = n - urban;
      if (kat > 0) {
        const katShare = kat / (targets.provinceHouseholds[p] * (1 - share));
        remote = Math.min(Math.max(Math.round(ruralAll * katShare * KAT_OVERSAMPLING), 1), ruralAll - 1);
      }
      rural = ruralAll - remote;
    }
    blocks.push({ start, urban, rural, remote });
    start += n;
  }
  return blocks;
}
