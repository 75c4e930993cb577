/**
 * Command-line arguments shared by the commands (main.ts, calibrate.ts, sensitivity.ts): the error
 * that marks a usage problem, whole numbers checked, and `--name value` options split from
 * positionals. No side effects on import.
 */
export class UsageError extends Error {}

export function wholeNumber(option: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${option}: expected a whole number of at least ${min.toLocaleString('en')}, got "${value}"`);
  return n;
}

/** Splits arguments into positionals and `--name value` options, refusing options `allowed` does not list. */
export function splitArguments(args: readonly string[], allowed: readonly string[]): { positionals: string[]; options: Map<string, string> } {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    if (!allowed.includes(a)) throw new UsageError(`unknown option ${a}${allowed.length ? ` (expected one of ${allowed.join(', ')})` : ''}`);
    const value = args[++k];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`option ${a} needs a value`);
    if (options.has(a)) throw new UsageError(`option ${a} is given twice`);
    options.set(a, value);
  }
  return { positionals, options };
}

/** Agents per real household: a number in (0, 1]. */
export function scale(option: string, value: string): number {
  const x = Number(value);
  if (!/^[\d.eE+-]+$/.test(value) || !(x > 0 && x <= 1)) throw new UsageError(`${option}: expected agents per real household in (0, 1], got "${value}"`);
  return x;
}
