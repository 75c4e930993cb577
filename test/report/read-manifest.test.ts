/**
 * Reading a run folder back (`graduasi report <folder>`): a manifest.json that is not one is refused
 * naming the file, before anything is read from the CSVs beside it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../src/problems';
import { readRun } from '../../src/report/run';

describe('a run folder whose manifest.json is not one', () => {
  it.each([
    ['cut short', '{"model": "graduasi", "experim', /manifest\.json: expected valid JSON, the manifest of a graduasi run or compare, got /],
    ['an empty file', '', /manifest\.json: expected valid JSON, the manifest of a graduasi run or compare, got Unexpected end of JSON input/],
    ['null', 'null', /manifest\.json: expected the manifest of a graduasi run or compare/],
  ])('is refused naming the file: %s', (_, text, message) => {
    const folder = mkdtempSync(join(tmpdir(), 'graduasi-manifest-'));
    writeFileSync(join(folder, 'manifest.json'), text);
    expect(() => readRun(folder)).toThrow(message);
    try {
      readRun(folder);
    } catch (e) {
      expect((e as Error).message.startsWith(join(folder, 'manifest.json'))).toBe(true);
    }
  });

  it('says which file in a ProblemError', () => {
    const folder = mkdtempSync(join(tmpdir(), 'graduasi-manifest-'));
    writeFileSync(join(folder, 'manifest.json'), '{');
    expect(() => readRun(folder)).toThrow(ProblemError);
  });
});
