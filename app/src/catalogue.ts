/**
 * The built-in scenarios as the Graduasi panel shows them, and the notebook cells it writes.
 *
 * The catalogue is made on the Node side from the repository itself (app/scenarios.ts reads
 * src/scenarios/builtin.ts and data/parameters at each `npm run lab`) and served by app/server.py
 * at /graduasi/scenarios; this module only declares its shape. The cells follow
 * notebooks/02-scenario-comparison.ipynb: the same seed, replicates, agents and end month, the
 * same helpers, imported like every notebook's from the public API (src/index.ts).
 */

/** A source: a title and a link. */
export interface Source {
  readonly title: string;
  readonly href: string;
}

/** One parameter a scenario changes, with its dated values beside the data's. */
export interface Change {
  /** Parameter path, e.g. "policy.pkh.budget". */
  readonly path: string;
  readonly label: string;
  readonly description: string;
  /** The unit's key (data/parameters) and what it means, e.g. "idr-per-year", "a non-negative amount in rupiah per year". */
  readonly unit: string;
  readonly unitText: string;
  /** The parameter's file, relative to the repository root. */
  readonly file: string;
  readonly kind: 'policy' | 'behaviour';
  /** The parameter's sources (empty for an assumption; its file gives the reasoning). */
  readonly sources: readonly Source[];
  readonly values: readonly {
    /** "YYYY-MM-DD": the value applies from this month on. */
    readonly date: string;
    readonly value: number | boolean;
    /** The value in words, in its unit: "Rp 22.48 T a year". */
    readonly text: string;
    /** The data's value in force at that date, in words; null before the data's first value. */
    readonly data: string | null;
  }[];
}

/** A text in English and Bahasa Indonesia: the shape of src/lang's `Words` (app/src builds apart from src/). */
export interface Words {
  readonly en: string;
  readonly id: string;
}

export interface CatalogueScenario {
  readonly id: string;
  readonly label: Words;
  readonly rationale: string;
  /** Ids from the root ancestor down to this scenario. */
  readonly lineage: readonly string[];
  readonly references: readonly Source[];
  /** Every ancestor's patch merged: what the scenario changes over data/parameters. */
  readonly changes: readonly Change[];
}

/** A programme or a service of the model's registry (src/model/programmes/, src/model/services/), with what it reports and the parameters of its folder. */
export interface CatalogueEntry {
  readonly id: string;
  readonly kind: 'programme' | 'service';
  readonly name: Words;
  /** Its indicators: id and name. */
  readonly indicators: readonly { readonly id: string; readonly label: Words }[];
  /** The reasons it moves households for, or the events it records: code and name. */
  readonly reasons: readonly { readonly code: string; readonly label: Words }[];
  /** The parameters of data/parameters/policy/<id>/: path, label, file and dated values in words. */
  readonly parameters: readonly { readonly path: string; readonly label: string; readonly file: string; readonly values: readonly { readonly date: string; readonly text: string }[] }[];
}

export interface Catalogue {
  /** The scenario the others are compared with ("assistance-only"). */
  readonly reference: string;
  readonly scenarios: readonly CatalogueScenario[];
  /** The programmes and services of the model, in the order they run. */
  readonly registry: readonly CatalogueEntry[];
}

/** How a comparison is run: the settings of notebooks/02-scenario-comparison.ipynb. */
export const COMPARISON = { seed: 2022, replicates: 3, households: 100_000, end: '2030-12', workers: 2 } as const;

/** A variable name for a scenario id: "budget-cut-20" → "budgetCut20". */
export function variableName(id: string): string {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The source of a notebook cell that runs `scenario` against the reference with the same draws,
 * then shows the headline numbers and the paired difference in extreme poverty over time.
 * Self-contained (its own imports), so it runs in any notebook of the project's kernel, and
 * again; its variable is named after the scenario.
 */
export function comparisonCell(scenario: Pick<CatalogueScenario, 'id' | 'label'>, reference: string, lang: keyof Words = 'en'): string {
  const run = variableName(scenario.id);
  const { seed, replicates, households, end, workers } = COMPARISON;
  return [
    `// ${scenario.id} against ${reference}: ${scenario.label[lang]} (from the Graduasi panel)`,
    `import { loadParameters, resolveScenarios, runExperiment, charts, chart, headline, progress } from './src/index';`,
    ``,
    `const ${run}Parameters = loadParameters();`,
    `const ${run} = await runExperiment({`,
    `  parameters: ${run}Parameters,`,
    `  scenarios: resolveScenarios(['${reference}', '${scenario.id}'], ${run}Parameters),`,
    `  replicates: ${replicates}, seed: ${seed}, end: '${end}', households: ${households.toLocaleString('en').replace(/,/g, '_')}, reference: '${reference}', workers: ${workers},`,
    `  onProgress: progress('Runs / Simulasi'),`,
    `});`,
    `headline(${run}, '${lang}');`,
    `await chart(charts.differenceOverTime(${run}.summary, { lang: '${lang}', scenarios: charts.scenarioLabels(${run}.scenarios, '${lang}') }));`,
  ].join('\n');
}

/** A new notebook (nbformat 4) that asks one question: what `scenario` changes against the reference. */
export function comparisonNotebook(scenario: CatalogueScenario, reference: string): object {
  const markdown = (text: string) => ({ cell_type: 'markdown', metadata: {}, source: text });
  const code = (text: string) => ({ cell_type: 'code', metadata: {}, source: text, outputs: [], execution_count: null });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'tslab', display_name: 'TypeScript (Graduasi, tslab)', language: 'typescript' },
      language_info: { name: 'typescript', file_extension: '.ts', mimetype: 'text/typescript' },
    },
    cells: [
      markdown(
        `# ${scenario.label.en}\n# ${scenario.label.id}\n\n` +
          `**Question.** What does \`${scenario.id}\` change, against \`${reference}\`? / Apa yang diubah oleh \`${scenario.id}\`, dibanding \`${reference}\`?\n\n` +
          `${scenario.rationale}\n\n` +
          `Both scenarios run with the same ${COMPARISON.replicates} replicates — the same households and the same random events — so the difference is the policy's doing, not luck. ` +
          `\`npx graduasi show ${scenario.id}\` prints the scenario in full, with sources.`,
      ),
      code(comparisonCell(scenario, reference)),
      markdown('## What it means · Artinya\n\nBelow zero: fewer people in extreme poverty than with the reference. Check the band before reading meaning into a small difference. / Di bawah nol: lebih sedikit penduduk miskin ekstrem dibanding pembanding.'),
    ],
  };
}
