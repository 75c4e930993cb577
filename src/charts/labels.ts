/**
 * The words of the charts, in English and Bahasa Indonesia: titles, axes, units, phases, reasons
 * and groups. The languages, month names and number and date formats are src/lang.
 *
 * Indicator names come from INDICATORS (`label`, `label_id`); everything else a chart writes is
 * here, so a translation is one place to read. Indonesian follows the usage of Kemensos and BPS
 * (rumah tangga, pemulihan sosial, transisi, pengembangan, graduasi, KPM, DTKS).
 */
import type { IndicatorUnit } from '../observe/indicators';
import type { Phase } from '../model/phases';
import type { Registry } from '../model/world';
import { BUILTIN_REGISTRY } from '../model/builtin';
import { DIMENSIONS, groupsOf } from '../model/groups';
import type { Bilingual, Lang, Words } from '../lang/index';

const en = {
  scenario: 'Scenario',
  month: 'Month',
  year: 'Year',
  phase: 'Phase',
  reason: 'Reason',
  province: 'Province',
  parameter: 'Parameter',
  households: 'Households',
  householdsPerYear: 'Households per year',
  difference: 'Difference',
  percentagePoints: 'percentage points',
  band: 'Mean of {n} replicates; band: 5th to 95th percentile',
  baselineLine: 'Grey line: {baseline}',
  errorBars: 'Bars: mean of {n} replicates; lines: 5th to 95th percentile',
  paired: 'Scenario minus {reference}, replicate by replicate; mean of {n} replicates; band: 5th to 95th percentile',
  phasesTitle: 'Households by phase of the graduation pathway',
  phasesSubtitle: 'Mean of {n} replicates; assistance only above, on a scale of its own; households outside the pathway not shown',
  phasesRhythm:
    'Families enter pemulihan sosial as facilitators take them on, a full caseload over policy.facilitators.intake_months; most find no capital in transisi and go back to assistance at its time limit (policy.empowerment.transition_max_months), which frees places for the next',
  flowsTitle: 'Entries, graduations and relapses: {scenario}',
  graduationsTitle: 'Graduations by kind, as Kemensos counts them, and relapses: {scenario}',
  flowsSubtitle: 'Households moved per calendar year (sum of monthly means of {n} replicates)',
  partialYear: '{year}: {months} months',
  differenceTitle: '{indicator}: difference from {reference}',
  spendTitle: 'Empowerment spending and graduations, {month}',
  spendPanel: 'Empowerment spending to date',
  graduationsPanel: 'Graduations to date, every kind',
  rankingTitle: '{indicator} by province: {scenario}, {month}',
  tornadoTitle: 'Sensitivity: {indicator}',
  tornadoSubtitle: 'Bars run from the base value ({base}) to the result with each parameter at the ends of its range; widest swing first',
  end: 'Parameter value',
  low: 'Low end of the range',
  high: 'High end of the range',
  sobolTitle: 'Sobol indices: {indicator}, {group}, {month}',
  sobolSubtitle: "Share of the outcome's variance over the parameters' ranges due to each parameter alone (first order) and with its interactions (total order); lines: {confidence} % bootstrap interval; N = {n}, {runs} runs; ranked by total order",
  sobolAxis: 'Sobol index (share of variance)',
  sobolIndex: 'Index',
  firstOrder: 'First order (S1)',
  totalOrder: 'Total order (ST)',
  morrisTitle: 'Morris screening: {indicator}, {group}, {month}',
  morrisSubtitle: 'μ*: mean absolute change of the outcome when a parameter moves, per whole range of it; σ: spread of those changes (non-linearity or interactions); {trajectories} trajectories, {runs} runs',
  morrisAxis: 'Change per whole range',
  statistic: 'Statistic',
  muStar: 'μ* (overall influence)',
  sigma: 'σ (non-linearity, interactions)',
  intoAssistance: 'Into assistance',
  intoRecovery: 'Into social recovery',
  graduations: 'Graduations',
  relapses: 'Relapses',
};

