/**
 * BPNT / Program Sembako: food assistance, a flat amount a month, for families in the registry, paid
 * two months at a time in January, March, May, July, September and November
 * (policy.bpnt.tranche_months). The budget (policy.bpnt.budget) is the realised spending of the year.
 * A graduated family is not taken back until it relapses.
 */
import type { Programme } from '../world';
import { trancheMonthsPaid } from './schedule';

export const bpnt: Programme = {
  id: 'bpnt',
  name: { en: 'BPNT', id: 'BPNT' },
  families: { en: 'BPNT / Sembako families (KPM)', id: 'Keluarga penerima BPNT / Sembako (KPM)' },
  paidAs: 'food',
  assistance: true,
  eligibility: { all: ['registry'], forbid: ['graduated'] },
  reasons: {
    enrolled: { code: 'bpnt.enrolled', label: { en: 'BPNT: enrolled', id: 'BPNT: menjadi penerima' } },
    exits: [
      { code: 'bpnt.left_registry', label: { en: 'BPNT: left the registry', id: 'BPNT: keluar dari DTKS' } },
      { code: 'bpnt.quota_or_budget_cut', label: { en: 'BPNT: quota or budget cut', id: 'BPNT: kuota atau anggaran dipangkas' } },
    ],
    graduated: { code: 'bpnt.graduated', label: { en: 'BPNT: graduated', id: 'BPNT: graduasi' } },
  },
  leaves: { missingAll: 'bpnt.left_registry', missingAny: 'bpnt.left_registry', noEntitlement: 'bpnt.left_registry', cut: 'bpnt.quota_or_budget_cut', graduated: 'bpnt.graduated' },
  terms: (params) => ({ quota: params.policy.bpnt.quota, budget: params.policy.bpnt.budget, flat: params.policy.bpnt.benefit, compliance: 1 }),
  monthsPaid: (params, month) => trancheMonthsPaid(params.policy.bpnt.tranche_months, month),
  inForce: (params) => params.policy.bpnt.benefit > 0 && params.policy.bpnt.quota > 0,
  targeting: true,
};
