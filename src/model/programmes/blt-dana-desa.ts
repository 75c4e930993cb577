/**
 * BLT Dana Desa: villages pay Rp 300,000 a month from the village fund to poor families that
 * receive neither PKH nor Sembako — rural registry families outside PKH and BPNT, poorest first by
 * registry score (policy.blt_dana_desa). Families: 7.5 m in 2022, an assumed 3.3 m in 2023 (the
 * rule's 1.88–4.72 m), ~3 m in 2024 from the allocation. Budget: realised where known (2022), the
 * rule's ceiling (2023), the allocation (2024 on). Paid every month (tranche_months, an assumption).
 */
import type { Programme } from '../world';
import { trancheMonthsPaid } from './schedule';

export const bltDanaDesa: Programme = {
  id: 'blt_dana_desa',
  name: { en: 'BLT Dana Desa', id: 'BLT Dana Desa' },
  families: { en: 'BLT Dana Desa families (rural)', id: 'Keluarga penerima BLT Dana Desa (perdesaan)' },
  paidAs: 'cash',
  assistance: false,
  eligibility: { all: ['registry'], forbid: ['pkh', 'bpnt'], area: 'rural' },
  reasons: {
    enrolled: { code: 'blt_dana_desa.enrolled', label: { en: 'BLT Dana Desa: enrolled', id: 'BLT Dana Desa: menjadi penerima' } },
    exits: [
      { code: 'blt_dana_desa.left_registry_or_joined_pkh_bpnt', label: { en: 'BLT Dana Desa: left the registry or joined PKH or BPNT', id: 'BLT Dana Desa: keluar dari DTKS atau menjadi penerima PKH atau BPNT' } },
      { code: 'blt_dana_desa.programme_ended', label: { en: 'BLT Dana Desa: programme ended', id: 'BLT Dana Desa: program berakhir' } },
      { code: 'blt_dana_desa.quota_or_budget_cut', label: { en: 'BLT Dana Desa: quota or budget cut', id: 'BLT Dana Desa: kuota atau anggaran dipangkas' } },
    ],
    graduated: { code: 'blt_dana_desa.graduated', label: { en: 'BLT Dana Desa: graduated', id: 'BLT Dana Desa: graduasi' } },
  },
  leaves: {
    missingAll: 'blt_dana_desa.left_registry_or_joined_pkh_bpnt',
    missingAny: 'blt_dana_desa.left_registry_or_joined_pkh_bpnt',
    noEntitlement: 'blt_dana_desa.programme_ended',
    cut: 'blt_dana_desa.quota_or_budget_cut',
    graduated: 'blt_dana_desa.graduated',
  },
  terms: (params) => ({ quota: params.policy.blt_dana_desa.quota, budget: params.policy.blt_dana_desa.budget, flat: params.policy.blt_dana_desa.benefit, compliance: 1 }),
  monthsPaid: (params, month) => trancheMonthsPaid(params.policy.blt_dana_desa.tranche_months, month),
  inForce: (params) => params.policy.blt_dana_desa.benefit > 0 && params.policy.blt_dana_desa.quota > 0,
  targeting: true,
};
