/**
 * The draws of the pathway's random stream: one index per decision, so no two decisions share a
 * draw, and a service added later takes a new index without moving anyone else's draws.
 */
import { bits, UNIT } from './random';
import type { MonthContext } from './world';

export const PATHWAY_DRAW = {
  /** ATENSI: the household is rehabilitated when its course ends. */
  atensiSuccess: 0,
  /** RST: the house comes with business space. */
  rstBusinessSpace: 1,
  /** A household with capital in transisi starts a business. */
  businessStart: 2,
  /** A household meeting the criteria graduates of its own accord. */
  graduate: 3,
  /** A graduate below the line relapses. */
  relapse: 4,
  /** The household lacks decent housing (a trait, drawn in month 0). */
  housing: 5,
  /** The facilitator judges a family meeting the sejahtera mandiri criteria self-reliant this month. */
  mandiriJudged: 6,
  /** A family meeting the sejahtera mandiri criteria declares itself self-reliant this month. */
  mandiriDeclared: 7,
  /** The household's elderly are without care (an ATENSI cluster, drawn in month 0). */
  elderlyWithoutCare: 8,
  /** The household's children include one in need of protection (an ATENSI cluster, drawn in month 0). */
  childInNeed: 9,
  /** A member has a substance-use disorder (an ATENSI cluster, drawn in month 0). */
  substanceUse: 10,
} as const;

/** A uniform draw in [0, 1) of the pathway's stream for household i in `month` (default: this month). */
export function pathwayUniform(ctx: MonthContext, i: number, draw: number, month: number = ctx.month): number {
  const s = ctx.streams.pathway;
  return (bits(s.k0, s.k1, i, month, draw) >>> 0) * UNIT;
}
