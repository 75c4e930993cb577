/**
 * BLT BBM: the cash transfer compensating the fuel-price rise of 3 September 2022, Rp 150,000 a
 * month for September–December 2022 to 20.65 m families — more than the PKH and Sembako families
 * together, so it is paid to registry families, poorest first by registry score. Paid in two
 * tranches of two months, in September and December 2022 (policy.blt_bbm.months_paid); families
 * are held between them. Budget: Rp 12.4 T, allocated and realised alike.
 */
import type { Programme } from '../world';

export const bltBbm: Programme = {
  id: 'blt_bbm',
  name: { en: 'BLT BBM', id: 'BLT BBM' },
  families: { en: 'BLT BBM families', id: 'Keluarga penerima BLT BBM' },
  paidAs: 'cash',
  assistance: false,
  eligibility: { all: ['registry'] },
  reasons: {
    enrolled: { code: 'blt_bbm.enrolled', label: { en: 'BLT BBM: enrolled', id: 'BLT BBM: menjadi penerima' } },
    exits: [
      { code: 'blt_bbm.left_registry', label: { en: 'BLT BBM: left the registry', id: 'BLT BBM: keluar dari DTKS' } },
      { code: 'blt_bbm.programme_ended', label: { en: 'BLT BBM: programme ended', id: 'BLT BBM: program berakhir' } },
      { code: 'blt_bbm.quota_or_budget_cut', label: { en: 'BLT BBM: quota or budget cut', id: 'BLT BBM: kuota atau anggaran dipangkas' } },
    ],
    graduated: { code: 'blt_bbm.graduated', label: { en: 'BLT BBM: graduated', id: 'BLT BBM: graduasi' } },
  },
  leaves: {
    missingAll: 'blt_bbm.left_registry',
    missingAny: 'blt_bbm.left_registry',
    noEntitlement: 'blt_bbm.programme_ended',
    cut: 'blt_bbm.quota_or_budget_cut',
    graduated: 'blt_bbm.graduated',
  },
  terms: (params) => ({ quota: params.policy.blt_bbm.quota, budget: params.policy.blt_bbm.budget, flat: params.policy.blt_bbm.benefit, compliance: 1 }),
  monthsPaid: (params) => params.policy.blt_bbm.months_paid,
  inForce: (params) => params.policy.blt_bbm.benefit > 0 && params.policy.blt_bbm.quota > 0,
  targeting: false,
};