/** Chart texts, by language. `{name}` marks a place filled by `fill`. */
export const TEXT: Bilingual<{ readonly [K in keyof typeof en]: string }> = {
  en,
  id: {
    scenario: 'Skenario',
    month: 'Bulan',
    year: 'Tahun',
    phase: 'Tahap',
    reason: 'Alasan',
    province: 'Provinsi',
    parameter: 'Parameter',
    households: 'Rumah tangga',
    householdsPerYear: 'Rumah tangga per tahun',
    difference: 'Selisih',
    percentagePoints: 'poin persentase',
    band: 'Rata-rata {n} replikasi; pita: persentil ke-5 hingga ke-95',
    baselineLine: 'Garis abu-abu: {baseline}',
    errorBars: 'Batang: rata-rata {n} replikasi; garis: persentil ke-5 hingga ke-95',
    paired: 'Skenario dikurangi {reference}, per replikasi; rata-rata {n} replikasi; pita: persentil ke-5 hingga ke-95',
    phasesTitle: 'Rumah tangga menurut tahap jalur graduasi',
    phasesSubtitle: 'Rata-rata {n} replikasi; bantuan sosial saja di atas, dengan skala tersendiri; rumah tangga di luar jalur tidak ditampilkan',
    phasesRhythm:
      'Keluarga masuk pemulihan sosial saat pendamping menerima mereka, satu beban kasus penuh dalam policy.facilitators.intake_months; sebagian besar tidak mendapat modal dalam transisi dan kembali ke bantuan sosial pada batas waktunya (policy.empowerment.transition_max_months), sehingga tempat terbuka bagi keluarga berikutnya',
    flowsTitle: 'Masuk, graduasi dan kambuh: {scenario}',
    graduationsTitle: 'Graduasi menurut jenis, seperti yang dihitung Kemensos, dan kambuh: {scenario}',
    flowsSubtitle: 'Rumah tangga yang berpindah per tahun kalender (jumlah rata-rata bulanan dari {n} replikasi)',
    partialYear: '{year}: {months} bulan',
    differenceTitle: '{indicator}: selisih terhadap {reference}',
    spendTitle: 'Belanja pemberdayaan dan graduasi, {month}',
    spendPanel: 'Belanja pemberdayaan kumulatif',
    graduationsPanel: 'Graduasi kumulatif, semua jenis',
    rankingTitle: '{indicator} menurut provinsi: {scenario}, {month}',
    tornadoTitle: 'Sensitivitas: {indicator}',
    tornadoSubtitle: 'Batang dari nilai dasar ({base}) ke hasil dengan tiap parameter di ujung rentangnya; ayunan terlebar di atas',
    end: 'Nilai parameter',
    low: 'Batas bawah rentang',
    high: 'Batas atas rentang',
    sobolTitle: 'Indeks Sobol: {indicator}, {group}, {month}',
    sobolSubtitle: 'Bagian dari varians hasil dalam rentang parameter yang berasal dari tiap parameter sendiri (orde pertama) dan bersama interaksinya (orde total); garis: interval bootstrap {confidence} %; N = {n}, {runs} simulasi; diurutkan menurut orde total',
    sobolAxis: 'Indeks Sobol (bagian dari varians)',
    sobolIndex: 'Indeks',
    firstOrder: 'Orde pertama (S1)',
    totalOrder: 'Orde total (ST)',
    morrisTitle: 'Penyaringan Morris: {indicator}, {group}, {month}',
    morrisSubtitle: 'μ*: rata-rata perubahan absolut hasil ketika suatu parameter bergeser, per seluruh rentangnya; σ: sebaran perubahan itu (ketidaklinearan atau interaksi); {trajectories} trayektori, {runs} simulasi',
    morrisAxis: 'Perubahan per seluruh rentang',
    statistic: 'Statistik',
    muStar: 'μ* (pengaruh keseluruhan)',
    sigma: 'σ (ketidaklinearan, interaksi)',
    intoAssistance: 'Masuk bantuan sosial',
    intoRecovery: 'Masuk pemulihan sosial',
    graduations: 'Graduasi',
    relapses: 'Kambuh (kembali miskin)',
  },
};

