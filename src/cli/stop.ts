/**
 * How a command stops before its end. Ctrl-C (SIGINT), SIGTERM and SIGHUP end the process through
 * process.exit, with the shell's code for the signal (128 + its number), so that the 'exit'
 * handlers of src/experiment/output.ts remove a claimed or half-written run folder: nothing
 * half-written is left behind, and no run folder appears after the command was told to stop.
 *
 * Started through npm (`npx graduasi …`, `npm start`), the command also stops when the process that
 * started it has gone: npm passes SIGINT and SIGTERM on to its child and reports the exit at once,
 * so a run whose starter has died (of the signal, or of SIGKILL, which nothing can catch) would
 * otherwise go on unseen and write its folder later. The project's .npmrc runs npm's scripts and
 * `npx` through bash, which replaces itself by the command, so that the signal npm passes on reaches
 * this process rather than a shell in between. A command started otherwise (from a shell, under
 * nohup) keeps running when its parent goes, as a Unix command does.
 */

/** The signals that stop a command, with the exit code each gives (128 + the signal's number). */
export const STOP_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** How often the starter is looked for, in milliseconds. */
export const STARTER_CHECK_MS = 1000;

/** Whether npm started this process (npm sets npm_lifecycle_event for `npx` and for its scripts). */
export function startedByNpm(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.npm_lifecycle_event !== undefined;
}

/**
 * Makes the process stop on STOP_SIGNALS and, when npm started it, once its starter has gone (its
 * parent process changed): as SIGTERM would stop it.
 */
export function stopOnSignals(): void {
  for (const [signal, code] of Object.entries(STOP_SIGNALS)) process.once(signal, () => process.exit(code));
  if (!startedByNpm()) return;
  const starter = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== starter) process.exit(STOP_SIGNALS.SIGTERM);
  }, STARTER_CHECK_MS);
  watch.unref();
}
