/**
 * The world: the household store plus the little state that belongs to no single household —
 * province income shocks, cumulative growth, the welfare distribution, each programme's and
 * service's book — and the registry of the run's programmes and services. A month's processes read
 * and update it through a MonthContext. The shapes a programme or a service declares
 * (./programmes/, ./services/) are here too, beside the world they act on.
 */
import type { Households } from './households';
import type { Month } from '../calendar/months';
import type { ParameterValues } from '../parameters/spec';
import type { Stream } from './random';
import type { WelfareDistribution } from './welfare';
import type { Words } from '../lang/index';
import type { MessagePort, Worker } from 'node:worker_threads';

/** A reason a programme or service gives for a move or an event: its code ("pkh.enrolled") and its name. */
export interface ReasonDeclaration {
  readonly code: string;
  readonly label: Words;
}

/**
 * What a programme pays a family this month (./processes/assistance.ts runs it): its quota of
 * families, its budget for the year (Infinity when no budget figure exists: the quota binds), a flat
 * benefit per month of benefit (when it has no per-family entitlement) and the probability that a
 * family meets its conditions and is paid (1 when unconditional).
 */
export interface ProgrammeTerms {
  readonly quota: number;
  readonly budget: number;
  readonly flat: number;
  readonly compliance: number;
}

/**
 * An assistance programme (PKH, BPNT / Sembako, BLT BBM, …): one module in ./programmes/ declares it.
 * The assistance process enrols, cuts and pays every programme of the registry the same way.
 */
export interface Programme {
  /** Identifier, lower case: the prefix of its reasons and indicators ("pkh" → "pkh.enrolled", "pkh_households"). */
  readonly id: string;
  /** Short name, as tables and charts write it ("PKH"). */
  readonly name: Words;
  /** Its families, as the households indicator is labelled ("PKH families (KPM)"). */
  readonly families: Words;
  /** Paid in cash or as food assistance (consumption counts food in full, a share of cash). */
  readonly paidAs: 'cash' | 'food';
  /** A family in it is on the pathway's assistance phase (and leaves the programme when it graduates). */
  readonly assistance: boolean;
  /**
   * Who may be enrolled, by status: 'registry' (in the DTKS), 'graduated' (left assistance by
   * graduating), or another programme's id. A family must have every status of `all`, one of
   * `any` (when given) and none of `forbid`; with `area`, it must live in rural or in urban areas.
   */
  readonly eligibility: {
    readonly all?: readonly string[];
    readonly any?: readonly string[];
    readonly forbid?: readonly string[];
    readonly area?: 'rural' | 'urban';
  };
  /** Its reasons: entering; leaving (in this order in the flows); a reason of its own for graduating, if it has one. */
  readonly reasons: { readonly enrolled: ReasonDeclaration; readonly exits: readonly ReasonDeclaration[]; readonly graduated?: ReasonDeclaration };
  /** Which of its reason codes a family leaves for: a status of `all` or `forbid` missing or held, none of `any`, entitlement zero, quota or budget cut, graduation. */
  readonly leaves: { readonly missingAll: string; readonly missingAny: string; readonly noEntitlement: string; readonly cut: string; readonly graduated: string };
  /** Leaving it for `leaves.noEntitlement` while it is in force is graduasi alamiah (natural graduation, ../graduation.ts): PKH. */
  readonly naturalGraduation?: boolean;
  /**
   * A per-family entitlement (Rp a month), recomputed for every family whenever `key` of the month's
   * parameters changes, and for the families marked in `changed` (World.membersChanged) when only
   * members changed; without it every family gets `terms().flat`.
   */
  readonly entitlement?: { key(params: ParameterValues): string; compute(h: Households, params: ParameterValues, out: Float32Array, changed?: Uint8Array): void };
  /** Its terms this month. */
  terms(params: ParameterValues): ProgrammeTerms;
  /**
   * Whether it has a caseload this month (a quota and a benefit in force). When it has none, every
   * family leaves it for `leaves.noEntitlement`.
   */
  inForce(params: ParameterValues): boolean;
  /**
   * The months of benefit its payment in `month` covers: 1 when it pays monthly, 3 in the month of a
   * quarterly tranche, 0 in a month it pays nothing. Families are taken in and cut only in months it
   * pays; between payments its caseload is held. Its budget is spread over the months of benefit.
   */
  monthsPaid(params: ParameterValues, month: Month): number;
  /** The random stream of its compliance draws, when its payments are conditional. */
  readonly complianceStream?: keyof Streams;
  /** Whether inclusion and exclusion errors (against the national line) are reported for it. */
  readonly targeting: boolean;
}

