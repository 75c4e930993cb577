/**
 * The words of the charts, in English and Bahasa Indonesia: titles, axes, units, phases, reasons
 * and groups. The languages, month names and number and date formats are src/lang.
 *
 * Indicator names come from INDICATORS (`label`, `label_id`); everything else a chart writes is
 * here, so a translation is one place to read. Indonesian follows the usage of Kemensos and BPS
 * (rumah tangga, pemulihan sosial, transisi, pengembangan, graduasi, KPM, DTKS).
 */
import { INDICATORS } from '../observe/indicators';
import type { Indicator } from '../observe/indicators';
import type { Phase } from '../model/phases';
import type { Reason } from '../model/reasons';
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
  errorBars: 'Bars: mean of {n} replicates; lines: 5th to 95th percentile',
  paired: 'Scenario minus {reference}, replicate by replicate; mean of {n} replicates; band: 5th to 95th percentile',
  phasesTitle: 'Households by phase of the graduation pathway',
  phasesSubtitle: 'Mean of {n} replicates; assistance only above, on a scale of its own; households outside the pathway not shown',
  flowsTitle: 'Entries, graduations and relapses: {scenario}',
  flowsSubtitle: 'Households moved per calendar year (sum of monthly means of {n} replicates)',
  partialYear: '{year}: {months} months',
  differenceTitle: '{indicator}: difference from {reference}',
  spendTitle: 'Empowerment spending and cost per graduate, {month}',
  spendPanel: 'Empowerment spending to date',
  costPanel: 'Cost per graduate',
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
    errorBars: 'Batang: rata-rata {n} replikasi; garis: persentil ke-5 hingga ke-95',
    paired: 'Skenario dikurangi {reference}, per replikasi; rata-rata {n} replikasi; pita: persentil ke-5 hingga ke-95',
    phasesTitle: 'Rumah tangga menurut tahap jalur graduasi',
    phasesSubtitle: 'Rata-rata {n} replikasi; bantuan sosial saja di atas, dengan skala tersendiri; rumah tangga di luar jalur tidak ditampilkan',
    flowsTitle: 'Masuk, graduasi dan kambuh: {scenario}',
    flowsSubtitle: 'Rumah tangga yang berpindah per tahun kalender (jumlah rata-rata bulanan dari {n} replikasi)',
    partialYear: '{year}: {months} bulan',
    differenceTitle: '{indicator}: selisih terhadap {reference}',
    spendTitle: 'Belanja pemberdayaan dan biaya per graduasi, {month}',
    spendPanel: 'Belanja pemberdayaan kumulatif',
    costPanel: 'Biaya per graduasi',
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

