/**
 * BLT Kesra (BLT Sementara Kesejahteraan Rakyat): Rp 300,000 a month for October–December 2025, the
 * three months paid together in October 2025 (policy.blt_kesra.months_paid), to 35 m families of
 * DTSEN deciles 1–4 — the model's registry, poorest first by registry score. No budget figure is in
 * the reference pack, so none binds (Infinity): the quota does.
 */
import type { Programme } from '../world';

export const bltKesra: Programme = {
  id: 'blt_kesra',
  name: { en: 'BLT Kesra', id: 'BLT Kesra' },
  families: { en: 'BLT Kesra families', id: 'Keluarga penerima BLT Kesra' },
  paidAs: 'cash',
  assistance: false,
  eligibility: { all: ['registry'] },
  reasons: {
    enrolled: { code: 'blt_kesra.enrolled', label: { en: 'BLT Kesra: enrolled', id: 'BLT Kesra: menjadi penerima' } },
    exits: [
      { code: 'blt_kesra.left_registry', label: { en: 'BLT Kesra: left the registry', id: 'BLT Kesra: keluar dari DTSEN' } },
      { code: 'blt_kesra.programme_ended', label: { en: 'BLT Kesra: programme ended', id: 'BLT Kesra: program berakhir' } },
      { code: 'blt_kesra.quota_cut', label: { en: 'BLT Kesra: quota cut', id: 'BLT Kesra: kuota dipangkas' } },
    ],
    graduated: { code: 'blt_kesra.graduated', label: { en: 'BLT Kesra: graduated', id: 'BLT Kesra: graduasi' } },
  },
  leaves: {
    missingAll: 'blt_kesra.left_registry',
    missingAny: 'blt_kesra.left_registry',
    noEntitlement: 'blt_kesra.programme_ended',
    cut: 'blt_kesra.quota_cut',
    graduated: 'blt_kesra.graduated',
  },
  terms: (params) => ({ quota: params.policy.blt_kesra.quota, budget: Infinity, flat: params.policy.blt_kesra.benefit, compliance: 1 }),
  monthsPaid: (params) => params.policy.blt_kesra.months_paid,
  inForce: (params) => params.policy.blt_kesra.benefit > 0 && params.policy.blt_kesra.quota > 0,
  targeting: false,
};
