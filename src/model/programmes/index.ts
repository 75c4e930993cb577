/**
 * The assistance programmes of the model, in the order they run each month (a programme may
 * require another's families, so it comes after it): PKH, BPNT / Sembako, BLT BBM.
 */
import type { Programme } from '../world';
import { pkh } from './pkh';
import { bpnt } from './bpnt';
import { bltBbm } from './blt-bbm';

export const PROGRAMMES: readonly Programme[] = [pkh, bpnt, bltBbm];
