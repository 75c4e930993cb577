/**
 * Progress of a task of many runs: runs finished and the share of their months stepped, and the
 * time left at the pace so far. The displays (the terminal's, a notebook's) read it.
 */

export interface Progress {
  /** Runs finished, of `total`. */
  readonly done: number;
  readonly total: number;
  /** Seconds since the experiment started. */
  readonly elapsed: number;
  /** Share of all the runs' months stepped so far, 0–1 (absent: the runs finished are all that is known). */
  readonly share?: number;
}

/** The share of the work done: the months stepped when known, else the runs finished. */
export function shareDone(p: Progress): number {
  return p.share ?? p.done / p.total;
}

/** " (40 %)": the share of the months stepped, while runs are under way and it is known; "" otherwise. */
export function percentText(p: Progress): string {
  return p.share === undefined || p.done >= p.total ? '' : ` (${Math.floor(p.share * 100)} %)`;
}

/** The share done from which the pace since the start is told, before a second share is known (less says nothing: the first month of a hundred runs, after the set-up). */
const TELLING_SHARE = 0.01;

/**
 * A clock of the time left: each call gives the seconds left at the pace since the first share done
 * it was told of (so a long run's set-up, before its first month, does not count as pace); until
 * there is a second, at the pace since the start once TELLING_SHARE is done; undefined before that.
 */
export function timeLeft(): (p: Progress) => number | undefined {
  let first: { share: number; elapsed: number } | undefined;
  return (p) => {
    const share = shareDone(p);
    if (share <= 0) return undefined;
    if (share >= 1) return 0;
    first ??= { share, elapsed: p.elapsed };
    if (share > first.share) return ((p.elapsed - first.elapsed) / (share - first.share)) * (1 - share);
    return share >= TELLING_SHARE ? (p.elapsed / share) * (1 - share) : undefined;
  };
}

/**
 * The `runJobs` progress of a task that began at `began` (performance.now()), as `onProgress` hears
 * it: at every job finished, and in between at every whole percent of the months stepped.
 */
export function jobProgress(total: number, began: number, onProgress: ((p: Progress) => void) | undefined): (done: number, share: number) => void {
  let last = { done: -1, percent: -1 };
  return (done, share) => {
    const percent = Math.floor(share * 100);
    if (onProgress === undefined || (done === last.done && percent === last.percent)) return;
    last = { done, percent };
    onProgress({ done, total, elapsed: (performance.now() - began) / 1000, share });
  };
}
