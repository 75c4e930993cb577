/**
 * A virtual trial's results as tables — the same cells in the terminal (`graduasi trial`, through
 * formatTable) and in a notebook (`table(tableRecords(…))`); the tidy CSV files of its run folder
 * are src/trial/output.ts.
 * Money in rupiah, shares in percent and effects on shares in percentage points; every number in the
 * table's language (en-GB or id-ID digits).
 */
import type { Table } from './table';
import { OUTCOME_INFO } from '../trial/outcomes';
import type { TrialEstimate } from '../trial/outcomes';
import type { TrialResult } from '../trial/virtual';
import type { PublishedComparison } from '../trial/published';
import type { PathCheck } from '../trial/paths';
import { decimal } from '../lang/index';
import type { Lang } from '../lang/index';

const WORDS = {
  en: {
    outcome: 'Outcome',
    months: 'Months',
    arms: 'n (T / C)',
    controlMean: 'Control mean',
    treatmentMean: 'Treatment mean',
    effect: 'Effect [95 % CI]',
    difference: 'Difference',
    se: 'SE',
    relative: 'Relative (%)',
    p: 'p',
    published: 'Published',
    otherVersion: 'Other version',
    model: 'Model [95 % CI]',
    source: 'Source (grade)',
    notModelled: 'not in the model',
    notEstimated: 'not estimated',
    measureColumn: 'Measure',
    measure: { percent_change: '% change', ratio: 'treatment / control' },
    target: 'Target',
    modelValue: 'Model',
    met: 'Met',
    yes: 'yes',
    no: 'no',
    rule: {
      within: (c: PathCheck, lang: Lang) => `${number(c.low, 1, lang, true)} to ${number(c.high, 1, lang, true)} %`,
      at_least_horizon: (c: PathCheck, lang: Lang) => `≥ the effect at ${c.referenceHorizon} months (${number(c.threshold, 1, lang, true)} %)`,
      at_least_transfer: (c: PathCheck, lang: Lang) => `≥ the value transferred (Rp ${number(c.threshold, 0, lang)})`,
    },
    arm: (a: TrialResult['arms']) =>
      `${a.eligible.toLocaleString('en')} eligible agents (${round(a.eligibleHouseholds).toLocaleString('en')} households): ${a.treatment.toLocaleString('en')} treated, ${a.control.toLocaleString('en')} control`,
  },
  id: {
    outcome: 'Indikator',
    months: 'Bulan',
    arms: 'n (P / K)',
    controlMean: 'Rata-rata kontrol',
    treatmentMean: 'Rata-rata perlakuan',
    effect: 'Dampak [SK 95 %]',
    difference: 'Selisih',
    se: 'SE',
    relative: 'Relatif (%)',
    p: 'p',
    published: 'Publikasi',
    otherVersion: 'Versi lain',
    model: 'Model [SK 95 %]',
    source: 'Sumber (mutu)',
    notModelled: 'tidak ada di model',
    notEstimated: 'tidak diestimasi',
    measureColumn: 'Ukuran',
    measure: { percent_change: '% perubahan', ratio: 'perlakuan / kontrol' },
    target: 'Target',
    modelValue: 'Model',
    met: 'Tercapai',
    yes: 'ya',
    no: 'tidak',
    rule: {
      within: (c: PathCheck, lang: Lang) => `${number(c.low, 1, lang, true)} s.d. ${number(c.high, 1, lang, true)} %`,
      at_least_horizon: (c: PathCheck, lang: Lang) => `≥ dampak pada bulan ke-${c.referenceHorizon} (${number(c.threshold, 1, lang, true)} %)`,
      at_least_transfer: (c: PathCheck, lang: Lang) => `≥ nilai yang diberikan (Rp ${number(c.threshold, 0, lang)})`,
    },
    arm: (a: TrialResult['arms']) =>
      `${a.eligible.toLocaleString('id-ID')} agen memenuhi syarat (${round(a.eligibleHouseholds).toLocaleString('id-ID')} rumah tangga): ${a.treatment.toLocaleString('id-ID')} perlakuan, ${a.control.toLocaleString('id-ID')} kontrol`,
  },
} as const;

function round(x: number): number {
  return Math.round(x);
}

/** A number in the table's language with `digits` decimals; "+" on positive values when `signed`; "—" for NaN. */
function number(x: number, digits: number, lang: Lang, signed = false): string {
  return Number.isFinite(x) ? decimal(x, digits, lang, signed) : '—';
}

