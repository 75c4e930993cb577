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
 * Groups: "national", and each value of each dimension of ../model/groups.ts ("province:<name>",
 * "area:urban|rural", "head_age:under_40|40_59|60_plus", "head_sex:male|female"); money by province
 * only (spending is not split by household group); flows by the flow groups.
 *
 * Each indicator is declared as data: { id, unit, label, scope, accumulate, finish }. `accumulate`
 * names a tally — sums over the households of each cell (one cell per combination of the
 * dimensions' values), shared by the indicators that read it — and `finish` turns a group's sums
 * into the value. Programmes and services bring their own indicators through the registry. Tallies
 * run over blocks of households that stay in cache, so many small passes cost about one.
 */
import { IN_REGISTRY, sharedArray } from '../model/households';
import type { Households } from '../model/households';
import { ASSISTANCE, ENTERED_EXTREME, GRADUATED, PHASES, RECOVERY } from '../model/phases';
import type { IndicatorRow, Reporter } from '../model/observation';
import type { MonthContext, Programme, Registry, Regrouped, Service, World } from '../model/world';
import type { Words } from '../lang/index';
import { BUILTIN_REGISTRY } from '../model/builtin';
import { DIMENSIONS, FLOW_GROUPS, NATIONAL, groupsOf } from '../model/groups';
import { GRADUATION_KINDS } from '../model/graduation';
import { welfareQuantile } from '../model/welfare';
import { overHouseholds } from '../model/threads';
import type { HouseholdView, RangeOut, RangeWork } from '../model/threads';

/** The units indicators are measured in (charts/labels.ts says each in words). */
export const INDICATOR_UNITS = [
  'households',
  'persons',
  'share of persons',
  'index',
  'Rp per person per month',
  'share of registry households',
  'share of bottom-40 % households',
  'share of households',
  'share of recipient households',
  'share of poor households',
  'Rp per month',
  'Rp',
  'index, start month = 1',
  'households per month',
] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** What the tallies of a month share: the lines and the registry's target. */
export interface MonthLines {
  /** Extreme and national poverty lines, Rp per person per month. */
  readonly extreme: number;
  readonly national: number;
  /** Consumption per person below which a household is in the registry's target (the bottom 40 %). */
  readonly bottom: number;
}

/**
 * Sums over households, by cell. `add` adds every household: household i's sums start at
 * `sums[cell[i] × stride + offset]`, its slots in the order of `slots`.
 */
export interface Tally {
  readonly id: string;
  readonly slots: readonly string[];
  add(world: World, ctx: MonthContext, lines: MonthLines, cell: Uint16Array, stride: number, sums: Float64Array, offset: number): void;
}

/** What `finish` may read: the group's sums of any tally slot ("tally.slot"), the world and the month; the province of a money row. */
export interface GroupValues {
  sum(slot: string): number;
  readonly world: World;
  readonly ctx: MonthContext;
  /** The province index of a "province:<name>" row, or null for the nation. */
  readonly province: number | null;
}

/**
 * An indicator. `scope`: 'groups' — nationally and for every group; 'provinces' — nationally and by
 * province (money); 'national' — the nation only (prices, lines, queues, totals).
 */
export interface Indicator {
  readonly id: string;
  readonly unit: IndicatorUnit;
  readonly label: Words;
  readonly scope: 'groups' | 'provinces' | 'national';
  /** The tallies it reads. */
  readonly accumulate: readonly Tally[];
  finish(v: GroupValues): number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

// Tallies of the households.

/**
 * What every household adds to its cell: households and persons, consumption, poverty
 * at both lines (P0, P1, P2 sums, poor households), the registry against its target (the bottom
 * 40 %), the pathway's phases, businesses, persons lifted above the extreme line, the families on
 * the pathway extremely poor by registry score and those of them in the empowerment phases; and, for each
 * programme of the registry, its families, those not poor and the poor it does not reach. A first
 * pass adds what every household adds and lists the households with a registry status; a second adds
 * what only those can (the registry, the programmes) from the list.
 */
function householdTally(registry: Registry): Tally {
  const base = [
    'households', 'persons', 'consumption',
    'extreme_p0', 'extreme_p1', 'extreme_p2',
    'national_p0', 'national_p1', 'national_p2', 'poor_households',
    'listed', 'listed_not_bottom', 'bottom', 'bottom_not_listed',
    ...PHASES.map((phase) => `phase_${phase}`),
    'business', 'lifted', 'registry_extreme', 'registry_extreme_on_pathway',
  ];
  const first = base.length;
  // The first slot of each programme, by its status bit's position (−1: the bit is no programme's).
  const slotByBit = new Int32Array(32).fill(-1);
  registry.programmes.forEach((p, k) => (slotByBit[31 - Math.clz32(registry.status[p.id])] = first + 3 * k));
  const programmeBits = registry.programmes.reduce((all, p) => all | registry.status[p.id], 0);
  return {
    id: 'household',
    slots: [...base, ...registry.programmes.flatMap((p) => [`${p.id}.families`, `${p.id}.not_poor`, `${p.id}.poor_not_reached`])],
    add(world, ctx, lines, cell, stride, sums, offset) {
      const kernel = { module: import.meta.url, name: 'householdWeights' };
      const helpers = world.threads.helpers.length;
      if (helpers === 0) {
        overHouseholds(world, ctx, kernel, householdWeights, { lines, cell, stride, offset, slotByBit, programmeBits, withMoney: true }, { sums });
      } else {
        // The sums of weights (exact in any order) are split over the run's threads; the calling thread
        // adds the sums in rupiah of every household first, in household order, about a third of the
        // work, then takes chunks of the rest while any are left.
        const terms: HouseholdWeightTerms = { lines, cell, stride, offset, slotByBit, programmeBits, withMoney: false };
        overHouseholds(world, ctx, kernel, householdWeights, terms, { before: () => addHouseholdMoney(world, terms, sums), sums });
      }
      // Registry households not in the bottom and the bottom not in the registry, and a programme's
      // families not poor and the poor it does not reach, by difference: a Float64 sum of Float32
      // weights is exact (while a cell's weight stays under 2^29 times its smallest), so the
      // difference is the sum it stands for, to the bit.
      for (let cellStart = offset; cellStart < sums.length; cellStart += stride) {
        const listedBottom = sums[cellStart + 13];
        sums[cellStart + 11] = sums[cellStart + 10] - listedBottom;
        sums[cellStart + 13] = sums[cellStart + 12] - listedBottom;
        for (let slot = cellStart + first, end = cellStart + first + 3 * registry.programmes.length; slot < end; slot += 3) {
          const poorFamilies = sums[slot + 1];
          sums[slot + 1] = sums[slot] - poorFamilies;
          sums[slot + 2] = sums[cellStart + 9] - poorFamilies;
        }
      }
    },
  };
}

/** What the household tally's passes read: the lines, each household's cell, where its sums go, the programmes' slots. */
interface HouseholdWeightTerms {
  readonly lines: MonthLines;
  readonly cell: Uint16Array;
  readonly stride: number;
  readonly offset: number;
  /** The first slot of each programme, by its status bit's position (−1: the bit is no programme's). */
  readonly slotByBit: Int32Array;
  readonly programmeBits: number;
  /** Whether the kernel adds the sums in rupiah too (the run has one thread: one pass does all). */
  readonly withMoney: boolean;
}

/**
 * The household tally's sums in rupiah, every household in household order: consumption and the
 * poverty gaps at both lines (slots 2, 4, 5, 7 and 8).
 */
function addHouseholdMoney(world: World, terms: HouseholdWeightTerms, sums: Float64Array): void {
  const { weight, size, consumption } = world.households;
  const { cell, stride, offset } = terms;
  const { extreme: zE, national: zN } = terms.lines;
  for (let i = 0, n = world.households.count; i < n; i++) addMoney(sums, cell[i] * stride + offset, weight[i] * size[i], consumption[i], zE, zN);
}

/** What a household of `wp` persons (weighted) consuming `y` adds to the sums in rupiah of its cell (from `o`). */
function addMoney(sums: Float64Array, o: number, wp: number, y: number, zE: number, zN: number): void {
  sums[o + 2] += wp * y;
  if (y < zE) {
    const g = 1 - y / zE;
    sums[o + 4] += wp * g;
    sums[o + 5] += wp * g * g;
  }
  if (y < zN) {
    const g = 1 - y / zN;
    sums[o + 7] += wp * g;
    sums[o + 8] += wp * g * g;
  }
}

/**
 * The household tally's sums of weights and persons (a Float64 sum of Float32 weights, times a
 * household size, is exact: the same in any order) of households lo ≤ i < hi, and `withMoney` its
 * sums in rupiah too (which must be added in household order: on one thread). Pass 1, every
 * household: what all of them add; the households with a registry status are listed (branch-free)
 * in World.visiting from lo on. Pass 2, the households listed: those in the registry and those of
 * them in the bottom (held in the bottom-not-listed slot until the tally ends), and each programme's
 * families and those of them poor (held in the not-poor slot).
 */
export function householdWeights(view: HouseholdView): RangeWork<HouseholdWeightTerms> {
  const w = view;
  return (terms: HouseholdWeightTerms, lo: number, hi: number, out: RangeOut): void => {
    const { weight, size, consumption, programmes: status, phase, business, history, registryScore } = w.households;
    const { cell, stride, offset, slotByBit, programmeBits, withMoney } = terms;
    const { extreme: zE, national: zN, bottom } = terms.lines;
    const sums = out.sums;
    const listed = w.visiting.households;
    let count = lo;
    for (let i = lo; i < hi; i++) {
      const o = cell[i] * stride + offset;
      const wt = weight[i];
      const wp = wt * size[i];
      const y = consumption[i];
      const p = phase[i];
      sums[o] += wt;
      sums[o + 1] += wp;
      if (withMoney) addMoney(sums, o, wp, y, zE, zN);
      if (y < zE) sums[o + 3] += wp;
      else if ((history[i] & ENTERED_EXTREME) !== 0 && p >= RECOVERY) sums[o + 21] += wp;
      if (y < zN) {
        sums[o + 6] += wp;
        sums[o + 9] += wt;
      }
      sums[o + 12] += wt * +(y < bottom);
      sums[o + 14 + p] += wt;
      if (business[i] !== 0) sums[o + 20] += wt;
      if (registryScore[i] < zE && p >= ASSISTANCE && p < GRADUATED) {
        sums[o + 22] += wt;
        if (p >= RECOVERY) sums[o + 23] += wt;
      }
      listed[count] = i;
      count += (status[i] + 0xffff) >>> 16;
    }
    for (let k = lo; k < count; k++) {
      const i = listed[k];
      const o = cell[i] * stride + offset;
      const wt = weight[i];
      const y = consumption[i];
      const inRegistry = +((status[i] & IN_REGISTRY) !== 0);
      sums[o + 10] += wt * inRegistry;
      sums[o + 13] += wt * (inRegistry & +(y < bottom));
      const poorWeight = wt * +(y < zN);
      for (let m = status[i] & programmeBits; m !== 0; m &= m - 1) {
        const slot = o + slotByBit[31 - Math.clz32(m & -m)];
        sums[slot] += wt;
        sums[slot + 1] += poorWeight;
      }
    }
  };
}

// The indicators.

const group = (id: string, unit: IndicatorUnit, label: Words, accumulate: readonly Tally[], finish: (v: GroupValues) => number): Indicator => ({ id, unit, label, scope: 'groups', accumulate, finish });
const national = (id: string, unit: IndicatorUnit, label: Words, finish: (v: GroupValues) => number): Indicator => ({ id, unit, label, scope: 'national', accumulate: [], finish });

/** Poverty and the registry, from the household tally `t`. */
const povertyIndicators = (t: Tally): Indicator[] => [
  group('households', 'households', { en: 'Households', id: 'Rumah tangga' }, [t], (v) => v.sum('household.households')),
  group('persons', 'persons', { en: 'Persons', id: 'Penduduk' }, [t], (v) => v.sum('household.persons')),
  group('p0_extreme', 'share of persons', { en: 'Extreme poverty rate (P0, USD 1.90 PPP line)', id: 'Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP)' }, [t], (v) => ratio(v.sum('household.extreme_p0'), v.sum('household.persons'))),
  group('p1_extreme', 'index', { en: 'Extreme poverty gap (P1)', id: 'Indeks kedalaman kemiskinan ekstrem (P1)' }, [t], (v) => ratio(v.sum('household.extreme_p1'), v.sum('household.persons'))),
  group('p2_extreme', 'index', { en: 'Extreme poverty severity (P2)', id: 'Indeks keparahan kemiskinan ekstrem (P2)' }, [t], (v) => ratio(v.sum('household.extreme_p2'), v.sum('household.persons'))),
  group('poor_extreme', 'persons', { en: 'Persons in extreme poverty', id: 'Penduduk miskin ekstrem' }, [t], (v) => v.sum('household.extreme_p0')),
  group('p0_national', 'share of persons', { en: 'Poverty rate (P0, BPS national line)', id: 'Tingkat kemiskinan (P0, garis kemiskinan nasional BPS)' }, [t], (v) => ratio(v.sum('household.national_p0'), v.sum('household.persons'))),
  group('p1_national', 'index', { en: 'Poverty gap (P1, national line)', id: 'Indeks kedalaman kemiskinan (P1, garis nasional)' }, [t], (v) => ratio(v.sum('household.national_p1'), v.sum('household.persons'))),
  group('p2_national', 'index', { en: 'Poverty severity (P2, national line)', id: 'Indeks keparahan kemiskinan (P2, garis nasional)' }, [t], (v) => ratio(v.sum('household.national_p2'), v.sum('household.persons'))),
  group('poor_national', 'persons', { en: 'Persons below the national line', id: 'Penduduk di bawah garis kemiskinan nasional' }, [t], (v) => v.sum('household.national_p0')),
  group('consumption_mean', 'Rp per person per month', { en: 'Mean consumption per person', id: 'Rata-rata pengeluaran per kapita' }, [t], (v) => ratio(v.sum('household.consumption'), v.sum('household.persons'))),
  group('registry_households', 'households', { en: 'Households in the registry (DTKS)', id: 'Rumah tangga dalam DTKS' }, [t], (v) => v.sum('household.listed')),
  group('registry_inclusion_error', 'share of registry households', { en: 'Registry inclusion error (not in the bottom 40 %)', id: 'Kesalahan inklusi DTKS (bukan 40 % terbawah)' }, [t], (v) => ratio(v.sum('household.listed_not_bottom'), v.sum('household.listed'))),
  group('registry_exclusion_error', 'share of bottom-40 % households', { en: 'Registry exclusion error (bottom 40 % not listed)', id: 'Kesalahan eksklusi DTKS (40 % terbawah yang tidak terdaftar)' }, [t], (v) => ratio(v.sum('household.bottom_not_listed'), v.sum('household.bottom'))),
];

/** A programme's indicators: families, coverage, targeting errors (when it declares them) and spending, from the household tally `t`. */
function programmeIndicators(p: Programme, t: Tally): Indicator[] {
  const { en, id } = p.name;
  const families = `household.${p.id}.families`;
  const notPoor = `household.${p.id}.not_poor`;
  const poorNotReached = `household.${p.id}.poor_not_reached`;
  return [
    group(`${p.id}_households`, 'households', p.families, [t], (v) => v.sum(families)),
    group(`${p.id}_coverage`, 'share of households', { en: `${en} coverage`, id: `Cakupan ${id}` }, [t], (v) => ratio(v.sum(families), v.sum('household.households'))),
    ...(p.targeting
      ? [
          group(`${p.id}_inclusion_error`, 'share of recipient households', { en: `${en} inclusion error (recipients not poor)`, id: `Kesalahan inklusi ${id} (penerima tidak miskin)` }, [t], (v) =>
            ratio(v.sum(notPoor), v.sum(families)),
          ),
          group(`${p.id}_exclusion_error`, 'share of poor households', { en: `${en} exclusion error (poor not reached)`, id: `Kesalahan eksklusi ${id} (rumah tangga miskin tidak terjangkau)` }, [t], (v) =>
            ratio(v.sum(poorNotReached), v.sum('household.poor_households')),
          ),
        ]
      : []),
    national(`${p.id}_paid_households`, 'households', { en: `${en}: families paid this month`, id: `${id}: keluarga yang dibayar bulan ini` }, (v) => v.world.books[p.id].paidThisMonth),
    spendIndicator(p.id, { en: `${en} spending`, id: `Belanja ${id}` }, (world) => world.books[p.id]),
  ];
}

/** Money paid this month, nationally and by province. */
function spendIndicator(owner: string, label: Words, book: (world: World) => { spentThisMonth: number; spentByProvince: Float64Array }): Indicator {
  return {
    id: `${owner}_spend`,
    unit: 'Rp per month',
    label,
    scope: 'provinces',
    accumulate: [],
    finish: (v) => (v.province === null ? book(v.world).spentThisMonth : book(v.world).spentByProvince[v.province]),
  };
}

/** Phases, as the households-by-phase indicators name them. */
const PHASE_NAMES: { readonly [phase: string]: Words } = {
  none: { en: 'Outside the pathway (no assistance)', id: 'Di luar jalur graduasi (tanpa bantuan)' },
  assistance: { en: 'Assistance only (PKH / BPNT)', id: 'Hanya bantuan sosial (PKH / BPNT)' },
  recovery: { en: 'Pemulihan sosial (social recovery)', id: 'Pemulihan sosial' },
  transition: { en: 'Transisi (transition)', id: 'Transisi' },
  development: { en: 'Pengembangan (development)', id: 'Pengembangan' },
  graduated: { en: 'Graduated (graduasi sejahtera mandiri)', id: 'Graduasi (graduasi sejahtera mandiri)' },
};

/** The pathway's phases, businesses and persons lifted, from the household tally `t`. */
const pathwayIndicators = (t: Tally): Indicator[] => [
  ...PHASES.map((phase, k) =>
    group(`phase_${phase}`, 'households', PHASE_NAMES[phase], [t], (v) => v.sum(`household.phase_${PHASES[k]}`)),
  ),
  group('business_households', 'households', { en: 'Households running a business', id: 'Rumah tangga yang menjalankan usaha' }, [t], (v) => v.sum('household.business')),
  group('extreme_poor_on_pathway', 'share of households', { en: 'Families on assistance extremely poor by registry score: share in the empowerment phases', id: 'Keluarga penerima bantuan yang miskin ekstrem menurut skor DTKS: bagian dalam tahap pemberdayaan' }, [t], (v) =>
    ratio(v.sum('household.registry_extreme_on_pathway'), v.sum('household.registry_extreme')),
  ),
  group('lifted_above_extreme', 'persons', { en: 'Persons on the pathway who entered extremely poor and are now above the extreme line', id: 'Penduduk dalam jalur graduasi yang masuk dalam keadaan miskin ekstrem dan kini berada di atas garis kemiskinan ekstrem' }, [t], (v) => v.sum('household.lifted')),
];

const PRICES: readonly Indicator[] = [
  national('cpi', 'index, start month = 1', { en: 'Consumer price index', id: 'Indeks harga konsumen' }, (v) => v.ctx.cpi),
  national('line_extreme', 'Rp per person per month', { en: 'Extreme-poverty line', id: 'Garis kemiskinan ekstrem' }, (v) => v.ctx.extremeLine),
  national('line_national', 'Rp per person per month', { en: 'National poverty line', id: 'Garis kemiskinan nasional' }, (v) => v.ctx.nationalLine),
];

/** Who waits for a facilitator's place: in all, the extreme poor, the push's families. */
const QUEUE_FACILITATOR: readonly Indicator[] = [
  national('queue_facilitator', 'households', { en: 'Waiting for a facilitator (eligible for pemulihan sosial)', id: 'Menunggu pendamping (layak masuk pemulihan sosial)' }, (v) => v.world.facilitatorQueue.extremePoor + v.world.facilitatorQueue.pushed),
  national('queue_facilitator_extreme_poor', 'households', { en: 'Waiting for a facilitator: extremely poor by registry score', id: 'Menunggu pendamping: miskin ekstrem menurut skor DTKS' }, (v) => v.world.facilitatorQueue.extremePoor),
  national('queue_facilitator_push', 'households', { en: 'Waiting for a facilitator: PKH families of the under-40 push', id: 'Menunggu pendamping: keluarga PKH dorongan di bawah 40 tahun' }, (v) => v.world.facilitatorQueue.pushed),
];

/** A service's queue, when it has an intake. */
function queueIndicator(s: Service): Indicator[] {
  return s.indicators.queue === undefined ? [] : [national(`queue_${s.id}`, 'households', s.indicators.queue, (v) => v.world.services[s.id].queue)];
}

/** Blocks, spending and graduations to date. */
const OUTCOMES: readonly Indicator[] = [
  national('blocked_no_working_age_member', 'households', { en: 'In pemulihan sosial, cannot move on: no working-age member', id: 'Dalam pemulihan sosial, tidak dapat melanjutkan: tidak ada anggota usia kerja' }, (v) => v.world.blocked.noWorkingAgeMember),
  national('blocked_awaiting_rehabilitation', 'households', { en: 'In pemulihan sosial, cannot move on yet: awaiting or failed rehabilitation', id: 'Dalam pemulihan sosial, belum dapat melanjutkan: menunggu atau gagal rehabilitasi' }, (v) => v.world.blocked.awaitingRehabilitation),
  national('empowerment_spend_to_date', 'Rp', { en: 'Empowerment spending since the start of the run', id: 'Belanja pemberdayaan sejak awal simulasi' }, (v) => v.world.totals.spent),
  national('graduations_to_date', 'households', { en: 'Graduations of every kind since the start of the run', id: 'Graduasi semua jenis sejak awal simulasi' }, (v) => v.world.totals.graduations),
  national('graduations', 'households per month', { en: 'Graduations of every kind this month', id: 'Graduasi semua jenis bulan ini' }, graduationsThisMonth),
];

/** The month's graduations of every kind (../model/graduation.ts) the run's registry counts, nationally. */
function graduationsThisMonth(v: GroupValues): number {
  let sum = 0;
  for (const kind of GRADUATION_KINDS) {
    const reason = v.world.registry.reason[kind.reason];
    if (reason !== undefined) sum += v.ctx.flows[reason * FLOW_GROUPS.length];
  }
  return sum;
}

/** Households moved for a reason: the catalogue entry of every "flow.<reason>" indicator. */
export const FLOW: Pick<Indicator, 'unit' | 'label'> = {
  unit: 'households per month',
  label: {
    en: 'Households moved for a reason: indicator "flow.<reason>" (the registry\'s reasons), nationally and by urban/rural, age group and sex of the head',
    id: 'Rumah tangga yang berpindah karena suatu alasan: indikator "flow.<alasan>" (alasan dalam registri), nasional dan menurut perkotaan/perdesaan, kelompok umur dan jenis kelamin kepala rumah tangga',
  },
};

/**
 * Every indicator of a registry, in the order rows are written: poverty and the registry, each
 * programme's, the pathway's, each service's spending, prices and lines, queues, outcomes.
 */
export function indicatorsOf(registry: Registry): Indicator[] {
  const households = householdTally(registry);
  return [
    ...povertyIndicators(households),
    ...registry.programmes.flatMap((p) => programmeIndicators(p, households)),
    ...pathwayIndicators(households),
    ...registry.services.map((s) => spendIndicator(s.id, s.indicators.spend, (w) => w.services[s.id])),
    ...PRICES,
    ...QUEUE_FACILITATOR,
    ...registry.services.flatMap(queueIndicator),
    ...OUTCOMES,
  ];
}

/** The indicators of the model's own registry, by id (flows: FLOW). */
export const INDICATORS: { readonly [id: string]: Indicator } = Object.fromEntries(indicatorsOf(BUILTIN_REGISTRY).map((x) => [x.id, x]));

/** The catalogue entry (unit and label) of an indicator of a registry, "flow.<reason>" included; undefined for an unknown one. */
export function indicatorEntry(indicator: string, registry: Registry = BUILTIN_REGISTRY): Pick<Indicator, 'unit' | 'label'> | undefined {
  if (indicator.startsWith('flow.')) return indicator.slice('flow.'.length) in registry.reason ? FLOW : undefined;
  const catalogue = catalogueOf(registry);
  return Object.hasOwn(catalogue, indicator) ? catalogue[indicator] : undefined;
}

const CATALOGUES = new WeakMap<Registry, { readonly [id: string]: Indicator }>([[BUILTIN_REGISTRY, INDICATORS]]);

/** The indicators of a registry by id, made once per registry. */
function catalogueOf(registry: Registry): { readonly [id: string]: Indicator } {
  let catalogue = CATALOGUES.get(registry);
  if (catalogue === undefined) CATALOGUES.set(registry, (catalogue = Object.fromEntries(indicatorsOf(registry).map((x) => [x.id, x]))));
  return catalogue;
}

/**
 * A reporter of `indicators` (default: every indicator of the run's registry), nationally and for
 * every group, plus the flows of the month; in the months `byGroup` turns down (default: none), only
 * the national rows, computed as they are in the other months.
 */
export function reporterOf(choose?: (registry: Registry) => readonly Indicator[], byGroup: (month: number) => boolean = () => true): Reporter {
  let catalogue: { registry: Registry; indicators: readonly Indicator[]; tallies: Tally[]; offsets: Map<Tally, number>; slots: Map<string, number>; stride: number } | null = null;
  const grouping: Grouping = { run: null, version: -1, cell: new Uint16Array(0), sums: new Float64Array(0) };
  return (world, ctx, provinceNames) => {
    if (catalogue === null || catalogue.registry !== world.registry) {
      const indicators = choose === undefined ? indicatorsOf(world.registry) : choose(world.registry);
      const tallies = [...new Set(indicators.flatMap((x) => x.accumulate))];
      const offsets = new Map<Tally, number>();
      const slots = new Map<string, number>();
      let stride = 0;
      for (const t of tallies) {
        offsets.set(t, stride);
        t.slots.forEach((slot, k) => slots.set(`${t.id}.${slot}`, stride + k));
        stride += t.slots.length;
      }
      catalogue = { registry: world.registry, indicators, tallies, offsets, slots, stride };
    }
    return report(world, ctx, provinceNames, catalogue, grouping, byGroup(ctx.month));
  };
}

function report(
  world: World,
  ctx: MonthContext,
  provinceNames: readonly string[],
  c: { indicators: readonly Indicator[]; tallies: Tally[]; offsets: Map<Tally, number>; slots: Map<string, number>; stride: number },
  grouping: Grouping,
  byGroup: boolean,
): IndicatorRow[] {
  const h = world.households;
  const lines: MonthLines = { extreme: ctx.extremeLine, national: ctx.nationalLine, bottom: welfareQuantile(world.welfare, ctx.params.policy.registry.eligible_share) };
  const sizes = DIMENSIONS.map((d) => (d.values === null ? world.provinceCount : d.values.length));
  const cells = sizes.reduce((a, b) => a * b, 1);
  if (grouping.sums.length !== cells * c.stride) grouping.sums = new Float64Array(cells * c.stride);
  const sums = grouping.sums.fill(0);
  const regrouped = world.regrouped;
  if (grouping.run?.deref() !== regrouped || grouping.version < regrouped.version - 1) {
    grouping.run = new WeakRef(regrouped);
    grouping.cell = cellsOf(h, sizes, grouping.cell);
  } else if (grouping.version === regrouped.version - 1) regroupCells(h, sizes, grouping.cell, regrouped);
  grouping.version = regrouped.version;
  for (const t of c.tallies) t.add(world, ctx, lines, grouping.cell, c.stride, sums, c.offsets.get(t)!);

  const rows: IndicatorRow[] = [];
  const describe = (acc: Float64Array, group: string, province: number | null, scopes: ReadonlySet<Indicator['scope']>) => {
    const values: GroupValues = { sum: (slot) => acc[slotOf(c.slots, slot)], world, ctx, province };
    for (const x of c.indicators) if (x.scope === 'groups') rows.push({ indicator: x.id, group, value: x.finish(values) });
    if (scopes.has('provinces')) for (const x of c.indicators) if (x.scope === 'provinces') rows.push({ indicator: x.id, group, value: x.finish(values) });
    if (scopes.has('national')) for (const x of c.indicators) if (x.scope === 'national') rows.push({ indicator: x.id, group, value: x.finish(values) });
  };
  const added = addCells(sums, c.stride, sizes, byGroup);
  describe(added.national, NATIONAL, null, new Set(['provinces', 'national']));
  const flowGroups = byGroup ? FLOW_GROUPS : [NATIONAL];
  world.registry.reasons.forEach((reason, k) => flowGroups.forEach((group, g) => rows.push({ indicator: `flow.${reason}`, group, value: ctx.flows[k * FLOW_GROUPS.length + g] })));
  if (!byGroup) return rows;
  DIMENSIONS.forEach((d, j) => {
    const names = d.values === null ? provinceNames.map((name) => `${d.id}:${name}`) : groupsOf(d);
    names.forEach((group, v) => describe(added.groups[j][v], group, d.values === null ? v : null, new Set(d.values === null ? ['provinces'] : [])));
  });
  return rows;
}

function slotOf(slots: Map<string, number>, slot: string): number {
  const k = slots.get(slot);
  if (k === undefined) throw new Error(`indicator reads "${slot}", which no tally it accumulates holds`);
  return k;
}

/**
 * What a reporter keeps from month to month: each household's cell as it last computed it, for a
 * run and a version of its regrouped households, and the array of the month's sums. A run is known
 * by its World.regrouped, which every run has its own of (a world made again for another run gets a
 * new one: ../model/initialise.ts, renewWorld), held weakly: a reporter outlives the runs it reports
 * on, and must not keep a finished run from the garbage collector.
 */
interface Grouping {
  run: WeakRef<Regrouped> | null;
  /** The version of World.regrouped the cells are as of. */
  version: number;
  cell: Uint16Array;
  /** The month's sums by cell, kept from month to month. */
  sums: Float64Array;
}

/**
 * A household's cell is the mixed-radix number of its dimensions' values. Dimensions that read the
 * same byte attribute share one table of their values times their place, so a household's cell is
 * one table lookup per attribute, summed.
 */
function cellTables(h: Households, sizes: readonly number[]): { attributes: Uint8Array[]; tables: Uint16Array[] } {
  if (sizes.reduce((a, b) => a * b, 1) > 0xffff) throw new Error(`group dimensions: ${sizes.join(' × ')} cells; expected at most 65,535`);
  const attributes: Uint8Array[] = [];
  const tables: Uint16Array[] = [];
  let place = 1;
  for (let d = DIMENSIONS.length - 1; d >= 0; d--) {
    const values = DIMENSIONS[d].read(h);
    let k = attributes.indexOf(values);
    if (k < 0) {
      k = attributes.push(values) - 1;
      tables.push(new Uint16Array(256));
    }
    for (let v = 0; v < 256; v++) tables[k][v] += DIMENSIONS[d].table[v] * place;
    place *= sizes[d];
  }
  return { attributes, tables };
}

/** Every household's cell (cellTables), one pass per attribute, branch-free. */
function cellsOf(h: Households, sizes: readonly number[], cell: Uint16Array): Uint16Array {
  const { attributes, tables } = cellTables(h, sizes);
  if (cell.length !== h.count) cell = sharedArray(Uint16Array, h.count); // shared: the tally's threads read it
  const [first, ...rest] = attributes;
  for (let i = 0, n = h.count, table = tables[0]; i < n; i++) cell[i] = table[first[i]];
  rest.forEach((values, k) => {
    const table = tables[k + 1];
    for (let i = 0, n = h.count; i < n; i++) cell[i] += table[values[i]];
  });
  return cell;
}

/** The cells of the households listed in `regrouped` computed anew (cellTables). */
function regroupCells(h: Households, sizes: readonly number[], cell: Uint16Array, regrouped: Regrouped): void {
  const { attributes, tables } = cellTables(h, sizes);
  for (let k = 0; k < regrouped.count; k++) {
    const i = regrouped.households[k];
    let c = 0;
    for (let a = 0; a < attributes.length; a++) c += tables[a][attributes[a][i]];
    cell[i] = c;
  }
}

/** The sums of the cells whose values `keep`, in cell order. */
/**
 * The sums of the nation and, when `byGroup`, of each group of each dimension (`groups[d][v]`: the
 * cells whose dimension d has value v), from the sums by cell, in one pass over the cells: each
 * group adds up its cells in cell order.
 */
function addCells(sums: Float64Array, stride: number, sizes: readonly number[], byGroup: boolean): { national: Float64Array; groups: Float64Array[][] } {
  const national = new Float64Array(stride);
  const groups = byGroup ? sizes.map((size) => Array.from({ length: size }, () => new Float64Array(stride))) : [];
  const cells = sums.length / stride;
  for (let c = 0; c < cells; c++) {
    const from = c * stride;
    for (let k = 0; k < stride; k++) national[k] += sums[from + k];
    if (!byGroup) continue;
    let rest = c;
    for (let d = sizes.length - 1; d >= 0; d--) {
      const group = groups[d][rest % sizes[d]];
      rest = Math.floor(rest / sizes[d]);
      for (let k = 0; k < stride; k++) group[k] += sums[from + k];
    }
  }
  return { national, groups };
}

/** The standard indicators: every indicator of the run's registry, nationally and for every group, and the month's flows. */
export const standardIndicators: Reporter = reporterOf();
