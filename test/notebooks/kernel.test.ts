/**
 * The notebook kernel compiles src/ its own way: tslab 1.0.22 type-checks every module a cell
 * imports with its TypeScript 5.0.4, without `strict` and with node10 module resolution (see
 * createConverter in node_modules/tslab/dist/converter.js). Code that the project's `tsc` accepts
 * can fail there (a discriminated union narrowed by `!x.ok` needs strictNullChecks), and tslab then
 * reports only "line:column - message", without the file. This test names the file.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from '@tslab/typescript-for-tslab';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Every TypeScript module under a folder. */
function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe("the kernel's TypeScript", () => {
  it('is the one tslab ships', () => {
    expect(ts.version).toBe('5.0.4');
  });

  it('compiles every module of src/ as tslab does', () => {
    const program = ts.createProgram(modules(join(ROOT, 'src')), {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      resolveJsonModule: true,
      experimentalDecorators: true,
      allowJs: true,
      checkJs: true,
      skipLibCheck: true,
      rootDir: ROOT,
      noEmit: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? `${relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
      return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
    });
    expect(problems).toEqual([]);
  });
});