/** What the pathway's month gives a service to work with (see ./processes/pathway.ts). */
export interface PathwayMonth {
  readonly world: World;
  readonly ctx: MonthContext;
  readonly h: Households;
  readonly policy: ParameterValues['policy'];
  readonly behaviour: ParameterValues['behaviour'];
  /** Poverty lines this month, Rp per person per month. */
  readonly extremeLine: number;
  readonly nationalLine: number;
}

/**
 * An empowerment service (ATENSI, RST, skills, PENA, PROKUS, community programmes): one module in
 * ./services/ declares it. The pathway offers a service with an intake to the households of its
 * phases within its places, poorest first; a service in progress goes on each month.
 */
export interface Service {
  readonly id: string;
  /** Its name ("ATENSI rehabilitation"). */
  readonly name: Words;
  /** State bits it keeps per household (allocated by the registry; read them with registry.flag). */
  readonly flags: readonly string[];
  /** Its events, in the order the flows list them. */
  readonly reasons: readonly ReasonDeclaration[];
  /** Labels of its indicators: spending, and the queue of those waiting for a place (services with an intake). */
  readonly indicators: { readonly spend: Words; readonly queue?: Words };
  /** Admission on the pathway, within places: in which phases, who is a candidate, how many places this month, and what admission gives. */
  readonly intake?: {
    readonly phases: readonly number[];
    /** A candidate in household i's phase, with `monthsInPhase` as it stood at the start of the month: a question, which changes nothing (the pathway does not ask it of a household past the intake's cut). */
    candidate(m: PathwayMonth, i: number, monthsInPhase: number): boolean;
    /**
     * A window on one of its phases: a household that has been `months` months or more in `phase` is
     * no candidate (PROKUS: in the first months after graduating). The pathway then passes over the
     * graduates that only wait.
     */
    readonly window?: { readonly phase: number; months(m: PathwayMonth): number };
    /** Places this month (weighted households). */
    room(m: PathwayMonth): number;
    admit(m: PathwayMonth, i: number): void;
  };
  /** A service under way (`active`): each month in these phases, `run` moves it on, instead of an admission. */
  readonly progress?: { readonly phases: readonly number[]; active(m: PathwayMonth, i: number): boolean; run(m: PathwayMonth, i: number): void };
  /** A service under way ends unfinished when the household moves to a phase outside these. */
  readonly keep?: { readonly phases: readonly number[]; drop(world: World, i: number): void };
}

/**
 * The programmes and services of a run, with what they are given: status and state bits, and the
 * index of every reason in the flows. Built once by createRegistry (./registry.ts).
 */
export interface Registry {
  readonly programmes: readonly Programme[];
  readonly services: readonly Service[];
  /** Every reason code, in the order of the flows: registry, programmes (entries, exits, graduations), pathway, services, businesses. */
  readonly reasons: readonly string[];
  /** The index of each reason code in `reasons`. */
  readonly reason: { readonly [code: string]: number };
  /** Each reason's name. */
  readonly reasonLabels: { readonly [code: string]: Words };
  /** The bit of each status in `households.programmes`: 'registry', 'graduated' and each programme's id. */
  readonly status: { readonly [name: string]: number };
  /** The bits of the programmes whose families are on the pathway's assistance phase. */
  readonly assistance: number;
  /** The bit of each service's flag in `households.services`, as "service.flag". */
  readonly flag: { readonly [serviceFlag: string]: number };
}

/** A programme's money: what it has spent this budget year and this month. */
export interface ProgrammeBook {
  /** Budget year the `spent` figure belongs to. */
  year: number;
  /** Rp spent so far in `year` (for the start year, the share of the budget of the months before the run is counted as spent). */
  spent: number;
  /** Rp paid this month. */
  spentThisMonth: number;
  /** Families enrolled after this month's entries and exits (weighted). */
  families: number;
  /** Families paid by this month's payment (weighted; 0 in a month without one): the enrolled who met its conditions. */
  paidThisMonth: number;
  /** Rp paid this month, by province. */
  readonly spentByProvince: Float64Array;
  /** First month of `monthsPaid`: January of the start year. */
  readonly paidFrom: Month;
  /** The months of benefit paid in each month from `paidFrom` to the end of the run (Programme.monthsPaid). */
  readonly monthsPaid: Uint8Array;
  /** Per-family entitlement, Rp a month (programmes that declare one), and the parameters' key it was computed for. */
  readonly entitlement: Float32Array | null;
  entitlementKey: string;
  /** The World.membersVersion the entitlements count the members of. */
  membersVersion: number;
}

