/**
 * The Graduasi panel's catalogue (app/scenarios.ts) says what `graduasi show` says, as data; the
 * cells the panel writes run a comparison the way notebooks/02-scenario-comparison.ipynb does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../app/scenarios';
import { COMPARISON, comparisonCell, comparisonNotebook, variableName } from '../../app/src/catalogue';
import { BUILTIN_SCENARIOS, DEFAULT_REFERENCE } from '../../src/scenarios/builtin';
import { BUILTIN_REGISTRY } from '../../src/model/builtin';

const shown = catalogue();
const scenario = (id: string) => shown.scenarios.find((s) => s.id === id)!;

describe('the panel’s catalogue', () => {
  it('lists every built-in scenario, in order, with its rationale, and the reference', () => {
    expect(shown.scenarios.map((s) => s.id)).toEqual(BUILTIN_SCENARIOS.map((s) => s.id));
    expect(shown.reference).toBe(DEFAULT_REFERENCE);
    for (const s of shown.scenarios) expect(s.rationale.length).toBeGreaterThan(40);
  });

  it('a budget cut of 20 % shows the PKH budget 28.1 T → 22.48 T (28_100_000_000_000 × 0.8) from 2023, in rupiah a year, with its source', () => {
    const budget = scenario('budget-cut-20').changes.find((c) => c.path === 'policy.pkh.budget')!;
    expect(budget).toMatchObject({ label: 'PKH budget', unit: 'idr-per-year', unitText: 'a non-negative amount in rupiah per year', file: 'data/parameters/policy/pkh/budget.yaml' });
    expect(budget.values[0]).toEqual({ date: '2023-01-01', value: 28_100_000_000_000 * 0.8, text: 'Rp 22.48 T a year', data: 'Rp 28.1 T a year' });
    expect(budget.sources[0].href).toMatch(/^https:\/\//);
  });

  it('lists the programmes and services of the model, in the order they run, each with its parameters, indicators and reasons in both languages', () => {
    expect(shown.registry.map((e) => `${e.kind}:${e.id}`)).toEqual([
      ...BUILTIN_REGISTRY.programmes.map((p) => `programme:${p.id}`),
      ...BUILTIN_REGISTRY.services.map((s) => `service:${s.id}`),
    ]);
    const pkh = shown.registry.find((e) => e.id === 'pkh')!;
    expect(pkh.parameters.find((p) => p.path === 'policy.pkh.budget')).toMatchObject({ label: 'PKH budget', file: 'data/parameters/policy/pkh/budget.yaml' });
    expect(pkh.indicators.find((x) => x.id === 'pkh_households')?.label).toEqual({ en: 'PKH families (KPM)', id: 'Keluarga penerima PKH (KPM)' });
    expect(pkh.reasons.map((r) => r.code)).toContain('pkh.quota_or_budget_cut');
    const atensi = shown.registry.find((e) => e.id === 'atensi')!;
    expect(atensi.indicators.map((x) => x.id)).toEqual(['atensi_spend', 'queue_atensi']);
  });

  it('a scenario shows what its ancestors change too (its lineage, root first)', () => {
    const cut = scenario('budget-cut-20');
    expect(cut.lineage).toEqual(['calibrated', 'integrated-2022', 'graduation-push-under-40', 'budget-cut-20']);
    expect(cut.changes.map((c) => c.path)).toContain('policy.empowerment.under40_push');
  });
});

describe('the comparison cell', () => {
  const cell = comparisonCell(scenario('more-facilitators'), 'assistance-only');

  it('runs the scenario against the reference with the settings of notebooks/02-scenario-comparison', () => {
    const notebook = JSON.parse(readFileSync(new URL('../../notebooks/02-scenario-comparison.ipynb', import.meta.url), 'utf8'));
    const source = notebook.cells.map((c: { source: string | string[] }) => [c.source].flat().join('')).join('\n');
    expect(source).toContain(`const SEED = ${COMPARISON.seed};`);
    expect(source).toContain(`const HOUSEHOLDS = ${COMPARISON.households.toLocaleString('en').replace(/,/g, '_')};`);
    expect(source).toContain(`replicates: ${COMPARISON.replicates}, seed: SEED, end: '${COMPARISON.end}'`);
    expect(cell).toContain(`const moreFacilitatorsParameters = loadParameters();`);
    expect(cell).toContain(`  parameters: moreFacilitatorsParameters,\n  scenarios: resolveScenarios(['assistance-only', 'more-facilitators'], moreFacilitatorsParameters),\n  replicates: 3, seed: 2022, end: '2030-12', households: 100_000, reference: 'assistance-only'`);
    expect(cell).toContain('headline(moreFacilitators, ');
    expect(cell).toContain('await chart(charts.differenceOverTime(moreFacilitators.summary');
  });

  it.each([
    ['budget-cut-20', 'budgetCut20'],
    ['fuel-shock-2022-without-blt', 'fuelShock2022WithoutBlt'],
  ])('names its result after the scenario: %s → %s', (id, name) => {
    expect(variableName(id)).toBe(name);
  });

  it('a new comparison notebook holds the question, the cell and the project’s kernel', () => {
    const notebook = comparisonNotebook(scenario('better-targeting'), 'assistance-only') as { metadata: { kernelspec: { name: string } }; cells: { cell_type: string; source: string }[] };
    expect(notebook.metadata.kernelspec.name).toBe('tslab');
    expect(notebook.cells.map((c) => c.cell_type)).toEqual(['markdown', 'code', 'markdown']);
    expect(notebook.cells[1].source).toBe(comparisonCell(scenario('better-targeting'), 'assistance-only'));
  });
});
