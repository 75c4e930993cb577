/**
 * The programmes of 2022–2025 as the reference pack dates them: each is in the model's registry with
 * its names in both languages, and pays in the months the data list — the months of benefit each
 * month's payment covers (monthsPaid) and the months it has a caseload (inForce). Pure checks of the
 * declarations against the parameter files; no run.
 */
import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { BUILTIN_REGISTRY } from '../../src/model/builtin';
import { PROGRAMMES } from '../../src/model/programmes/index';
import { trancheMonthsPaid } from '../../src/model/programmes/schedule';
import { indicatorLabel } from '../../src/charts/units';
import { reasonLabel } from '../../src/charts/labels';
import { formatMonth, monthOf } from '../../src/calendar/months';
import type { Programme } from '../../src/model/world';

const params = loadParameters();
const programme = (id: string): Programme => PROGRAMMES.find((p) => p.id === id)!;

/** Every month from `from` to `to` ("YYYY-MM"), as months. */
function months(from: string, to: string): number[] {
  const out: number[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m++) out.push(m);
  return out;
}

/** The months of 2022–2026 in which `id` pays, with the months of benefit each payment covers ("2023-03" → 1). */
function payments(id: string): Record<string, number> {
  const p = programme(id);
  const out: Record<string, number> = {};
  for (const m of months('2022-01', '2026-12')) {
    const values = params.at(m);
    const paid = p.inForce(values) ? p.monthsPaid(values, m) : 0;
    if (paid > 0) out[formatMonth(m)] = paid;
  }
  return out;
}

/** The months of 2022–2026 in which `id` has a caseload. */
function inForce(id: string): string[] {
  return months('2022-01', '2026-12').filter((m) => programme(id).inForce(params.at(m))).map(formatMonth);
}

/** Rp a family receives from `id` over 2022–2026: each payment's months of benefit × the monthly benefit then. */
function paidPerFamily(id: string): number {
  const p = programme(id);
  let total = 0;
  for (const m of months('2022-01', '2026-12')) {
    const values = params.at(m);
    if (p.inForce(values)) total += p.monthsPaid(values, m) * p.terms(values).flat;
  }
  return total;
}

const NEW = ['blt_dana_desa', 'rice_aid', 'blt_el_nino', 'blt_mrp', 'blt_kesra'];

describe('the registry of the built-in programmes', () => {
  it('has PKH, BPNT, BLT BBM and the programmes of 2022–2025, each after the programmes whose families it requires', () => {
    expect(BUILTIN_REGISTRY.programmes.map((p) => p.id)).toEqual(['pkh', 'bpnt', 'blt_bbm', 'blt_dana_desa', 'rice_aid', 'blt_el_nino', 'blt_mrp', 'blt_kesra']);
  });

  it.each(NEW)('%s is named and labelled in English and Bahasa Indonesia, with every reason', (id) => {
    const p = programme(id);
    for (const words of [p.name, p.families]) {
      expect(words.en.length).toBeGreaterThan(0);
      expect(words.id.length).toBeGreaterThan(0);
    }
    expect(indicatorLabel(`${id}_households`, 'en')).toBe(p.families.en);
    expect(indicatorLabel(`${id}_households`, 'id')).toBe(p.families.id);
    const reasons = [p.reasons.enrolled, ...p.reasons.exits, ...(p.reasons.graduated ? [p.reasons.graduated] : [])];
    for (const r of reasons) {
      expect(reasonLabel(r.code, 'en')).toBe(r.label.en);
      expect(reasonLabel(r.code, 'id')).toBe(r.label.id);
      expect(r.label.id).not.toBe(r.label.en);
    }
  });

  it('one-off programmes leave "programme ended" when they end', () => {
    for (const id of ['blt_bbm', 'blt_el_nino', 'blt_mrp', 'blt_kesra', 'blt_dana_desa']) expect(programme(id).leaves.noEntitlement).toBe(`${id}.programme_ended`);
  });

  it('BLT Dana Desa pays rural registry families outside PKH and BPNT; BLT El Niño and BLT Mitigasi Risiko Pangan the Sembako list', () => {
    expect(programme('blt_dana_desa').eligibility).toEqual({ all: ['registry'], forbid: ['pkh', 'bpnt'], area: 'rural' });
    expect(programme('blt_el_nino').eligibility).toEqual({ all: ['bpnt'] });
    expect(programme('blt_mrp').eligibility).toEqual({ all: ['bpnt'] });
  });
});

describe('tranches: (m − 1) mod tranche = 0', () => {
  it.each<[number, string, number]>([
    [3, '2023-01', 3],
    [3, '2023-04', 3],
    [3, '2023-10', 3],
    [3, '2023-03', 0],
    [3, '2023-12', 0],
    [2, '2024-05', 2],
    [2, '2024-06', 0],
    [1, '2024-06', 1],
  ])('tranches of %i months pay in %s: %i', (tranche, month, paid) => {
    expect(trancheMonthsPaid(tranche, monthOf(month))).toBe(paid);
  });
});

