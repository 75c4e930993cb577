/**
 * Community programmes (KAT, Karang Taruna, LKS): they reach whole communities, not households one
 * by one; the community process (../processes/community.ts) runs them and books their cost here.
 */
import type { Service } from '../world';

export const communityProgrammes: Service = {
  id: 'community',
  name: { en: 'Community programmes (KAT, Karang Taruna, LKS)', id: 'Program komunitas (KAT, Karang Taruna, LKS)' },
  flags: [],
  reasons: [{ code: 'community.reached', label: { en: 'Reached by a community programme', id: 'Dijangkau program komunitas' } }],
  indicators: { spend: { en: 'Community programme spending (KAT, Karang Taruna, LKS)', id: 'Belanja program komunitas (KAT, Karang Taruna, LKS)' } },
};
