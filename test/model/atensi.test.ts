/**
 * ATENSI for its clusters (src/model/services/atensi.ts, src/model/processes/rehabilitation.ts):
 * who is served, inside and outside the pathway; the places of each cluster and the TKSK's
 * referrals; who may move on once rehabilitated; the cluster traits drawn at their prevalences.
 */
import { describe, expect, it } from 'vitest';
import { rehabilitation } from '../../src/model/processes/rehabilitation';
import { pathway } from '../../src/model/processes/pathway';
import { CHILD_IN_NEED, ELDERLY_WITHOUT_CARE, IN_REGISTRY, SUBSTANCE_USE } from '../../src/model/households';
import { ASSISTANCE, DISASTER_VICTIM, GRADUATED, NONE, PHASES, RECOVERY, TRANSITION } from '../../src/model/phases';
import { CLUSTERS, drawClusters } from '../../src/model/services/atensi';
import type { Cluster } from '../../src/model/services/atensi';
import type { ParameterPath } from '../../src/parameters/spec';
import { ATENSI_DONE, IN_ATENSI, IN_TRAINING } from './bits';
import { W, tinyWorld } from './world-fixture';
import type { Family } from './world-fixture';

/** A member in each cluster, as a family's attributes say it (the default family has two children). */
const MEMBER: { readonly [C in Cluster]: Family } = {
  disaster: { history: DISASTER_VICTIM },
  children: { clusters: CHILD_IN_NEED },
  substance_use: { clusters: SUBSTANCE_USE },
  disability: { severeDisability: 1 },
  elderly: { clusters: ELDERLY_WITHOUT_CARE, elderly: 1, size: 5 },
};

/** Cluster shares held at these values (the others at 0; they must sum to 1). */
function shares(given: { readonly [C in Cluster]?: number }): { [P in ParameterPath]?: number } {
  return Object.fromEntries(CLUSTERS.map((c) => [`policy.atensi.cluster_share.${c}`, given[c] ?? 0]));
}

/** Places for `perMonth` weighted persons a month, referrals that never bind, and these shares. */
function places(perMonth: number, given: { readonly [C in Cluster]?: number }) {
  return { 'policy.atensi.places': 12 * perMonth, 'policy.tksk.count': 1_000_000, 'policy.tksk.referrals': 3, ...shares(given) };
}

const admitted = (services: Uint32Array, n: number) => Array.from({ length: n }, (_, i) => (services[i] & IN_ATENSI) !== 0);

describe('who ATENSI serves', () => {
  it.each(CLUSTERS.map((c) => [c]))('a household outside the pathway with a member in the cluster %s is admitted when its places allow', (cluster) => {
    const t = tinyWorld([{ phase: NONE, programmes: IN_REGISTRY, ...MEMBER[cluster] }], { hold: places(W, { [cluster]: 1 }) });
    t.run(rehabilitation);
    expect(admitted(t.h.services, 1)).toEqual([true]);
    expect(t.flow(`atensi.admitted_${cluster}`)).toBe(W);
    expect(t.world.services.atensi.spentThisMonth).toBe(W * t.ctx.params.policy.atensi.unit_cost);
    expect(t.h.serviceMonths[0]).toBe(t.ctx.params.policy.atensi.months);
  });

  it.each<[string, boolean, Family]>([
    ['in the registry, outside the pathway', true, { phase: NONE, programmes: IN_REGISTRY }],
    ['on assistance (PKH)', true, { phase: ASSISTANCE }],
    ['graduated, still in the registry', true, { phase: GRADUATED, programmes: IN_REGISTRY }],
    ['in pemulihan sosial, no longer in the registry', true, { phase: RECOVERY, programmes: 0 }],
    ['outside the registry and the pathway', false, { phase: NONE, programmes: 0 }],
    ['already rehabilitated', false, { phase: NONE, programmes: IN_REGISTRY, services: ATENSI_DONE }],
    ['in skills training (the courses share serviceMonths)', false, { phase: TRANSITION, services: IN_TRAINING, serviceMonths: 2 }],
  ])('a household with a disabled member %s: admitted %s', (_, expected, family) => {
    const t = tinyWorld([{ severeDisability: 1, ...family }], { hold: places(W, { disability: 1 }) });
    t.run(rehabilitation);
    expect(admitted(t.h.services, 1)).toEqual([expected]);
  });

  it('a household without a member in a cluster is not a candidate (the traits count only with such members)', () => {
    const t = tinyWorld(
      [
        { phase: NONE, programmes: IN_REGISTRY },
        { phase: NONE, programmes: IN_REGISTRY, clusters: ELDERLY_WITHOUT_CARE, elderly: 0 },
        { phase: NONE, programmes: IN_REGISTRY, clusters: CHILD_IN_NEED, earlyChildhood: 0, primaryPupils: 0 },
      ],
      { hold: places(3 * W, { elderly: 0.5, children: 0.5 }) },
    );
    t.run(rehabilitation);
    expect(admitted(t.h.services, 3)).toEqual([false, false, false]);
    expect(t.world.services.atensi.queue).toBe(0);
  });

  it('a household with members in several clusters is served once, for the first in CLUSTERS order', () => {
    const t = tinyWorld([{ phase: NONE, programmes: IN_REGISTRY, severeDisability: 1, history: DISASTER_VICTIM }], { hold: places(W, { disaster: 0.5, disability: 0.5 }) });
    t.months(2, rehabilitation);
    expect(t.flow('atensi.admitted_disaster')).toBe(W);
    expect(t.flow('atensi.admitted_disability')).toBe(0);
  });
});

