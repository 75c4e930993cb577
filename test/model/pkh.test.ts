import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { allocateHouseholds } from '../../src/model/households';
import { pkhEntitlements } from '../../src/model/programmes/pkh';
import { monthOf } from '../../src/calendar/months';

type Family = Partial<Record<'pregnant' | 'earlyChildhood' | 'primaryPupils' | 'juniorPupils' | 'seniorPupils' | 'severeDisability' | 'elderly', number>>;

/** The parameters with every eligible member's component recorded, so entitlements are the full index. */
const FULL_INDEX = loadParameters().patched({ 'behaviour.pkh.components_recorded': { '2018-01-01': 1 } }, 'test');

/** The PKH entitlement, Rp a year, of one family under the index in force in `month`. */
function annualPkh(family: Family, month: string, params = FULL_INDEX): number {
  const h = allocateHouseholds(1);
  for (const [key, count] of Object.entries(family)) h[key as keyof Family][0] = count;
  const entitlement = new Float32Array(1);
  pkhEntitlements(h, params.at(monthOf(month)), entitlement);
  return Math.round(entitlement[0] * 12);
}

describe('PKH benefit by family composition (index 2021–2025, at most 4 members counted)', () => {
  it.each<[string, Family, string, number]>([
    ['a pregnant mother', { pregnant: 1 }, '2022-06', 3_000_000],
    ['a pregnant mother and a child under six', { pregnant: 1, earlyChildhood: 1 }, '2022-06', 3_000_000 + 3_000_000],
    ['two primary pupils and a junior-secondary pupil', { primaryPupils: 2, juniorPupils: 1 }, '2023-01', 2 * 900_000 + 1_500_000],
    ['a senior-secondary pupil', { seniorPupils: 1 }, '2024-07', 2_000_000],
    ['a member with a severe disability and an elderly member', { severeDisability: 1, elderly: 1 }, '2022-06', 2_400_000 + 2_400_000],
    ['an elderly member in 2021', { elderly: 1 }, '2021-06', 2_400_000],
    ['no eligible member', {}, '2022-06', 0],
  ])('a family with %s receives its index', (_, family, month, expected) => {
    expect(annualPkh(family, month)).toBe(expected);
  });

  it.each<[string, Family, number]>([
    ['three children under six, an elderly member and a senior pupil: the four most valuable count', { earlyChildhood: 3, elderly: 1, seniorPupils: 1 }, 3 * 3_000_000 + 2_400_000],
    ['five primary pupils: four count', { primaryPupils: 5 }, 4 * 900_000],
    ['a pregnant mother, two under six, two SMP and one SD pupil', { pregnant: 1, earlyChildhood: 2, juniorPupils: 2, primaryPupils: 1 }, 3 * 3_000_000 + 1_500_000],
  ])('the cap of 4 members: %s', (_, family, expected) => {
    expect(annualPkh(family, '2022-06')).toBe(expected);
  });
});

describe('PKH pays the components it has recorded', () => {
  it('scales the index by the share of eligible members recorded', () => {
    const params = loadParameters();
    const share = params.at(monthOf('2022-06')).behaviour.pkh.components_recorded;
    expect(share).toBeLessThan(1);
    expect(annualPkh({ pregnant: 1, primaryPupils: 1 }, '2022-06', params)).toBe(Math.round(3_900_000 * share));
  });
});
