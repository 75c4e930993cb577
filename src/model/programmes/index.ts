/**
 * The assistance programmes of the model, in the order they run each month (a programme may
 * require another's families, so it comes after it): PKH, BPNT / Sembako, BLT BBM, BLT Dana Desa
 * (outside PKH and BPNT), rice aid, BLT El Niño and BLT Mitigasi Risiko Pangan (to Sembako
 * families), BLT Kesra.
 */
import type { Programme } from '../world';
import { pkh } from './pkh';
import { bpnt } from './bpnt';
import { bltBbm } from './blt-bbm';
import { bltDanaDesa } from './blt-dana-desa';
import { riceAid } from './rice-aid';
import { bltElNino } from './blt-el-nino';
import { bltMrp } from './blt-mrp';
import { bltKesra } from './blt-kesra';

export const PROGRAMMES: readonly Programme[] = [pkh, bpnt, bltBbm, bltDanaDesa, riceAid, bltElNino, bltMrp, bltKesra];
