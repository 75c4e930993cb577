#!/usr/bin/env node
// `node scripts/readme-history.js`: runs `graduasi history --households 200000 --seed 2022` (the
// baseline to December 2025, 3 replicates) and `graduasi backtest --households 200000 --seed 2022`
// (every origin, 5 replicates) into temporary run folders and writes the tables they print into
// README.md, between the lines "<!-- history:start -->" and "<!-- history:end -->" of the section
// "The baseline beside the record" and "<!-- backtest:start -->" and "<!-- backtest:end -->" of the
// section "The backtest". Re-run it whenever the model, its data or the record
// (data/targets/targets.csv) changes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const README = join(ROOT, 'README.md');
const BLOCKS = [
  { name: 'history', command: ['history', '--households', '200000', '--seed', '2022'], ends: '\nRun written to ' },
  { name: 'backtest', command: ['backtest', '--households', '200000', '--seed', '2022'], ends: '\nBacktest written to ' },
];

const scratch = mkdtempSync(join(tmpdir(), 'graduasi-readme-'));
try {
  let readme = readFileSync(README, 'utf8');
  for (const { name, command, ends } of BLOCKS) {
    const [start, end] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
    const printed = execFileSync(process.execPath, [join(ROOT, 'bin', 'graduasi.js'), ...command, '--out', join(scratch, name)], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
    const table = printed.slice(0, printed.indexOf(ends)).trimEnd();
    const [from, to] = [readme.indexOf(start), readme.indexOf(end)];
    if (from < 0 || to < from) throw new Error(`README.md: expected the lines ${start} and ${end}, in that order`);
    readme = readme.slice(0, from) + `${start}\n\`\`\`text\n$ npx graduasi ${command.join(' ')}\n${table}\n\`\`\`\n` + readme.slice(to);
    console.log(`README.md: the tables of graduasi ${command.join(' ')} written (${table.split('\n').length} lines)`);
  }
  writeFileSync(README, readme);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
