/**
 * Indicators: what a month looks like, as tidy rows.
 *
 * A reporter reads the world after the month's processes have run and returns rows of
 * { indicator, group, value }; the model never sees them. Poverty follows BPS and Foster–Greer–
 * Thorbecke: over persons (household weight × size), with y = consumption per person and z the line,
 *   P0 = share of persons with y < z,  P1 = mean of (1 − y/z) over the poor (0 for others),
 *   P2 = mean of (1 − y/z)² — at the extreme line and at the national line.
 * Coverage counts households (KPM). Targeting errors of a programme are judged against poverty at
 * the national line: inclusion error = share of recipient households that are not poor; exclusion
 * error = share of poor households that do not receive it. The registry's are judged against its
 * own target, the bottom 40 % of households.
 * Groups: "national" and "province:<name>"; flows also "area:urban|rural", "head_age:under_40|40_59|60_plus",
 * "head_sex:male|female".
 */
import { BLT_BBM, BPNT, FEMALE_HEAD, IN_REGISTRY, PKH, URBAN } from '../model/households';
import { ENTERED_EXTREME, PHASES, RECOVERY } from '../model/phases';
import type { IndicatorRow, Reporter } from '../model/observation';
import { PROGRAMMES, SERVICES } from '../model/world';
import type { ProgrammeId, ServiceId } from '../model/world';
import { FLOW_GROUPS, REASONS, headAgeGroup } from '../model/reasons';
import { welfareQuantile } from '../model/welfare';