/** A service's money and intake: this month's and this year's. */
export interface ServiceBook {
  /** Year `admittedThisYear` belongs to. */
  year: number;
  /** Households taken in so far this year (weighted). */
  admittedThisYear: number;
  /** Places opened so far this year: a twelfth of the yearly places each month. */
  openedThisYear: number;
  /** Rp spent this month. */
  spentThisMonth: number;
  /** Rp spent this month, by province. */
  readonly spentByProvince: Float64Array;
  /** Households taken in this month (weighted). */
  admittedThisMonth: number;
  /** Households eligible but not taken in this month for want of capacity (weighted). */
  queue: number;
}

/** Pathway totals since the start of the run. */
export interface PathwayTotals {
  /** Rp spent on empowerment services (every service of the registry). */
  spent: number;
  /** Graduations of every kind (weighted households; ../graduation.ts). */
  graduations: number;
}

export interface World {
  readonly households: Households;
  /** The raw bits of `households.consumption` (a Uint32Array view of the same memory), for binning without logarithms. */
  readonly consumptionBits: Uint32Array;
  /** The raw bits of `households.registryScore`, likewise, for ranking households by score. */
  readonly scoreBits: Uint32Array;
  /**
   * Each household's consumption as the month's consumption process writes it while the pathway
   * still reads last month's (../month.ts, SIDE_BY_SIDE): on shared memory, made when a run starts
   * helper threads (./threads.ts, startThreads), empty until then.
   */
  consumptionDrafts: Float32Array;
  readonly provinceCount: number;
  /**
   * The households a process visits in its turn: indices in household order, `count` of them, with
   * room for every household. A process that reads only some households (assistance: those with a
   * registry status; ATENSI: its candidates; the pathway: those on it or entering it) lists them in a
   * first pass and reads the list after; nothing in it carries over to the next process. A reporter
   * may list households in it too, after the month's step (the household tally: those with a status).
   */
  readonly visiting: { readonly households: Int32Array; count: number };
  /**
   * The families a programme settles in its turn (../processes/assistance.ts), with room for every
   * household, from the front in household order: in a month it pays, the eligible families not
   * enrolled (its candidates, as i) and the enrolled no longer eligible (its leavers, as ~i), who leave
   * with its admissions (or before a cut); in a month of holding, its leavers, who leave after the pass. Then ATENSI's month (../processes/rehabilitation.ts)
   * keeps in it, beside each candidate it lists in `visiting`, the candidate's cluster and intake key.
   * On shared memory: the step's threads write it.
   */
  readonly settling: Int32Array;
  /** First month of the run; incomes are expressed in its prices. */
  readonly start: Month;
  /** Last month of the run. */
  readonly end: Month;
  /** Log income shock shared by the households of each province (AR(1)). */
  readonly provinceShock: Float64Array;
  /** Cumulative log real growth of permanent income since `start`, at the mean. */
  growth: number;
  /** Cumulative tilt of growth by rank since `start`: a household of rank r has grown by growth + growthTilt · (1 − 2r) (behaviour.income.growth_at_bottom). */
  growthTilt: number;
  /** Each household's rank in the welfare distribution of the start month (0 = poorest, 1 = richest), which sets its share of growth. */
  readonly growthRank: Float32Array;
  /** Distribution of consumption per person over households, as of the end of last month. */
  readonly welfare: WelfareDistribution;
  /** The programmes and services of the run. */
  readonly registry: Registry;
  /** Each programme's book, by id. */
  readonly books: { readonly [programme: string]: ProgrammeBook };
  /** BPS code of each province (by index). */
  readonly provinceCodes: readonly number[];
  /** Each service's book, by id. */
  readonly services: { readonly [service: string]: ServiceBook };
  /** Households eligible for pemulihan sosial but without a facilitator this month (weighted), by group: the extreme poor, and the push's families who are not extremely poor. */
  readonly facilitatorQueue: { extremePoor: number; pushed: number };
  /** ATENSI's admissions in `year` by cluster (weighted persons, in the order of CLUSTERS, ./services/atensi.ts): each cluster's places carry over within the year. */
  readonly rehabilitation: { year: number; readonly admittedThisYear: Float64Array };
  /** Households in pemulihan sosial that cannot move on, by reason (weighted), this month. */
  readonly blocked: { noWorkingAgeMember: number; awaitingRehabilitation: number };
  readonly totals: PathwayTotals;
  /**
   * The households whose group changed: a process that changes an attribute a group dimension reads
   * (./groups.ts: province, flags, the head's age) lists them here (regroup) and bumps `version` in
   * each month some did. Observers keep each household's group cell: one that kept them as of the
   * version before regroups only the households listed, one further behind groups them all anew.
   */
  readonly regrouped: Regrouped;
  /**
   * Bumped by any process that changes the members of some household (./processes/demography.ts:
   * the PKH components and size), which also marks the household in `membersChanged`: entitlements
   * counted by member are computed anew for those households.
   */
  membersVersion: number;
  /**
   * The demography rates in force when the households' next changes of members were drawn
   * (households.nextMemberChange, ./processes/demography.ts): when the rates in force change, every
   * household's next change is drawn anew.
   */
  memberChangeRates: string;
  /** 1 for each household whose members changed since the programmes last counted them (cleared by ./processes/assistance.ts). */
  readonly membersChanged: Uint8Array;
  /** The attributes the flows are counted by, for countMove (../groups.ts, flowBytes). */
  readonly flowBytes: readonly Uint8Array[];
  /** The threads the processes that touch each household alone split the households over (./threads.ts): the calling thread alone unless a run starts helpers. */
  threads: StepThreads;
  /** The step's kernels and passes made for this world on the calling thread (work that holds the world as a constant of its closure: ./threads.ts, Kernel), by module and name. */
  readonly kernels: Map<string, unknown>;
}

