/**
 * No test file sets a timeout of its own for a test or a hook: vitest.config.ts gives every one
 * minutes, sized for a busy machine, and a shorter timeout in a file would override it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The lines of `source` that give a test or hook its own timeout: `}, 60_000);` or `{ timeout: N }` before the body. */
export function ownTimeouts(source: string): number[] {
  const lines = source.split('\n');
  return lines.flatMap((line, k) => (/^\s*\}\s*,\s*[\d_]+\s*\);?\s*$/.test(line) || /\b(it|test|beforeAll|beforeEach|afterAll|describe)\b.*\{\s*timeout:\s*[\d_]+\s*\}\s*,\s*(async\s*)?\(/.test(line) ? [k + 1] : []));
}

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) => {
    const path = join(folder, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(path);
    return e.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('timeouts come from vitest.config.ts only', () => {
  it('finds a timeout given after a body or in the options', () => {
    expect(ownTimeouts("it('a', () => {\n  work();\n}, 60_000);\n")).toEqual([3]);
    expect(ownTimeouts("it('a', { time" + "out: 20_000 }, async () => {\n});\n")).toEqual([1]);
    expect(ownTimeouts("it('a', () => {\n  work();\n});\npage.waitForFunction(f, null, { timeout: 120_000 });\n")).toEqual([]);
  });

  it('no test file gives a test or hook its own timeout', () => {
    const found = testFiles(join(ROOT, 'test')).flatMap((file) => ownTimeouts(readFileSync(file, 'utf8')).map((line) => `${relative(ROOT, file)}:${line}`));
    expect(found).toEqual([]);
  });
});
