/**
 * BLT BBM: the fuel-compensation cash transfer of 2022, a flat amount a month to PKH and BPNT
 * families while it is paid (policy.blt_bbm).
 */
import type { Programme } from '../world';

export const bltBbm: Programme = {
  id: 'blt_bbm',
  name: { en: 'BLT BBM', id: 'BLT BBM' },
  families: { en: 'BLT BBM families', id: 'Keluarga penerima BLT BBM' },
  paidAs: 'cash',
  assistance: false,
  eligibility: { any: ['pkh', 'bpnt'] },
  reasons: {
    enrolled: { code: 'blt_bbm.enrolled', label: { en: 'BLT BBM: enrolled', id: 'BLT BBM: menjadi penerima' } },
    exits: [
      { code: 'blt_bbm.not_in_pkh_or_bpnt', label: { en: 'BLT BBM: no longer in PKH or BPNT', id: 'BLT BBM: tidak lagi menerima PKH atau BPNT' } },
      { code: 'blt_bbm.programme_ended', label: { en: 'BLT BBM: programme ended', id: 'BLT BBM: program berakhir' } },
      { code: 'blt_bbm.quota_or_budget_cut', label: { en: 'BLT BBM: quota or budget cut', id: 'BLT BBM: kuota atau anggaran dipangkas' } },
    ],
  },
  leaves: {
    missingAll: 'blt_bbm.not_in_pkh_or_bpnt',
    missingAny: 'blt_bbm.not_in_pkh_or_bpnt',
    noEntitlement: 'blt_bbm.programme_ended',
    cut: 'blt_bbm.quota_or_budget_cut',
    graduated: 'blt_bbm.not_in_pkh_or_bpnt',
  },
  terms: (params) => ({ quota: params.policy.blt_bbm.quota, budget: params.policy.blt_bbm.budget, flat: params.policy.blt_bbm.benefit, compliance: 1 }),
  monthsPaid: () => 1,
  inForce: (params) => params.policy.blt_bbm.benefit > 0 && params.policy.blt_bbm.quota > 0,
  targeting: false,
};
