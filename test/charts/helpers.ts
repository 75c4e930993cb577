/**
 * Fixtures for the chart tests: summary rows of a real (small, short) experiment, the Vega-Lite v5
 * JSON schema, and a renderer that compiles a spec and draws it to SVG in Node, as vega-lite's own
 * example tests do.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import type { TopLevelSpec } from 'vega-lite';
import { simulate } from '../../src/run/simulate';
import { loadParameters } from '../../src/parameters/load';
import type { ScenarioPatch } from '../../src/run/simulate';
import type { ResultRow } from '../../src/run/results';
import { standardIndicators } from '../../src/observe/indicators';
import { summarise } from '../../src/observe/summary';
import type { SummaryRow } from '../../src/observe/summary';

/** Two scenarios: the baseline and a PKH budget cut to Rp 15 trillion from June 2022. */
export const SCENARIOS: readonly ScenarioPatch[] = [
  { id: 'baseline', patch: {} },
  { id: 'cut', patch: { 'policy.pkh.budget': { '2022-06-01': 15e12 } } },
];

/** Their display names, in both languages. */
export const NAMES = {
  en: [
    { id: 'baseline', label: 'Baseline' },
    { id: 'cut', label: 'PKH budget cut' },
  ],
  id: [
    { id: 'baseline', label: 'Skenario dasar' },
    { id: 'cut', label: 'Pemangkasan anggaran PKH' },
  ],
} as const;

export const REPLICATES = 2;

/** 2 scenarios × 2 replicates, 20,000 agents, March 2022 to December 2023, summarised against the baseline. */
export function experimentSummary(): SummaryRow[] {
  const rows: ResultRow[] = [];
  const parameters = loadParameters();
  for (const scenario of SCENARIOS) {
    for (let replicate = 0; replicate < REPLICATES; replicate++) {
      rows.push(...simulate(scenario, { seed: 1, replicate, households: 20_000, end: '2023-12', parameters, observe: standardIndicators }).rows);
    }
  }
  return summarise(rows, 'baseline');
}

const require = createRequire(import.meta.url);
let validator: ReturnType<Ajv['compile']> | undefined;

/** Errors of a spec against the Vega-Lite v5 JSON schema shipped with vega-lite (none when valid). */
export function schemaErrors(spec: unknown): ErrorObject[] {
  if (!validator) {
    const schema = JSON.parse(readFileSync(require.resolve('vega-lite/build/vega-lite-schema.json'), 'utf8'));
    validator = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
  }
  return validator(spec) ? [] : [...(validator.errors ?? [])];
}

/** A spec compiled by vega-lite and drawn to SVG by vega, headless (what a notebook shows under the chart). */
export { chartSvg as renderSvg } from '../../src/notebook/bundles';

/** The texts an SVG shows (titles, axis titles and labels, legend entries), entities decoded. */
export function svgTexts(svg: string): string[] {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e]);
  return [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].flatMap((m) =>
    m[1].includes('<tspan') ? [...m[1].matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => decode(t[1])) : [decode(m[1])],
  );
}

/** The inline data of a single-view spec. */
export function valuesOf(spec: TopLevelSpec): Record<string, unknown>[] {
  const data = (spec as { data?: { values?: Record<string, unknown>[] } }).data;
  if (!data?.values) throw new Error('the spec has no inline data at its top');
  return data.values;
}
