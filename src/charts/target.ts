/**
 * The charts of a target search (src/target): every candidate mix as a point of extra cost against
 * the indicator at the target month, with the target level as a rule and the answer marked
 * (targetCandidates); and the indicator over time for the answer (or the closest mix) against the
 * policy as legislated, with the level as a rule (targetPath, the povertyOverTime chart with the rule
 * added).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SummaryRow } from '../observe/summary';
import type { TargetCandidate, TargetSearch } from '../target/index';
import { levelText } from '../target/levers';
import { HEIGHT, SCHEMA, WIDTH, config, titled } from './frame';
import { groupLabel, UNITS } from './labels';
import { povertyOverTime } from './over-time';
import { axisTitle, indicatorLabel, largest, scaleFor, shortLabel, unitOf } from './units';
import { decimal, fill, monthLabel, type Bilingual, type Lang } from '../lang/index';

/** The words of the target charts. */
export const TARGET_WORDS: Bilingual<Record<string, string>> = {
  en: {
    candidates: '{indicator}, {group}, {month}: every mix evaluated',
    candidatesSub: 'Mean over {n} replicate(s), bars 5th–95th percentile; extra cost against the policy as legislated, spending {start} – {month}; rule: the target, below {level}',
    extraCost: 'Extra spending',
    kind: 'Mix',
    answer: 'Answer: the cheapest mix that meets the target',
    meets: 'Meets the target',
    misses: 'Does not meet it',
    legislated: 'Policy as legislated',
    closest: 'Closest mix (none meets the target)',
    target: 'Target: below {level}',
    mix: 'Levers',
    asLegislated: 'as legislated',
  },
  id: {
    candidates: '{indicator}, {group}, {month}: setiap kombinasi yang dievaluasi',
    candidatesSub: 'Rata-rata {n} replikasi, garis persentil ke-5–95; tambahan biaya terhadap kebijakan yang berlaku, belanja {start} – {month}; garis: target, di bawah {level}',
    extraCost: 'Tambahan belanja',
    kind: 'Kombinasi',
    answer: 'Jawaban: kombinasi termurah yang memenuhi target',
    meets: 'Memenuhi target',
    misses: 'Tidak memenuhi',
    legislated: 'Kebijakan yang berlaku',
    closest: 'Kombinasi terdekat (tidak ada yang memenuhi target)',
    target: 'Target: di bawah {level}',
    mix: 'Tuas',
    asLegislated: 'seperti berlaku',
  },
};

/** A mix in words: the levers moved from the legislated level, "PKH families × 1.5; …", or "as legislated". */
export function mixText(search: Pick<TargetSearch, 'levers'>, mix: readonly number[], lang: Lang): string {
  const w = TARGET_WORDS[lang];
  const moved = search.levers.flatMap((l, i) => (mix[i] > 0 ? [`${l.label[lang]} ${levelText(l, mix[i], w.asLegislated)}`] : []));
  return moved.length ? moved.join('; ') : w.asLegislated;
}

/** The target level as the chart writes it: "0.50 %" for a share. */
export function levelWords(search: Pick<TargetSearch, 'target'>, lang: Lang): string {
  const scale = scaleFor(unitOf(search.target.indicator), Math.abs(search.target.below), lang);
  return scale.factor === 100 ? `${decimal(search.target.below * 100, 2, lang)} %` : `${decimal(search.target.below * scale.factor, 2, lang)} ${scale.words}`;
}

/** Which kind a candidate is on the chart. */
function kindOf(search: TargetSearch, c: TargetCandidate, lang: Lang): string {
  const w = TARGET_WORDS[lang];
  if (c === search.answer) return w.answer;
  if (c === search.candidates[0]) return w.legislated;
  if (!search.answer && c === search.closest) return w.closest;
  return c.meets ? w.meets : w.misses;
}

/**
 * Every evaluated mix: extra cost (Rp, scaled to trillions or as fits) against the indicator at the
 * target month (a share in percent), with the 5–95 % band of each, the target as a dashed rule, the
 * answer (or the closest mix) and the legislated policy marked.
 */
