/**
 * Skills training: vocational and business skills for households in transisi, policy.skills.months
 * long, within the year's places (not while an ATENSI course is under way: both count serviceMonths). It goes on in pengembangan; a household that moves anywhere else
 * leaves it unfinished. A trained household's business earns more (processes/business.ts).
 */
import { DEVELOPMENT, TRANSITION } from '../phases';
import { countMove } from '../groups';
import type { Service } from '../world';
import { serve, yearlyRoom } from './serve';

export const skills: Service = {
  id: 'skills',
  name: { en: 'Skills training', id: 'Pelatihan keterampilan' },
  flags: ['in_training', 'trained'],
  reasons: [
    { code: 'skills.admitted', label: { en: 'Skills training: admitted', id: 'Pelatihan keterampilan: diterima' } },
    { code: 'skills.trained', label: { en: 'Skills training: completed', id: 'Pelatihan keterampilan: selesai' } },
  ],
  indicators: {
    spend: { en: 'Skills training spending', id: 'Belanja pelatihan keterampilan' },
    queue: { en: 'Waiting for skills training', id: 'Menunggu pelatihan keterampilan' },
  },
  intake: {
    phases: [TRANSITION],
    candidate: (m, i) => (m.h.services[i] & (m.world.registry.flag['skills.in_training'] | m.world.registry.flag['skills.trained'] | (m.world.registry.flag['atensi.in_rehabilitation'] ?? 0))) === 0,
    room: (m) => yearlyRoom(m.world, 'skills', m.policy.skills.places),
    admit(m, i) {
      m.h.services[i] |= m.world.registry.flag['skills.in_training'];
      m.h.serviceMonths[i] = Math.max(1, m.policy.skills.months);
      serve(m.world, m.ctx, 'skills', i, m.policy.skills.unit_cost, 'skills.admitted');
    },
  },
  progress: {
    phases: [TRANSITION, DEVELOPMENT],
    active: (m, i) => (m.h.services[i] & m.world.registry.flag['skills.in_training']) !== 0,
    run(m, i) {
      const h = m.h;
      if (--h.serviceMonths[i] > 0) return;
      const flag = m.world.registry.flag;
      h.services[i] = (h.services[i] & ~flag['skills.in_training']) | flag['skills.trained'];
      countMove(m.ctx.flows, m.world.registry.reason['skills.trained'], m.world, i);
    },
  },
  keep: {
    phases: [TRANSITION, DEVELOPMENT],
    drop(world, i) {
      const h = world.households;
      const training = world.registry.flag['skills.in_training'];
      if ((h.services[i] & training) === 0) return;
      h.services[i] &= ~training;
      h.serviceMonths[i] = 0;
    },
  },
};
