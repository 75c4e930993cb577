/**
 * BLT El Niño: cash against the 2023 El Niño food-price risk, Rp 200,000 a month for November and
 * December 2023, paid at once in December 2023 (policy.blt_el_nino.months_paid), to the 18.8 m
 * families of the Kemensos list with an account on file — the Sembako list, so to BPNT families.
 * Budget: the Rp 7.52 T allocation (quota × benefit; realised Rp 7.5 T).
 */
import type { Programme } from '../world';

export const bltElNino: Programme = {
  id: 'blt_el_nino',
  name: { en: 'BLT El Niño', id: 'BLT El Nino' },
  families: { en: 'BLT El Niño families', id: 'Keluarga penerima BLT El Nino' },
  paidAs: 'cash',
  assistance: false,
  eligibility: { all: ['bpnt'] },
  reasons: {
    enrolled: { code: 'blt_el_nino.enrolled', label: { en: 'BLT El Niño: enrolled', id: 'BLT El Nino: menjadi penerima' } },
    exits: [
      { code: 'blt_el_nino.not_in_sembako', label: { en: 'BLT El Niño: no longer in Sembako', id: 'BLT El Nino: tidak lagi menerima Sembako' } },
      { code: 'blt_el_nino.programme_ended', label: { en: 'BLT El Niño: programme ended', id: 'BLT El Nino: program berakhir' } },
      { code: 'blt_el_nino.quota_or_budget_cut', label: { en: 'BLT El Niño: quota or budget cut', id: 'BLT El Nino: kuota atau anggaran dipangkas' } },
    ],
  },
  leaves: {
    missingAll: 'blt_el_nino.not_in_sembako',
    missingAny: 'blt_el_nino.not_in_sembako',
    noEntitlement: 'blt_el_nino.programme_ended',
    cut: 'blt_el_nino.quota_or_budget_cut',
    graduated: 'blt_el_nino.not_in_sembako',
  },
  terms: (params) => ({ quota: params.policy.blt_el_nino.quota, budget: params.policy.blt_el_nino.budget, flat: params.policy.blt_el_nino.benefit, compliance: 1 }),
  monthsPaid: (params) => params.policy.blt_el_nino.months_paid,
  inForce: (params) => params.policy.blt_el_nino.benefit > 0 && params.policy.blt_el_nino.quota > 0,
  targeting: false,
};