/** What each indicator means, in English (`label`) and Bahasa Indonesia (`label_id`), and its unit. */
export const INDICATORS = {
  households: { unit: 'households', label: 'Households', label_id: 'Rumah tangga' },
  persons: { unit: 'persons', label: 'Persons', label_id: 'Penduduk' },
  p0_extreme: { unit: 'share of persons', label: 'Extreme poverty rate (P0, USD 1.90 PPP line)', label_id: 'Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP)' },
  p1_extreme: { unit: 'index', label: 'Extreme poverty gap (P1)', label_id: 'Indeks kedalaman kemiskinan ekstrem (P1)' },
  p2_extreme: { unit: 'index', label: 'Extreme poverty severity (P2)', label_id: 'Indeks keparahan kemiskinan ekstrem (P2)' },
  poor_extreme: { unit: 'persons', label: 'Persons in extreme poverty', label_id: 'Penduduk miskin ekstrem' },
  p0_national: { unit: 'share of persons', label: 'Poverty rate (P0, BPS national line)', label_id: 'Tingkat kemiskinan (P0, garis kemiskinan nasional BPS)' },
  p1_national: { unit: 'index', label: 'Poverty gap (P1, national line)', label_id: 'Indeks kedalaman kemiskinan (P1, garis nasional)' },
  p2_national: { unit: 'index', label: 'Poverty severity (P2, national line)', label_id: 'Indeks keparahan kemiskinan (P2, garis nasional)' },
  poor_national: { unit: 'persons', label: 'Persons below the national line', label_id: 'Penduduk di bawah garis kemiskinan nasional' },
  consumption_mean: { unit: 'Rp per person per month', label: 'Mean consumption per person', label_id: 'Rata-rata pengeluaran per kapita' },
  registry_households: { unit: 'households', label: 'Households in the registry (DTKS)', label_id: 'Rumah tangga dalam DTKS' },
  registry_inclusion_error: { unit: 'share of registry households', label: 'Registry inclusion error (not in the bottom 40 %)', label_id: 'Kesalahan inklusi DTKS (bukan 40 % terbawah)' },
  registry_exclusion_error: { unit: 'share of bottom-40 % households', label: 'Registry exclusion error (bottom 40 % not listed)', label_id: 'Kesalahan eksklusi DTKS (40 % terbawah yang tidak terdaftar)' },
  pkh_households: { unit: 'households', label: 'PKH families (KPM)', label_id: 'Keluarga penerima PKH (KPM)' },
  pkh_coverage: { unit: 'share of households', label: 'PKH coverage', label_id: 'Cakupan PKH' },
  pkh_inclusion_error: { unit: 'share of recipient households', label: 'PKH inclusion error (recipients not poor)', label_id: 'Kesalahan inklusi PKH (penerima tidak miskin)' },
  pkh_exclusion_error: { unit: 'share of poor households', label: 'PKH exclusion error (poor not reached)', label_id: 'Kesalahan eksklusi PKH (rumah tangga miskin tidak terjangkau)' },
  pkh_spend: { unit: 'Rp per month', label: 'PKH spending', label_id: 'Belanja PKH' },
  bpnt_households: { unit: 'households', label: 'BPNT / Sembako families (KPM)', label_id: 'Keluarga penerima BPNT / Sembako (KPM)' },
  bpnt_coverage: { unit: 'share of households', label: 'BPNT coverage', label_id: 'Cakupan BPNT' },
  bpnt_inclusion_error: { unit: 'share of recipient households', label: 'BPNT inclusion error (recipients not poor)', label_id: 'Kesalahan inklusi BPNT (penerima tidak miskin)' },
  bpnt_exclusion_error: { unit: 'share of poor households', label: 'BPNT exclusion error (poor not reached)', label_id: 'Kesalahan eksklusi BPNT (rumah tangga miskin tidak terjangkau)' },
  bpnt_spend: { unit: 'Rp per month', label: 'BPNT spending', label_id: 'Belanja BPNT' },
  blt_bbm_households: { unit: 'households', label: 'BLT BBM families', label_id: 'Keluarga penerima BLT BBM' },
  blt_bbm_coverage: { unit: 'share of households', label: 'BLT BBM coverage', label_id: 'Cakupan BLT BBM' },
  blt_bbm_spend: { unit: 'Rp per month', label: 'BLT BBM spending', label_id: 'Belanja BLT BBM' },
  phase_none: { unit: 'households', label: 'Outside the pathway (no assistance)', label_id: 'Di luar jalur graduasi (tanpa bantuan)' },
  phase_assistance: { unit: 'households', label: 'Assistance only (PKH / BPNT)', label_id: 'Hanya bantuan sosial (PKH / BPNT)' },
  phase_recovery: { unit: 'households', label: 'Pemulihan sosial (social recovery)', label_id: 'Pemulihan sosial' },
  phase_transition: { unit: 'households', label: 'Transisi (transition)', label_id: 'Transisi' },
  phase_development: { unit: 'households', label: 'Pengembangan (development)', label_id: 'Pengembangan' },
  phase_graduated: { unit: 'households', label: 'Graduated (graduasi sejahtera mandiri)', label_id: 'Graduasi (graduasi sejahtera mandiri)' },
  business_households: { unit: 'households', label: 'Households running a business', label_id: 'Rumah tangga yang menjalankan usaha' },
  lifted_above_extreme: { unit: 'persons', label: 'Persons on the pathway who entered extremely poor and are now above the extreme line', label_id: 'Penduduk dalam jalur graduasi yang masuk dalam keadaan miskin ekstrem dan kini berada di atas garis kemiskinan ekstrem' },
  atensi_spend: { unit: 'Rp per month', label: 'ATENSI rehabilitation spending', label_id: 'Belanja rehabilitasi ATENSI' },
  rst_spend: { unit: 'Rp per month', label: 'RST housing spending', label_id: 'Belanja rumah RST' },
  skills_spend: { unit: 'Rp per month', label: 'Skills training spending', label_id: 'Belanja pelatihan keterampilan' },
  pena_spend: { unit: 'Rp per month', label: 'PENA capital spending', label_id: 'Belanja modal PENA' },
  prokus_spend: { unit: 'Rp per month', label: 'PROKUS grant spending', label_id: 'Belanja bantuan PROKUS' },
  community_spend: { unit: 'Rp per month', label: 'Community programme spending (KAT, Karang Taruna, LKS)', label_id: 'Belanja program komunitas (KAT, Karang Taruna, LKS)' },
  queue_facilitator: { unit: 'households', label: 'Waiting for a facilitator (eligible for pemulihan sosial)', label_id: 'Menunggu pendamping (layak masuk pemulihan sosial)' },
  queue_atensi: { unit: 'households', label: 'Waiting for an ATENSI place', label_id: 'Menunggu tempat ATENSI' },
  queue_rst: { unit: 'households', label: 'Waiting for an RST house', label_id: 'Menunggu rumah RST' },
  queue_skills: { unit: 'households', label: 'Waiting for skills training', label_id: 'Menunggu pelatihan keterampilan' },
  queue_pena: { unit: 'households', label: 'Waiting for PENA capital', label_id: 'Menunggu modal PENA' },
  queue_prokus: { unit: 'households', label: 'Waiting for a PROKUS grant', label_id: 'Menunggu bantuan PROKUS' },
  blocked_no_working_age_member: { unit: 'households', label: 'In pemulihan sosial, cannot move on: no working-age member', label_id: 'Dalam pemulihan sosial, tidak dapat melanjutkan: tidak ada anggota usia kerja' },
  blocked_awaiting_rehabilitation: { unit: 'households', label: 'In pemulihan sosial, cannot move on yet: awaiting or failed rehabilitation', label_id: 'Dalam pemulihan sosial, belum dapat melanjutkan: menunggu atau gagal rehabilitasi' },
  empowerment_spend_to_date: { unit: 'Rp', label: 'Empowerment spending since the start of the run', label_id: 'Belanja pemberdayaan sejak awal simulasi' },
  graduations_to_date: { unit: 'households', label: 'Graduations since the start of the run', label_id: 'Graduasi sejak awal simulasi' },
  cost_per_graduate: { unit: 'Rp per household', label: 'Empowerment spending to date per graduation to date', label_id: 'Belanja pemberdayaan kumulatif per graduasi kumulatif' },
  cost_per_person_lifted: { unit: 'Rp per person', label: 'Empowerment spending to date per person lifted above the extreme line', label_id: 'Belanja pemberdayaan kumulatif per orang yang terangkat di atas garis kemiskinan ekstrem' },
  cpi: { unit: 'index, start month = 1', label: 'Consumer price index', label_id: 'Indeks harga konsumen' },
  line_extreme: { unit: 'Rp per person per month', label: 'Extreme-poverty line', label_id: 'Garis kemiskinan ekstrem' },
  line_national: { unit: 'Rp per person per month', label: 'National poverty line', label_id: 'Garis kemiskinan nasional' },
  flow: { unit: 'households per month', label: 'Households moved for a reason: indicator "flow.<reason>" (REASONS), nationally and by urban/rural, age group and sex of the head', label_id: 'Rumah tangga yang berpindah karena suatu alasan: indikator "flow.<alasan>" (REASONS), nasional dan menurut perkotaan/perdesaan, kelompok umur dan jenis kelamin kepala rumah tangga' },
} as const;

