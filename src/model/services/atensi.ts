/**
 * ATENSI (Asistensi Rehabilitasi Sosial): rehabilitation in pemulihan sosial for a household with
 * a severe disability or hit by a disaster, referred by TKSK, within the Sentra's places. A course
 * lasts policy.atensi.months; when it ends the household is rehabilitated with probability
 * behaviour.atensi.success. Until it is, the household cannot move on to transisi.
 */
import { DISASTER_VICTIM, RECOVERY } from '../phases';
import { PATHWAY_DRAW, pathwayUniform } from '../draws';
import { countMove } from '../groups';
import type { Service, World } from '../world';
import { serve, yearlyRoom } from './serve';

/** A vulnerability ATENSI addresses before the household can move on: severe disability or a disaster. */
export function needsRehabilitation(world: World, i: number): boolean {
  const h = world.households;
  return (h.severeDisability[i] > 0 || (h.history[i] & DISASTER_VICTIM) !== 0) && (h.services[i] & world.registry.flag['atensi.rehabilitated']) === 0;
}

export const atensi: Service = {
  id: 'atensi',
  name: { en: 'ATENSI rehabilitation', id: 'Rehabilitasi ATENSI' },
  flags: ['in_rehabilitation', 'rehabilitated'],
  reasons: [
    { code: 'atensi.admitted', label: { en: 'ATENSI: admitted', id: 'ATENSI: diterima' } },
    { code: 'atensi.rehabilitated', label: { en: 'ATENSI: rehabilitated', id: 'ATENSI: berhasil direhabilitasi' } },
    { code: 'atensi.not_rehabilitated', label: { en: 'ATENSI: not rehabilitated', id: 'ATENSI: tidak berhasil direhabilitasi' } },
  ],
  indicators: {
    spend: { en: 'ATENSI rehabilitation spending', id: 'Belanja rehabilitasi ATENSI' },
    queue: { en: 'Waiting for an ATENSI place', id: 'Menunggu tempat ATENSI' },
  },
  intake: {
    phases: [RECOVERY],
    candidate: (m, i) => (m.h.services[i] & m.world.registry.flag['atensi.in_rehabilitation']) === 0 && needsRehabilitation(m.world, i),
    room: (m) => Math.min(yearlyRoom(m.world, 'atensi', m.policy.atensi.places), m.policy.tksk.count * m.policy.tksk.referrals),
    admit(m, i) {
      m.h.services[i] |= m.world.registry.flag['atensi.in_rehabilitation'];
      m.h.serviceMonths[i] = Math.max(1, m.policy.atensi.months);
      serve(m.world, m.ctx, 'atensi', i, m.policy.atensi.unit_cost, 'atensi.admitted');
    },
  },
  progress: {
    phases: [RECOVERY],
    active: (m, i) => (m.h.services[i] & m.world.registry.flag['atensi.in_rehabilitation']) !== 0,
    run(m, i) {
      const h = m.h;
      if (--h.serviceMonths[i] !== 0) return;
      const flag = m.world.registry.flag;
      h.services[i] &= ~flag['atensi.in_rehabilitation'];
      const rehabilitated = pathwayUniform(m.ctx, i, PATHWAY_DRAW.atensiSuccess) < m.behaviour.atensi.success;
      if (rehabilitated) h.services[i] |= flag['atensi.rehabilitated'];
      countMove(m.ctx.flows, m.world.registry.reason[rehabilitated ? 'atensi.rehabilitated' : 'atensi.not_rehabilitated'], m.world, i);
    },
  },
};
