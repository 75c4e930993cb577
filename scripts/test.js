#!/usr/bin/env node
/**
 * `npm test`: the type check, the vitest suite and the notebooks, each run whatever the others gave,
 * so one stage's failure never hides another's. Prints each stage's outcome and exits non-zero if
 * any failed.
 */
import { spawnSync } from 'node:child_process';

const STAGES = [
  ['type check', 'npm', ['run', '--silent', 'typecheck']],
  ['vitest', 'npx', ['vitest', 'run']],
  ['notebooks', 'npm', ['run', '--silent', 'notebooks']],
];

const outcomes = STAGES.map(([name, command, args]) => {
  process.stdout.write(`\n== ${name}: ${command} ${args.join(' ')}\n`);
  const began = Date.now();
  const { status, signal } = spawnSync(command, args, { stdio: 'inherit' });
  return { name, ok: status === 0, status: signal ?? status, seconds: Math.round((Date.now() - began) / 1000) };
});

process.stdout.write('\n== npm test\n');
for (const o of outcomes) process.stdout.write(`  ${o.ok ? 'passed' : 'FAILED'}  ${o.name} (${o.seconds} s${o.ok ? '' : `, exit ${o.status}`})\n`);
process.exit(outcomes.every((o) => o.ok) ? 0 : 1);