/** Phases of the pathway, as charts name them. */
export const PHASE_LABELS: { readonly [P in Phase]: Words } = {
  none: { en: 'Outside the pathway', id: 'Di luar jalur' },
  assistance: { en: 'Assistance only', id: 'Bantuan sosial saja' },
  recovery: { en: 'Social recovery', id: 'Pemulihan sosial' },
  transition: { en: 'Transition', id: 'Transisi' },
  development: { en: 'Development', id: 'Pengembangan' },
  graduated: { en: 'Graduated', id: 'Graduasi' },
};

/** Why households moved: a reason of the registry (default: the model's own), as charts name it; the code itself when the registry has no such reason. */
export function reasonLabel(code: string, lang: Lang, registry: Registry = BUILTIN_REGISTRY): string {
  return registry.reasonLabels[code]?.[lang] ?? code;
}

/** Groups other than provinces in words: the nation, and each value of each dimension (../model/groups.ts). */
const GROUP_LABELS: { readonly [group: string]: Words } = {
  national: { en: 'national', id: 'nasional' },
  ...Object.fromEntries(DIMENSIONS.flatMap((d) => groupsOf(d).map((group, k) => [group, d.labels![k]]))),
};

/** A group of the summary rows in words: "national", "urban", a province's name… */
export function groupLabel(group: string, lang: Lang): string {
  if (group.startsWith('province:')) return group.slice('province:'.length);
  return GROUP_LABELS[group]?.[lang] ?? group;
}

/** An indicator's unit. */
export type Unit = IndicatorUnit;

/**
 * How a unit is shown: a share is drawn in percent (`words` = "% of …"), a count of households or
 * persons and an amount of money in thousands to trillions (`words` = what is counted, or what the
 * rupiah are per), an index as it is.
 */
export interface UnitWords {
  readonly kind: 'share' | 'count' | 'money' | 'index';
  readonly words: Words;
}

/** Every unit of INDICATORS, in words. */
export const UNITS: { readonly [U in Unit]: UnitWords } = {
  households: { kind: 'count', words: { en: 'households', id: 'rumah tangga' } },
  persons: { kind: 'count', words: { en: 'persons', id: 'orang' } },
  'households per month': { kind: 'count', words: { en: 'households per month', id: 'rumah tangga per bulan' } },
  'share of persons': { kind: 'share', words: { en: '% of persons', id: '% penduduk' } },
  'share of households': { kind: 'share', words: { en: '% of households', id: '% rumah tangga' } },
  'share of registry households': { kind: 'share', words: { en: '% of registry households', id: '% rumah tangga DTKS' } },
  'share of bottom-40 % households': { kind: 'share', words: { en: '% of bottom-40 % households', id: '% rumah tangga 40 % terbawah' } },
  'share of recipient households': { kind: 'share', words: { en: '% of recipient households', id: '% rumah tangga penerima' } },
  'share of poor households': { kind: 'share', words: { en: '% of poor households', id: '% rumah tangga miskin' } },
  Rp: { kind: 'money', words: { en: '', id: '' } },
  'Rp per month': { kind: 'money', words: { en: 'per month', id: 'per bulan' } },
  'Rp per person per month': { kind: 'money', words: { en: 'per person per month', id: 'per orang per bulan' } },
  index: { kind: 'index', words: { en: 'index', id: 'indeks' } },
  'index, start month = 1': { kind: 'index', words: { en: 'index, start month = 1', id: 'indeks, bulan awal = 1' } },
};
