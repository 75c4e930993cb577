/**
 * PKH (Program Keluarga Harapan): conditional cash for poor families in the registry, by member.
 *
 * A family is entitled to the year's index for each eligible member (pregnant or post-partum,
 * young child, pupil by school level, severe disability, elderly), counting at most `member_cap`
 * members, the most valuable first (policy.pkh.benefit), for the share of members whose components
 * PKH has recorded (behaviour.pkh.components_recorded). It is paid in quarterly tranches of three
 * months' benefit, in January, April, July and October (policy.pkh.tranche_months), when it meets
 * its conditions (health visits, school attendance, family development sessions):
 * behaviour.pkh.compliance. The budget (policy.pkh.budget) is the realised spending of the year.
 * A graduated family is not taken back until it relapses. Members change month by month
 * (../processes/demography.ts): the entitlements of the families whose members changed are computed
 * anew each month (World.membersChanged), and a family left with no eligible member leaves PKH by
 * natural graduation.
 */
import type { Households } from '../households';
import type { ParameterValues } from '../../parameters/spec';
import type { Programme } from '../world';
import { trancheMonthsPaid } from './schedule';

/**
 * PKH entitlement of every family (or of the families marked in `changed`), Rp a month: the annual
 * index of each eligible member, counting at most `member_cap` members, the most valuable first,
 * times the share of components recorded.
 */
export function pkhEntitlements(h: Households, params: ParameterValues, out: Float32Array, changed?: Uint8Array): void {
  const b = params.policy.pkh.benefit;
  const members = [h.pregnant, h.earlyChildhood, h.primaryPupils, h.juniorPupils, h.seniorPupils, h.severeDisability, h.elderly];
  const amounts = [b.pregnant, b.early_childhood, b.primary_school, b.junior_secondary, b.senior_secondary, b.severe_disability, b.elderly];
  const order = amounts.map((_, k) => k).sort((x, y) => amounts[y] - amounts[x] || x - y);
  const cap = params.policy.pkh.member_cap;
  const recorded = params.behaviour.pkh.components_recorded;
  for (let i = 0, n = h.count; i < n; i++) {
    if (changed !== undefined && changed[i] === 0) continue;
    let left = cap;
    let annual = 0;
    for (let j = 0; j < order.length && left > 0; j++) {
      const k = order[j];
      const m = members[k][i];
      const counted = m < left ? m : left;
      annual += counted * amounts[k];
      left -= counted;
    }
    out[i] = (annual * recorded) / 12;
  }
}

export const pkh: Programme = {
  id: 'pkh',
  name: { en: 'PKH', id: 'PKH' },
  families: { en: 'PKH families (KPM)', id: 'Keluarga penerima PKH (KPM)' },
  paidAs: 'cash',
  assistance: true,
  eligibility: { all: ['registry'], forbid: ['graduated'] },
  reasons: {
    enrolled: { code: 'pkh.enrolled', label: { en: 'PKH: enrolled', id: 'PKH: menjadi penerima' } }, // a free slot went to the poorest eligible family by registry score
    exits: [
      { code: 'pkh.left_registry', label: { en: 'PKH: left the registry', id: 'PKH: keluar dari DTKS' } },
      { code: 'pkh.natural_graduation', label: { en: 'PKH: natural graduation (no eligible member left)', id: 'PKH: graduasi alamiah (tidak ada lagi anggota yang memenuhi syarat)' } }, // children grown out of school ages, the elderly member died
      { code: 'pkh.quota_or_budget_cut', label: { en: 'PKH: quota or budget cut', id: 'PKH: kuota atau anggaran dipangkas' } }, // the least poor leave
    ],
    graduated: { code: 'pkh.graduated', label: { en: 'PKH: graduated', id: 'PKH: graduasi' } },
  },
  leaves: { missingAll: 'pkh.left_registry', missingAny: 'pkh.left_registry', noEntitlement: 'pkh.natural_graduation', cut: 'pkh.quota_or_budget_cut', graduated: 'pkh.graduated' },
  naturalGraduation: true,
  entitlement: {
    key: (params) => JSON.stringify([params.policy.pkh.benefit, params.policy.pkh.member_cap, params.behaviour.pkh.components_recorded]),
    compute: pkhEntitlements,
  },
  terms: (params) => ({ quota: params.policy.pkh.quota, budget: params.policy.pkh.budget, flat: 0, compliance: params.behaviour.pkh.compliance }),
  monthsPaid: (params, month) => trancheMonthsPaid(params.policy.pkh.tranche_months, month),
  inForce: (params) => params.policy.pkh.quota > 0 && Object.values(params.policy.pkh.benefit).some((v) => v > 0),
  complianceStream: 'compliance',
  targeting: true,
};
