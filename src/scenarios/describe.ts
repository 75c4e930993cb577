/**
 * Scenarios and parameters in words, for `graduasi list` and `graduasi show`.
 */
import type { Parameters, ParameterRecord } from '../parameters/types';
import type { ParameterPath } from '../parameters/spec';
import { BUILTIN_SCENARIOS, DEFAULT_REFERENCE } from './builtin';
import type { ResolvedScenario } from './types';

/** A value in its unit, readable: "Rp 28.70 T a year", "30 %", "11,000 persons", "yes". */
export function formatValue(value: number | boolean, unit: ParameterRecord['unit']): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const n = (x: number, digits = 2) => x.toLocaleString('en', { maximumFractionDigits: digits });
  const rupiah = (x: number) => (x >= 1e12 ? `Rp ${n(x / 1e12)} T` : x >= 1e9 ? `Rp ${n(x / 1e9)} bn` : x >= 1e6 ? `Rp ${n(x / 1e6)} m` : `Rp ${n(x, 0)}`);
  switch (unit) {
    case 'idr': return rupiah(value);
    case 'idr-per-month': return `${rupiah(value)} a month`;
    case 'idr-per-year': return `${rupiah(value)} a year`;
    case 'idr-per-person-per-month': return `${rupiah(value)} per person a month`;
    case 'idr-per-person-per-day': return `${rupiah(value)} per person a day`;
    case 'probability':
    case 'share': return `${n(100 * value)} %`;
    case 'probability-per-month': return `${n(100 * value, 3)} % a month`;
    case 'rate-per-year': return `${n(100 * value)} % a year`;
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

export function describeScenarios(): string {
  const lines = ['Built-in scenarios (graduasi show <id> for the details)', ''];
  for (const s of BUILTIN_SCENARIOS) {
    lines.push(`  ${s.id}${s.id === DEFAULT_REFERENCE ? '  (the default reference of compare)' : ''}`);
    lines.push(`      ${s.label.en}${s.extends ? ` — extends ${s.extends}` : ''}`);
  }
  return lines.join('\n');
}

export function describeParameters(params: Parameters): string {
  const lines = ['Parameters (data/parameters; values by date, the latest in force)', ''];
  for (const r of params.records) {
    const values = r.values.map((v) => `from ${v.date}: ${formatValue(v.value, r.unit)}`).join('; ');
    lines.push(`  ${r.path}  [${r.unit}]  ${r.label}`);
    lines.push(`      ${values}${r.range ? `; range ${formatValue(r.range.min, r.unit)} – ${formatValue(r.range.max, r.unit)}` : ''}`);
    lines.push(`      source: ${r.references.length ? r.references.map((ref) => ref.title).join(' | ') : 'assumption (see reasoning in the file)'}`);
  }
  return lines.join('\n');
}

/** A scenario: label, lineage, rationale, references, and every patched value beside the data's. */
export function describeScenario(s: ResolvedScenario, params: Parameters): string {
  const lines = [`${s.id}: ${s.label.en}`, `  (${s.label.id})`];
  if (s.lineage.length > 1) lines.push(`  extends: ${s.lineage.slice(0, -1).reverse().join(' ← ')}`);
  if (s.file) lines.push(`  file: ${s.file}`);
  lines.push('', `  ${s.rationale}`, '');
  const changes = Object.entries(s.effectivePatch as Record<string, Record<string, number | boolean>>);
  if (changes.length === 0) lines.push('  Changes nothing: every parameter as in data/parameters.');
  else lines.push('  Changes over data/parameters:');
  for (const [path, dated] of changes) {
    const record = params.get(path as ParameterPath);
    lines.push(`  - ${record.label} (${path})`);
    for (const [date, value] of Object.entries(dated).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const before = valueAt(record, date);
      const data = before === undefined ? 'no value in the data yet' : `data: ${formatValue(before, record.unit)}`;
      lines.push(`      from ${date}: ${formatValue(value, record.unit)} (${data})`);
    }
  }
  if (s.references.length) {
    lines.push('', '  References:');
    for (const r of s.references) lines.push(`  - ${r.title}`, `    ${r.href}`);
  }
  return lines.join('\n');
}
