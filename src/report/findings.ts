/**
 * Key findings: the three or four sentences a policy reader wants first, written from a run's
 * numbers (never typed in), in English and Bahasa Indonesia.
 *
 * The run is read against its baseline — the reference scenario, else `assistance-only` when the run
 * has it, else the first scenario — and against its best scenario, the one with the lowest mean
 * extreme poverty in the last March of the run (the first in order at a tie):
 *
 * 1. the extreme-poverty and national poverty rates in that March under both, with bands;
 * 2. the best scenario's paired difference from the baseline, in percentage points;
 * 3. graduations over the run, the best scenario's and the most of any scenario;
 * 4. what the best scenario spends beyond the baseline (assistance and empowerment) and that extra
 *    per percentage point of extreme poverty avoided — only when the whole band of the difference
 *    is below zero; otherwise the sentence says the difference is within its band of zero.
 *
 * Every number is a mean with its 5–95 % band over replicates (formatBand, as in the tables).
 */
import type { ResultRow } from '../run/results';
import type { SummaryRow } from '../observe/summary';
import { DEFAULT_REFERENCE } from '../scenarios/builtin';
import { decimal, monthLabel } from '../lang/index';
import type { Bilingual, Lang } from '../lang/index';
import { headlines } from './headline';
import type { Band, Headline } from './headline';
import { formatBand } from './table';

/** The scenarios a run's findings are read from. */
export interface FindingsInput {
  readonly rows: readonly ResultRow[];
  readonly summary: readonly SummaryRow[];
  /** Scenario ids in the run's order. */
  readonly scenarios: readonly string[];
  /** The run's reference scenario, if it has one. */
  readonly reference?: string;
  /** Each scenario's name in the language of the findings. */
  readonly labels: ReadonlyMap<string, string>;
}

/** The scenario the findings read the others against: the reference, else assistance-only, else the first. */
export function baselineOf(scenarios: readonly string[], reference?: string): string {
  return reference ?? (scenarios.includes(DEFAULT_REFERENCE) ? DEFAULT_REFERENCE : scenarios[0]);
}

/** What the sentences say, as numbers. */
interface Facts {
  readonly month: string;
  readonly replicates: number;
  readonly baseline: { readonly name: string; readonly extreme: Band; readonly national: Band | undefined; readonly graduations: Band };
  /** Absent when the run has one scenario. */
  readonly best?: {
    readonly name: string;
    readonly extreme: Band;
    readonly national: Band | undefined;
    readonly difference: Band;
    readonly graduations: Band;
    /** Assistance and empowerment over the run, beyond the baseline's (Rp; negative: less). */
    readonly extraSpend: number;
  };
  readonly mostGraduations: { readonly name: string; readonly graduations: Band };
  readonly scenarioCount: number;
}

const PERCENT = (b: Band | undefined, lang: Lang) => (b ? `${formatBand(b, 100, 2, lang)} %` : '—');
const THOUSANDS = (b: Band, lang: Lang) => formatBand(b, 1e-3, 1, lang);
const TRILLIONS = (x: number, lang: Lang) => decimal(Math.abs(x) * 1e-12, 2, lang);

