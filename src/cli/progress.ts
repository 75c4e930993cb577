/**
 * Progress of a long run: a bar with elapsed and remaining time on a terminal, plain log lines
 * (about one per tenth of the work) when the output goes to a file or a pipe, in the language asked for.
 */
import { percentText, shareDone, timeLeft, type Progress } from '../experiment/index';
import { clock } from '../report/text';
import type { Bilingual, Lang } from '../lang/index';

/** The words of the progress lines: what is counted, the times, and the plain line. */
const WORDS: Bilingual<{ what: (what: string) => string; times: (elapsed: string, left: string | undefined) => string; line: (what: string, done: number, total: number, percent: string, times: string) => string }> = {
  en: {
    what: (what) => what,
    times: (elapsed, left) => `${elapsed} elapsed${left === undefined ? '' : `, ${left} left`}`,
    line: (what, done, total, percent, times) => `${what}: ${done} of ${total} done${percent}, ${times}`,
  },
  id: {
    what: (what) => ({ runs: 'simulasi', months: 'bulan' })[what] ?? what,
    times: (elapsed, left) => `${elapsed} berlalu${left === undefined ? '' : `, sisa ${left}`}`,
    line: (what, done, total, percent, times) => `${what}: ${done} dari ${total} selesai${percent}, ${times}`,
  },
};


/** One progress display per stage (a new one when the stage changes), on `stream`; `finish` ends the last. */
export function stageProgress(stream: NodeJS.WriteStream): { update: (stage: string, p: Progress) => void; finish: () => void } {
  let current: { stage: string; display: ReturnType<typeof progressDisplay> } | undefined;
  return {
    update(stage, p) {
      if (current?.stage !== stage) {
        current?.display.end();
        current = { stage, display: progressDisplay(stream, stage) };
      }
      current.display.update(p);
    },
    finish() {
      current?.display.end();
      current = undefined;
    },
  };
}

/** A progress display writing to `stream` in `lang` (default English); call `end()` once the work is done. */
export function progressDisplay(stream: NodeJS.WriteStream, counted: string, lang: Lang = 'en'): { update: (p: Progress) => void; end: () => void } {
  const w = WORDS[lang];
  const what = w.what(counted);
  const tty = stream.isTTY === true;
  const secondsLeft = timeLeft();
  let lastLogged = -1;
  let loggedDone = -1;
  let drawn = false;
  return {
    update(p: Progress) {
      const { done, total, elapsed } = p;
      const share = shareDone(p);
      const left = secondsLeft(p);
      const times = w.times(clock(elapsed), left === undefined ? undefined : clock(left));
      const percent = percentText(p);
      if (tty) {
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(`\r${what} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${percent}  ${times}  `);
        drawn = true;
      } else {
        const tenth = Math.floor(share * 10);
        if (tenth !== lastLogged || (done === total && loggedDone !== done)) {
          lastLogged = tenth;
          loggedDone = done === total ? done : -1;
          stream.write(`${w.line(what, done, total, percent, times)}\n`);
        }
      }
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
