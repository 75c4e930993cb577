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
import { IN_REGISTRY } from '../model/households';
import type { Households } from '../model/households';
import { ENTERED_EXTREME, PHASES, RECOVERY } from '../model/phases';
import type { IndicatorRow, Reporter } from '../model/observation';
import type { MonthContext, Programme, Registry, Service, World } from '../model/world';
import type { Words } from '../lang/index';
import { BUILTIN_REGISTRY } from '../model/builtin';
import { DIMENSIONS, FLOW_GROUPS, NATIONAL, groupsOf } from '../model/groups';
import { welfareQuantile } from '../model/welfare';

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
  'Rp per household',
  'Rp per person',
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
 * Sums over households, by cell. `add` adds households from..to−1: household i's sums start at
 * `sums[cell[i − from] + offset]`, its slots in the order of `slots`.
 */
export interface Tally {
  readonly id: string;
  readonly slots: readonly string[];
  add(world: World, lines: MonthLines, from: number, to: number, cell: Int32Array, sums: Float64Array, offset: number): void;
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

const POPULATION: Tally = {
  id: 'population',
  slots: ['households', 'persons', 'consumption'],
  add(world, _, from, to, cell, sums, offset) {
    const { weight, size, consumption } = world.households;
    for (let i = from; i < to; i++) {
      const o = cell[i - from] + offset;
      const w = weight[i];
      const wp = w * size[i];
      sums[o] += w;
      sums[o + 1] += wp;
      sums[o + 2] += wp * consumption[i];
    }
  },
};

/** P0, P1, P2 sums below a line; for the national line also the poor households. */
function povertyTally(id: 'extreme' | 'national'): Tally {
  return {
    id,
    slots: ['p0', 'p1', 'p2', 'poor_households'],
    add(world, lines, from, to, cell, sums, offset) {
      const { weight, size, consumption } = world.households;
      const z = lines[id];
      for (let i = from; i < to; i++) {
        const y = consumption[i];
        if (y >= z) continue;
        const o = cell[i - from] + offset;
        const w = weight[i];
        const wp = w * size[i];
        const g = 1 - y / z;
        sums[o] += wp;
        sums[o + 1] += wp * g;
        sums[o + 2] += wp * g * g;
        sums[o + 3] += w;
      }
    },
  };
}
const EXTREME = povertyTally('extreme');
const NATIONAL_LINE = povertyTally('national');

const REGISTRY: Tally = {
  id: 'registry',
  slots: ['listed', 'listed_not_bottom', 'bottom', 'bottom_not_listed'],
  add(world, lines, from, to, cell, sums, offset) {
    const { weight, consumption, programmes } = world.households;
    for (let i = from; i < to; i++) {
      const o = cell[i - from] + offset;
      const w = weight[i];
      const listed = (programmes[i] & IN_REGISTRY) !== 0;
      if (listed) sums[o] += w;
      if (consumption[i] < lines.bottom) {
        sums[o + 2] += w;
        if (!listed) sums[o + 3] += w;
      } else if (listed) sums[o + 1] += w;
    }
  },
};

const PHASE_TALLY: Tally = {
  id: 'phase',
  slots: PHASES,
  add(world, _, from, to, cell, sums, offset) {
    const { weight, phase } = world.households;
    for (let i = from; i < to; i++) sums[cell[i - from] + offset + phase[i]] += weight[i];
  },
};

const BUSINESS: Tally = {
  id: 'business',
  slots: ['households'],
  add(world, _, from, to, cell, sums, offset) {
    const { weight, business } = world.households;
    for (let i = from; i < to; i++) if (business[i] !== 0) sums[cell[i - from] + offset] += weight[i];
  },
};

/** Persons on the pathway who entered pemulihan sosial extremely poor and are now above the extreme line. */
const LIFTED: Tally = {
  id: 'lifted',
  slots: ['persons'],
  add(world, lines, from, to, cell, sums, offset) {
    const { weight, size, consumption, history, phase } = world.households;
    for (let i = from; i < to; i++) {
      if (consumption[i] >= lines.extreme && (history[i] & ENTERED_EXTREME) !== 0 && phase[i] >= RECOVERY) sums[cell[i - from] + offset] += weight[i] * size[i];
    }
  },
};

/** A programme's families; with targeting, those not poor and the poor it does not reach (national line). */
function programmeTally(registry: Registry, p: Programme): Tally {
  const bit = registry.status[p.id];
  return {
    id: p.id,
    slots: ['families', 'not_poor', 'poor_not_reached'],
    add(world, lines, from, to, cell, sums, offset) {
      const { weight, consumption, programmes } = world.households;
      for (let i = from; i < to; i++) {
        const o = cell[i - from] + offset;
        const poor = consumption[i] < lines.national;
        if ((programmes[i] & bit) !== 0) {
          sums[o] += weight[i];
          if (!poor) sums[o + 1] += weight[i];
        } else if (poor) sums[o + 2] += weight[i];
      }
    },
  };
}

// The indicators.

const group = (id: string, unit: IndicatorUnit, label: Words, accumulate: readonly Tally[], finish: (v: GroupValues) => number): Indicator => ({ id, unit, label, scope: 'groups', accumulate, finish });
const national = (id: string, unit: IndicatorUnit, label: Words, finish: (v: GroupValues) => number): Indicator => ({ id, unit, label, scope: 'national', accumulate: [], finish });

const POVERTY: readonly Indicator[] = [
  group('households', 'households', { en: 'Households', id: 'Rumah tangga' }, [POPULATION], (v) => v.sum('population.households')),
  group('persons', 'persons', { en: 'Persons', id: 'Penduduk' }, [POPULATION], (v) => v.sum('population.persons')),
  group('p0_extreme', 'share of persons', { en: 'Extreme poverty rate (P0, USD 1.90 PPP line)', id: 'Tingkat kemiskinan ekstrem (P0, garis USD 1,90 PPP)' }, [EXTREME, POPULATION], (v) => ratio(v.sum('extreme.p0'), v.sum('population.persons'))),
  group('p1_extreme', 'index', { en: 'Extreme poverty gap (P1)', id: 'Indeks kedalaman kemiskinan ekstrem (P1)' }, [EXTREME, POPULATION], (v) => ratio(v.sum('extreme.p1'), v.sum('population.persons'))),
  group('p2_extreme', 'index', { en: 'Extreme poverty severity (P2)', id: 'Indeks keparahan kemiskinan ekstrem (P2)' }, [EXTREME, POPULATION], (v) => ratio(v.sum('extreme.p2'), v.sum('population.persons'))),
  group('poor_extreme', 'persons', { en: 'Persons in extreme poverty', id: 'Penduduk miskin ekstrem' }, [EXTREME], (v) => v.sum('extreme.p0')),
  group('p0_national', 'share of persons', { en: 'Poverty rate (P0, BPS national line)', id: 'Tingkat kemiskinan (P0, garis kemiskinan nasional BPS)' }, [NATIONAL_LINE, POPULATION], (v) => ratio(v.sum('national.p0'), v.sum('population.persons'))),
  group('p1_national', 'index', { en: 'Poverty gap (P1, national line)', id: 'Indeks kedalaman kemiskinan (P1, garis nasional)' }, [NATIONAL_LINE, POPULATION], (v) => ratio(v.sum('national.p1'), v.sum('population.persons'))),
  group('p2_national', 'index', { en: 'Poverty severity (P2, national line)', id: 'Indeks keparahan kemiskinan (P2, garis nasional)' }, [NATIONAL_LINE, POPULATION], (v) => ratio(v.sum('national.p2'), v.sum('population.persons'))),
  group('poor_national', 'persons', { en: 'Persons below the national line', id: 'Penduduk di bawah garis kemiskinan nasional' }, [NATIONAL_LINE], (v) => v.sum('national.p0')),
  group('consumption_mean', 'Rp per person per month', { en: 'Mean consumption per person', id: 'Rata-rata pengeluaran per kapita' }, [POPULATION], (v) => ratio(v.sum('population.consumption'), v.sum('population.persons'))),
  group('registry_households', 'households', { en: 'Households in the registry (DTKS)', id: 'Rumah tangga dalam DTKS' }, [REGISTRY], (v) => v.sum('registry.listed')),
  group('registry_inclusion_error', 'share of registry households', { en: 'Registry inclusion error (not in the bottom 40 %)', id: 'Kesalahan inklusi DTKS (bukan 40 % terbawah)' }, [REGISTRY], (v) => ratio(v.sum('registry.listed_not_bottom'), v.sum('registry.listed'))),
  group('registry_exclusion_error', 'share of bottom-40 % households', { en: 'Registry exclusion error (bottom 40 % not listed)', id: 'Kesalahan eksklusi DTKS (40 % terbawah yang tidak terdaftar)' }, [REGISTRY], (v) => ratio(v.sum('registry.bottom_not_listed'), v.sum('registry.bottom'))),
];

/** A programme's indicators: families, coverage, targeting errors (when it declares them) and spending. */
function programmeIndicators(registry: Registry, p: Programme): Indicator[] {
  const t = programmeTally(registry, p);
  const { en, id } = p.name;
  const s = (slot: string) => `${p.id}.${slot}`;
  return [
    group(`${p.id}_households`, 'households', p.families, [t], (v) => v.sum(s('families'))),
    group(`${p.id}_coverage`, 'share of households', { en: `${en} coverage`, id: `Cakupan ${id}` }, [t, POPULATION], (v) => ratio(v.sum(s('families')), v.sum('population.households'))),
    ...(p.targeting
      ? [
          group(`${p.id}_inclusion_error`, 'share of recipient households', { en: `${en} inclusion error (recipients not poor)`, id: `Kesalahan inklusi ${id} (penerima tidak miskin)` }, [t], (v) =>
            ratio(v.sum(s('not_poor')), v.sum(s('families'))),
          ),
          group(`${p.id}_exclusion_error`, 'share of poor households', { en: `${en} exclusion error (poor not reached)`, id: `Kesalahan eksklusi ${id} (rumah tangga miskin tidak terjangkau)` }, [t, NATIONAL_LINE], (v) =>
            ratio(v.sum(s('poor_not_reached')), v.sum('national.poor_households')),
          ),
        ]
      : []),
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

const PATHWAY: readonly Indicator[] = [
  ...PHASES.map((phase, k) =>
    group(`phase_${phase}`, 'households', PHASE_NAMES[phase], [PHASE_TALLY], (v) => v.sum(`phase.${PHASES[k]}`)),
  ),
  group('business_households', 'households', { en: 'Households running a business', id: 'Rumah tangga yang menjalankan usaha' }, [BUSINESS], (v) => v.sum('business.households')),
  group('lifted_above_extreme', 'persons', { en: 'Persons on the pathway who entered extremely poor and are now above the extreme line', id: 'Penduduk dalam jalur graduasi yang masuk dalam keadaan miskin ekstrem dan kini berada di atas garis kemiskinan ekstrem' }, [LIFTED], (v) => v.sum('lifted.persons')),
];

const PRICES: readonly Indicator[] = [
  national('cpi', 'index, start month = 1', { en: 'Consumer price index', id: 'Indeks harga konsumen' }, (v) => v.ctx.cpi),
  national('line_extreme', 'Rp per person per month', { en: 'Extreme-poverty line', id: 'Garis kemiskinan ekstrem' }, (v) => v.ctx.extremeLine),
  national('line_national', 'Rp per person per month', { en: 'National poverty line', id: 'Garis kemiskinan nasional' }, (v) => v.ctx.nationalLine),
];

const QUEUE_FACILITATOR = national('queue_facilitator', 'households', { en: 'Waiting for a facilitator (eligible for pemulihan sosial)', id: 'Menunggu pendamping (layak masuk pemulihan sosial)' }, (v) => v.world.facilitatorQueue);

/** A service's queue, when it has an intake. */
function queueIndicator(s: Service): Indicator[] {
  return s.indicators.queue === undefined ? [] : [national(`queue_${s.id}`, 'households', s.indicators.queue, (v) => v.world.services[s.id].queue)];
}

const OUTCOMES: readonly Indicator[] = [
  national('blocked_no_working_age_member', 'households', { en: 'In pemulihan sosial, cannot move on: no working-age member', id: 'Dalam pemulihan sosial, tidak dapat melanjutkan: tidak ada anggota usia kerja' }, (v) => v.world.blocked.noWorkingAgeMember),
  national('blocked_awaiting_rehabilitation', 'households', { en: 'In pemulihan sosial, cannot move on yet: awaiting or failed rehabilitation', id: 'Dalam pemulihan sosial, belum dapat melanjutkan: menunggu atau gagal rehabilitasi' }, (v) => v.world.blocked.awaitingRehabilitation),
  national('empowerment_spend_to_date', 'Rp', { en: 'Empowerment spending since the start of the run', id: 'Belanja pemberdayaan sejak awal simulasi' }, (v) => v.world.totals.spent),
  national('graduations_to_date', 'households', { en: 'Graduations since the start of the run', id: 'Graduasi sejak awal simulasi' }, (v) => v.world.totals.graduations),
  national('cost_per_graduate', 'Rp per household', { en: 'Empowerment spending to date per graduation to date', id: 'Belanja pemberdayaan kumulatif per graduasi kumulatif' }, (v) => ratio(v.world.totals.spent, v.world.totals.graduations)),
  { ...national('cost_per_person_lifted', 'Rp per person', { en: 'Empowerment spending to date per person lifted above the extreme line', id: 'Belanja pemberdayaan kumulatif per orang yang terangkat di atas garis kemiskinan ekstrem' }, (v) => ratio(v.world.totals.spent, v.sum('lifted.persons'))), accumulate: [LIFTED] },
];

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
  return [
    ...POVERTY,
    ...registry.programmes.flatMap((p) => programmeIndicators(registry, p)),
    ...PATHWAY,
    ...registry.services.map((s) => spendIndicator(s.id, s.indicators.spend, (w) => w.services[s.id])),
    ...PRICES,
    QUEUE_FACILITATOR,
    ...registry.services.flatMap(queueIndicator),
    ...OUTCOMES,
  ];
}

/** The indicators of the model's own registry, by id (flows: FLOW). */
export const INDICATORS: { readonly [id: string]: Indicator } = Object.fromEntries(indicatorsOf(BUILTIN_REGISTRY).map((x) => [x.id, x]));

/** The catalogue entry (unit and label) of an indicator of a registry, "flow.<reason>" included; undefined for an unknown one. */
export function indicatorEntry(indicator: string, registry: Registry = BUILTIN_REGISTRY): Pick<Indicator, 'unit' | 'label'> | undefined {
  if (indicator.startsWith('flow.')) return indicator.slice('flow.'.length) in registry.reason ? FLOW : undefined;
  return registry === BUILTIN_REGISTRY ? INDICATORS[indicator] : indicatorsOf(registry).find((x) => x.id === indicator);
}

/** Households a block of the tallies covers: small enough that a block's arrays stay in cache. */
const BLOCK = 4096;

/**
 * A reporter of `indicators` (default: every indicator of the run's registry), nationally and for
 * every group, plus the flows of the month.
 */
export function reporterOf(choose?: (registry: Registry) => readonly Indicator[]): Reporter {
  let catalogue: { registry: Registry; indicators: readonly Indicator[]; tallies: Tally[]; offsets: Map<Tally, number>; slots: Map<string, number>; stride: number } | null = null;
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
    return report(world, ctx, provinceNames, catalogue);
  };
}

function report(
  world: World,
  ctx: MonthContext,
  provinceNames: readonly string[],
  c: { indicators: readonly Indicator[]; tallies: Tally[]; offsets: Map<Tally, number>; slots: Map<string, number>; stride: number },
): IndicatorRow[] {
  const h = world.households;
  const lines: MonthLines = { extreme: ctx.extremeLine, national: ctx.nationalLine, bottom: welfareQuantile(world.welfare, ctx.params.policy.registry.eligible_share) };
  const sizes = DIMENSIONS.map((d) => (d.values === null ? world.provinceCount : d.values.length));
  const cells = sizes.reduce((a, b) => a * b, 1);
  const sums = new Float64Array(cells * c.stride);
  const cell = new Int32Array(BLOCK);
  for (let from = 0; from < h.count; from += BLOCK) {
    const to = Math.min(h.count, from + BLOCK);
    for (let i = from; i < to; i++) cell[i - from] = cellOf(h, i, sizes) * c.stride;
    for (const t of c.tallies) t.add(world, lines, from, to, cell, sums, c.offsets.get(t)!);
  }

  const rows: IndicatorRow[] = [];
  const describe = (acc: Float64Array, group: string, province: number | null, scopes: ReadonlySet<Indicator['scope']>) => {
    const values: GroupValues = { sum: (slot) => acc[slotOf(c.slots, slot)], world, ctx, province };
    for (const x of c.indicators) if (x.scope === 'groups') rows.push({ indicator: x.id, group, value: x.finish(values) });
    if (scopes.has('provinces')) for (const x of c.indicators) if (x.scope === 'provinces') rows.push({ indicator: x.id, group, value: x.finish(values) });
    if (scopes.has('national')) for (const x of c.indicators) if (x.scope === 'national') rows.push({ indicator: x.id, group, value: x.finish(values) });
  };
  describe(sumCells(sums, c.stride, sizes, () => true), NATIONAL, null, new Set(['provinces', 'national']));
  world.registry.reasons.forEach((reason, k) => FLOW_GROUPS.forEach((group, g) => rows.push({ indicator: `flow.${reason}`, group, value: ctx.flows[k * FLOW_GROUPS.length + g] })));
  DIMENSIONS.forEach((d, j) => {
    const names = d.values === null ? provinceNames.map((name) => `${d.id}:${name}`) : groupsOf(d);
    names.forEach((group, v) => describe(sumCells(sums, c.stride, sizes, (values) => values[j] === v), group, d.values === null ? v : null, new Set(d.values === null ? ['provinces'] : [])));
  });
  return rows;
}

function slotOf(slots: Map<string, number>, slot: string): number {
  const k = slots.get(slot);
  if (k === undefined) throw new Error(`indicator reads "${slot}", which no tally it accumulates holds`);
  return k;
}

/** The cell of household i: the mixed-radix number of its dimensions' values. */
function cellOf(h: Households, i: number, sizes: readonly number[]): number {
  let cell = 0;
  for (let d = 0; d < DIMENSIONS.length; d++) cell = cell * sizes[d] + DIMENSIONS[d].of(h, i);
  return cell;
}

/** The sums of the cells whose values `keep`, in cell order. */
function sumCells(sums: Float64Array, stride: number, sizes: readonly number[], keep: (values: readonly number[]) => boolean): Float64Array {
  const acc = new Float64Array(stride);
  const values = new Array<number>(sizes.length).fill(0);
  const cells = sums.length / stride;
  for (let c = 0; c < cells; c++) {
    let rest = c;
    for (let d = sizes.length - 1; d >= 0; d--) {
      values[d] = rest % sizes[d];
      rest = Math.floor(rest / sizes[d]);
    }
    if (!keep(values)) continue;
    for (let k = 0; k < stride; k++) acc[k] += sums[c * stride + k];
  }
  return acc;
}

/** The standard indicators: every indicator of the run's registry, nationally and for every group, and the month's flows. */
export const standardIndicators: Reporter = reporterOf();
