/**
 * An offer: a programme given to named households in one month, outside the programme's yearly
 * places — the treatment arm of a virtual randomised trial (src/trial/virtual.ts).
 *
 * Draws are addressable (../random.ts): each is a function of (run key, stream, household, month,
 * draw index) only. So in a run with an offer, treated and control households see exactly the draws
 * they would see in a run without it; the offer draws from a stream of its own ("offer") and shifts
 * no other process's draws. What the offer changes is the treated households' state, and from there
 * whatever the model's rules make of it — including spillovers through quotas, places and the
 * registry's ranking, as a real programme would have.
 *
 *   pena                PENA as the policy defines it (../services/pena.ts, grantPena): policy.pena.capital in
 *                       kind, "PENA received", mentoring for policy.pena.mentoring_months, the month
 *                       received (so the push exit applies as to any recipient); counted as PENA
 *                       spending and as a "pena.received" event, but not against the year's places
 *                       (policy.pena.recipients), which stay open to everyone else.
 *   graduation-package  a BRAC-like package (GraduationPackage): capital in kind (equipment or
 *                       livestock, as the package says), skills training (the
 *                       household counts as trained at once), mentoring, and a cash stipend each
 *                       month for `stipendMonths` months from the offer month, consumed like any cash
 *                       transfer (behaviour.consumption.transfer_share). Not a Kemensos programme: its
 *                       cost is in no service book (the trial counts it).
 *
 * Take-up is the business start: from the offer month, a treated household that holds capital but
 * has not been seen running a business since the offer starts one with
 * behaviour.business.start_probability a month, whatever its phase (in transisi the pathway's own
 * rule draws the start instead). Once it has run one, only the model's usual rules apply: returns,
 * failure and the poverty trap, graduation, relapse.
 *
 * The offer is a stage of the month placed before the pathway:
 *
 *   … ─► blt_bbm ─► offer ─► pathway ─► consumption
 *
 * so a household given PENA by the offer is no PENA candidate that month, and its stipend is in
 * this month's consumption. Eligibility is the trial's business: the offer gives what it is told.
 */
import { uniform } from '../random';
import { TRANSITION } from '../phases';
import type { Process } from '../month';
import type { Month } from '../../calendar/months';
import { formatMonth, monthOf } from '../../calendar/months';
import type { MonthContext, World } from '../world';
import { startBusiness } from './pathway';
import { hasBusinessAssets } from './business';
import { grantPena } from '../services/pena';

/** The programmes an offer can give. */
export const OFFER_PROGRAMMES = ['pena', 'graduation-package'] as const;
export type OfferProgramme = (typeof OFFER_PROGRAMMES)[number];

/** The kinds of business asset a package can give: equipment and stock, which wear out, or livestock, which breeds. */
export const PACKAGE_ASSETS = ['equipment', 'livestock'] as const;
export type PackageAsset = (typeof PACKAGE_ASSETS)[number];

/** What a graduation package gives each treated household (src/trial/designs.ts documents a BRAC-like one). */
export interface GraduationPackage {
  /** Business capital (an asset in kind) given at the offer month, Rp per household. */
  readonly capital: number;
  /** What the capital is: equipment (households.capital) or livestock (households.livestock). */
  readonly asset: PackageAsset;
  /** Cash stipend, Rp per household a month, paid from the offer month for `stipendMonths` months. */
  readonly stipend: number;
  /** Months the stipend is paid (a whole number, 0 for none). */
  readonly stipendMonths: number;
  /** Months of mentoring (coaching) from the offer month, 0–255. */
  readonly mentoringMonths: number;
  /** Whether the package includes skills training: the household counts as trained from the offer month. */
  readonly training: boolean;
}

/** A programme offered to some households in one month (SimulateOptions.offer). */
export interface Offer {
  readonly programme: OfferProgramme;
  /** The month it is given, "YYYY-MM": after the run's first month and at most its last. */
  readonly month: string;
  /** Agent indices (0 … agents − 1) of the households offered it, each once. May be empty. */
  readonly households: Int32Array;
  /** The package's contents: required for "graduation-package", refused for "pena". */
  readonly package?: GraduationPackage;
}

const PACKAGE_KEYS = ['capital', 'asset', 'stipend', 'stipendMonths', 'mentoringMonths', 'training'] as const;

/**
 * Throws unless `offer` is a valid offer for a run of `agents` households from `start` to `end`;
 * the message names the field (offer.month, offer.households[k], offer.package.capital, …) and what
 * was expected.
 */
