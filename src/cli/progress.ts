/**
 * Progress of a long run: a bar with elapsed and remaining time on a terminal, plain log lines
 * (about one per tenth of the work) when the output goes to a file or a pipe.
 */
import type { Progress } from '../experiment/index';
import { clock } from '../report/text';


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

/** A progress display writing to `stream`; call `end()` once the work is done. */
export function progressDisplay(stream: NodeJS.WriteStream, what: string): { update: (p: Progress) => void; end: () => void } {
  const tty = stream.isTTY === true;
  let lastLogged = -1;
  let drawn = false;
  return {
    update({ done, total, elapsed }: Progress) {
      const remaining = done > 0 ? (elapsed / done) * (total - done) : NaN;
      const times = `${clock(elapsed)} elapsed${Number.isFinite(remaining) ? `, ${clock(remaining)} left` : ''}`;
      if (tty) {
        const width = 30;
        const filled = Math.round((done / total) * width);
        stream.write(`\r${what} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}  ${times}  `);
        drawn = true;
      } else {
        const tenth = Math.floor((done * 10) / total);
        if (tenth !== lastLogged || done === total) {
          lastLogged = tenth;
          stream.write(`${what}: ${done} of ${total} done, ${times}\n`);
        }
      }
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
