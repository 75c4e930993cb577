/**
 * Designs of virtual randomised trials (./virtual.ts): who is eligible, what the treatment arm is
 * offered and when, how many are treated, and when outcomes are measured.
 *
 * Two built-in designs:
 *   pena-2023  PENA as the policy defines it (data/parameters/policy/pena), offered in January 2023
 *              to half of the families PENA is meant for: PKH or BPNT families whose head is aged
 *              policy.pena.min_age–max_age, who have neither received PENA nor run a business;
 *   brac-like  a BRAC-like graduation package ("Targeting the Ultra-Poor", Bangladesh; Bandiera et
 *              al. 2017) offered in January 2023 to half of the extremely poor households with a
 *              working-age member, measured for seven years, as the published trial was followed
 *              (2007–2014), and compared with its published effects at four years
 *              (data/evidence/brac-tup.csv) and the path they should follow
 *              (data/evidence/brac-tup-paths.csv).
 *
 * Converting BRAC's amounts to rupiah (BRAC_LIKE_PACKAGE). BRAC reports USD at 2007 PPP. A 2007 PPP
 * dollar buys what a US dollar bought in the US in 2007; in 2011 US dollars that is ×(224.939 /
 * 207.342) = ×1.0849, the ratio of the annual US CPI-U (all items, U.S. city average; BLS series
 * CUUR0000SA0, 2011 over 2007). A 2011 PPP dollar in
 * rupiah is Kemendagri's conversion of USD 1.90 a day at 2011 PPP, Rp 11,941 a day for 2021 (B; the
 * conversion behaviour.business.trap_threshold was derived with), dated mid-2021 and carried by the
 * model's CPI to January 2023, the offer month: Rp 12,755.7 a day, so 1 PPP dollar = Rp 12,755.7 /
 * 1.90 = Rp 6,713.5. Hence USD 560 (2007 PPP) = USD 607.5 (2011 PPP) = Rp 4,078,640 ≈ Rp 4,080,000
 * (test/trial/designs.test.ts redoes this from the parameters). PPP rounds are not strictly
 * comparable (the 2011 ICP round revised Asian price levels), so the figure is good to perhaps ±20 %.
 * BPS's own conversion, the series-B extreme line the model uses (policy.poverty_line.extreme), makes
 * a PPP dollar about 10 % cheaper (Rp 6,053 in January 2023, so USD 560 ≈ Rp 3.68 m, below the
 * trap threshold); the package keeps the conversion the threshold was derived with.
 */
import type { World, MonthContext } from '../model/world';
import { penaTarget } from '../model/services/pena';
import { workingAgeMembers } from '../model/processes/pathway';
import type { GraduationPackage, OfferProgramme } from '../model/processes/offer';
import type { Words } from '../lang/index';

/**
 * Who may take part: a named predicate over a household, judged on the world at the end of the
 * baseline month (the month before the offer), with that month's parameters and poverty lines.
 */
export interface Eligibility {
  readonly id: string;
  /** What the predicate says, in English and Bahasa Indonesia. */
  readonly label: Words;
  readonly test: (world: World, ctx: MonthContext, i: number) => boolean;
}

/** PENA's target group, in any phase: PKH or BPNT family, head aged policy.pena.min_age–max_age, no PENA yet, no business. */
export const PENA_FAMILIES: Eligibility = {
  id: 'pena-families',
  label: {
    en: 'PKH or BPNT families with a head aged policy.pena.min_age–max_age, without PENA and without a business',
    id: 'Keluarga PKH atau BPNT dengan kepala keluarga berumur policy.pena.min_age–max_age, belum menerima PENA dan belum berusaha',
  },
  test: penaTarget,
};

/** BRAC's "ultra-poor", in the model's terms: consumption per person below the extreme line, and someone of working age. */
export const EXTREME_POOR_WORKING_AGE: Eligibility = {
  id: 'extreme-poor-working-age',
  label: {
    en: 'Extremely poor households (consumption per person below the USD 1.90 PPP line) with a working-age member',
    id: 'Rumah tangga miskin ekstrem (pengeluaran per kapita di bawah garis USD 1,90 PPP) dengan anggota usia kerja',
  },
  test: (world, ctx, i) => world.households.consumption[i] < ctx.extremeLine && workingAgeMembers(world.households, i) >= 1,
};

/** A graduation package with its costing: what the model gives (GraduationPackage) plus what it costs beyond the transfers. */
export interface GraduationPackageDesign extends GraduationPackage {
  /** Cost of the training and coaching per household, Rp: counted in the trial's cost per household, not in the model's books. */
  readonly trainingCost: number;
}

/**
 * BRAC's "Targeting the Ultra-Poor" package, in rupiah of January 2023 (see the module comment for
 * the conversion). Sources: Bandiera et al. 2017, QJE, "Labor Markets and Poverty in Village Economies",
 * and its registry entry AEARCTR-0002231; the published effects are in data/evidence/brac-tup.csv.
 */
