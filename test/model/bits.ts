/**
 * The bits of the model's own registry under the names the tests use: programme statuses in
 * `households.programmes`, service flags in `households.services`.
 */
import { BUILTIN_REGISTRY } from '../../src/model/builtin';

const { status, flag } = BUILTIN_REGISTRY;
export const PKH = status['pkh'];
export const BPNT = status['bpnt'];
export const BLT_BBM = status['blt_bbm'];
export const IN_ATENSI = flag['atensi.in_rehabilitation'];
export const ATENSI_DONE = flag['atensi.rehabilitated'];
export const RST_HOUSE = flag['rst.house'];
export const RST_BUSINESS_SPACE = flag['rst.business_space'];
export const IN_TRAINING = flag['skills.in_training'];
export const TRAINED = flag['skills.trained'];
export const PENA_RECEIVED = flag['pena.received'];
export const PROKUS_RECEIVED = flag['prokus.received'];
