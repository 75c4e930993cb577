/** data/README.md keeps one row per parameter file, with the unit the file declares. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMETER_DIR, loadParameters } from '../../src/parameters';

const readme = readFileSync(join(DEFAULT_PARAMETER_DIR, '..', 'README.md'), 'utf8');
const rows = new Map(
  readme.split('\n')
    .map((line) => /^\| `parameters\/([^`]+)` \| [^|]+ \| ([^|\s]+) \|/.exec(line))
    .filter((m) => m !== null)
    .map((m) => [m[1], m[2]]),
);

describe('data/README.md', () => {
  it.each(loadParameters().records.map((r) => [r.file.replace(/^data\/parameters\//, ''), r.unit]))(
    'lists %s with unit %s', (file, unit) => {
      expect(rows.get(file)).toBe(unit);
    },
  );

  it('lists no file that does not exist', () => {
    expect(rows.size).toBe(loadParameters().records.length);
  });

  it('leaves the population section to the population module', () => {
    expect(readme).toContain('## Population (data/population)');
  });
});
