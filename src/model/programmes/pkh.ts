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
  // The components, the most valuable first, each in a variable of its own: the loop reads seven
  // arrays the compiler knows apart, not an array of arrays.
  const [m0, m1, m2, m3, m4, m5, m6] = order.map((k) => members[k]);
  const [a0, a1, a2, a3, a4, a5, a6] = order.map((k) => amounts[k]);
  const cap = params.policy.pkh.member_cap;
  const recorded = params.behaviour.pkh.components_recorded;
  const entitlement = (i: number): number => {
    // Each component counts its members up to what the cap leaves (none once it is reached: 0 · amount adds 0).
    let left = cap;
    let annual = 0;
    let counted = m0[i] < left ? m0[i] : left;
    annual += counted * a0;
    left -= counted;
    counted = m1[i] < left ? m1[i] : left;
    annual += counted * a1;
    left -= counted;
    counted = m2[i] < left ? m2[i] : left;
    annual += counted * a2;
    left -= counted;
    counted = m3[i] < left ? m3[i] : left;
    annual += counted * a3;
    left -= counted;
    counted = m4[i] < left ? m4[i] : left;
    annual += counted * a4;
    left -= counted;
    counted = m5[i] < left ? m5[i] : left;
    annual += counted * a5;
    left -= counted;
    counted = m6[i] < left ? m6[i] : left;
    annual += counted * a6;
    return (annual * recorded) / 12;
  };
  const n = h.count;
  if (changed === undefined) {
    for (let i = 0; i < n; i++) out[i] = entitlement(i);
    return;
  }
  // The families whose members changed (about 3 % a month), found four at a time: a word of four
  // households' marks is 0 when none of them changed.
  const words = new Uint32Array(changed.buffer, changed.byteOffset, n >>> 2);
  for (let w = 0; w < words.length; w++) {
    if (words[w] === 0) continue;
    for (let i = 4 * w; i < 4 * w + 4; i++) if (changed[i] !== 0) out[i] = entitlement(i);
  }
  for (let i = 4 * words.length; i < n; i++) if (changed[i] !== 0) out[i] = entitlement(i);
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
