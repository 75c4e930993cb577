#!/usr/bin/env node
/**
 * The `graduasi` command: finds the command named (./commands.ts), runs it, and is the one place
 * that prints what went wrong and sets the exit code — problems with what the user gave (a
 * ProblemError, src/problems) as their lines, anything else as "graduasi: <message>"; exit code 1
 * either way. `graduasi help` lists the commands; `graduasi <command> --help` describes one. A
 * signal, or the end of the npm process that started it, stops it cleanly (./stop.ts).
 */
import { didYouMean, formatProblems, nearest, ProblemError } from '../problems/index';
import { COMMANDS, overview } from './commands';
import { stopOnSignals } from './stop';

/** The command called `name`, or a problem naming the ones there are. */
function find(name: string) {
  const found = COMMANDS.find((c) => c.name === name);
  if (found) return found;
  const names = COMMANDS.map((c) => c.name);
  throw new ProblemError([{ file: 'graduasi', path: '', expected: `a command: ${names.join(', ')}`, got: `"${name}"`, hint: didYouMean(nearest(name, names)) }]);
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stdout.write(overview());
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(rest.length ? find(rest[0]).help() : overview());
    return 0;
  }
  await find(name).main(rest);
  return 0;
}

/** What went wrong, as the user reads it. */
function report(error: unknown, name: string | undefined): string {
  if (!(error instanceof ProblemError)) return `graduasi: ${(error as Error).message}\n`;
  const fromCommandLine = error.problems.some((p) => p.file === 'graduasi' || p.file === `graduasi ${name}`);
  const pointer = !fromCommandLine ? '' : error.problems.some((p) => p.file === 'graduasi') ? '(graduasi help lists the commands)\n' : `(graduasi ${name} --help lists its options)\n`;
  return `${formatProblems(error.problems)}\n${pointer}`;
}

stopOnSignals();

const argv = process.argv.slice(2);
main(argv).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(report(error, argv[0] === 'help' ? argv[1] : argv[0]));
    process.exitCode = 1;
  },
);