/** The words of the findings; every number comes in already formatted for the language. */
const WORDS: Bilingual<{
  heading: string;
  levels: (f: Facts, p: (b: Band | undefined) => string) => string;
  alone: (f: Facts, p: (b: Band | undefined) => string) => string;
  difference: (f: Facts, d: string) => string;
  graduations: (f: Facts, best: string, most: string) => string;
  cost: (f: Facts, extra: string, perPoint: string | undefined) => string;
}> = {
  en: {
    heading: 'Key findings',
    levels: (f, p) =>
      `In ${monthLabel(f.month, 'en')}, ${p(f.baseline.extreme)} of people are in extreme poverty under ${f.baseline.name}, the baseline, and ${p(f.best!.extreme)} under ${f.best!.name}, the lowest of the ${f.scenarioCount} scenarios; the national poverty rate is ${p(f.baseline.national)} and ${p(f.best!.national)}.`,
    alone: (f, p) => `In ${monthLabel(f.month, 'en')}, ${p(f.baseline.extreme)} of people are in extreme poverty under ${f.baseline.name}, and ${p(f.baseline.national)} below the national poverty line.`,
    difference: (f, d) => `Against the baseline, ${f.best!.name} changes extreme poverty in ${monthLabel(f.month, 'en')} by ${d} percentage points (paired, replicate by replicate).`,
    graduations: (f, best, most) =>
      f.best
        ? `Over the run, ${f.best.name} graduates ${best} thousand households and the baseline ${THOUSANDS(f.baseline.graduations, 'en')} thousand; ${f.mostGraduations.name === f.best.name ? 'no scenario graduates more' : `the most, ${most} thousand, under ${f.mostGraduations.name}`}.`
        : `Over the run, ${f.baseline.name} graduates ${best} thousand households.`,
    cost: (f, extra, perPoint) =>
      `${f.best!.name} spends Rp ${extra} trillion ${f.best!.extraSpend >= 0 ? 'more' : 'less'} than the baseline on assistance and empowerment together` +
      (perPoint === undefined
        ? `; its change in extreme poverty reaches zero within its band, so no cost per percentage point is given.`
        : `: Rp ${perPoint} trillion ${f.best!.extraSpend >= 0 ? 'per' : 'saved with each'} percentage point of extreme poverty avoided in ${monthLabel(f.month, 'en')}.`),
  },
  id: {
    heading: 'Temuan utama',
    levels: (f, p) =>
      `Pada ${monthLabel(f.month, 'id')}, ${p(f.baseline.extreme)} penduduk berada dalam kemiskinan ekstrem pada ${f.baseline.name}, baseline, dan ${p(f.best!.extreme)} pada ${f.best!.name}, yang terendah dari ${f.scenarioCount} skenario; tingkat kemiskinan nasional ${p(f.baseline.national)} dan ${p(f.best!.national)}.`,
    alone: (f, p) => `Pada ${monthLabel(f.month, 'id')}, ${p(f.baseline.extreme)} penduduk berada dalam kemiskinan ekstrem pada ${f.baseline.name}, dan ${p(f.baseline.national)} di bawah garis kemiskinan nasional.`,
    difference: (f, d) => `Dibanding baseline, ${f.best!.name} mengubah kemiskinan ekstrem ${monthLabel(f.month, 'id')} sebesar ${d} poin persen (berpasangan, per replikasi).`,
    graduations: (f, best, most) =>
      f.best
        ? `Selama simulasi, ${f.best.name} meluluskan ${best} ribu rumah tangga dan baseline ${THOUSANDS(f.baseline.graduations, 'id')} ribu; ${f.mostGraduations.name === f.best.name ? 'tidak ada skenario yang meluluskan lebih banyak' : `terbanyak, ${most} ribu, pada ${f.mostGraduations.name}`}.`
        : `Selama simulasi, ${f.baseline.name} meluluskan ${best} ribu rumah tangga.`,
    cost: (f, extra, perPoint) =>
      `${f.best!.name} membelanjakan Rp ${extra} triliun ${f.best!.extraSpend >= 0 ? 'lebih banyak' : 'lebih sedikit'} daripada baseline untuk bantuan sosial dan pemberdayaan bersama` +
      (perPoint === undefined
        ? `; selisih kemiskinan ekstremnya mencapai nol dalam rentangnya, sehingga biaya per poin persen tidak diberikan.`
        : `: Rp ${perPoint} triliun ${f.best!.extraSpend >= 0 ? 'per' : 'dihemat untuk setiap'} poin persen kemiskinan ekstrem yang dihindari pada ${monthLabel(f.month, 'id')}.`),
  },
};

/** The heading of the findings in `lang`. */
export function findingsHeading(lang: Lang): string {
  return WORDS[lang].heading;
}

function facts(run: FindingsInput): Facts | undefined {
  const present = new Set(run.rows.map((r) => r.scenario));
  const scenarios = run.scenarios.filter((id) => present.has(id));
  if (scenarios.length === 0) return undefined;
  const baselineId = baselineOf(scenarios, run.reference !== undefined && present.has(run.reference) ? run.reference : undefined);
  const all = headlines(run.rows, baselineId);
  const month = all[0]?.extremePoverty.at(-1)?.month;
  if (month === undefined) return undefined;
  const name = (id: string) => run.labels.get(id) ?? id;
  const extremeIn = (h: Headline) => h.extremePoverty.find((p) => p.month === month)!;
  const national = (id: string): Band | undefined => run.summary.find((r) => r.scenario === id && r.compared_with === '' && r.month === month && r.indicator === 'p0_national' && r.group === 'national');
  const baseline = all.find((h) => h.scenario === baselineId)!;
  const others = all.filter((h) => h.scenario !== baselineId);
  const best = others.reduce<Headline | undefined>((b, h) => (b === undefined || extremeIn(h).level.mean < extremeIn(b).level.mean ? h : b), undefined);
  const most = all.reduce((m, h) => (h.graduations.mean > m.graduations.mean ? h : m));
  const spend = (h: Headline) => h.assistanceSpend.mean + h.empowermentSpend.mean;
  return {
    month,
    replicates: baseline.replicates,
    scenarioCount: all.length,
    baseline: { name: name(baselineId), extreme: extremeIn(baseline).level, national: national(baselineId), graduations: baseline.graduations },
    best: best && {
      name: name(best.scenario),
      extreme: extremeIn(best).level,
      national: national(best.scenario),
      difference: extremeIn(best).difference!,
      graduations: best.graduations,
      extraSpend: spend(best) - spend(baseline),
    },
    mostGraduations: { name: name(most.scenario), graduations: most.graduations },
  };
}

/**
 * The key findings of a run in `lang`: three or four sentences with their numbers (none when the run
 * reaches no March, the month extreme poverty is read in).
 */
export function keyFindings(run: FindingsInput, lang: Lang): string[] {
  const f = facts(run);
  if (!f) return [];
  const w = WORDS[lang];
  const p = (b: Band | undefined) => PERCENT(b, lang);
  if (!f.best) return [w.alone(f, p), w.graduations(f, THOUSANDS(f.baseline.graduations, lang), '')];
  const avoided = f.best.difference.p95 < 0; // the whole band below zero
  const perPoint = avoided ? TRILLIONS(f.best.extraSpend / (-100 * f.best.difference.mean), lang) : undefined;
  return [
    w.levels(f, p),
    w.difference(f, formatBand(f.best.difference, 100, 2, lang, true)),
    w.graduations(f, THOUSANDS(f.best.graduations, lang), THOUSANDS(f.mostGraduations.graduations, lang)),
    w.cost(f, TRILLIONS(f.best.extraSpend, lang), perPoint),
  ];
}
