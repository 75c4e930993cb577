#!/usr/bin/env node
/**
 * The `graduasi` command.
 *
 *   graduasi baseline [--seed S] [--households N | --scale X] [--end YYYY-MM]
 *       Run the baseline from March 2022 and print poverty, coverage and spending by year.
 */
import { simulate } from '../model/simulate';
import { standardIndicators } from '../observe/indicators';
import { formatPathwayTable, formatYearTable, summariseByYear } from './baseline';
import { baseline } from '../scenarios/builtin';
import { MIN_HOUSEHOLDS } from '../population/index';

interface Options {
  seed: string | number;
  households?: number;
  scale?: number;
  end?: string;
}

function usage(): string {
  return 'usage: graduasi baseline [--seed S] [--households N | --scale X] [--end YYYY-MM]';
}

/** Parse `--name value` options; every problem is an error naming the option. */
export function parseOptions(args: readonly string[]): Options {
  const options: Options = { seed: 2022 };
  for (let k = 0; k < args.length; k += 2) {
    const name = args[k];
    const value = args[k + 1];
    if (value === undefined) throw new Error(`option ${name} needs a value\n${usage()}`);
    switch (name) {
      case '--seed':
        if (value === '') throw new Error('--seed: expected a number or a non-empty string');
        options.seed = /^-?\d+$/.test(value) ? Number(value) : value;
        break;
      case '--households': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < MIN_HOUSEHOLDS) throw new Error(`--households: expected a whole number of at least ${MIN_HOUSEHOLDS.toLocaleString('en')}, got "${value}"`);
        options.households = n;
        break;
      }
      case '--scale': {
        const x = Number(value);
        if (!(x > 0 && x <= 1)) throw new Error(`--scale: expected agents per real household in (0, 1], got "${value}"`);
        options.scale = x;
        break;
      }
      case '--end':
        if (!/^\d{4}-\d{2}$/.test(value)) throw new Error(`--end: expected a month as YYYY-MM, got "${value}"`);
        options.end = value;
        break;
      default:
        throw new Error(`unknown option ${name}\n${usage()}`);
    }
  }
  return options;
}

function main(argv: readonly string[]): number {
  const [command, ...rest] = argv;
  if (command !== 'baseline') {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  const options = parseOptions(rest);
  const began = performance.now();
  const result = simulate(baseline, { ...options, observe: standardIndicators });
  const seconds = (performance.now() - began) / 1000;
  const m = result.manifest;
  const summary = summariseByYear(result.rows);
  process.stdout.write(
    `Graduasi ${m.version} — baseline, ${m.options.start} to ${m.options.end}, ${m.options.agents.toLocaleString('en')} agents ` +
      `standing for ${(m.population.households / 1e6).toFixed(1)} m households, seed ${String(m.seed)}\n\n` +
      `Poverty and assistance\n${formatYearTable(summary)}\n\n` +
      'Poverty and coverage in March (Susenas round); extreme line USD 1.90 PPP (BPS series B), national line BPS.\n' +
      'Spending in Rp trillion over the simulated months of the year (* = part of the year).\n\n' +
      `The pathway: from assistance to graduation\n${formatPathwayTable(summary)}\n\n` +
      'Households per phase at the end of the year; graduations, relapses and empowerment spending (ATENSI, RST, skills,\n' +
      'PENA, PROKUS, community programmes) over the year; cost per graduate = empowerment spending to date per graduation to date.\n' +
      `Ran in ${seconds.toFixed(1)} s.\n`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`graduasi: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