/** A helper thread of a run's step (./threads.ts): its worker, its control words and its port, and the number of its latest task. */
export interface StepHelper {
  readonly worker: Worker;
  /** Int32 words: [0] the task's number (−1: stop), [1] the number of the last task done. */
  readonly control: Int32Array;
  readonly port: MessagePort;
  task: number;
}

/** The threads of one run's step (./threads.ts): the calling thread and its helpers. */
export interface StepThreads {
  readonly helpers: readonly StepHelper[];
  /** The calling thread's list of regrouped households, kept from month to month. */
  regrouped: Uint32Array;
  /** Whether the helpers are running a kernel while the calling thread does other work (Split.before). */
  busy: boolean;
  /** The next chunk a thread may take of each block of the kernel under way, one block a thread (./threads.ts, takeChunks): on shared memory when there are helpers. */
  readonly nextChunk: Int32Array;
}

/** The households of the latest month in which some changed group (World.regrouped). */
export interface Regrouped {
  /** Bumped in each month some household changed group. */
  version: number;
  /** The first `count` entries: the households of that month, in household order. */
  households: Uint32Array;
  count: number;
}

/** The random streams of the processes, one per purpose. */
export interface Streams {
  readonly initialIncome: Stream;
  readonly initialRegistry: Stream;
  readonly province: Stream;
  readonly income: Stream;
  readonly registry: Stream;
  readonly compliance: Stream;
  readonly pathway: Stream;
  readonly business: Stream;
  readonly community: Stream;
  /** Draws of demography (./processes/demography.ts): school moves, births, pregnancies, deaths. */
  readonly demography: Stream;
  /** Draws of a trial's offer (processes/offer.ts): the take-up of treated households outside transisi. */
  readonly offer: Stream;
}

/** What a process may read about the month besides the world. */
export interface MonthContext {
  readonly month: Month;
  /** Every parameter value in force this month. */
  readonly params: ParameterValues;
  /** Consumer price index relative to the start month. */
  readonly cpi: number;
  /** The price level nominal incomes follow this month (underlying inflation now, price jumps `price_lag` months late), relative to the start month. */
  readonly incomePrices: number;
  /** Poverty lines this month, Rp per person per month. */
  readonly nationalLine: number;
  readonly extremeLine: number;
  readonly streams: Streams;
  /** Weighted households moved this month, by reason and group (see countMove in ./reasons.ts). Processes add to it. */
  readonly flows: Float64Array;
}
