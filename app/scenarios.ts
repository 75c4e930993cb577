/**
 * The Graduasi panel's catalogue, made from the repository: every built-in scenario
 * (src/scenarios/builtin.ts) resolved over data/parameters, each change with the parameter's label,
 * unit and sources and its values in words beside the data's — what `graduasi show <id>` prints,
 * as data. app/lab.js writes it at each start (so it follows edits to scenarios and parameters)
 * and app/server.py serves it to the panel.
 */
import { writeFileSync } from 'node:fs';
import { loadParameters } from '../src/parameters/load';
import { UNITS } from '../src/parameters/spec';
import type { ParameterPath } from '../src/parameters/spec';
import type { ParameterRecord, Parameters } from '../src/parameters/types';
import { BUILTIN_SCENARIOS, DEFAULT_REFERENCE } from '../src/scenarios/builtin';
import { formatValue } from '../src/scenarios/describe';
import { resolveScenarios } from '../src/scenarios/load';
import { BUILTIN_REGISTRY } from '../src/model/builtin';
import { indicatorsOf } from '../src/observe/indicators';
import type { Catalogue, CatalogueEntry, Change } from './src/catalogue';

/** The data's value in force at a date ("YYYY-MM-DD"), or undefined before its first value. */
function dataAt(record: ParameterRecord, date: string): number | boolean | undefined {
  let value: number | boolean | undefined;
  for (const v of record.values) if (v.date <= date) value = v.value;
  return value;
}

function change(path: string, dated: Readonly<Record<string, number | boolean>>, params: Parameters): Change {
  const record = params.get(path as ParameterPath);
  return {
    path,
    label: record.label,
    description: record.description.trim(),
    unit: record.unit,
    unitText: UNITS[record.unit],
    file: record.file,
    kind: record.kind,
    sources: record.references.map((r) => ({ title: r.title, href: r.href })),
    values: Object.entries(dated)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, value]) => {
        const data = dataAt(record, date);
        return { date, value, text: formatValue(value, record.unit), data: data === undefined ? null : formatValue(data, record.unit) };
      }),
  };
}

/** Every built-in scenario with what it changes, in words and units, with sources. */
export function catalogue(params: Parameters = loadParameters()): Catalogue {
  const scenarios = resolveScenarios(
    BUILTIN_SCENARIOS.map((s) => s.id),
    params,
  );
  return {
    reference: DEFAULT_REFERENCE,
    registry: registryEntries(params),
    scenarios: scenarios.map((s) => ({
      id: s.id,
      label: s.label,
      rationale: s.rationale.en,
      lineage: s.lineage,
      references: s.references.map((r) => ({ title: r.title, href: r.href })),
      changes: Object.entries(s.effectivePatch as Record<string, Record<string, number | boolean>>).map(([path, dated]) => change(path, dated, params)),
    })),
  };
}

/** The programmes and services of the model's registry, each with its indicators, reasons and parameters. */
function registryEntries(params: Parameters): CatalogueEntry[] {
  const registry = BUILTIN_REGISTRY;
  const indicators = indicatorsOf(registry);
  const entry = (kind: CatalogueEntry['kind'], id: string, name: CatalogueEntry['name'], reasons: readonly { code: string; label: CatalogueEntry['name'] }[]): CatalogueEntry => ({
    id,
    kind,
    name,
    indicators: indicators.filter((x) => x.id.startsWith(`${id}_`) || x.id === `queue_${id}`).map((x) => ({ id: x.id, label: x.label })),
    reasons: reasons.map((r) => ({ code: r.code, label: r.label })),
    parameters: params.records
      .filter((r) => r.path.startsWith(`policy.${id}.`))
      .map((r) => ({ path: r.path, label: r.label, file: r.file, values: r.values.map((v) => ({ date: v.date, text: formatValue(v.value, r.unit) })) })),
  });
  return [
    ...registry.programmes.map((p) => entry('programme', p.id, p.name, [p.reasons.enrolled, ...p.reasons.exits, ...(p.reasons.graduated ? [p.reasons.graduated] : [])])),
    ...registry.services.map((s) => entry('service', s.id, s.name, s.reasons)),
  ];
}

/** Writes the catalogue as JSON to `file`. */
export function writeCatalogue(file: string): void {
  writeFileSync(file, JSON.stringify(catalogue()));
}
