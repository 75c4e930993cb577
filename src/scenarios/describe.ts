/**
 * Scenarios and parameters in words, for `graduasi list` and `graduasi show`, in English or Bahasa
 * Indonesia: the headings, units and numbers in the language asked for; a scenario's label in it too
 * (label_id), and its rationale; parameter labels and sources as the data gives them (in English).
 */
import type { Parameters, ParameterRecord } from '../parameters/types';
import type { ParameterPath } from '../parameters/spec';
import type { Lang } from '../lang/index';
import { escapedControls } from '../problems/index';
import { BUILTIN_SCENARIOS, DEFAULT_REFERENCE } from './builtin';
import type { ResolvedScenario, Scenario } from './types';

/** The words of the listings. */
const WORDS = {
  en: {
    yes: 'yes', no: 'no', trillion: 'T', billion: 'bn', million: 'm',
    aMonth: 'a month', aYear: 'a year', perPersonAMonth: 'per person a month', perPersonADay: 'per person a day',
    builtIn: 'Built-in scenarios (graduasi show <id> for the details)',
    defaultReference: '(the default reference of compare)',
    extends: 'extends',
    parameters: 'Parameters (data/parameters; values by date, the latest in force)',
    from: 'from', range: 'range', source: 'source', assumption: 'assumption (see reasoning in the file)',
    file: 'file', nothingChanged: 'Changes nothing: every parameter as in data/parameters.', changes: 'Changes over data/parameters:',
    noValueYet: 'no value in the data yet', data: 'data', references: 'References:',
  },
  id: {
    yes: 'ya', no: 'tidak', trillion: 'T', billion: 'M', million: 'jt',
    aMonth: 'per bulan', aYear: 'per tahun', perPersonAMonth: 'per orang per bulan', perPersonADay: 'per orang per hari',
    builtIn: 'Skenario bawaan (graduasi show <id> untuk rinciannya)',
    defaultReference: '(pembanding bawaan compare)',
    extends: 'turunan dari',
    parameters: 'Parameter (data/parameters; nilai menurut tanggal, yang terakhir berlaku)',
    from: 'mulai', range: 'rentang', source: 'sumber', assumption: 'asumsi (lihat alasannya di berkas)',
    file: 'berkas', nothingChanged: 'Tidak mengubah apa pun: setiap parameter seperti di data/parameters.', changes: 'Perubahan terhadap data/parameters:',
    noValueYet: 'belum ada nilai di data', data: 'data', references: 'Rujukan:',
  },
} as const;

/** A scenario's label in a language. */
function labelOf(s: Scenario, lang: Lang): string {
  return s.label[lang];
}

/** A value in its unit, readable: "Rp 28.70 T a year", "30 %", "11,000 persons", "yes" ("Rp 28,7 T per tahun" … in Bahasa Indonesia). */
export function formatValue(value: number | boolean, unit: ParameterRecord['unit'], lang: Lang = 'en'): string {
  const w = WORDS[lang];
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  const n = (x: number, digits = 2) => x.toLocaleString(lang, { maximumFractionDigits: digits });
  const rupiah = (x: number) => (x >= 1e12 ? `Rp ${n(x / 1e12)} ${w.trillion}` : x >= 1e9 ? `Rp ${n(x / 1e9)} ${w.billion}` : x >= 1e6 ? `Rp ${n(x / 1e6)} ${w.million}` : `Rp ${n(x, 0)}`);
  switch (unit) {
    case 'idr': return rupiah(value);
    case 'idr-per-month': return `${rupiah(value)} ${w.aMonth}`;
    case 'idr-per-year': return `${rupiah(value)} ${w.aYear}`;
    case 'idr-per-person-per-month': return `${rupiah(value)} ${w.perPersonAMonth}`;
    case 'idr-per-person-per-day': return `${rupiah(value)} ${w.perPersonADay}`;
    case 'probability':
    case 'share': return `${n(100 * value)} %`;
    case 'probability-per-month': return `${n(100 * value, 3)} % ${w.aMonth}`;
    case 'rate-per-year': return `${n(100 * value)} % ${w.aYear}`;
    case 'log-sd': return `log-sd ${n(value, 3)}`;
    case 'ratio': return `× ${n(value, 3)}`;
    case 'bool': return String(value);
    default: return `${n(value)} ${unit}`;
  }
}