export type Indicator = keyof typeof INDICATORS;

// Accumulators of a cell (province × urban/rural × age group of the head × sex of the head), in this order.
const HH = 0, PERSONS = 1, E0 = 2, E1 = 3, E2 = 4, N0 = 5, N1 = 6, N2 = 7;
const REG = 8, REG_IN = 9, BOTTOM = 10, BOTTOM_OUT = 11, POOR_HH = 12;
const PKH_HH = 13, PKH_NONPOOR = 14, PKH_POOR_OUT = 15, BPNT_HH = 16, BPNT_NONPOOR = 17, BPNT_POOR_OUT = 18, BLT_HH = 19;
const PHASE0 = 20; // PHASES.length slots: households in each phase
const BUSINESS = PHASE0 + PHASES.length, LIFTED = BUSINESS + 1, CONSUMPTION = LIFTED + 1;
const SLOTS = CONSUMPTION + 1;

/** Groups beyond provinces, with the cells (area 0 rural / 1 urban, age group 0–2, sex 0 male / 1 female) they hold. */
const GROUPS: ReadonlyArray<readonly [string, (area: number, age: number, sex: number) => boolean]> = [
  ['area:urban', (area) => area === 1],
  ['area:rural', (area) => area === 0],
  ['head_age:under_40', (_, age) => age === 0],
  ['head_age:40_59', (_, age) => age === 1],
  ['head_age:60_plus', (_, age) => age === 2],
  ['head_sex:male', (_, __, sex) => sex === 0],
  ['head_sex:female', (_, __, sex) => sex === 1],
];
const CELLS_PER_PROVINCE = 2 * 3 * 2;

