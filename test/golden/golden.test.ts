import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FILE, NODE_MAJOR, goldenDigest } from './golden';

describe('golden run', () => {
  it(`reproduces the committed digest for ${NODE_MAJOR} (a change must be deliberate: npm run golden)`, () => {
    const digests: Record<string, string> = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8'));
    expect(digests[NODE_MAJOR], `no golden digest recorded for ${NODE_MAJOR}: record one with npm run golden`).toBeDefined();
    expect(goldenDigest()).toBe(digests[NODE_MAJOR]);
  });
});
