/**
 * The empowerment services of the model, in the order the pathway offers them within a phase:
 * ATENSI (its own monthly pass, ../processes/rehabilitation.ts, inside and outside the pathway) and
 * RST in pemulihan sosial; skills, PENA and PROKUS in transisi (PROKUS also in
 * pengembangan and just after graduating); community programmes, which reach whole communities.
 */
import type { Service } from '../world';
import { atensi } from './atensi';
import { rst } from './rst';
import { skills } from './skills';
import { pena } from './pena';
import { prokus } from './prokus';
import { communityProgrammes } from './community';

export const SERVICES: readonly Service[] = [atensi, rst, skills, pena, prokus, communityProgrammes];
