/**
 * BLT Mitigasi Risiko Pangan (food-price risk mitigation): Rp 200,000 a month for January–March
 * 2024, paid as one Rp 600,000 in March 2024 (policy.blt_mrp.months_paid), to 18.8 m families —
 * BLT El Niño's successor on the same Kemensos list, so to BPNT families. Budget: the Rp 11.25 T
 * allocation.
 */
import type { Programme } from '../world';

export const bltMrp: Programme = {
  id: 'blt_mrp',
  name: { en: 'BLT Mitigasi Risiko Pangan', id: 'BLT Mitigasi Risiko Pangan' },
  families: { en: 'BLT Mitigasi Risiko Pangan families', id: 'Keluarga penerima BLT Mitigasi Risiko Pangan' },
  paidAs: 'cash',
  assistance: false,
  eligibility: { all: ['bpnt'] },
  reasons: {
    enrolled: { code: 'blt_mrp.enrolled', label: { en: 'BLT Mitigasi Risiko Pangan: enrolled', id: 'BLT Mitigasi Risiko Pangan: menjadi penerima' } },
    exits: [
      { code: 'blt_mrp.not_in_sembako', label: { en: 'BLT Mitigasi Risiko Pangan: no longer in Sembako', id: 'BLT Mitigasi Risiko Pangan: tidak lagi menerima Sembako' } },
      { code: 'blt_mrp.programme_ended', label: { en: 'BLT Mitigasi Risiko Pangan: programme ended', id: 'BLT Mitigasi Risiko Pangan: program berakhir' } },
      { code: 'blt_mrp.quota_or_budget_cut', label: { en: 'BLT Mitigasi Risiko Pangan: quota or budget cut', id: 'BLT Mitigasi Risiko Pangan: kuota atau anggaran dipangkas' } },
    ],
  },
  leaves: {
    missingAll: 'blt_mrp.not_in_sembako',
    missingAny: 'blt_mrp.not_in_sembako',
    noEntitlement: 'blt_mrp.programme_ended',
    cut: 'blt_mrp.quota_or_budget_cut',
    graduated: 'blt_mrp.not_in_sembako',
  },
  terms: (params) => ({ quota: params.policy.blt_mrp.quota, budget: params.policy.blt_mrp.budget, flat: params.policy.blt_mrp.benefit, compliance: 1 }),
  monthsPaid: (params) => params.policy.blt_mrp.months_paid,
  inForce: (params) => params.policy.blt_mrp.benefit > 0 && params.policy.blt_mrp.quota > 0,
  targeting: false,
};