describe('places by cluster', () => {
  // Four families in each of two clusters, poorest first within each: 0, 1, 2, 3 (disability) and 4, 5, 6, 7 (elderly).
  const families = ({ extreme }: { extreme: number }): Family[] =>
    (['disability', 'elderly'] as const).flatMap((c) => [0.5, 0.6, 0.7, 0.8].map((score) => ({ phase: NONE, programmes: IN_REGISTRY, registryScore: score * extreme, ...MEMBER[c] })));

  it.each<[string, Record<string, number>, boolean[]]>([
    ['room for four a month, three quarters for disability: its three poorest and the poorest elderly', places(4 * W, { disability: 0.75, elderly: 0.25 }), [true, true, true, false, true, false, false, false]],
    ['room for four, half each: the two poorest of each', places(4 * W, { disability: 0.5, elderly: 0.5 }), [true, true, false, false, true, true, false, false]],
    ['room for four, all for disability: the elderly wait', places(4 * W, { disability: 1 }), [true, true, true, true, false, false, false, false]],
    ['room for four, but TKSK refer two (count × referrals): each cluster cut in proportion', { ...places(4 * W, { disability: 0.5, elderly: 0.5 }), 'policy.tksk.count': W, 'policy.tksk.referrals': 2 }, [true, false, false, false, true, false, false, false]],
  ])('%s', (_, hold, expected) => {
    const t = tinyWorld(families, { hold });
    t.run(rehabilitation);
    expect(admitted(t.h.services, 8)).toEqual(expected);
    const n = expected.filter(Boolean).length;
    expect(t.flow('atensi.admitted_disability') + t.flow('atensi.admitted_elderly')).toBe(n * W);
    expect(t.world.services.atensi.queue).toBe((8 - n) * W);
  });

  it("a cluster's places a month leaves open carry over to its next month within the year, not to another cluster", () => {
    // Half a place a month each: nobody fits in the first month; in the second each cluster has one place.
    const t = tinyWorld(families, { hold: places(W, { disability: 0.5, elderly: 0.5 }) });
    t.run(rehabilitation);
    expect(admitted(t.h.services, 8).filter(Boolean).length).toBe(0);
    t.months(1, rehabilitation);
    expect(admitted(t.h.services, 8)).toEqual([true, false, false, false, true, false, false, false]);
  });

  it('households in pemulihan sosial come before poorer households outside the pathway', () => {
    const t = tinyWorld(({ extreme }) => [
      { phase: NONE, programmes: IN_REGISTRY, severeDisability: 1, registryScore: 0.3 * extreme },
      { phase: RECOVERY, severeDisability: 1, registryScore: 0.9 * extreme },
    ], { hold: places(W, { disability: 1 }) });
    t.run(rehabilitation);
    expect(admitted(t.h.services, 2)).toEqual([false, true]);
  });
});

