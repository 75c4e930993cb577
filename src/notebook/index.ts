/**
 * Showing results in a notebook run by the project's kernel (tslab, jupyter/kernels/tslab): charts,
 * tables and the progress of a long run. The only module that touches tslab's display.
 *
 *     import { chart, table, progress } from './src/index';
 *     const { summary } = await runExperiment({ …, onProgress: progress('Runs') });
 *     await chart(povertyOverTime(summary, { lang: 'en' }));
 *     table(summary.filter((r) => r.month === '2030-12'), ['scenario', 'indicator', 'mean']);
 *
 * tslab's public display sends one MIME type per output; a chart needs several in one bundle (the
 * Vega-Lite spec, its SVG and its title), so bundles go through tslab's own sender of the cell
 * being run (`tslab/dist/jupyter`, `lastWriteDisplayData`), which its public display uses too. The
 * bundles themselves are built by the pure functions of ./bundles. Outside the kernel every
 * function here throws and says so.
 */
import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';
import { timeLeft, type Progress } from '../experiment/index';
import type { Experiment } from '../experiment/index';
import { chartBundle, headlineBundle, progressBundle, tableBundle } from './bundles';
import type { MimeBundle, TableOptions } from './bundles';
import type { Lang } from '../lang/index';

export { chartBundle, chartSvg, chartTitle, headlineBundle, progressBundle, tableBundle, VEGA_LITE_MIME } from './bundles';
export type { MimeBundle, TableOptions } from './bundles';

/** tslab's sender of the running cell: display_data, or update_display_data of a display_id. */
type Send = (content: MimeBundle & { readonly transient: { readonly display_id?: string } }, update: boolean) => void;

const require = createRequire(import.meta.url);

/** The sender of the cell being run; throws outside the project's kernel. */
function sender(what: string): Send {
  const jupyter = require.resolve('tslab/dist/jupyter');
  // tslab's kernel has loaded this module; anywhere else it is absent, and loading it would only
  // load zeromq and a TypeScript compiler for nothing.
  const send = require.cache[jupyter] ? (require(jupyter) as { lastWriteDisplayData: Send | null }).lastWriteDisplayData : null;
  if (!send) {
    throw new Error(
      `${what}: not in a notebook kernel: src/notebook displays only in the project's tslab kernel (jupyter/kernels/tslab); ` +
        'outside it, chartBundle, tableBundle and progressBundle build the same bundles',
    );
  }
  return send;
}

/**
 * Shows a Vega-Lite v5 spec (from src/charts) as one output: the interactive chart in JupyterLab,
 * a static SVG drawn in the kernel elsewhere, the title as text. Await it: the SVG is drawn
 * asynchronously, and a display sent after its cell has finished lands in a later cell.
 */
export async function chart(spec: TopLevelSpec): Promise<void> {
  const send = sender('chart');
  send({ ...(await chartBundle(spec)), transient: {} }, false);
}

/**
 * Shows rows of objects as a table (HTML, and text for a terminal). `columns` picks the keys and
 * their order; at most `options.maxRows` rows (100) are shown.
 */
export function table<Row extends object>(rows: readonly Row[], columns?: ReadonlyArray<keyof Row & string>, options?: TableOptions): void {
  sender('table')({ ...tableBundle(rows, columns, options), transient: {} }, false);
}

/**
 * Shows an experiment's headline numbers, the tables `graduasi compare` prints: extreme poverty in
 * March 2024 and in the last March (with paired differences from the reference, if any),
 * graduations, empowerment and assistance spending, cost per graduate.
 */
export function headline(run: Pick<Experiment, 'rows' | 'scenarios' | 'manifest'>, lang: Lang = 'en'): void {
  sender('headline')({ ...headlineBundle(run, lang), transient: {} }, false);
}

let displays = 0;

/**
 * A progress display that updates in place (one output, rewritten through its display_id), shown
 * at once as "starting". The function returned is an `onProgress` for runExperiment.
 */
export function progress(label: string): (progress: Progress) => void {
  const transient = { display_id: `graduasi-progress-${process.pid}-${++displays}` };
  sender('progress')({ ...progressBundle(label), transient }, false);
  // The sender of the cell running now: the display may be updated from a later cell.
  const secondsLeft = timeLeft();
  return (p) => sender('progress')({ ...progressBundle(label, p, secondsLeft(p)), transient }, true);
}
