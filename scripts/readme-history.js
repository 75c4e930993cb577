#!/usr/bin/env node
// `node scripts/readme-history.js`: runs `graduasi history --households 200000 --seed 2022` (the
// baseline to December 2025, 3 replicates) into a temporary run folder and writes the table it
// prints into README.md, between the lines "<!-- history:start -->" and "<!-- history:end -->" of
// the section "The baseline beside the record". Re-run it whenever the model, its data or the record
// (data/targets/targets.csv) changes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'README.md');
const COMMAND = ['history', '--households', '200000', '--seed', '2022'];
const START = '<!-- history:start -->';
const END = '<!-- history:end -->';

const scratch = mkdtempSync(join(tmpdir(), 'graduasi-history-'));
try {
  const printed = execFileSync(process.execPath, [join(ROOT, 'bin', 'graduasi.js'), ...COMMAND, '--out', join(scratch, 'run')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const table = printed.slice(0, printed.indexOf('\nRun written to ')).trimEnd();
  const readme = readFileSync(README, 'utf8');
  const [from, to] = [readme.indexOf(START), readme.indexOf(END)];
  if (from < 0 || to < from) throw new Error(`README.md: expected the lines ${START} and ${END}, in that order`);
  const block = `${START}\n\`\`\`text\n$ npx graduasi ${COMMAND.join(' ')}\n${table}\n\`\`\`\n`;
  writeFileSync(README, readme.slice(0, from) + block + readme.slice(to));
  console.log(`README.md: the table of graduasi ${COMMAND.join(' ')} written (${table.split('\n').length} lines)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
