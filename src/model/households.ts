/**
 * The household store: one typed array per attribute, indexed 0..count−1 (struct of arrays).
 *
 * A household is the unit of the registry (DTKS) and of every programme. Each agent carries a
 * `weight`, the number of real households it stands for. No object per household: typed arrays keep
 * a whole registry (tens of millions of households) within ~50 bytes each and let the monthly
 * processes run as tight loops. Only src/model mutates a store; `simulate` works on its own copy.
 */

/** Bits of `flags`: fixed traits of a household. */
export const URBAN = 1;
/** Lives in a remote indigenous community (Komunitas Adat Terpencil, KAT). */
export const REMOTE = 2;
/** The head of household is a woman. */
export const FEMALE_HEAD = 4;

/**
 * Bits of `clusters`: members in an ATENSI cluster that no other attribute says (drawn at
 * initialisation, ./services/atensi.ts). Each counts only while the household has such members:
 * the elderly (`elderly`), children (the PKH child components), anyone (substance use).
 */
export const ELDERLY_WITHOUT_CARE = 1;
/** A child in need of special protection (neglected, abused, in conflict with the law): ATENSI "anak". */
export const CHILD_IN_NEED = 2;
/** A member with a substance-use disorder (NAPZA). */
export const SUBSTANCE_USE = 4;

/**
 * Bits of `programmes`: registry and programme status, updated monthly by the engine. The two
 * below are fixed; each programme of the registry has one of the PROGRAMME_BITS above them
 * (registry.status, ./registry.ts).
 */
export const IN_REGISTRY = 1;
/** Left assistance by graduating: assistance programmes do not take the family back until it relapses. */
export const LEFT_BY_GRADUATION = 2;
/** Programmes a registry can hold: the bits of `programmes` left after the two fixed ones. */
export const PROGRAMME_BITS = 14;
/** State bits the services of a registry can share (`services`, registry.flag): two each for 16 services. */
export const SERVICE_BITS = 32;

export interface Households {
  /** Number of agents. */
  readonly count: number;

  // Who they are: drawn once by the population builder, fixed during a run.
  /** Real households this agent stands for. Sums to the official number of households. */
  readonly weight: Float32Array;
  /** Province index into the population's `provinces` (0–33, SP2020 frame). */
  readonly province: Uint8Array;
  /** URBAN | REMOTE | FEMALE_HEAD. */
  readonly flags: Uint8Array;
  /** Household size, persons (1–255). */
  readonly size: Uint8Array;
  /** Age of the head of household, years. */
  readonly headAge: Uint8Array;
  /** Members who are pregnant or post-partum (PKH "ibu hamil/nifas"). */
  readonly pregnant: Uint8Array;
  /** Children aged 0–6 (PKH "anak usia dini"). */
  readonly earlyChildhood: Uint8Array;
  /** Children enrolled in primary school (SD/MI). */
  readonly primaryPupils: Uint8Array;
  /** Children enrolled in junior secondary school (SMP/MTs). */
  readonly juniorPupils: Uint8Array;
  /** Children enrolled in senior secondary school (SMA/SMK/MA). */
  readonly seniorPupils: Uint8Array;
  /** Members aged 70 or over (PKH "lanjut usia"). */
  readonly elderly: Uint8Array;
  /** Members with a severe disability (PKH "penyandang disabilitas berat"). */
  readonly severeDisability: Uint8Array;
  /** ELDERLY_WITHOUT_CARE | CHILD_IN_NEED | SUBSTANCE_USE: drawn at initialisation from their prevalences. */
  readonly clusters: Uint8Array;

  // Welfare and programme state: initialised by the population builder and the engine, updated monthly.
  /** Consumption per person, nominal Rp per month (what BPS poverty lines are compared with). */
  readonly consumption: Float32Array;
  /** Permanent component of market income per person, log of real Rp per month (reference-month prices). */
  readonly permanentIncome: Float32Array;
  /** Transitory component of market income, log deviation (AR(1)). */
  readonly transitory: Float32Array;
  /** Market income per person, nominal Rp per month (before transfers). */
  readonly income: Float32Array;
  /** The registry's proxy-means estimate of consumption per person (Rp a month) at the household's last assessment. */
  readonly registryScore: Float32Array;
  /** IN_REGISTRY | LEFT_BY_GRADUATION | a bit per programme the family is enrolled in (registry.status). */
  readonly programmes: Uint16Array;
  /** The month (as a Month) of the household's next registry assessment. */
  readonly nextAssessment: Uint16Array;
  /** The month (as a Month) of the household's next change of members (../processes/demography.ts; 0: not drawn yet in this run). */
  readonly nextMemberChange: Uint16Array;
  /** Pathway phase (index into PHASES, ./phases.ts). */
  readonly phase: Uint8Array;
  /** Months in the current phase (stops at 255). */
  readonly monthsInPhase: Uint8Array;
  /** What the household is receiving or has received of the services: their flags (registry.flag). */
  readonly services: Uint32Array;
  /** Months left of the current time-bound service (ATENSI rehabilitation or skills training, never both at once). */
  readonly serviceMonths: Uint8Array;
  /** Months of mentoring left. */
  readonly mentoringMonths: Uint8Array;
  /** GRADUATED_BEFORE | RELAPSED_BEFORE | ENTERED_EXTREME | DISASTER_VICTIM. */
  readonly history: Uint8Array;
  /** The kind of the household's last graduation (graduationCode, ../graduation.ts; 0: none since it last relapsed). */
  readonly graduation: Uint8Array;
  /** Consecutive months with consumption above the graduation threshold (in pengembangan). */
  readonly monthsAbove: Uint8Array;
  /** 1 when the household runs a business. */
  readonly business: Uint8Array;
  /** Months the business has run (stops at 255). */
  readonly businessMonths: Uint8Array;
  /** Business equipment and stock, Rp: depreciates (behaviour.business.depreciation). */
  readonly capital: Float32Array;
  /** Business livestock, Rp: breeds and grows (behaviour.business.livestock_growth). */
  readonly livestock: Float32Array;
  /** Cash savings, Rp per household: filled from income above needs, drawn to smooth consumption (behaviour.savings). */
  readonly savings: Float32Array;
  /** Month PENA capital was received (0: never). */
  readonly penaMonth: Uint16Array;
  /** Month until which a community programme reaches the household (0: none). */
  readonly communityUntil: Uint16Array;
  /** Cash transfers received this month (PKH, BLT BBM, …), Rp per household. */
  readonly cashTransfers: Float32Array;
  /** Food assistance received this month (BPNT / Sembako, …), Rp per household. */
  readonly foodTransfers: Float32Array;
}

