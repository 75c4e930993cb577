/**
 * Payment schedules of programmes paid in regular tranches (PKH quarterly, Sembako two months at a
 * time, BLT Dana Desa monthly): a tranche of `tranche` months of benefit is paid in the calendar
 * months m with (m − 1) mod `tranche` = 0, so quarterly tranches fall in January, April, July and
 * October. Programmes paid once or irregularly date their payments in a `months_paid` parameter.
 */
import { monthOfYear, type Month } from '../../calendar/months';

/** Months of benefit a programme paid in tranches of `tranche` months pays in `month` (0 between tranches). */
export function trancheMonthsPaid(tranche: number, month: Month): number {
  return tranche > 0 && (monthOfYear(month) - 1) % tranche === 0 ? tranche : 0;
}