export function checkOffer(offer: Offer, agents: number, start: Month, end: Month): void {
  const where = 'simulate: offer';
  if (typeof offer !== 'object' || offer === null) throw new Error(`${where}: expected { programme, month, households, package? }, got ${String(offer)}`);
  if (!OFFER_PROGRAMMES.includes(offer.programme)) throw new Error(`${where}.programme: expected ${OFFER_PROGRAMMES.map((p) => `"${p}"`).join(' or ')}, got ${JSON.stringify(offer.programme)}`);
  let month: Month;
  try {
    month = monthOf(String(offer.month));
  } catch {
    throw new Error(`${where}.month: expected a month as YYYY-MM, got ${JSON.stringify(offer.month)}`);
  }
  if (month <= start || month > end) {
    throw new Error(`${where}.month: expected a month after the run's first month ${formatMonth(start)} and at most its last ${formatMonth(end)}, got "${offer.month}"`);
  }
  if (!(offer.households instanceof Int32Array)) throw new Error(`${where}.households: expected an Int32Array of agent indices, got ${Object.prototype.toString.call(offer.households)}`);
  const seen = new Int32Array(agents).fill(-1);
  offer.households.forEach((i, k) => {
    if (!(i >= 0 && i < agents)) throw new Error(`${where}.households[${k}]: expected an agent index from 0 to ${agents - 1}, got ${i}`);
    if (seen[i] >= 0) throw new Error(`${where}.households[${k}]: expected each household once, but offer.households[${seen[i]}] is ${i} too`);
    seen[i] = k;
  });
  const p = offer.package;
  if (offer.programme === 'pena') {
    if (p !== undefined) throw new Error(`${where}.package: expected none for "pena" (PENA is what policy.pena defines), got ${JSON.stringify(p)}`);
    return;
  }
  if (typeof p !== 'object' || p === null) throw new Error(`${where}.package: expected { ${PACKAGE_KEYS.join(', ')} } for "graduation-package", got ${String(p)}`);
  for (const key of Object.keys(p)) {
    if (!(PACKAGE_KEYS as readonly string[]).includes(key)) throw new Error(`${where}.package.${key}: expected one of ${PACKAGE_KEYS.join(', ')}`);
  }
  const amount = (key: 'capital' | 'stipend') => {
    if (!(typeof p[key] === 'number' && p[key] >= 0 && p[key] < Infinity)) throw new Error(`${where}.package.${key}: expected an amount in Rp, 0 or more, got ${String(p[key])}`);
  };
  const months = (key: 'stipendMonths' | 'mentoringMonths', max: number) => {
    if (!(Number.isInteger(p[key]) && p[key] >= 0 && p[key] <= max)) throw new Error(`${where}.package.${key}: expected a whole number of months from 0 to ${max}, got ${String(p[key])}`);
  };
  amount('capital');
  if (!(PACKAGE_ASSETS as readonly unknown[]).includes(p.asset)) throw new Error(`${where}.package.asset: expected ${PACKAGE_ASSETS.map((a) => `"${a}"`).join(' or ')}, got ${JSON.stringify(p.asset)}`);
  amount('stipend');
  months('stipendMonths', 1200);
  months('mentoringMonths', 255); // households.mentoringMonths is a Uint8Array
  if (typeof p.training !== 'boolean') throw new Error(`${where}.package.training: expected true or false, got ${String(p.training)}`);
}

/** The monthly stage that gives a (checked) offer; it keeps which treated households have taken up. */
export function offerStage(offer: Offer): Process {
  const month = monthOf(offer.month);
  const treated = offer.households;
  const tookUp = new Uint8Array(treated.length);
  const pkg = offer.package;
  return (world: World, ctx: MonthContext) => {
    if (ctx.month < month) return;
    if (ctx.month === month) for (const i of treated) give(world, ctx, i, offer);
    if (pkg !== undefined && ctx.month < month + pkg.stipendMonths) payStipend(world, treated, pkg.stipend);
    takeUp(world, ctx, treated, tookUp);
  };
}

/** The offer's programme for household i, in the offer month. */
function give(world: World, ctx: MonthContext, i: number, offer: Offer): void {
  if (offer.programme === 'pena') {
    grantPena(world, ctx, i, 'outside-places');
    return;
  }
  const h = world.households;
  const p = offer.package!;
  (p.asset === 'livestock' ? h.livestock : h.capital)[i] += p.capital;
  h.mentoringMonths[i] = Math.max(h.mentoringMonths[i], p.mentoringMonths);
  if (p.training) {
    const { flag } = world.registry;
    if ((h.services[i] & flag['skills.in_training']) !== 0) h.serviceMonths[i] = 0; // a course under way is superseded
    h.services[i] = (h.services[i] & ~flag['skills.in_training']) | flag['skills.trained'];
  }
}

function payStipend(world: World, treated: Int32Array, stipend: number): void {
  const cash = world.households.cashTransfers;
  for (const i of treated) cash[i] += stipend;
}

/** Take-up: a business start for treated households with capital outside transisi (see the module comment). */
function takeUp(world: World, ctx: MonthContext, treated: Int32Array, tookUp: Uint8Array): void {
  const h = world.households;
  const p = ctx.params.behaviour.business.start_probability;
  for (let k = 0; k < treated.length; k++) {
    if (tookUp[k] === 1) continue;
    const i = treated[k];
    if (h.business[i] === 1) tookUp[k] = 1;
    else if (h.phase[i] !== TRANSITION && hasBusinessAssets(h, i) && uniform(ctx.streams.offer, i, ctx.month) < p) {
      startBusiness(world, ctx, i);
      tookUp[k] = 1;
    }
  }
}

/**
 * The month's processes with the offer's stage placed before the first stage that reads what it
 * gives ("pathway", else "consumption"). Throws when the processes have neither.
 */
export function withOffer(processes: ReadonlyArray<readonly [string, Process]>, stage: Process): ReadonlyArray<readonly [string, Process]> {
  const at = processes.findIndex(([name]) => name === 'pathway' || name === 'consumption');
  if (at < 0) throw new Error(`simulate: offer: expected the processes to have a "pathway" or "consumption" stage to place the offer before, got ${processes.map(([n]) => `"${n}"`).join(', ') || 'none'}`);
  return [...processes.slice(0, at), ['offer', stage] as const, ...processes.slice(at)];
}