type ArrayKey = { [K in keyof Households]: Households[K] extends ArrayLike<number> ? K : never }[keyof Households];

/** Every array attribute with its element type; allocation and copying walk this list. */
export const ATTRIBUTES: Readonly<Record<ArrayKey, Float32ArrayConstructor | Uint32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor>> = {
  weight: Float32Array,
  province: Uint8Array,
  flags: Uint8Array,
  size: Uint8Array,
  headAge: Uint8Array,
  pregnant: Uint8Array,
  earlyChildhood: Uint8Array,
  primaryPupils: Uint8Array,
  juniorPupils: Uint8Array,
  seniorPupils: Uint8Array,
  elderly: Uint8Array,
  severeDisability: Uint8Array,
  clusters: Uint8Array,
  consumption: Float32Array,
  permanentIncome: Float32Array,
  transitory: Float32Array,
  income: Float32Array,
  registryScore: Float32Array,
  programmes: Uint16Array,
  nextAssessment: Uint16Array,
  nextMemberChange: Uint16Array,
  phase: Uint8Array,
  monthsInPhase: Uint8Array,
  services: Uint32Array,
  serviceMonths: Uint8Array,
  mentoringMonths: Uint8Array,
  history: Uint8Array,
  graduation: Uint8Array,
  monthsAbove: Uint8Array,
  business: Uint8Array,
  businessMonths: Uint8Array,
  capital: Float32Array,
  livestock: Float32Array,
  savings: Float32Array,
  penaMonth: Uint16Array,
  communityUntil: Uint16Array,
  cashTransfers: Float32Array,
  foodTransfers: Float32Array,
};

type ArrayType = (typeof ATTRIBUTES)[ArrayKey] | Float64ArrayConstructor | Int32ArrayConstructor;

/**
 * A zeroed typed array of `count` elements on shared memory: the step's threads (./threads.ts) read
 * and write the same households. Shared memory is as fast as private memory for a thread's own loops.
 */
export function sharedArray<T extends ArrayType>(Type: T, count: number): InstanceType<T> {
  const OnBuffer = Type as unknown as new (buffer: SharedArrayBuffer) => InstanceType<T>;
  return new OnBuffer(new SharedArrayBuffer(count * Type.BYTES_PER_ELEMENT));
}

/** A store of `count` households whose attribute `key` of type `Type` is `attribute(key, Type)`. */
function storeOf(count: number, attribute: (key: ArrayKey, Type: ArrayType) => unknown): Households {
  const store: Record<string, unknown> = { count };
  for (const [key, Type] of Object.entries(ATTRIBUTES) as [ArrayKey, ArrayType][]) store[key] = attribute(key, Type);
  return { ...store } as unknown as Households; // the spread gives V8 a fast (non-dictionary) object
}

/** A store of `count` households with every attribute zero, on shared memory. */
export function allocateHouseholds(count: number): Households {
  return storeOf(count, (_, Type) => sharedArray(Type, count));
}

/** A deep copy of a store, on shared memory. */
export function copyHouseholds(source: Households): Households {
  return copyHouseholdsInto(allocateHouseholds(source.count), source);
}

/** `target` with every attribute copied from `source`, a store of as many households. */
export function copyHouseholdsInto(target: Households, source: Households): Households {
  for (const key of Object.keys(ATTRIBUTES) as ArrayKey[]) (target[key] as { set(values: ArrayLike<number>): void }).set(source[key]);
  return target;
}

/** The store of `count` households on the shared memory of each attribute (a helper thread's view of a run's store: ./threads.ts). */
export function householdsOn(buffers: { readonly [attribute: string]: SharedArrayBuffer }, count: number): Households {
  return storeOf(count, (key, Type) => new (Type as unknown as new (buffer: SharedArrayBuffer) => unknown)(buffers[key]));
}

/**
 * Bytes of model state per household: the element sizes of every attribute, plus `extra` (the
 * per-family entitlements the registry's programmes keep, 4 bytes each: see registryBytes).
 */
export function bytesPerHousehold(extra = 0): number {
  let bytes = extra;
  for (const Type of Object.values(ATTRIBUTES)) bytes += Type.BYTES_PER_ELEMENT;
  return bytes;
}
