/**
 * Consumption: what BPS measures, and what poverty is judged on.
 *
 *   target      = market income + (transfer_share × cash transfers + food assistance) / size
 *   consumption = smoothing × last month's consumption + (1 − smoothing) × target
 *
 * Food assistance (BPNT) is food, so it counts in full; only a share of cash transfers shows up as
 * consumption in the month (the PKH trial found no transformative change in consumption: Cahyadi et
 * al. 2020). The process also refills the welfare distribution the registry ranks households by.
 */
import type { MonthContext, World } from '../world';
import { finishWelfareDistribution, logBin } from '../welfare';

export function consumption(world: World, ctx: MonthContext): void {
  const h = world.households;
  const { transfer_share: share, smoothing } = ctx.params.behaviour.consumption;
  const { income, cashTransfers: cash, foodTransfers: food, size, consumption: c, weight } = h;
  const bitsOfConsumption = world.consumptionBits;
  const hist = world.welfare.weight;
  hist.fill(0);
  for (let i = 0, n = h.count; i < n; i++) {
    const target = income[i] + (share * cash[i] + food[i]) / size[i];
    c[i] = smoothing * c[i] + (1 - smoothing) * target;
    hist[logBin(bitsOfConsumption[i])] += weight[i];
  }
  finishWelfareDistribution(world.welfare);
}
