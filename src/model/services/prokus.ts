/**
 * PROKUS (Program Kewirausahaan Sosial): a grant plus incubation for a household whose business
 * runs, in transisi or pengembangan, or in its first policy.prokus.graduate_window months after
 * graduating, within the year's recipients.
 */
import { DEVELOPMENT, GRADUATED, TRANSITION } from '../phases';
import type { PathwayMonth, Service } from '../world';
import { serve, yearlyRoom } from './serve';

/** Months after graduating in which a family may still be a candidate. */
const graduateWindow = (m: PathwayMonth): number => m.policy.prokus.graduate_window;

export const prokus: Service = {
  id: 'prokus',
  name: { en: 'PROKUS grant', id: 'Bantuan PROKUS' },
  flags: ['received'],
  reasons: [{ code: 'prokus.received', label: { en: 'PROKUS grant received', id: 'Bantuan PROKUS diterima' } }],
  indicators: {
    spend: { en: 'PROKUS grant spending', id: 'Belanja bantuan PROKUS' },
    queue: { en: 'Waiting for a PROKUS grant', id: 'Menunggu bantuan PROKUS' },
  },
  intake: {
    phases: [TRANSITION, DEVELOPMENT, GRADUATED],
    candidate: (m, i, monthsInPhase) =>
      (m.h.services[i] & m.world.registry.flag['prokus.received']) === 0 &&
      m.h.business[i] === 1 &&
      (m.h.phase[i] !== GRADUATED || monthsInPhase < graduateWindow(m)),
    window: { phase: GRADUATED, months: graduateWindow },
    room: (m) => yearlyRoom(m.world, 'prokus', m.policy.prokus.recipients),
    admit(m, i) {
      const p = m.policy.prokus;
      const h = m.h;
      h.services[i] |= m.world.registry.flag['prokus.received'];
      h.capital[i] += p.grant;
      h.mentoringMonths[i] = Math.max(h.mentoringMonths[i], p.incubation_months);
      serve(m.world, m.ctx, 'prokus', i, p.grant, 'prokus.received');
    },
  },
};