describe('each programme pays in the months the data list', () => {
  it('PKH: three months of benefit in January, April, July and October, twelve a year', () => {
    const paid = payments('pkh');
    expect(Object.keys(paid).filter((m) => m.startsWith('2024'))).toEqual(['2024-01', '2024-04', '2024-07', '2024-10']);
    expect(Object.values(paid).every((x) => x === 3)).toBe(true);
    expect(Object.keys(paid)).toHaveLength(4 * 5);
  });

  it('BPNT / Sembako: two months of benefit in January, March, May, July, September and November (May and June 2024 paid together)', () => {
    const paid = payments('bpnt');
    expect(Object.keys(paid).filter((m) => m.startsWith('2024'))).toEqual(['2024-01', '2024-03', '2024-05', '2024-07', '2024-09', '2024-11']);
    expect(paid['2024-05']).toBe(2);
  });

  it('BLT BBM: two tranches of two months, September and December 2022, Rp 600,000 a family', () => {
    expect(payments('blt_bbm')).toEqual({ '2022-09': 2, '2022-12': 2 });
    expect(inForce('blt_bbm')).toEqual(['2022-09', '2022-10', '2022-11', '2022-12']);
    expect(paidPerFamily('blt_bbm')).toBe(2 * 300_000);
  });

  it('rice aid: 2023 round 1 and 2 and the added December; 2024 January–June, August, October, December; 2025 June–July and October–November delivered at once', () => {
    expect(payments('rice_aid')).toEqual({
      '2023-03': 1, '2023-04': 1, '2023-06': 1,
      '2023-09': 1, '2023-10': 1, '2023-11': 1, '2023-12': 1,
      '2024-01': 1, '2024-02': 1, '2024-03': 1, '2024-04': 1, '2024-05': 1, '2024-06': 1,
      '2024-08': 1, '2024-10': 1, '2024-12': 1,
      '2025-07': 2, '2025-10': 2,
    });
  });

  it('rice aid: no caseload between rounds (July–August 2023, January–May and August–September 2025, from December 2025)', () => {
    const on = inForce('rice_aid');
    for (const m of ['2023-07', '2023-08', '2025-01', '2025-05', '2025-08', '2025-09', '2025-12', '2026-01']) expect(on).not.toContain(m);
    for (const m of ['2023-05', '2024-07', '2024-09', '2024-11', '2025-06', '2025-11']) expect(on).toContain(m); // held until the next delivery
  });

  it('rice aid: 10 kg a month valued at the month’s rice price (Rp 12,942 a kg in September 2023)', () => {
    const values = params.at(monthOf('2023-09'));
    expect(programme('rice_aid').terms(values).flat).toBe(10 * 12_942);
    expect(programme('rice_aid').terms(values).quota).toBe(21_353_000);
    expect(programme('rice_aid').terms(values).budget).toBe(Infinity);
  });

  it('BLT El Niño: November and December 2023 at once, in December, Rp 400,000 a family', () => {
    expect(payments('blt_el_nino')).toEqual({ '2023-12': 2 });
    expect(inForce('blt_el_nino')).toEqual(['2023-11', '2023-12']);
    expect(paidPerFamily('blt_el_nino')).toBe(2 * 200_000);
  });

  it('BLT Mitigasi Risiko Pangan: January–March 2024 as one Rp 600,000 in March 2024', () => {
    expect(payments('blt_mrp')).toEqual({ '2024-03': 3 });
    expect(inForce('blt_mrp')).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(paidPerFamily('blt_mrp')).toBe(600_000);
  });

  it('BLT Kesra: October–December 2025 paid together in October, Rp 900,000 a family, 35 m families with no budget limit', () => {
    expect(payments('blt_kesra')).toEqual({ '2025-10': 3 });
    expect(inForce('blt_kesra')).toEqual(['2025-10', '2025-11', '2025-12']);
    expect(paidPerFamily('blt_kesra')).toBe(3 * 300_000);
    expect(programme('blt_kesra').terms(params.at(monthOf('2025-10')))).toEqual({ quota: 35_000_000, budget: Infinity, flat: 300_000, compliance: 1 });
  });

  it('BLT Dana Desa: Rp 300,000 every month; 7.5 m families in 2022, ~3 m (Rp 10.7 T / Rp 3.6 m) from 2024', () => {
    const paid = payments('blt_dana_desa');
    expect(Object.keys(paid)).toHaveLength(12 * 5);
    expect(Object.values(paid).every((x) => x === 1)).toBe(true);
    expect(programme('blt_dana_desa').terms(params.at(monthOf('2022-06'))).quota).toBe(7_500_000);
    expect(programme('blt_dana_desa').terms(params.at(monthOf('2024-06'))).quota).toBe(Math.floor(10.7e12 / (300_000 * 12)));
  });
});
