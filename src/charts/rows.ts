/**
 * Picking what a chart draws from summary rows, and naming and colouring scenarios.
 *
 * A chart asks for an indicator in a group (of one scenario, at one month…); when nothing
 * matches, the error says which part of the request the rows do not hold, so a chart is never
 * drawn empty. Scenarios keep one colour across every chart of a report: the colour follows the
 * scenario's place among all scenarios of the rows, not among those one chart shows.
 */
import type { SummaryRow } from '../observe/summary';
import type { Lang, Words } from '../lang/index';

/** A scenario's display name. */
export interface ScenarioName {
  readonly id: string;
  readonly label: string;
}

/** What a chart asks of the rows. */
export interface Request {
  /** The chart asking (for the error message). */
  readonly chart: string;
  readonly indicator: string;
  /** A group, or every group starting with a prefix: "province:*". */
  readonly group: string;
  /** Paired differences (compared_with ≠ "") rather than the scenarios' own values. */
  readonly differences?: boolean;
  readonly scenario?: string;
  /** The reference scenario of differences. */
  readonly reference?: string;
  readonly month?: string;
}

/** A few distinct values, for an error message. */
function some(values: Iterable<string>): string {
  const distinct = [...new Set(values)];
  return distinct.length <= 6 ? distinct.join(', ') : `${distinct.slice(0, 6).join(', ')} … (${distinct.length} in all)`;
}

/** Summary rows by kind (levels, paired differences) and indicator, in their order. */
interface RowIndex {
  /** The rows' length when indexed: rows added since are indexed anew. */
  readonly length: number;
  readonly levels: ReadonlyMap<string, SummaryRow[]>;
  readonly differences: ReadonlyMap<string, SummaryRow[]>;
}

/** The index of each array of summary rows a chart has read, made the first time: a report's charts read the same rows dozens of times. */
const INDEXES = new WeakMap<readonly SummaryRow[], RowIndex>();

function indexOf(rows: readonly SummaryRow[]): RowIndex {
  let index = INDEXES.get(rows);
  if (index === undefined || index.length !== rows.length) {
    const levels = new Map<string, SummaryRow[]>();
    const differences = new Map<string, SummaryRow[]>();
    for (const r of rows) {
      const byIndicator = r.compared_with === '' ? levels : differences;
      const of = byIndicator.get(r.indicator);
      if (of === undefined) byIndicator.set(r.indicator, [r]);
      else of.push(r);
    }
    INDEXES.set(rows, (index = { length: rows.length, levels, differences }));
  }
  return index;
}

/**
 * The rows a request asks for, in their order; throws, naming what is missing, when there are none.
 * The rows are indexed by kind and indicator the first time (indexOf): rows may be added to the
 * array after, not changed in place.
 */
export function select(rows: readonly SummaryRow[], request: Request): SummaryRow[] {
  const { chart, indicator, group, differences = false, scenario, reference, month } = request;
  const fail = (what: string): never => {
    throw new Error(`${chart}: ${what}`);
  };
  if (rows.length === 0) fail('no summary rows were given');
  const index = indexOf(rows);
  const ofKind = differences ? index.differences : index.levels;
  if (ofKind.size === 0) fail(differences ? 'the rows hold no paired differences (summarise them with a reference scenario)' : 'the rows hold paired differences only, no levels');
  const kind = differences ? 'paired differences' : 'levels';
  const of = ofKind.get(indicator) ?? [];
  if (of.length === 0) fail(`indicator "${indicator}" is not among the ${kind} of the rows`);
  const inGroup = group.endsWith('*') ? (g: string) => g.startsWith(group.slice(0, -1)) : (g: string) => g === group;
  let picked = of.filter((r) => inGroup(r.group));
  if (picked.length === 0) fail(`group "${group}" has no ${kind} of indicator "${indicator}" (groups: ${some(of.map((r) => r.group))})`);
  const where = `indicator "${indicator}" in group "${group}"`;
  if (scenario !== undefined) {
    const before = picked;
    picked = picked.filter((r) => r.scenario === scenario);
    if (picked.length === 0) fail(`scenario "${scenario}" has no ${kind} of ${where} (scenarios: ${some(before.map((r) => r.scenario))})`);
  }
  if (reference !== undefined) {
    const before = picked;
    picked = picked.filter((r) => r.compared_with === reference);
    if (picked.length === 0) fail(`no differences from reference "${reference}" of ${where} (references: ${some(before.map((r) => r.compared_with))})`);
  }
  if (month !== undefined) {
    const before = picked;
    picked = picked.filter((r) => r.month === month);
    if (picked.length === 0) fail(`month "${month}" has no ${kind} of ${where} (months ${before[0].month} to ${lastMonth(before)})`);
  }
  return picked;
}

/** The latest month of rows ("YYYY-MM" sorts as text). */
export function lastMonth(rows: readonly SummaryRow[]): string {
  return rows.reduce((last, r) => (r.month > last ? r.month : last), rows[0].month);
}

/**
 * Every scenario of the rows (and every one named), in legend order: the named ones first, in
 * their order, then the others as the rows first mention them, named by their id.
 */
export function scenarioNames(rows: readonly SummaryRow[], named: ReadonlyArray<ScenarioName> = []): ScenarioName[] {
  const out = new Map<string, ScenarioName>(named.map((s) => [s.id, s]));
  for (const r of rows) {
    for (const id of [r.scenario, r.compared_with]) if (id !== '' && !out.has(id)) out.set(id, { id, label: id });
  }
  return [...out.values()];
}

/** Display names of scenarios (anything with an id and English and Indonesian labels) in a language. */
export function scenarioLabels(scenarios: ReadonlyArray<{ readonly id: string; readonly label: Words }>, lang: Lang): ScenarioName[] {
  return scenarios.map((s) => ({ id: s.id, label: s.label[lang] }));
}

/** Vega's "tableau10" scheme, the default of nominal colours. */
const PALETTE = ['#4c78a8', '#f58518', '#e45756', '#72b7b2', '#54a24b', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];

/** The scenarios a chart shows, in legend order, with their colours (by place among `all`). */
export function scenarioColours(all: readonly ScenarioName[], shown: Iterable<string>): { domain: string[]; range: string[] } {
  const ids = new Set(shown);
  const domain: string[] = [];
  const range: string[] = [];
  all.forEach((s, k) => {
    if (!ids.has(s.id)) return;
    domain.push(s.label);
    range.push(PALETTE[k % PALETTE.length]);
  });
  return { domain, range };
}

/** The first scenario, in legend order, that has levels in the rows ("" when none has). */
export function firstScenario(rows: readonly SummaryRow[], all: readonly ScenarioName[]): string {
  return all.find((s) => rows.some((r) => r.scenario === s.id && r.compared_with === ''))?.id ?? '';
}

/** The display name of a scenario id. */
export function labelOf(all: readonly ScenarioName[], id: string): string {
  return all.find((s) => s.id === id)?.label ?? id;
}

/** Replicates behind rows: "20", or "10–20" when they differ. */
export function replicates(rows: readonly SummaryRow[]): string {
  let low = Infinity, high = 0;
  for (const r of rows) (low = Math.min(low, r.replicates)), (high = Math.max(high, r.replicates));
  return low === high ? String(low) : `${low}–${high}`;
}
