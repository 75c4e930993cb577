/**
 * The `graduasi` command run as a user runs it, in a folder of its own: a child process of this Node
 * started in `dir`, and files written there for it to read.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/graduasi.js', import.meta.url));

/** A new temporary working folder, the command run in it, and a way to put a file in it (its name returned). */
export function commandFolder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const graduasi = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const file = (name: string, text: string): string => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  return { dir, graduasi, file };
}
