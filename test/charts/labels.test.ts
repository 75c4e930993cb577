/**
 * The words of the charts: every indicator, phase, reason and chart text exists in English and
 * Bahasa Indonesia, and units are scaled the way the axes say.
 */
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../../src/observe/indicators';
import { PHASES } from '../../src/model/phases';
import { BUILTIN_REGISTRY } from '../../src/model/builtin';
import { PHASE_LABELS, TEXT, UNITS, groupLabel, reasonLabel } from '../../src/charts/labels';
import type { Unit } from '../../src/charts/labels';
import { indicatorLabel, scaleFor, shortLabel, unitOf } from '../../src/charts/units';
import { LANGS } from '../../src/lang/index';
import type { Lang } from '../../src/lang/index';

describe('every name exists in both languages', () => {
  it('every indicator has an Indonesian label beside its English one', () => {
    for (const [indicator, entry] of Object.entries(INDICATORS)) {
      expect(entry.label.id, indicator).toMatch(/\S/);
      expect(entry.label.id, indicator).not.toBe(entry.label.en);
    }
  });

  it('every phase and every reason has a label in each language', () => {
    for (const lang of LANGS) {
      for (const phase of PHASES) expect(PHASE_LABELS[phase][lang]).toMatch(/\S/);
      for (const reason of BUILTIN_REGISTRY.reasons) {
        expect(BUILTIN_REGISTRY.reasonLabels[reason][lang]).toMatch(/\S/);
        expect(indicatorLabel(`flow.${reason}`, lang)).toBe(reasonLabel(reason, lang));
      }
    }
  });

  it('every chart text has the same {places} in English and Indonesian', () => {
    const places = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(TEXT.id).sort()).toEqual(Object.keys(TEXT.en).sort());
    for (const key of Object.keys(TEXT.en) as (keyof (typeof TEXT)['en'])[]) {
      expect(TEXT.id[key], key).toMatch(/\S/);
      expect(places(TEXT.id[key]), key).toEqual(places(TEXT.en[key]));
    }
  });

  it('every unit of INDICATORS is known', () => {
    for (const indicator of Object.keys(INDICATORS).filter((i) => i !== 'flow')) expect(unitOf(indicator), indicator).toBe(UNITS[INDICATORS[indicator as keyof typeof INDICATORS].unit as Unit]);
  });
});

describe('words', () => {
  it.each<[string, () => string, string]>([
    ['a province is its name', () => groupLabel('province:Nusa Tenggara Timur', 'id'), 'Nusa Tenggara Timur'],
    ['a group of households in Indonesian', () => groupLabel('head_age:60_plus', 'id'), 'kepala rumah tangga berumur 60 tahun ke atas'],
    ['an axis name is the label without its closing parenthesis', () => shortLabel('p0_extreme', 'id'), 'Tingkat kemiskinan ekstrem'],
  ])('%s', (_, words, expected) => {
    expect(words()).toBe(expected);
  });
});

describe('scales: values are drawn in units an axis can say', () => {
  it.each<[string, string, number, Lang, boolean, number, string]>([
    ['a share in percent', 'p0_extreme', 0.021, 'en', false, 100, '% of persons'],
    ['a difference of shares in percentage points', 'p0_extreme', 0.006, 'id', true, 100, 'poin persentase'],
    ['18.5 million households in millions', 'pkh_households', 18.5e6, 'en', false, 1e-6, 'million households'],
    ['3,642 households as they are (below 10,000)', 'phase_recovery', 3_642, 'id', false, 1, 'rumah tangga'],
    ['25,000 households in thousands', 'phase_recovery', 25_000, 'id', false, 1e-3, 'ribu rumah tangga'],
    ['Rp 2.3 trillion a month in trillions', 'pkh_spend', 2.3e12, 'id', false, 1e-12, 'Rp triliun per bulan'],
    ['Rp 563 billion to date in billions', 'empowerment_spend_to_date', 563e9, 'en', false, 1e-9, 'Rp billion'],
    ['an index as it is', 'p1_extreme', 0.004, 'en', false, 1, 'index'],
  ])('%s', (_, indicator, largest, lang, difference, factor, words) => {
    expect(scaleFor(unitOf(indicator), largest, lang, difference)).toEqual({ factor, words });
  });
});
