/**
 * ATENSI (Asistensi Rehabilitasi Sosial, Permensos 7/2021): social rehabilitation by the Sentra /
 * Sentra Kreasi ATENSI for the persons of its clusters — persons with disabilities, the elderly
 * without care, children in need of special protection, persons with a substance-use disorder
 * (NAPZA) and disaster victims — inside the pathway and outside it, referred by TKSK, within the
 * year's places. The clusters, their traits and who may be served are declared here; the monthly
 * pass that admits and rehabilitates is ../processes/rehabilitation.ts.
 *
 * A course lasts policy.atensi.months; when it ends the household is rehabilitated with probability
 * behaviour.atensi.success. A household in pemulihan sosial with a severe disability or hit by a
 * disaster cannot move on to transisi until it is rehabilitated (needsRehabilitation).
 */
import { CHILD_IN_NEED, ELDERLY_WITHOUT_CARE, SUBSTANCE_USE } from '../households';
import type { Households } from '../households';
import { DISASTER_VICTIM } from '../phases';
import { PATHWAY_DRAW } from '../draws';
import { uniform } from '../random';
import type { Stream } from '../random';
import { overHouseholds } from '../threads';
import type { HouseholdView, RangeWork } from '../threads';
import type { MonthContext, Service, World } from '../world';
import type { Words } from '../../lang/index';

/**
 * The clusters, in the order a household with members in several is served for one of them: acute
 * needs first (emergency response, child protection, addiction treatment), then the lasting ones.
 */
export const CLUSTERS = ['disaster', 'children', 'substance_use', 'disability', 'elderly'] as const;
export type Cluster = (typeof CLUSTERS)[number];

/** Each cluster's name, as its flow and the report write it. */
export const CLUSTER_NAMES: { readonly [C in Cluster]: Words } = {
  disaster: { en: 'disaster victims', id: 'korban bencana' },
  children: { en: 'children in need of protection', id: 'anak yang memerlukan perlindungan khusus' },
  substance_use: { en: 'persons with a substance-use disorder (NAPZA)', id: 'korban penyalahgunaan NAPZA' },
  disability: { en: 'persons with disabilities', id: 'penyandang disabilitas' },
  elderly: { en: 'elderly without care', id: 'lanjut usia terlantar' },
};

/** Children the household has in PKH's child components (0–6 and pupils). */
function children(h: Households, i: number): number {
  return h.earlyChildhood[i] + h.primaryPupils[i] + h.juniorPupils[i] + h.seniorPupils[i];
}

/** The first cluster (index into CLUSTERS) household i has a member in, or −1 for none. */
export function clusterOf(h: Households, i: number): number {
  const traits = h.clusters[i];
  if ((h.history[i] & DISASTER_VICTIM) !== 0) return 0;
  if ((traits & CHILD_IN_NEED) !== 0 && children(h, i) > 0) return 1;
  if ((traits & SUBSTANCE_USE) !== 0) return 2;
  if (h.severeDisability[i] > 0) return 3;
  if ((traits & ELDERLY_WITHOUT_CARE) !== 0 && h.elderly[i] > 0) return 4;
  return -1;
}

/**
 * A vulnerability ATENSI addresses before the household can move on: a severe disability or a
 * disaster. (The elderly, children and NAPZA clusters are served but do not hold the household
 * back: their rehabilitation is for the dependent member, and the earners can go on.)
 */
export function needsRehabilitation(world: World, i: number): boolean {
  const h = world.households;
  return (h.severeDisability[i] > 0 || (h.history[i] & DISASTER_VICTIM) !== 0) && (h.services[i] & world.registry.flag['atensi.rehabilitated']) === 0;
}

/**
 * Draw the cluster traits no other attribute says (households.clusters), each with its prevalence
 * in behaviour.atensi, for every household: a trait counts while the household has such members.
 * Drawn from the pathway's stream in month 0, so a household keeps its traits across runs of a seed.
 */
export function drawClusters(world: World, ctx: MonthContext): void {
  const p = ctx.params.behaviour.atensi;
  const terms: ClusterDraws = { stream: ctx.streams.pathway, elderlyWithoutCare: p.elderly_without_care, childrenInNeed: p.children_in_need, substanceUse: p.substance_use };
  overHouseholds(world, ctx, { module: import.meta.url, name: 'clusterKernel' }, clusterKernel, terms);
}

/** What drawClusters draws with: the pathway's stream and each trait's prevalence (plain data: it travels to the step's threads). */
interface ClusterDraws {
  readonly stream: Stream;
  readonly elderlyWithoutCare: number;
  readonly childrenInNeed: number;
  readonly substanceUse: number;
}

/** Draw the cluster traits of households lo ≤ i < hi. */
export function clusterKernel(view: HouseholdView): RangeWork<ClusterDraws> {
  const w = view;
  return (d: ClusterDraws, lo: number, hi: number): void => {
    const clusters = w.households.clusters;
    const s = d.stream;
    for (let i = lo; i < hi; i++) {
      let traits = 0;
      if (uniform(s, i, 0, PATHWAY_DRAW.elderlyWithoutCare) < d.elderlyWithoutCare) traits |= ELDERLY_WITHOUT_CARE;
      if (uniform(s, i, 0, PATHWAY_DRAW.childInNeed) < d.childrenInNeed) traits |= CHILD_IN_NEED;
      if (uniform(s, i, 0, PATHWAY_DRAW.substanceUse) < d.substanceUse) traits |= SUBSTANCE_USE;
      clusters[i] = traits;
    }
  };
}

/** The code of the reason "admitted for a cluster": "atensi.admitted_<cluster>". */
export function admittedReason(cluster: Cluster): string {
  return `atensi.admitted_${cluster}`;
}

export const atensi: Service = {
  id: 'atensi',
  name: { en: 'ATENSI rehabilitation', id: 'Rehabilitasi ATENSI' },
  flags: ['in_rehabilitation', 'rehabilitated'],
  reasons: [
    ...CLUSTERS.map((c) => ({ code: admittedReason(c), label: { en: `ATENSI: admitted, ${CLUSTER_NAMES[c].en}`, id: `ATENSI: diterima, ${CLUSTER_NAMES[c].id}` } })),
    { code: 'atensi.rehabilitated', label: { en: 'ATENSI: rehabilitated', id: 'ATENSI: berhasil direhabilitasi' } },
    { code: 'atensi.not_rehabilitated', label: { en: 'ATENSI: not rehabilitated', id: 'ATENSI: tidak berhasil direhabilitasi' } },
  ],
  indicators: {
    spend: { en: 'ATENSI rehabilitation spending', id: 'Belanja rehabilitasi ATENSI' },
    queue: { en: 'Waiting for an ATENSI place', id: 'Menunggu tempat ATENSI' },
  },
};
