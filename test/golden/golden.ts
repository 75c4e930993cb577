/**
 * The golden run: a fixed seed, population and span whose results' SHA-256 is committed in
 * baseline.json, one digest per Node.js major version (Math functions outside the model's own may
 * differ between V8 versions). Changing a digest is a deliberate act: run `npm run golden` and say
 * why in the commit.
 */
import { loadParameters } from '../../src/parameters/load';
import { simulate } from '../../src/run/simulate';
import { standardIndicators } from '../../src/observe/indicators';
/** The parameters as in data/parameters, unpatched. */
const baseline = { id: 'baseline', patch: {} };
import { sha256, toCsv } from '../../src/run/results';

export const GOLDEN_FILE = new URL('./baseline.json', import.meta.url);
export const NODE_MAJOR = `node${process.versions.node.split('.')[0]}`;

/** The digest of the golden run's results CSV, its step on `threads` threads (the same bits at any number). */
export function goldenDigest(threads = 1): string {
  const result = simulate(baseline, { seed: 'golden', households: 20_000, end: '2023-12', parameters: loadParameters(), observe: standardIndicators, threads });
  return sha256(toCsv(result.rows));
}