describe('rehabilitation and moving on', () => {
  it.each([1, 3])('a disabled household in pemulihan sosial is rehabilitated after atensi.months (%i) and then moves on to transisi', (months) => {
    const t = tinyWorld([{ phase: RECOVERY, monthsInPhase: 10, severeDisability: 1 }], { hold: { ...places(W, { disability: 1 }), 'policy.atensi.months': months, 'behaviour.atensi.success': 1 } });
    t.run(rehabilitation, pathway);
    expect(t.flow('atensi.admitted_disability')).toBe(W);
    for (let k = 1; k < months; k++) {
      t.months(1, rehabilitation, pathway);
      expect(PHASES[t.h.phase[0]]).toBe('recovery');
      expect(t.world.blocked.awaitingRehabilitation).toBe(W);
    }
    t.months(1, rehabilitation, pathway);
    expect(t.h.services[0] & (IN_ATENSI | ATENSI_DONE)).toBe(ATENSI_DONE);
    expect(t.flow('atensi.rehabilitated')).toBe(W);
    expect(PHASES[t.h.phase[0]]).toBe('transition');
  });

  it('a household rehabilitated outside the pathway moves on from pemulihan sosial without waiting', () => {
    const t = tinyWorld([{ phase: ASSISTANCE, history: DISASTER_VICTIM }], { hold: { ...places(W, { disaster: 1 }), 'policy.atensi.months': 1, 'behaviour.atensi.success': 1 } });
    t.run(rehabilitation);
    t.months(1, rehabilitation);
    expect(t.h.services[0] & ATENSI_DONE).toBe(ATENSI_DONE);
    t.h.phase[0] = RECOVERY;
    t.h.monthsInPhase[0] = 10;
    t.months(1, pathway);
    expect(PHASES[t.h.phase[0]]).toBe('transition');
  });

  it('an unsuccessful course leaves the household a candidate, admitted again', () => {
    const t = tinyWorld([{ phase: NONE, programmes: IN_REGISTRY, severeDisability: 1 }], { hold: { ...places(W, { disability: 1 }), 'policy.atensi.months': 1, 'behaviour.atensi.success': 0 } });
    t.run(rehabilitation);
    t.months(1, rehabilitation);
    expect(t.flow('atensi.not_rehabilitated')).toBe(W);
    expect(t.h.services[0] & (IN_ATENSI | ATENSI_DONE)).toBe(0);
    t.months(1, rehabilitation);
    expect(t.flow('atensi.admitted_disability')).toBe(W);
  });

  it.each<[Cluster]>([['elderly'], ['children'], ['substance_use']])('a household with a member in the cluster %s is not held back in pemulihan sosial', (cluster) => {
    const t = tinyWorld([{ phase: RECOVERY, monthsInPhase: 10, ...MEMBER[cluster] }], { hold: places(0, { [cluster]: 1 }) });
    t.run(rehabilitation, pathway);
    expect(PHASES[t.h.phase[0]]).toBe('transition');
  });

  it('skills training does not admit a household in the middle of an ATENSI course', () => {
    const t = tinyWorld([{ phase: TRANSITION, services: IN_ATENSI, serviceMonths: 2 }], { hold: { 'policy.skills.places': 12 * W } });
    t.run(pathway);
    expect(t.h.services[0] & IN_TRAINING).toBe(0);
    expect(t.h.serviceMonths[0]).toBe(2);
  });
});

describe('the cluster traits', () => {
  const N = 100_000;
  it.each<[string, number, number, number]>([
    ['the data', NaN, NaN, NaN],
    ['other prevalences', 0.3, 0.05, 0.01],
  ])('are drawn at their prevalences (%s), within four standard errors on 100,000 households', (_, elderly, children, substance) => {
    const hold: { [P in ParameterPath]?: number } = Number.isNaN(elderly)
      ? {}
      : { 'behaviour.atensi.elderly_without_care': elderly, 'behaviour.atensi.children_in_need': children, 'behaviour.atensi.substance_use': substance };
    const t = tinyWorld(Array.from({ length: N }, () => ({})), { hold });
    drawClusters(t.world, t.ctx);
    const p = t.ctx.params.behaviour.atensi;
    for (const [bit, prevalence] of [[ELDERLY_WITHOUT_CARE, p.elderly_without_care], [CHILD_IN_NEED, p.children_in_need], [SUBSTANCE_USE, p.substance_use]]) {
      const share = t.h.clusters.reduce((n, x) => n + ((x & bit) !== 0 ? 1 : 0), 0) / N;
      expect(Math.abs(share - prevalence)).toBeLessThan(4 * Math.sqrt((prevalence * (1 - prevalence)) / N));
    }
  });
});
