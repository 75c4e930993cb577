/**
 * RST (Rumah Sejahtera Terpadu): a decent house, in pemulihan sosial, for an extreme-poor household
 * by registry score that lacks one (behaviour.rst.housing_need, a trait drawn once), within the
 * year's houses; some come with business space (policy.rst.business_space_share). A house lowers
 * the household's shock hazard (processes/income.ts); business space raises its business's return.
 */
import { RECOVERY } from '../phases';
import { PATHWAY_DRAW, pathwayUniform } from '../draws';
import type { Service } from '../world';
import { serve, yearlyRoom } from './serve';

export const rst: Service = {
  id: 'rst',
  name: { en: 'RST housing', id: 'Rumah RST' },
  flags: ['house', 'business_space'],
  reasons: [{ code: 'rst.built', label: { en: 'RST: house built', id: 'RST: rumah dibangun' } }],
  indicators: {
    spend: { en: 'RST housing spending', id: 'Belanja rumah RST' },
    queue: { en: 'Waiting for an RST house', id: 'Menunggu rumah RST' },
  },
  intake: {
    phases: [RECOVERY],
    candidate: (m, i) =>
      (m.h.services[i] & m.world.registry.flag['rst.house']) === 0 &&
      m.h.registryScore[i] < m.extremeLine &&
      pathwayUniform(m.ctx, i, PATHWAY_DRAW.housing, 0) < m.behaviour.rst.housing_need,
    room: (m) => yearlyRoom(m.world, 'rst', m.policy.rst.houses),
    admit(m, i) {
      const flag = m.world.registry.flag;
      m.h.services[i] |= flag['rst.house'];
      if (pathwayUniform(m.ctx, i, PATHWAY_DRAW.rstBusinessSpace) < m.policy.rst.business_space_share) m.h.services[i] |= flag['rst.business_space'];
      serve(m.world, m.ctx, 'rst', i, m.policy.rst.grant, 'rst.built');
    },
  },
};
