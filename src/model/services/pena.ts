/**
 * PENA (Pahlawan Ekonomi Nusantara): capital in kind plus mentoring, in transisi, for a family in an
 * assistance programme whose head is aged policy.pena.min_age–max_age, without a business and
 * without PENA before, within the year's recipients. A family pushed to graduate leaves PKH
 * policy.pena.exit_months after the capital if its business stands (processes/pathway.ts).
 */
import { TRANSITION } from '../phases';
import type { MonthContext, Service, World } from '../world';
import { serve, serveOutsidePlaces, yearlyRoom } from './serve';

/**
 * PENA for household i: policy.pena.capital in kind, mentoring for policy.pena.mentoring_months, the
 * month it was received (for the push exit) and its cost. On one of the year's places
 * ('within-places', the pathway) or outside them ('outside-places', a trial's offer, ../processes/offer.ts).
 */
export function grantPena(world: World, ctx: MonthContext, i: number, places: 'within-places' | 'outside-places'): void {
  const h = world.households;
  const pena = ctx.params.policy.pena;
  h.services[i] |= world.registry.flag['pena.received'];
  h.capital[i] += pena.capital;
  h.mentoringMonths[i] = Math.max(h.mentoringMonths[i], pena.mentoring_months);
  h.penaMonth[i] = ctx.month;
  (places === 'within-places' ? serve : serveOutsidePlaces)(world, ctx, 'pena', i, pena.capital, 'pena.received');
}

/** PENA's target group, in any phase: an assistance family with a head of PENA's ages, without PENA and without a business. */
export function penaTarget(world: World, ctx: MonthContext, i: number): boolean {
  const h = world.households;
  const pena = ctx.params.policy.pena;
  return (
    (h.services[i] & world.registry.flag['pena.received']) === 0 &&
    h.business[i] === 0 &&
    h.headAge[i] >= pena.min_age &&
    h.headAge[i] <= pena.max_age &&
    (h.programmes[i] & world.registry.assistance) !== 0
  );
}

export const pena: Service = {
  id: 'pena',
  name: { en: 'PENA capital', id: 'Modal PENA' },
  flags: ['received'],
  reasons: [{ code: 'pena.received', label: { en: 'PENA capital received', id: 'Modal PENA diterima' } }],
  indicators: {
    spend: { en: 'PENA capital spending', id: 'Belanja modal PENA' },
    queue: { en: 'Waiting for PENA capital', id: 'Menunggu modal PENA' },
  },
  intake: {
    phases: [TRANSITION],
    candidate: (m, i) => penaTarget(m.world, m.ctx, i),
    room: (m) => yearlyRoom(m.world, 'pena', m.policy.pena.recipients),
    admit: (m, i) => grantPena(m.world, m.ctx, i, 'within-places'),
  },
};