export function targetCandidates(search: TargetSearch, options: { readonly lang?: Lang } = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const w = TARGET_WORDS[lang];
  const { indicator, group, by, below } = search.target;
  const y = scaleFor(unitOf(indicator), Math.max(Math.abs(below), ...search.candidates.map((c) => Math.abs(c.value.p95))), lang);
  const x = scaleFor(UNITS.Rp, Math.max(1, ...search.candidates.map((c) => Math.abs(c.extraCost.p95))), lang);
  const kinds = [w.answer, w.closest, w.legislated, w.meets, w.misses];
  const colours = ['#d62728', '#ff7f0e', '#333333', '#2ca02c', '#1f77b4'];
  const values = search.candidates.map((c) => ({
    kind: kindOf(search, c, lang),
    mix: mixText(search, c.mix, lang),
    extra: c.extraCost.mean * x.factor,
    extraLow: c.extraCost.p05 * x.factor,
    extraHigh: c.extraCost.p95 * x.factor,
    value: c.value.mean * y.factor,
    low: c.value.p05 * y.factor,
    high: c.value.p95 * y.factor,
    meeting: Math.round(c.shareMeeting * 100),
    front: c === search.answer || c === search.closest || c === search.candidates[0] ? 1 : 0,
  }));
  const xAxis = { field: 'extra', type: 'quantitative', title: `${w.extraCost} (${x.words.trim()})`, scale: { padding: 12 } } as const;
  const yAxis = { field: 'value', type: 'quantitative', title: axisTitle(shortLabel(indicator, lang), y), scale: { zero: false } } as const;
  const colour = { field: 'kind', type: 'nominal', title: w.kind, scale: { domain: kinds, range: colours }, legend: { orient: 'bottom', columns: 2 } } as const;
  return {
    $schema: SCHEMA,
    title: {
      text: titled(fill(w.candidates, { indicator: indicatorLabel(indicator, lang), group: groupLabel(group, lang), month: monthLabel(by, lang) })),
      subtitle: titled(fill(w.candidatesSub, { n: search.run.replicates, start: monthLabel(search.start, lang), month: monthLabel(by, lang), level: levelWords(search, lang) }), 110),
    },
    width: WIDTH,
    height: HEIGHT,
    config: config(lang),
    data: { values },
    layer: [
      { mark: { type: 'rule', opacity: 0.5 }, encoding: { x: xAxis, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color: colour } },
      { mark: { type: 'rule', opacity: 0.5 }, encoding: { x: { field: 'extraLow', type: 'quantitative' }, x2: { field: 'extraHigh' }, y: yAxis, color: colour } },
      {
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x: xAxis,
          y: yAxis,
          color: colour,
          size: { condition: { test: `datum.kind === '${w.answer}' || datum.kind === '${w.closest}'`, value: 220 }, value: 60 },
          order: { field: 'front', type: 'quantitative' }, // the answer, the closest and the legislated drawn on top
          tooltip: [{ field: 'mix', title: w.mix }, { field: 'extra', format: ',.2f', title: w.extraCost }, { field: 'value', format: ',.3f', title: shortLabel(indicator, lang) }, { field: 'meeting', title: '%' }],
        },
      },
      { data: { values: [{}] }, mark: { type: 'rule', strokeDash: [6, 4], color: '#d62728' }, encoding: { y: { datum: below * y.factor, type: 'quantitative' } } },
      { data: { values: [{ label: fill(w.target, { level: levelWords(search, lang) }) }] }, mark: { type: 'text', align: 'right', dy: -6, color: '#d62728' }, encoding: { x: { value: WIDTH }, y: { datum: below * y.factor, type: 'quantitative' }, text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}

/**
 * The indicator each month for the answer (or, when none meets the target, the closest mix) and for
 * the policy as legislated: mean and 5–95 % band over replicates, the target level as a dashed rule.
 */
export function targetPath(search: TargetSearch, options: { readonly lang?: Lang } = {}): TopLevelSpec {
  const lang = options.lang ?? 'en';
  const w = TARGET_WORDS[lang];
  const { indicator, group, below } = search.target;
  const shown = search.answer ?? search.closest;
  const named = [
    { id: 'legislated', label: w.legislated, c: search.candidates[0] },
    ...(shown === search.candidates[0] ? [] : [{ id: 'mix', label: `${search.answer ? w.answer : w.closest}: ${mixText(search, shown.mix, lang)}`, c: shown }]),
  ];
  const rows: SummaryRow[] = named.flatMap((n) => n.c.path.map((p) => ({ scenario: n.id, compared_with: '', month: p.month, indicator, group, replicates: search.run.replicates, mean: p.mean, p05: p.p05, median: p.mean, p95: p.p95 })));
  const spec = povertyOverTime(rows, { lang, indicator, group, scenarios: named.map((n) => ({ id: n.id, label: n.label })) }) as TopLevelSpec & { layer: unknown[] };
  const factor = scaleFor(unitOf(indicator), largest(rows), lang).factor; // as povertyOverTime scales the rows
  return {
    ...spec,
    layer: [
      ...spec.layer,
      { data: { values: [{}] }, mark: { type: 'rule', strokeDash: [6, 4], color: '#d62728' }, encoding: { y: { datum: below * factor, type: 'quantitative' } } },
      { data: { values: [{ label: fill(w.target, { level: levelWords(search, lang) }) }] }, mark: { type: 'text', align: 'left', dy: -6, color: '#d62728' }, encoding: { x: { value: 4 }, y: { datum: below * factor, type: 'quantitative' }, text: { field: 'label' } } },
    ],
  } as TopLevelSpec;
}