/** The value of a record in force at a date ("YYYY-MM-DD"), or undefined before its first value. */
function valueAt(record: ParameterRecord, date: string): number | boolean | undefined {
  let value: number | boolean | undefined;
  for (const v of record.values) if (v.date <= date) value = v.value;
  return value;
}

/** One parameter a patch changes, in words: its label and path, and each dated value beside the data's. */
export interface ParameterChange {
  readonly label: string;
  readonly path: string;
  /** By date: the patch's value and the data's in force then ("data: Rp 28.1 T a year"), in the language asked for. */
  readonly values: ReadonlyArray<{ readonly date: string; readonly value: string; readonly data: string }>;
}

/** What `patch` changes over the parameter tree `params`, in words in `lang`: what `show` prints and the report lists. */
export function patchChanges(patch: ResolvedScenario['effectivePatch'], params: Parameters, lang: Lang = 'en'): ParameterChange[] {
  const w = WORDS[lang];
  return Object.entries(patch as Record<string, Record<string, number | boolean>>).map(([path, dated]) => {
    const record = params.get(path as ParameterPath);
    const values = Object.entries(dated)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, value]) => {
        const before = valueAt(record, date);
        return { date, value: formatValue(value, record.unit, lang), data: before === undefined ? w.noValueYet : `${w.data}: ${formatValue(before, record.unit, lang)}` };
      });
    return { label: record.label, path, values };
  });
}

/** The built-in scenarios, one id and label each (the label in `lang`). */
export function describeScenarios(lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const lines = [w.builtIn, ''];
  for (const s of BUILTIN_SCENARIOS) {
    lines.push(`  ${s.id}${s.id === DEFAULT_REFERENCE ? `  ${w.defaultReference}` : ''}`);
    lines.push(`      ${labelOf(s, lang)}${s.extends ? ` — ${w.extends} ${s.extends}` : ''}`);
  }
  return lines.join('\n');
}

/** Every parameter with its unit, label, dated values, range and sources (values and headings in `lang`). */
export function describeParameters(params: Parameters, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const lines = [w.parameters, ''];
  for (const r of params.records) {
    const values = r.values.map((v) => `${w.from} ${v.date}: ${formatValue(v.value, r.unit, lang)}`).join('; ');
    lines.push(`  ${r.path}  [${r.unit}]  ${r.label}`);
    lines.push(`      ${values}${r.range ? `; ${w.range} ${formatValue(r.range.min, r.unit, lang)} – ${formatValue(r.range.max, r.unit, lang)}` : ''}`);
    lines.push(`      ${w.source}: ${r.references.length ? r.references.map((ref) => ref.title).join(' | ') : w.assumption}`);
  }
  return lines.join('\n');
}

/**
 * A scenario: label (in `lang`, the other language beneath), lineage, rationale, references, and every
 * patched value beside the data's. Control characters of what a file says are escaped, so that the
 * text can be printed to a terminal: an ANSI escape in a label shows as \u001b[31m, it is not obeyed.
 */
export function describeScenario(s: ResolvedScenario, params: Parameters, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  const lines = [`${s.id}: ${labelOf(s, lang)}`, `  (${labelOf(s, lang === 'id' ? 'en' : 'id')})`];
  if (s.lineage.length > 1) lines.push(`  ${w.extends}: ${s.lineage.slice(0, -1).reverse().join(' ← ')}`);
  if (s.file) lines.push(`  ${w.file}: ${s.file}`);
  lines.push('', `  ${s.rationale[lang]}`, '');
  const changes = patchChanges(s.effectivePatch, params, lang);
  if (changes.length === 0) lines.push(`  ${w.nothingChanged}`);
  else lines.push(`  ${w.changes}`);
  for (const change of changes) {
    lines.push(`  - ${change.label} (${change.path})`);
    for (const v of change.values) lines.push(`      ${w.from} ${v.date}: ${v.value} (${v.data})`);
  }
  if (s.references.length) {
    lines.push('', `  ${w.references}`);
    for (const r of s.references) lines.push(`  - ${r.title}`, `    ${r.href}`);
  }
  return escapedControls(lines.join('\n'));
}
