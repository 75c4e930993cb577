/**
 * Rice aid (Bantuan Pangan beras): 10 kg of rice from the government reserve per family for each
 * month allocated, 2023–2025 (policy.rice_aid), delivered in the months listed in
 * policy.rice_aid.months_paid (two months at once in 2025). It is food: valued at the month's retail
 * rice price (behaviour.prices.rice), consumption counts it in full, as BPS counts food received in
 * kind. Recipients were the Kemensos list (2023), P3KE (2024) and DTSEN (2025); the model has one
 * registry, so it goes to registry families, poorest first by registry score, up to the quota. No
 * budget binds (Infinity): the programme is set in families and kilograms, and Bulog's budget
 * figures are its costs, distribution included, not the value families receive.
 */
import type { Programme } from '../world';

export const riceAid: Programme = {
  id: 'rice_aid',
  name: { en: 'Rice aid', id: 'Bantuan pangan beras' },
  families: { en: 'Rice aid families (10 kg a month)', id: 'Keluarga penerima bantuan pangan beras (10 kg sebulan)' },
  paidAs: 'food',
  assistance: false,
  eligibility: { all: ['registry'] },
  reasons: {
    enrolled: { code: 'rice_aid.enrolled', label: { en: 'Rice aid: enrolled', id: 'Bantuan pangan beras: menjadi penerima' } },
    exits: [
      { code: 'rice_aid.left_registry', label: { en: 'Rice aid: left the registry', id: 'Bantuan pangan beras: keluar dari DTKS' } },
      { code: 'rice_aid.programme_ended', label: { en: 'Rice aid: round ended', id: 'Bantuan pangan beras: tahap penyaluran berakhir' } },
      { code: 'rice_aid.quota_cut', label: { en: 'Rice aid: quota cut', id: 'Bantuan pangan beras: kuota dipangkas' } },
    ],
    graduated: { code: 'rice_aid.graduated', label: { en: 'Rice aid: graduated', id: 'Bantuan pangan beras: graduasi' } },
  },
  leaves: {
    missingAll: 'rice_aid.left_registry',
    missingAny: 'rice_aid.left_registry',
    noEntitlement: 'rice_aid.programme_ended',
    cut: 'rice_aid.quota_cut',
    graduated: 'rice_aid.graduated',
  },
  terms: (params) => ({
    quota: params.policy.rice_aid.quota,
    budget: Infinity,
    flat: params.policy.rice_aid.kg * params.behaviour.prices.rice,
    compliance: 1,
  }),
  monthsPaid: (params) => params.policy.rice_aid.months_paid,
  inForce: (params) => params.policy.rice_aid.kg > 0 && params.policy.rice_aid.quota > 0,
  targeting: true,
};
