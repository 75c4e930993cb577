/** `npm run golden`: record the golden digest for this Node.js major version. */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { GOLDEN_FILE, NODE_MAJOR, goldenDigest } from './golden';

const digests: Record<string, string> = existsSync(GOLDEN_FILE) ? JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) : {};
const before = digests[NODE_MAJOR];
digests[NODE_MAJOR] = goldenDigest();
writeFileSync(GOLDEN_FILE, `${JSON.stringify(digests, null, 2)}\n`);
console.log(before === digests[NODE_MAJOR] ? `${NODE_MAJOR}: unchanged ${before}` : `${NODE_MAJOR}: ${before ?? '(none)'} → ${digests[NODE_MAJOR]}`);
