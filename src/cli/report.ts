/**
 * `graduasi report <run folder>`: a run's headline tables printed, and its report written again in
 * another language (report-<lang>.html beside the first).
 */
import { headlines } from '../report/headline';
import { formatTable, headlineTables } from '../report/table';
import { readRun, writeReport } from '../report/run';
import { ENOUGH_REPLICATES, TEXT } from '../report/text';
import { uncertaintyOf } from '../experiment/index';
import { command } from './options';
import { loadParameters } from '../parameters/load';
import { lang } from './common';
import { shownPath } from '../problems/index';

export const REPORT = command({
  name: 'report',
  summary: "print a run's headline table and write its report in another language",
  about: "Prints a run folder's headline tables and writes its report in the language asked for (report-id.html beside report.html), without running anything again.",
  args: { name: '<run folder>', min: 1, max: 1, expected: 'one run folder' },
  options: { lang: lang('the tables and the report') },
  run: ({ args, options }) => {
    const folder = args[0];
    const read = readRun(folder);
    const parameters = loadParameters();
    // The scenarios' changes are listed beside the data's values only from the tree the run patched.
    const run = read.manifest.parameterTree?.hash === parameters.hash ? { ...read, parameters } : read;
    const file = writeReport(folder, run, options.lang);
    const labels = new Map(run.manifest.scenarios.map((s) => [s.id, s.id]));
    const reference = run.manifest.experiment.reference ?? undefined;
    const tables = headlineTables(headlines(run.rows, reference), labels, options.lang, reference);
    const t = TEXT[options.lang];
    const replicates = run.manifest.experiment.replicates;
    process.stdout.write(
      `${tables.map(formatTable).join('\n\n')}\n\n${t.band(uncertaintyOf(run.manifest), replicates)}.\n` +
        `${replicates < ENOUGH_REPLICATES ? `${t.fewReplicates(replicates)}\n` : ''}\n${t.reportWritten(shownPath(file))}\n`,
    );
  },
});
