/**
 * Groups of households: the dimensions results are broken down by, declared once.
 *
 * Each dimension names its values and says which value a household has, as a function of one of
 * its byte attributes (province, flags, age of the head…), kept as a table of the 256 byte values. Indicators are reported for the nation
 * and for each value of every dimension ("province:Aceh", "area:urban", …); the monthly flows
 * (households moved, by reason) for the nation and the dimensions marked `flows`. Adding a
 * dimension is one entry here (a consumption decile, say: a byte attribute the consumption process
 * keeps, and its ten values). A process that changes an attribute a dimension reads lists the
 * households in `world.regrouped` (regroup), so observers group them anew.
 */
import type { Households } from './households';
import { FEMALE_HEAD, URBAN } from './households';
import type { Words } from '../lang/index';
import type { Regrouped, World } from './world';


/** A way to split households into groups. */
export interface Dimension {
  /** Prefix of its groups: "area" → "area:urban". */
  readonly id: string;
  /** Its values, in the order groups are reported; `null` for provinces, whose names come with the population. */
  readonly values: readonly string[] | null;
  /** The names of its values (none for provinces: a province is its name). */
  readonly labels: readonly Words[] | null;
  /** The byte attribute it is read from (`(h) => h.flags`), and the index of the value of each of the attribute's 256 possible values. */
  readonly read: (h: Households) => Uint8Array;
  readonly table: Uint8Array;
  /** Whether the monthly flows are counted by it. */
  readonly flows: boolean;
}

/** A dimension whose value is `index(attribute value)`. */
function dimension(d: Omit<Dimension, 'table'> & { index(value: number): number }): Dimension {
  const { index, ...rest } = d;
  return { ...rest, table: Uint8Array.from({ length: 256 }, (_, v) => index(v)) };
}

/** Age group of a head of household: 0 under 40, 1 40–59, 2 60 and over. */
function headAgeGroup(age: number): number {
  return age < 40 ? 0 : age < 60 ? 1 : 2;
}

const PROVINCE = dimension({ id: 'province', values: null, labels: null, read: (h) => h.province, index: (p) => p, flows: false });

const AREA = dimension({
  id: 'area',
  values: ['rural', 'urban'],
  labels: [
    { en: 'rural', id: 'perdesaan' },
    { en: 'urban', id: 'perkotaan' },
  ],
  read: (h) => h.flags,
  index: (flags) => ((flags & URBAN) !== 0 ? 1 : 0),
  flows: true,
});

const HEAD_AGE = dimension({
  id: 'head_age',
  values: ['under_40', '40_59', '60_plus'],
  labels: [
    { en: 'head under 40', id: 'kepala rumah tangga di bawah 40 tahun' },
    { en: 'head aged 40–59', id: 'kepala rumah tangga berumur 40–59 tahun' },
    { en: 'head aged 60 or over', id: 'kepala rumah tangga berumur 60 tahun ke atas' },
  ],
  read: (h) => h.headAge,
  index: headAgeGroup,
  flows: true,
});

const HEAD_SEX = dimension({
  id: 'head_sex',
  values: ['male', 'female'],
  labels: [
    { en: 'male head', id: 'kepala rumah tangga laki-laki' },
    { en: 'female head', id: 'kepala rumah tangga perempuan' },
  ],
  read: (h) => h.flags,
  index: (flags) => ((flags & FEMALE_HEAD) !== 0 ? 1 : 0),
  flows: true,
});

/**
 * 1 at each age where a head who reaches it changes group (40, 60): a process that ages heads lists
 * the household in `world.regrouped` only then.
 */
export const HEAD_AGE_REGROUPS: Uint8Array = Uint8Array.from({ length: 256 }, (_, age) => (age > 0 && HEAD_AGE.table[age] !== HEAD_AGE.table[age - 1] ? 1 : 0));

/** The dimensions, in the order their groups are reported. */
export const DIMENSIONS: readonly Dimension[] = [PROVINCE, AREA, HEAD_AGE, HEAD_SEX];

/** The name of the whole population's group. */
export const NATIONAL = 'national';

/** The group names of a dimension with known values ("area:urban", …). */
export function groupsOf(d: Dimension): string[] {
  return (d.values ?? []).map((v) => `${d.id}:${v}`);
}

const FLOW_DIMENSIONS = DIMENSIONS.filter((d) => d.flows);

/** Groups the flows are counted for: the nation, then each value of each flow dimension. */
export const FLOW_GROUPS: readonly string[] = [NATIONAL, ...FLOW_DIMENSIONS.flatMap(groupsOf)];

/** Offset of each flow dimension's first group in FLOW_GROUPS. */
const FLOW_OFFSETS = FLOW_DIMENSIONS.map((d) => FLOW_GROUPS.indexOf(groupsOf(d)[0]));

/** A zeroed flow counter for `reasons` reasons: one slot per reason and flow group (reason-major). */
export function createFlows(reasons: number): Float64Array {
  return new Float64Array(reasons * FLOW_GROUPS.length);
}

/** For each flow dimension, where in FLOW_GROUPS each value of its attribute counts: offset + value. */
const FLOW_SLOTS = FLOW_DIMENSIONS.map((d, k) => Uint8Array.from(d.table, (value) => FLOW_OFFSETS[k] + value));

/** The attribute each flow dimension reads, of these households (a world keeps them: World.flowBytes). */
export function flowBytes(h: Households): readonly Uint8Array[] {
  return FLOW_DIMENSIONS.map((d) => d.read(h));
}

/** Count household i of the world (its weight) as moved for `reason` (an index of the registry's reasons), nationally and in its groups. */
export function countMove(flows: Float64Array, reason: number, world: Pick<World, 'households' | 'flowBytes'>, i: number): void {
  const w = world.households.weight[i];
  const o = reason * FLOW_GROUPS.length;
  const bytes = world.flowBytes;
  flows[o] += w;
  for (let d = 0; d < FLOW_SLOTS.length; d++) flows[o + FLOW_SLOTS[d][bytes[d][i]]] += w;
}

/**
 * List household i as the `count`th (from 0) whose group changed this month, growing the list as
 * needed; returns the new count. The process sets `regrouped.count` and bumps `regrouped.version`
 * once the month's households are listed, if any are.
 */
export function regroup(regrouped: Regrouped, count: number, i: number): number {
  if (count === regrouped.households.length) {
    const grown = new Uint32Array(Math.max(1024, 2 * count));
    grown.set(regrouped.households);
    regrouped.households = grown;
  }
  regrouped.households[count] = i;
  return count + 1;
}