/** Why households move (REASONS), as charts name it. */
export const REASON_LABELS: { readonly [R in Reason]: Words } = {
  'registry.assessed_eligible': { en: 'Registry: assessed eligible', id: 'DTKS: dinilai layak' },
  'registry.assessed_by_error': { en: 'Registry: listed by error', id: 'DTKS: masuk karena kesalahan' },
  'registry.assessed_out': { en: 'Registry: assessed out', id: 'DTKS: dikeluarkan' },
  'pkh.enrolled': { en: 'PKH: enrolled', id: 'PKH: menjadi penerima' },
  'bpnt.enrolled': { en: 'BPNT: enrolled', id: 'BPNT: menjadi penerima' },
  'blt_bbm.enrolled': { en: 'BLT BBM: enrolled', id: 'BLT BBM: menjadi penerima' },
  'pkh.left_registry': { en: 'PKH: left the registry', id: 'PKH: keluar dari DTKS' },
  'pkh.no_eligible_member': { en: 'PKH: no eligible member left', id: 'PKH: tidak ada lagi anggota yang memenuhi syarat' },
  'pkh.quota_or_budget_cut': { en: 'PKH: quota or budget cut', id: 'PKH: kuota atau anggaran dipangkas' },
  'bpnt.left_registry': { en: 'BPNT: left the registry', id: 'BPNT: keluar dari DTKS' },
  'bpnt.quota_or_budget_cut': { en: 'BPNT: quota or budget cut', id: 'BPNT: kuota atau anggaran dipangkas' },
  'blt_bbm.not_in_pkh_or_bpnt': { en: 'BLT BBM: no longer in PKH or BPNT', id: 'BLT BBM: tidak lagi menerima PKH atau BPNT' },
  'blt_bbm.programme_ended': { en: 'BLT BBM: programme ended', id: 'BLT BBM: program berakhir' },
  'blt_bbm.quota_or_budget_cut': { en: 'BLT BBM: quota or budget cut', id: 'BLT BBM: kuota atau anggaran dipangkas' },
  'pkh.graduated': { en: 'PKH: graduated', id: 'PKH: graduasi' },
  'bpnt.graduated': { en: 'BPNT: graduated', id: 'BPNT: graduasi' },
  'pathway.enrolled_in_assistance': { en: 'Entered assistance', id: 'Mulai menerima bantuan sosial' },
  'pathway.re_entered_after_relapse': { en: 'Re-entered assistance after relapse', id: 'Kembali menerima bantuan setelah kambuh' },
  'pathway.left_assistance': { en: 'Left assistance', id: 'Keluar dari bantuan sosial' },
  'pathway.recovery_extreme_poor': { en: 'Into social recovery: extremely poor', id: 'Masuk pemulihan sosial: miskin ekstrem' },
  'pathway.recovery_under40_push': { en: 'Into social recovery: pushed, head under 40', id: 'Masuk pemulihan sosial: didorong, kepala rumah tangga di bawah 40 tahun' },
  'pathway.recovered': { en: 'Recovered: into transition', id: 'Pulih: masuk transisi' },
  'pathway.no_business_in_time': { en: 'No business in time: back to assistance', id: 'Belum berusaha tepat waktu: kembali ke bantuan' },
  'pathway.business_established': { en: 'Business established: into development', id: 'Usaha berdiri: masuk pengembangan' },
  'pathway.business_failed': { en: 'Business failed: back to transition', id: 'Usaha gagal: kembali ke transisi' },
  'pathway.graduated_criteria_met': { en: 'Graduated: criteria met', id: 'Graduasi: kriteria terpenuhi' },
  'pathway.graduated_pena_exit': { en: 'Graduated: pushed out after PENA capital', id: 'Graduasi: didorong keluar setelah modal PENA' },
  'pathway.relapsed': { en: 'Relapsed into poverty', id: 'Kambuh (kembali miskin)' },
  'atensi.admitted': { en: 'ATENSI: admitted', id: 'ATENSI: diterima' },
  'atensi.rehabilitated': { en: 'ATENSI: rehabilitated', id: 'ATENSI: berhasil direhabilitasi' },
  'atensi.not_rehabilitated': { en: 'ATENSI: not rehabilitated', id: 'ATENSI: tidak berhasil direhabilitasi' },
  'rst.built': { en: 'RST: house built', id: 'RST: rumah dibangun' },
  'skills.admitted': { en: 'Skills training: admitted', id: 'Pelatihan keterampilan: diterima' },
  'skills.trained': { en: 'Skills training: completed', id: 'Pelatihan keterampilan: selesai' },
  'pena.received': { en: 'PENA capital received', id: 'Modal PENA diterima' },
  'prokus.received': { en: 'PROKUS grant received', id: 'Bantuan PROKUS diterima' },
  'community.reached': { en: 'Reached by a community programme', id: 'Dijangkau program komunitas' },
  'business.started': { en: 'Business started', id: 'Usaha dimulai' },
  'business.failed': { en: 'Business failed', id: 'Usaha gagal' },
};

/** Household groups other than provinces ("province:<name>" is shown as the name). */
const GROUP_LABELS: { readonly [group: string]: Words } = {
  national: { en: 'national', id: 'nasional' },
  'area:urban': { en: 'urban', id: 'perkotaan' },
  'area:rural': { en: 'rural', id: 'perdesaan' },
  'head_age:under_40': { en: 'head under 40', id: 'kepala rumah tangga di bawah 40 tahun' },
  'head_age:40_59': { en: 'head aged 40–59', id: 'kepala rumah tangga berumur 40–59 tahun' },
  'head_age:60_plus': { en: 'head aged 60 or over', id: 'kepala rumah tangga berumur 60 tahun ke atas' },
  'head_sex:male': { en: 'male head', id: 'kepala rumah tangga laki-laki' },
  'head_sex:female': { en: 'female head', id: 'kepala rumah tangga perempuan' },
};

/** A group of the summary rows in words: "national", "urban", a province's name… */
export function groupLabel(group: string, lang: Lang): string {
  if (group.startsWith('province:')) return group.slice('province:'.length);
  return GROUP_LABELS[group]?.[lang] ?? group;
}

/** An indicator's unit (INDICATORS[…].unit). */
export type Unit = (typeof INDICATORS)[Indicator]['unit'];

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
  'Rp per household': { kind: 'money', words: { en: 'per household', id: 'per rumah tangga' } },
  'Rp per person': { kind: 'money', words: { en: 'per person', id: 'per orang' } },
  'Rp per person per month': { kind: 'money', words: { en: 'per person per month', id: 'per orang per bulan' } },
  index: { kind: 'index', words: { en: 'index', id: 'indeks' } },
  'index, start month = 1': { kind: 'index', words: { en: 'index, start month = 1', id: 'indeks, bulan awal = 1' } },
};