/**
 * The standard indicators: nationally, by province, by urban/rural, by age group and by sex of the
 * head (money by province only: spending is not split by household group).
 */
export const standardIndicators: Reporter = (world, ctx, provinceNames) => {
  const h = world.households;
  const provinces = world.provinceCount;
  const cells = new Float64Array(provinces * CELLS_PER_PROVINCE * SLOTS);
  const zE = ctx.extremeLine;
  const zN = ctx.nationalLine;
  const bottom = welfareQuantile(world.welfare, ctx.params.policy.registry.eligible_share);
  const { weight, size, consumption, programmes, province, flags, headAge, phase, business, history } = h;
  for (let i = 0, n = h.count; i < n; i++) {
    const f = flags[i];
    const cell = ((province[i] * 2 + ((f & URBAN) !== 0 ? 1 : 0)) * 3 + headAgeGroup(headAge[i])) * 2 + ((f & FEMALE_HEAD) !== 0 ? 1 : 0);
    const o = cell * SLOTS;
    const w = weight[i];
    const wp = w * size[i];
    const y = consumption[i];
    const status = programmes[i];
    cells[o + HH] += w;
    cells[o + PERSONS] += wp;
    cells[o + CONSUMPTION] += wp * y;
    if (y < zE) {
      const g = 1 - y / zE;
      cells[o + E0] += wp;
      cells[o + E1] += wp * g;
      cells[o + E2] += wp * g * g;
    } else if ((history[i] & ENTERED_EXTREME) !== 0 && phase[i] >= RECOVERY) cells[o + LIFTED] += wp;
    const poor = y < zN;
    if (poor) {
      const g = 1 - y / zN;
      cells[o + N0] += wp;
      cells[o + N1] += wp * g;
      cells[o + N2] += wp * g * g;
      cells[o + POOR_HH] += w;
    }
    const listed = (status & IN_REGISTRY) !== 0;
    if (listed) cells[o + REG] += w;
    if (y < bottom) {
      cells[o + BOTTOM] += w;
      if (!listed) cells[o + BOTTOM_OUT] += w;
    } else if (listed) cells[o + REG_IN] += w;
    if ((status & PKH) !== 0) {
      cells[o + PKH_HH] += w;
      if (!poor) cells[o + PKH_NONPOOR] += w;
    } else if (poor) cells[o + PKH_POOR_OUT] += w;
    if ((status & BPNT) !== 0) {
      cells[o + BPNT_HH] += w;
      if (!poor) cells[o + BPNT_NONPOOR] += w;
    } else if (poor) cells[o + BPNT_POOR_OUT] += w;
    if ((status & BLT_BBM) !== 0) cells[o + BLT_HH] += w;
    cells[o + PHASE0 + phase[i]] += w;
    if (business[i] !== 0) cells[o + BUSINESS] += w;
  }

  /** Sum of the cells for which `keep(province, area, age, sex)` holds. */
  const sum = (keep: (province: number, area: number, age: number, sex: number) => boolean): Float64Array => {
    const acc = new Float64Array(SLOTS);
    for (let c = 0; c < provinces * CELLS_PER_PROVINCE; c++) {
      const sex = c % 2, age = Math.floor(c / 2) % 3, area = Math.floor(c / 6) % 2, r = Math.floor(c / 12);
      if (!keep(r, area, age, sex)) continue;
      for (let k = 0; k < SLOTS; k++) acc[k] += cells[c * SLOTS + k];
    }
    return acc;
  };

  const rows: IndicatorRow[] = [];
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const describe = (acc: Float64Array, group: string, spend: ((id: ProgrammeId | ServiceId) => number) | null) => {
    const hh = acc[HH];
    const persons = acc[PERSONS];
    rows.push(
      { indicator: 'households', group, value: hh },
      { indicator: 'persons', group, value: persons },
      { indicator: 'p0_extreme', group, value: ratio(acc[E0], persons) },
      { indicator: 'p1_extreme', group, value: ratio(acc[E1], persons) },
      { indicator: 'p2_extreme', group, value: ratio(acc[E2], persons) },
      { indicator: 'poor_extreme', group, value: acc[E0] },
      { indicator: 'p0_national', group, value: ratio(acc[N0], persons) },
      { indicator: 'p1_national', group, value: ratio(acc[N1], persons) },
      { indicator: 'p2_national', group, value: ratio(acc[N2], persons) },
      { indicator: 'poor_national', group, value: acc[N0] },
      { indicator: 'consumption_mean', group, value: ratio(acc[CONSUMPTION], persons) },
      { indicator: 'registry_households', group, value: acc[REG] },
      { indicator: 'registry_inclusion_error', group, value: ratio(acc[REG_IN], acc[REG]) },
      { indicator: 'registry_exclusion_error', group, value: ratio(acc[BOTTOM_OUT], acc[BOTTOM]) },
      { indicator: 'pkh_households', group, value: acc[PKH_HH] },
      { indicator: 'pkh_coverage', group, value: ratio(acc[PKH_HH], hh) },
      { indicator: 'pkh_inclusion_error', group, value: ratio(acc[PKH_NONPOOR], acc[PKH_HH]) },
      { indicator: 'pkh_exclusion_error', group, value: ratio(acc[PKH_POOR_OUT], acc[POOR_HH]) },
      { indicator: 'bpnt_households', group, value: acc[BPNT_HH] },
      { indicator: 'bpnt_coverage', group, value: ratio(acc[BPNT_HH], hh) },
      { indicator: 'bpnt_inclusion_error', group, value: ratio(acc[BPNT_NONPOOR], acc[BPNT_HH]) },
      { indicator: 'bpnt_exclusion_error', group, value: ratio(acc[BPNT_POOR_OUT], acc[POOR_HH]) },
      { indicator: 'blt_bbm_households', group, value: acc[BLT_HH] },
      { indicator: 'blt_bbm_coverage', group, value: ratio(acc[BLT_HH], hh) },
      ...PHASES.map((name, k) => ({ indicator: `phase_${name}`, group, value: acc[PHASE0 + k] })),
      { indicator: 'business_households', group, value: acc[BUSINESS] },
      { indicator: 'lifted_above_extreme', group, value: acc[LIFTED] },
    );
    if (spend) for (const id of [...PROGRAMMES, ...SERVICES]) rows.push({ indicator: `${id}_spend`, group, value: spend(id) });
  };
  const monthly = (id: ProgrammeId | ServiceId) => (id in world.books ? world.books[id as ProgrammeId] : world.services[id as ServiceId]);
  const national = sum(() => true);
  describe(national, 'national', (id) => monthly(id).spentThisMonth);
  const t = world.totals;
  rows.push(
    { indicator: 'cpi', group: 'national', value: ctx.cpi },
    { indicator: 'line_extreme', group: 'national', value: zE },
    { indicator: 'line_national', group: 'national', value: zN },
    { indicator: 'queue_facilitator', group: 'national', value: world.facilitatorQueue },
    ...(['atensi', 'rst', 'skills', 'pena', 'prokus'] as const).map((id) => ({ indicator: `queue_${id}`, group: 'national', value: world.services[id].queue })),
    { indicator: 'blocked_no_working_age_member', group: 'national', value: world.blocked.noWorkingAgeMember },
    { indicator: 'blocked_awaiting_rehabilitation', group: 'national', value: world.blocked.awaitingRehabilitation },
    { indicator: 'empowerment_spend_to_date', group: 'national', value: t.spent },
    { indicator: 'graduations_to_date', group: 'national', value: t.graduations },
    { indicator: 'cost_per_graduate', group: 'national', value: ratio(t.spent, t.graduations) },
    { indicator: 'cost_per_person_lifted', group: 'national', value: ratio(t.spent, national[LIFTED]) },
  );
  REASONS.forEach((reason, k) =>
    FLOW_GROUPS.forEach((group, g) => rows.push({ indicator: `flow.${reason}`, group, value: ctx.flows[k * FLOW_GROUPS.length + g] })),
  );
  for (let r = 0; r < provinces; r++) describe(sum((province) => province === r), `province:${provinceNames[r]}`, (id) => monthly(id).spentByProvince[r]);
  for (const [group, keep] of GROUPS) describe(sum((_, area, age, sex) => keep(area, age, sex)), group, null);
  return rows;
};
