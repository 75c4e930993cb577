/**
 * Graduation as Kemensos counts it: each kind its own reason, and a graduate remembered by its kind
 * (households.graduation) so that a relapse is counted by kind too.
 *
 *   natural            graduasi alamiah: PKH has no eligible member left (children grown out of
 *                      school ages, the elderly member died); the family leaves PKH only
 *   mandiri_judged     graduasi sejahtera mandiri, judged by the facilitator: a PKH family whose
 *                      registry assessment is at least policy.graduation.mandiri_multiple × the
 *                      national line, in the month's assessment (behaviour.graduation.judged)
 *   mandiri_declared   graduasi sejahtera mandiri, declared by the family: its consumption is at
 *                      least that multiple and it declares (behaviour.graduation.declared)
 *   pena_exit          the exit declared by a pushed PKH family after PENA capital
 *                      (policy.pena.exit_months), its business standing and above the line
 *   welfare            the model's welfare criterion: in pengembangan, consumption at least
 *                      policy.graduation.income_multiple × the line for months_above months with a
 *                      working business, of its own accord (behaviour.graduation.voluntary)
 *
 * Every kind but natural leaves all assistance (the programmes do not take the family back until it
 * relapses). A graduate of any kind relapses when its consumption is below the national line
 * (behaviour.graduation.relapse_hazard a month).
 */
import type { ReasonDeclaration } from './world';

/** The kinds of graduation, in the order results and reports list them. `reason` counts the graduation; `short` heads a table column. */
export const GRADUATION_KINDS = [
  { id: 'natural', reason: 'pkh.natural_graduation', label: { en: 'Natural graduation (no eligible member left)', id: 'Graduasi alamiah (tidak ada lagi anggota yang memenuhi syarat)' }, short: { en: 'Natural', id: 'Alamiah' } },
  { id: 'mandiri_judged', reason: 'pathway.graduated_mandiri_judged', label: { en: 'Sejahtera mandiri, judged by the facilitator', id: 'Sejahtera mandiri, dinilai pendamping' }, short: { en: 'Mandiri, judged', id: 'Mandiri, dinilai' } },
  { id: 'mandiri_declared', reason: 'pathway.graduated_mandiri_declared', label: { en: 'Sejahtera mandiri, declared by the family', id: 'Sejahtera mandiri, dinyatakan keluarga' }, short: { en: 'Mandiri, declared', id: 'Mandiri, dinyatakan' } },
  { id: 'pena_exit', reason: 'pathway.graduated_pena_exit', label: { en: 'Exit declared after PENA capital', id: 'Keluar setelah modal PENA' }, short: { en: 'PENA exit', id: 'Keluar PENA' } },
  { id: 'welfare', reason: 'pathway.graduated_criteria_met', label: { en: "The model's welfare criterion", id: 'Kriteria kesejahteraan model' }, short: { en: 'Welfare criterion', id: 'Kriteria kesejahteraan' } },
] as const;

export type GraduationKind = (typeof GRADUATION_KINDS)[number]['id'];

/** The value of households.graduation for a kind (0: not a graduate). */
export function graduationCode(kind: GraduationKind): number {
  return GRADUATION_KINDS.findIndex((k) => k.id === kind) + 1;
}

export const NATURAL = graduationCode('natural');

/** The relapse reason of each kind, in the order of GRADUATION_KINDS. */
export const RELAPSE_REASONS = [
  { code: 'graduation.relapsed_natural', label: { en: 'Relapsed after natural graduation', id: 'Kambuh setelah graduasi alamiah' } },
  { code: 'graduation.relapsed_mandiri_judged', label: { en: 'Relapsed after sejahtera mandiri (judged)', id: 'Kambuh setelah sejahtera mandiri (dinilai pendamping)' } },
  { code: 'graduation.relapsed_mandiri_declared', label: { en: 'Relapsed after sejahtera mandiri (declared)', id: 'Kambuh setelah sejahtera mandiri (dinyatakan keluarga)' } },
  { code: 'graduation.relapsed_pena_exit', label: { en: 'Relapsed after the PENA exit', id: 'Kambuh setelah keluar karena PENA' } },
  { code: 'graduation.relapsed_welfare', label: { en: "Relapsed after the model's welfare criterion", id: 'Kambuh setelah kriteria kesejahteraan model' } },
] as const satisfies readonly ReasonDeclaration[];
