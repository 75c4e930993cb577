/**
 * The commands of `graduasi`, in the order `graduasi help` lists them. Each is declared once, with
 * its options, in its own module (./options.ts says how); adding a command is its module and a line
 * here.
 */
import type { Command } from './options';
import { LIST, SHOW, VALIDATE } from './scenarios';
import { COMPARE, RUN } from './run';
import { REPORT } from './report';
import { CALIBRATE } from './calibrate';
import { SENSITIVITY } from './sensitivity';
import { TRIAL } from './trial';
import { HISTORY } from './history';
import { BACKTEST } from './backtest';
import { TARGET } from './target';
import { MERGE } from './merge';
import { PLAN } from './plan';

export const COMMANDS: readonly Command[] = [LIST, SHOW, VALIDATE, RUN, COMPARE, HISTORY, BACKTEST, MERGE, PLAN, REPORT, CALIBRATE, SENSITIVITY, TRIAL, TARGET] as readonly Command[];

/** `graduasi help`: every command with its one-line summary. */
export function overview(): string {
  const rows = COMMANDS.map((c) => [c.name, c.summary]);
  const left = Math.max(...rows.map(([name]) => name.length)) + 2;
  return [
    'usage: graduasi <command> [arguments] [options]',
    '',
    'commands',
    ...rows.map(([name, summary]) => `  ${name.padEnd(left)}${summary}`),
    '',
    'graduasi <command> --help (or -h, or graduasi help <command>) describes a command and its options, with their defaults.',
    '',
  ].join('\n');
}
