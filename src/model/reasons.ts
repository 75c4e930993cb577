/**
 * Why households move: reason codes.
 *
 * Every change of registry, programme or pathway status is made by a named rule that gives a
 * reason; each month the engine counts the (weighted) households moved for each reason, so
 * observation can say why coverage changed, not only that it did — nationally and for the flow
 * groups (./groups.ts). The registry's, the pathway's and the businesses' reasons are declared
 * here; each programme and service declares its own (./programmes/, ./services/), and the
 * registry (./registry.ts) puts them all in one list.
 */
import type { Phase } from './phases';
import type { ReasonDeclaration } from './world';

/** Reasons of the registry (DTKS). */
export const REGISTRY_REASONS = [
  { code: 'registry.assessed_eligible', label: { en: 'Registry: assessed eligible', id: 'DTKS: dinilai layak' } }, // re-assessment put an eligible household into the registry
  { code: 'registry.assessed_by_error', label: { en: 'Registry: listed by error', id: 'DTKS: masuk karena kesalahan' } }, // … an ineligible one (inclusion error)
  { code: 'registry.assessed_out', label: { en: 'Registry: assessed out', id: 'DTKS: dikeluarkan' } },
] as const satisfies readonly ReasonDeclaration[];

/** Reasons of the pathway's phase moves (see PATHWAY_MOVES for from → to). */
export const PATHWAY_REASONS = [
  { code: 'pathway.enrolled_in_assistance', label: { en: 'Entered assistance', id: 'Mulai menerima bantuan sosial' } },
  { code: 'pathway.re_entered_after_relapse', label: { en: 'Re-entered assistance after relapse', id: 'Kembali menerima bantuan setelah kambuh' } },
  { code: 'pathway.left_assistance', label: { en: 'Left assistance', id: 'Keluar dari bantuan sosial' } },
  { code: 'pathway.recovery_extreme_poor', label: { en: 'Into social recovery: extremely poor', id: 'Masuk pemulihan sosial: miskin ekstrem' } },
  { code: 'pathway.recovery_under40_push', label: { en: 'Into social recovery: pushed, head under 40', id: 'Masuk pemulihan sosial: didorong, kepala rumah tangga di bawah 40 tahun' } },
  { code: 'pathway.recovered', label: { en: 'Recovered: into transition', id: 'Pulih: masuk transisi' } },
  { code: 'pathway.no_business_in_time', label: { en: 'No business in time: back to assistance', id: 'Belum berusaha tepat waktu: kembali ke bantuan' } },
  { code: 'pathway.business_established', label: { en: 'Business established: into development', id: 'Usaha berdiri: masuk pengembangan' } },
  { code: 'pathway.business_failed', label: { en: 'Business failed: back to transition', id: 'Usaha gagal: kembali ke transisi' } },
  { code: 'pathway.graduated_criteria_met', label: { en: "Graduated: the model's welfare criterion met", id: 'Graduasi: kriteria kesejahteraan model terpenuhi' } },
  { code: 'pathway.graduated_pena_exit', label: { en: 'Graduated: exit declared after PENA capital', id: 'Graduasi: keluar setelah modal PENA' } },
  { code: 'pathway.graduated_mandiri_judged', label: { en: 'Graduated: sejahtera mandiri, judged by the facilitator', id: 'Graduasi: sejahtera mandiri, dinilai pendamping' } },
  { code: 'pathway.graduated_mandiri_declared', label: { en: 'Graduated: sejahtera mandiri, declared by the family', id: 'Graduasi: sejahtera mandiri, dinyatakan keluarga' } },
  { code: 'pathway.relapsed', label: { en: 'Relapsed into poverty', id: 'Kambuh (kembali miskin)' } },
] as const satisfies readonly ReasonDeclaration[];

/** Reasons of businesses (events, not phase moves). */
export const BUSINESS_REASONS = [
  { code: 'business.started', label: { en: 'Business started', id: 'Usaha dimulai' } },
  { code: 'business.failed', label: { en: 'Business failed', id: 'Usaha gagal' } },
] as const satisfies readonly ReasonDeclaration[];

export type PathwayReason = (typeof PATHWAY_REASONS)[number]['code'];

/** The phase move each pathway reason stands for: [from, to] as phase names. */
export const PATHWAY_MOVES = {
  'pathway.enrolled_in_assistance': ['none', 'assistance'],
  'pathway.re_entered_after_relapse': ['none', 'assistance'],
  'pathway.left_assistance': ['assistance', 'none'],
  'pathway.recovery_extreme_poor': ['assistance', 'recovery'],
  'pathway.recovery_under40_push': ['assistance', 'recovery'],
  'pathway.recovered': ['recovery', 'transition'],
  'pathway.no_business_in_time': ['transition', 'assistance'],
  'pathway.business_established': ['transition', 'development'],
  'pathway.business_failed': ['development', 'transition'],
  'pathway.graduated_criteria_met': ['development', 'graduated'],
  'pathway.graduated_pena_exit': ['development', 'graduated'],
  'pathway.graduated_mandiri_judged': ['assistance', 'graduated'],
  'pathway.graduated_mandiri_declared': ['assistance', 'graduated'],
  'pathway.relapsed': ['graduated', 'none'],
} as const satisfies Record<PathwayReason, readonly [Phase, Phase]>;