export const BRAC_LIKE_PACKAGE: GraduationPackageDesign = {
  // The asset bundle: USD 560 at 2007 PPP (AEA RCT registry AEARCTR-0002231, A) = Rp 4,078,640 in
  // January 2023 (module comment), rounded to Rp 10,000. Given in kind, as BRAC gave livestock. It
  // lies just above the model's poverty-trap threshold (behaviour.business.trap_threshold, Rp 4 m,
  // itself derived from the same BRAC figures): a business that loses a little capital falls into the trap.
  capital: 4_080_000,
  // BRAC's asset bundle was livestock (cows, goats; AEARCTR-0002231 and IGC: "livestock value about
  // double the baseline wealth"), so it breeds (behaviour.business.livestock_growth) rather than wears out.
  asset: 'livestock',
  // The subsistence allowance: BRAC paid one for 40 weeks (AEARCTR-0002231, A); no source found gives its
  // amount. An assumption: Rp 150,000 a month, what the Government gave poor families to
  // protect consumption in 2022 (BLT BBM, policy.blt_bbm.benefit, Sep–Dec 2022, A). Cash, so
  // behaviour.consumption.transfer_share of it is consumed. Range worth testing: Rp 100,000–300,000.
  stipend: 150_000,
  // 40 weeks = 40 × 7 / (365 / 12) = 9.2 months, paid for the whole months 0–8 after the offer.
  stipendMonths: 9,
  // Coaching: BRAC's staff visited households over the two years of the programme (Bandiera et al.
  // 2017, as summarised in data/parameters/policy/pena/mentoring_months.yaml: "BRAC coached for
  // about two years"); no source found gives the length, so an assumption. 24 months of
  // mentoring: the mentoring bonus on returns and the cut in the failure hazard while it lasts.
  mentoringMonths: 24,
  // Training came with the asset (USD 560 at 2007 PPP, A): the household counts as trained at once
  // (behaviour.business.skills_bonus on returns from then on).
  training: true,
  // BRAC's training and coaching cost, USD 560 at 2007 PPP (A), converted as the asset: Rp 4,080,000.
  trainingCost: 4_080_000,
};

/** A virtual randomised trial: who, what, when, how many treated, and when outcomes are measured. */
export interface TrialDesign {
  readonly id: string;
  readonly label: Words;
  /** What the treatment arm is offered (SimulateOptions.offer). */
  readonly programme: OfferProgramme;
  /** The package, for "graduation-package"; none for "pena". */
  readonly package?: GraduationPackageDesign;
  readonly eligibility: Eligibility;
  /** Month of the offer, "YYYY-MM" (after April 2022: the baseline is the month before, and runs start in March 2022). */
  readonly offerMonth: string;
  /** Share of the eligible households assigned to treatment, in (0, 1). */
  readonly treatmentShare: number;
  /** Months after the offer at which outcomes are measured (increasing whole numbers ≥ 1). */
  readonly horizons: readonly number[];
  /** Published effects to compare the results with: a CSV under data/evidence (./published.ts). */
  readonly published?: string;
  /** The path the effects should follow over the horizons: a CSV under data/evidence (./paths.ts). */
  readonly paths?: string;
}

export const PENA_2023: TrialDesign = {
  id: 'pena-2023',
  label: {
    en: 'PENA offered in January 2023 to half of its target families, outside its yearly places',
    id: 'PENA ditawarkan pada Januari 2023 kepada separuh keluarga sasarannya, di luar kuota tahunan',
  },
  programme: 'pena',
  eligibility: PENA_FAMILIES,
  offerMonth: '2023-01',
  treatmentShare: 0.5,
  horizons: [12, 24, 36],
};

export const BRAC_LIKE: TrialDesign = {
  id: 'brac-like',
  label: {
    en: "A BRAC-like graduation package (livestock, training, coaching, stipend) offered in January 2023 to half of the extremely poor, seven years' follow-up",
    id: 'Paket graduasi ala BRAC (ternak, pelatihan, pendampingan, uang saku) ditawarkan pada Januari 2023 kepada separuh rumah tangga miskin ekstrem, diikuti tujuh tahun',
  },
  programme: 'graduation-package',
  package: BRAC_LIKE_PACKAGE,
  eligibility: EXTREME_POOR_WORKING_AGE,
  offerMonth: '2023-01',
  treatmentShare: 0.5,
  // Seven years, as the Bangladesh trial was followed (surveys 2007–2014, AEARCTR-0002231).
  horizons: [12, 24, 36, 48, 84],
  published: 'data/evidence/brac-tup.csv',
  paths: 'data/evidence/brac-tup-paths.csv',
};

/** The built-in designs, by id. */
export const TRIAL_DESIGNS: readonly TrialDesign[] = [PENA_2023, BRAC_LIKE];

/** The built-in design `id`; throws naming the designs there are. */
export function trialDesign(id: string): TrialDesign {
  const design = TRIAL_DESIGNS.find((d) => d.id === id);
  if (!design) throw new Error(`unknown trial design "${id}" (expected one of ${TRIAL_DESIGNS.map((d) => d.id).join(', ')})`);
  return design;
}

/** What the treatment arm receives, per household, Rp: PENA's capital, or the package's capital, training and stipend. */
export function costPerHousehold(design: TrialDesign, penaCapital: number): number {
  const p = design.package;
  return p === undefined ? penaCapital : p.capital + p.trainingCost + p.stipend * p.stipendMonths;
}
