/**
 * The words of reports and of the command's tables, in English and Bahasa Indonesia.
 */
import type { Uncertainty } from '../experiment/index';
import { LANGS, monthLabel } from '../lang/index';
import type { Lang } from '../lang/index';

/** Replicates below which a report warns that its bands are rough. */
export const ENOUGH_REPLICATES = 10;

/** What the first status line of `run` and `compare` says. */
export interface RunStart {
  readonly command: string;
  readonly scenarios: number;
  readonly replicates: number;
  /** "YYYY-MM". */
  readonly start: string;
  readonly end: string;
  readonly seed: string | number;
  readonly workers: number;
  /** Threads each run's step uses, when more than one. */
  readonly threads?: number;
  readonly parameters: 'calibrated' | 'data';
  /** The posterior the behaviour parameters are drawn from, if any. */
  readonly posterior?: string;
}

export const TEXT = {
  en: {
    title: 'Graduasi: policy scenarios compared',
    scenario: 'Scenario',
    extremePoverty: (month: string) => `Extreme poor ${month} (%)`,
    differenceFrom: (month: string) => `Change ${month} (pp)`,
    graduations: 'Graduations (thousand)',
    assistanceSpend: 'Assistance (Rp T)',
    empowermentSpend: 'Empowerment (Rp T)',
    relapses: 'Relapses (thousand)',
    kindsCaption:
      'Graduations over the run by kind, as Kemensos counts them (thousand households): natural (PKH has no eligible member left; the family leaves PKH only), sejahtera mandiri judged by the facilitator or declared by the family, the exit declared after PENA capital, and the model\'s welfare criterion; relapses: graduates of any kind who fell back below the national line.',
    effectivenessCaption: (reference: string) =>
      `What the extra money buys, against ${reference}, replicate by replicate. Extra spending: every assistance programme and empowerment service over the run, minus ${reference}'s (Rp T). Fewer in extreme poverty: persons below the extreme line in the last month, ${reference}'s minus this scenario's (thousand). Person-years out of extreme poverty: that difference summed over every month of the run, over 12 (thousand). Extra graduations: all kinds (thousand); sejahtera mandiri is open only to families in the assistance phase, so a scenario that takes more families into the empowerment phases has fewer of those. Each cost (Rp m) is the mean extra spending over the mean gain; a dash where there is no gain, or where the gain comes with less spending.`,
    extraSpend: 'Extra spending (Rp T)',
    fewerExtremePoor: 'Fewer extreme poor, last month (thousand)',
    perPersonLifted: 'Rp m per person fewer',
    personYears: 'Person-years out of extreme poverty (thousand)',
    perPersonYear: 'Rp m per person-year',
    extraGraduations: 'Extra graduations (thousand)',
    perGraduation: 'Rp m per extra graduation',
    noGain: '— (no gain)',
    savesMoney: '— (costs less)',
    band: (u: Uncertainty, replicates: number) =>
      `mean [5th–95th percentile over ${replicates} replicate${replicates === 1 ? '' : 's'}${u.kind === 'stochastic' ? '' : ', each with its own posterior draw of the behaviour parameters'}]`,
    fewReplicates: (replicates: number) =>
      `Each band comes from only ${replicates} replicate${replicates === 1 ? '' : 's'}, fewer than ${ENOUGH_REPLICATES}: ${replicates === 1 ? 'it is that one value and says nothing of the spread' : `it is close to the range of ${replicates} values and looks more precise than it is`}. Run with --replicates ${ENOUGH_REPLICATES} or more before reading meaning into small differences.`,
    columnsNote: (reference: string | undefined) =>
      `Extreme poor: persons below the extreme line in March (%). ${reference ? `Change: difference from ${reference} in percentage points, replicate by replicate. ` : ''}Graduations, empowerment spending (ATENSI, RST, skills, PENA, PROKUS, community programmes) and assistance spending (every programme of the registry: PKH, BPNT / Sembako, BLT BBM, rice aid, the BLTs) over the whole run. Graduations count every kind (the table below splits them).`,
    headline: 'Headline numbers',
    charts: 'Charts',
    scenarios: 'Scenarios',
    howMade: 'How these results were made',
    rationale: 'Rationale',
    from: 'from',
    changesNothing: 'Changes nothing: every parameter as in data/parameters.',
    extends: 'extends',
    reference: 'reference',
    parameterSet: (set: 'calibrated' | 'data') =>
      set === 'calibrated'
        ? 'Parameters: the committed calibration (data/calibration/calibrated.yaml, its fit in data/calibration/fit.csv) over the values of data/parameters.'
        : 'Parameters: the values of data/parameters as they are, without the calibration.',
    runSummary: (m: { start: string; end: string; replicates: number; agents: number; seed: string | number }) =>
      `Monthly runs from ${m.start} to ${m.end}; ${m.replicates} replicate${m.replicates === 1 ? '' : 's'} per scenario (each a different population sample and different random draws, the same for every scenario); ${m.agents.toLocaleString('en')} agents standing for Indonesia's households; seed ${m.seed}.`,
    bandNote: (u: Uncertainty) =>
      (u.kind === 'stochastic'
        ? 'Bands show stochastic uncertainty only: the spread over replicates (behaviour parameters held at one value). '
        : `Bands show parameter and stochastic uncertainty together: each replicate draws the behaviour parameters from the calibration posterior ${u.posterior} (the same draw for every scenario) as well as its own population sample and random draws. `) +
      'Differences are paired: each replicate of a scenario is compared with the same replicate of the reference. Extreme poverty: USD 1.90 a day (2011 PPP), BPS series B, read in March, the Susenas round.',
    provenance: 'Model version, commit, data hashes and every scenario patch are in manifest.json beside this report.',
    notAvailable: 'n/a',
    starting: (m: RunStart) =>
      `Graduasi ${m.command}: ${m.scenarios} scenario${m.scenarios === 1 ? '' : 's'} × ${m.replicates} replicate${m.replicates === 1 ? '' : 's'}, ${monthLabel(m.start, 'en')} to ${monthLabel(m.end, 'en')}, seed ${m.seed}, ${m.workers} worker${m.workers === 1 ? '' : 's'}, ${m.threads !== undefined && m.threads > 1 ? `${m.threads} threads a run, ` : ''}${m.parameters === 'calibrated' ? 'calibrated parameters' : "the data's parameter values"}${m.posterior ? `, behaviour parameters drawn from ${m.posterior}` : ''}`,
    runWritten: (folder: string) => `Run written to ${folder}`,
    officialFigures: (n: number) => `${n} official figures`,
    reportWritten: (file: string) => `Report written to ${file}`,
  },
  id: {
    title: 'Graduasi: perbandingan skenario kebijakan',
    scenario: 'Skenario',
    extremePoverty: (month: string) => `Miskin ekstrem ${month} (%)`,
    differenceFrom: (month: string) => `Selisih ${month} (poin)`,
    graduations: 'Graduasi (ribu)',
    assistanceSpend: 'Bansos (Rp T)',
    empowermentSpend: 'Pemberdayaan (Rp T)',
    relapses: 'Kambuh (ribu)',
    kindsCaption:
      'Graduasi selama simulasi menurut jenisnya, seperti yang dihitung Kemensos (ribu rumah tangga): alamiah (tidak ada lagi anggota yang memenuhi syarat PKH; keluarga hanya keluar dari PKH), sejahtera mandiri yang dinilai pendamping atau dinyatakan keluarga, keluar setelah modal PENA, dan kriteria kesejahteraan model; kambuh: keluarga graduasi jenis apa pun yang kembali di bawah garis kemiskinan nasional.',
    effectivenessCaption: (reference: string) =>
      `Apa yang dibeli oleh tambahan anggaran, dibandingkan dengan ${reference}, replikasi demi replikasi. Tambahan belanja: seluruh program bantuan sosial dan layanan pemberdayaan selama simulasi, dikurangi belanja ${reference} (Rp T). Berkurangnya penduduk miskin ekstrem: penduduk di bawah garis kemiskinan ekstrem pada bulan terakhir, ${reference} dikurangi skenario ini (ribu). Orang-tahun keluar dari kemiskinan ekstrem: selisih itu dijumlahkan atas setiap bulan simulasi, dibagi 12 (ribu). Tambahan graduasi: semua jenis (ribu); sejahtera mandiri hanya terbuka bagi keluarga dalam tahap bantuan sosial, sehingga skenario yang membawa lebih banyak keluarga ke tahap pemberdayaan memiliki lebih sedikit graduasi jenis itu. Setiap biaya (Rp jt) adalah rata-rata tambahan belanja dibagi rata-rata hasilnya; tanda pisah bila tidak ada hasil, atau bila hasil diperoleh dengan belanja lebih kecil.`,
    extraSpend: 'Tambahan belanja (Rp T)',
    fewerExtremePoor: 'Berkurangnya miskin ekstrem, bulan terakhir (ribu)',
    perPersonLifted: 'Rp jt per orang',
    personYears: 'Orang-tahun keluar dari kemiskinan ekstrem (ribu)',
    perPersonYear: 'Rp jt per orang-tahun',
    extraGraduations: 'Tambahan graduasi (ribu)',
    perGraduation: 'Rp jt per tambahan graduasi',
    noGain: '— (tidak ada hasil)',
    savesMoney: '— (lebih murah)',
    band: (u: Uncertainty, replicates: number) =>
      `rata-rata [persentil ke-5–95 dari ${replicates} replikasi${u.kind === 'stochastic' ? '' : ', masing-masing dengan parameter perilaku yang ditarik dari posterior'}]`,
    fewReplicates: (replicates: number) =>
      `Setiap rentang hanya berasal dari ${replicates} replikasi, kurang dari ${ENOUGH_REPLICATES}: ${replicates === 1 ? 'rentang itu hanya satu nilai dan tidak menunjukkan sebaran apa pun' : `rentang itu hampir sama dengan jangkauan ${replicates} nilai dan tampak lebih pasti daripada yang sebenarnya`}. Jalankan dengan --replicates ${ENOUGH_REPLICATES} atau lebih sebelum menafsirkan selisih yang kecil.`,
    columnsNote: (reference: string | undefined) =>
      `Miskin ekstrem: penduduk di bawah garis kemiskinan ekstrem pada bulan Maret (%). ${reference ? `Selisih: perbedaan terhadap ${reference} dalam poin persen, per replikasi. ` : ''}Graduasi, belanja pemberdayaan (ATENSI, RST, pelatihan, PENA, PROKUS, program komunitas) dan belanja bantuan sosial (setiap program dalam registri: PKH, BPNT / Sembako, BLT BBM, bantuan beras, BLT lainnya) selama seluruh simulasi. Graduasi menghitung semua jenis (tabel di bawah memerinci).`,
    headline: 'Angka utama',
    charts: 'Grafik',
    scenarios: 'Skenario',
    howMade: 'Cara hasil ini dibuat',
    rationale: 'Alasan',
    from: 'mulai',
    changesNothing: 'Tidak mengubah apa pun: setiap parameter seperti di data/parameters.',
    extends: 'turunan dari',
    reference: 'pembanding',
    parameterSet: (set: 'calibrated' | 'data') =>
      set === 'calibrated'
        ? 'Parameter: hasil kalibrasi yang disimpan (data/calibration/calibrated.yaml, kecocokannya di data/calibration/fit.csv) di atas nilai data/parameters.'
        : 'Parameter: nilai data/parameters apa adanya, tanpa kalibrasi.',
    runSummary: (m: { start: string; end: string; replicates: number; agents: number; seed: string | number }) =>
      `Simulasi bulanan dari ${m.start} sampai ${m.end}; ${m.replicates} replikasi per skenario (masing-masing sampel populasi dan bilangan acak yang berbeda, sama untuk setiap skenario); ${m.agents.toLocaleString('id')} agen mewakili rumah tangga Indonesia; seed ${m.seed}.`,
    bandNote: (u: Uncertainty) =>
      (u.kind === 'stochastic'
        ? 'Rentang hanya menunjukkan ketidakpastian stokastik: sebaran antar-replikasi (parameter perilaku pada satu nilai). '
        : `Rentang menunjukkan ketidakpastian parameter dan stokastik sekaligus: setiap replikasi menarik parameter perilaku dari posterior kalibrasi ${u.posterior} (tarikan yang sama untuk setiap skenario) selain sampel populasi dan bilangan acaknya sendiri. `) +
      'Selisih dihitung berpasangan: setiap replikasi suatu skenario dibandingkan dengan replikasi yang sama dari skenario pembanding. Kemiskinan ekstrem: USD 1,90 per hari (PPP 2011), seri B BPS, diukur pada bulan Maret (Susenas).',
    provenance: 'Versi model, commit, hash data, dan patch setiap skenario ada di manifest.json di samping laporan ini.',
    notAvailable: 't/a',
    starting: (m: RunStart) =>
      `Graduasi ${m.command}: ${m.scenarios} skenario × ${m.replicates} replikasi, ${monthLabel(m.start, 'id')} sampai ${monthLabel(m.end, 'id')}, seed ${m.seed}, ${m.workers} worker, ${m.threads !== undefined && m.threads > 1 ? `${m.threads} thread per simulasi, ` : ''}${m.parameters === 'calibrated' ? 'parameter hasil kalibrasi' : 'nilai parameter data apa adanya'}${m.posterior ? `, parameter perilaku ditarik dari ${m.posterior}` : ''}`,
    runWritten: (folder: string) => `Hasil simulasi ditulis ke ${folder}`,
    officialFigures: (n: number) => `${n} angka resmi`,
    reportWritten: (file: string) => `Laporan ditulis ke ${file}`,
  },
} as const;

export type Text = (typeof TEXT)[Lang];

/** The language named, or an error listing the ones there are. */
export function language(value: string): Lang {
  if ((LANGS as readonly string[]).includes(value)) return value as Lang;
  throw new Error(`--lang: expected one of ${LANGS.join(', ')}, got "${value}"`);
}

/** Seconds as m:ss, for elapsed and remaining times. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
