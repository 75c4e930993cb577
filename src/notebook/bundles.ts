/**
 * What a notebook shows, as Jupyter MIME bundles: plain data built by pure functions, so they can
 * be tested outside a kernel (src/notebook/index.ts only sends them).
 *
 * A bundle holds one representation per MIME type and the front end picks the richest it can
 * render (Jupyter messaging, `display_data`): JupyterLab draws the Vega-Lite spec, while nbconvert
 * HTML, GitHub and a diff of the notebook file see the static SVG, and a terminal the text.
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { Progress } from '../experiment/index';
import { percentText, uncertaintyOf } from '../experiment/index';
import type { Experiment } from '../experiment/index';
import { headlines } from '../report/headline';
import { escapeHtml, tableHtml } from '../report/html';
import { formatTable, headlineTables } from '../report/table';
import { TEXT } from '../report/text';
import { clock } from '../report/text';
import type { Lang } from '../lang/index';

/** The MIME type JupyterLab's Vega 5 renderer draws Vega-Lite v5 specs with. */
export const VEGA_LITE_MIME = 'application/vnd.vegalite.v5+json';

/** A Jupyter MIME bundle: representations keyed by MIME type, and metadata keyed the same way. */
export interface MimeBundle {
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** The text of a spec's title (its subtitle on a second line), or "Vega-Lite chart" when it has none. */
export function chartTitle(spec: TopLevelSpec): string {
  const title = (spec as { title?: string | string[] | { text?: string | string[]; subtitle?: string | string[] } }).title;
  const text = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join(' ') : (t ?? ''));
  if (title === undefined) return 'Vega-Lite chart';
  if (typeof title === 'string' || Array.isArray(title)) return text(title);
  return [text(title.text), text(title.subtitle)].filter((line) => line !== '').join('\n') || 'Vega-Lite chart';
}

/** A Vega-Lite v5 spec drawn to SVG in Node: compiled by vega-lite 5, rendered headless by vega 5. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * A chart as one bundle: the Vega-Lite v5 spec (drawn by JupyterLab), its SVG rendered in the
 * kernel (for nbconvert, GitHub and diffs) and its title as text.
 */
export async function chartBundle(spec: TopLevelSpec): Promise<MimeBundle> {
  return {
    data: { [VEGA_LITE_MIME]: spec, 'image/svg+xml': await chartSvg(spec), 'text/plain': chartTitle(spec) },
    metadata: {},
  };
}

/** Options of a table. */
export interface TableOptions {
  /** Rows shown at most; a note under the table says how many were left out. Default 100. */
  readonly maxRows?: number;
}

/** A cell's text: strings as they are, numbers and booleans as String() writes them, objects as JSON, nothing for null. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Rows of objects (e.g. summary rows) as a table: an HTML table, every header and cell escaped,
 * numbers set right, and the same table as fixed-width text. `columns` names the keys shown, in
 * order; by default every key of the rows, in the order first met.
 */
export function tableBundle<Row extends object>(rows: readonly Row[], columns?: ReadonlyArray<keyof Row & string>, options: TableOptions = {}): MimeBundle {
  const { maxRows = 100 } = options;
  const keys: readonly string[] = columns ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const shown = rows.slice(0, maxRows) as ReadonlyArray<Readonly<Record<string, unknown>>>;
  const note = rows.length > shown.length ? `${shown.length} of ${rows.length} rows shown` : '';
  const cell = (value: unknown) => `<td${typeof value === 'number' ? ' style="text-align: right"' : ''}>${escapeHtml(cellText(value))}</td>`;
  const html = [
    '<table>',
    `<thead><tr>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${shown.map((row) => `<tr>${keys.map((k) => cell(row[k])).join('')}</tr>`).join('\n')}\n</tbody>`,
    '</table>',
    ...(note ? [`<p>${escapeHtml(note)}</p>`] : []),
  ].join('\n');
  const text = formatTable({ columns: keys, rows: shown.map((row) => keys.map((k) => cellText(row[k]))) });
  return { data: { 'text/html': html, 'text/plain': note ? `${text}\n${note}` : text }, metadata: {} };
}


/**
 * The state of a long run: a progress bar in HTML and a line of text ("Runs: 3 of 8 done (40 %), 0:12
 * elapsed, 0:20 left"; the share is of the months stepped, the time left `secondsLeft` as a
 * timeLeft clock gives it). Before the first step, `progress` is absent. At the end it says no time
 * ("Runs: 8 of 8 done"): that output stays in the notebook, which must be the same file at every run.
 */
export function progressBundle(label: string, progress?: Progress, secondsLeft?: number): MimeBundle {
  let status: string;
  if (!progress) status = 'starting';
  else if (progress.done >= progress.total) status = `${progress.done} of ${progress.total} done`;
  else {
    const left = secondsLeft === undefined ? '' : `, ${clock(secondsLeft)} left`;
    status = `${progress.done} of ${progress.total} done${percentText(progress)}, ${clock(progress.elapsed)} elapsed${left}`;
  }
  const byRuns = progress !== undefined && (progress.share === undefined || progress.done >= progress.total);
  const bar = !progress ? '<progress></progress>' : byRuns ? `<progress value="${progress.done}" max="${progress.total}"></progress>` : `<progress value="${progress.share!.toFixed(3)}" max="1"></progress>`;
  return {
    data: { 'text/html': `<div>${bar} ${escapeHtml(`${label}: ${status}`)}</div>`, 'text/plain': `${label}: ${status}` },
    metadata: {},
  };
}

/**
 * The headline numbers of an experiment (as `graduasi compare` prints them): extreme poverty in
 * March 2024 and in the last March, with paired differences when the experiment has a reference,
 * then graduations and spending. HTML with the scenarios' labels; text with their ids.
 */
export function headlineBundle(run: Pick<Experiment, 'rows' | 'scenarios' | 'manifest'>, lang: Lang): MimeBundle {
  const reference = run.manifest.experiment.reference ?? undefined;
  const numbers = headlines(run.rows, reference);
  const labels = new Map(run.scenarios.map((s) => [s.id, s.label[lang]]));
  const ids = new Map(run.scenarios.map((s) => [s.id, s.id]));
  const t = TEXT[lang];
  const note = `${t.band(uncertaintyOf(run.manifest), run.manifest.experiment.replicates)}. ${t.columnsNote(reference === undefined ? undefined : labels.get(reference))}`;
  return {
    data: {
      'text/html': `${headlineTables(numbers, labels, lang, reference).map(tableHtml).join('\n')}\n<p>${escapeHtml(note)}</p>`,
      'text/plain': `${headlineTables(numbers, ids, lang, reference).map(formatTable).join('\n\n')}\n\n${note}`,
    },
    metadata: {},
  };
}