/** A value of an outcome (a mean): Rp, or a share in percent. */
function value(row: TrialEstimate, x: number, lang: Lang, signed = false): string {
  return OUTCOME_INFO[row.outcome].kind === 'money' ? number(x, 0, lang, signed) : `${number(100 * x, 1, lang, signed)} %`;
}

/** An effect of an outcome: Rp, or percentage points. */
function effect(row: TrialEstimate, x: number, lang: Lang): string {
  return OUTCOME_INFO[row.outcome].kind === 'money' ? number(x, 0, lang, true) : `${number(100 * x, 1, lang, true)} pp`;
}

function pValue(p: number, lang: Lang): string {
  if (!Number.isFinite(p)) return '—';
  return p < 0.001 ? `< ${number(0.001, 3, lang)}` : number(p, 3, lang);
}

function label(row: { outcome: TrialEstimate['outcome'] }, lang: Lang): string {
  const o = OUTCOME_INFO[row.outcome];
  return `${o.label[lang]} (${o.kind === 'money' ? o.unit[lang] : '%'})`;
}

/** The ITT table: one row per outcome and horizon. */
export function ittTableText(result: Pick<TrialResult, 'itt'>, lang: Lang = 'en'): Table {
  const w = WORDS[lang];
  return {
    columns: [w.outcome, w.months, w.arms, w.controlMean, w.effect, w.relative, w.p],
    rows: result.itt.map((r) => [
      label(r, lang),
      String(r.horizon),
      `${r.nTreatment} / ${r.nControl}`,
      value(r, r.controlMean, lang),
      `${effect(r, r.effect, lang)} [${effect(r, r.low, lang)} – ${effect(r, r.high, lang)}]`,
      OUTCOME_INFO[r.outcome].relative ? number(r.relativeEffect, 1, lang, true) : '—',
      pValue(r.p, lang),
    ]),
  };
}

/** Balance at baseline: treatment and control means of each outcome before the offer, their difference, SE and p. */
export function balanceTableText(result: Pick<TrialResult, 'balance'>, lang: Lang = 'en'): Table {
  const w = WORDS[lang];
  return {
    columns: [w.outcome, w.treatmentMean, w.controlMean, w.difference, w.se, w.p],
    rows: result.balance.map((r) => [label(r, lang), value(r, r.treatmentMean, lang), value(r, r.controlMean, lang), effect(r, r.effect, lang), effect(r, r.se, lang).replace(/^\+/, ''), pValue(r.p, lang)]),
  };
}

/** A published effect or a model value in its measure: "+9 %", ">2×", "16.1×". */
function measured(c: PublishedComparison, x: number, lang: Lang, qualifier = ''): string {
  return c.measure === 'percent_change' ? `${qualifier}${number(x, 1, lang, qualifier === '')} %` : `${qualifier}${number(x, 1, lang)}×`;
}

/** Published effects beside the model's estimates. */
export function publishedTableText(result: Pick<TrialResult, 'published'>, lang: Lang = 'en'): Table {
  const w = WORDS[lang];
  return {
    columns: [w.outcome, w.months, w.measureColumn, w.published, w.otherVersion, w.model, w.source],
    rows: result.published.map((c) => [
      c.publishedOutcome,
      String(c.horizon),
      w.measure[c.measure],
      measured(c, c.value, lang, c.qualifier),
      c.valueOtherVersion === null ? '—' : measured(c, c.valueOtherVersion, lang),
      c.modelOutcome === null ? w.notModelled : Number.isFinite(c.model) ? `${measured(c, c.model, lang)} [${measured(c, c.modelLow, lang)} – ${measured(c, c.modelHigh, lang)}]` : w.notEstimated,
      `${c.source} (${c.confidence})`,
    ]),
  };
}

/** The path targets beside the model's values: relative effects in percent, assets in Rp. */
export function pathsTableText(result: Pick<TrialResult, 'paths'>, lang: Lang = 'en'): Table {
  const w = WORDS[lang];
  return {
    columns: [w.outcome, w.months, w.target, w.modelValue, w.met, w.source],
    rows: result.paths.map((c) => [
      label(c, lang),
      String(c.horizon),
      w.rule[c.rule](c, lang),
      !Number.isFinite(c.model) ? w.notEstimated : c.rule === 'at_least_transfer' ? `Rp ${number(c.model, 0, lang)}` : `${number(c.model, 1, lang, true)} %`,
      c.met ? w.yes : w.no,
      `${c.source} (${c.confidence})`,
    ]),
  };
}

/** The arms in a sentence. */
export function armsText(result: Pick<TrialResult, 'arms'>, lang: Lang = 'en'): string {
  return WORDS[lang].arm(result.arms);
}
