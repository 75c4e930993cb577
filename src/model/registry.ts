/**
 * The registry: the programmes and services a run has, and what each is given.
 *
 * createRegistry takes the programme and service declarations (./programmes/, ./services/), checks
 * them, and hands out what they share: a status bit per programme in `households.programmes`, state
 * bits per service in `households.services`, and the index of every reason in the monthly flows.
 * The monthly pipeline, the pathway, the indicators and the charts all read the registry, so a
 * programme or a service is added by declaring it, not by editing lists elsewhere.
 */
import { IN_REGISTRY, LEFT_BY_GRADUATION, PROGRAMME_BITS, SERVICE_BITS } from './households';
import { BUSINESS_REASONS, PATHWAY_REASONS, REGISTRY_REASONS } from './reasons';
import type { Programme, ReasonDeclaration, Registry, Service } from './world';
import type { Words } from '../lang/index';

/** Programme and service ids: lower-case letters, digits and underscores, starting with a letter. */
const ID = /^[a-z][a-z0-9_]*$/;

/** Statuses every registry has besides its programmes. */
const BASE_STATUS = { registry: IN_REGISTRY, graduated: LEFT_BY_GRADUATION } as const;

/** Bytes per household the programmes of a registry keep besides the store: a Float32 entitlement for each that declares one. */
export function registryBytes(registry: Registry): number {
  return 4 * registry.programmes.filter((p) => p.entitlement !== undefined).length;
}

/** A registry of these programmes and services; throws, naming the declaration, when one does not fit. */
export function createRegistry(programmes: readonly Programme[], services: readonly Service[]): Registry {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const x of [...programmes, ...services]) {
    const kind = programmes.includes(x as Programme) ? 'programme' : 'service';
    if (!ID.test(x.id)) problems.push(`${kind} "${x.id}": expected an id of lower-case letters, digits and underscores`);
    if (ids.has(x.id) || x.id in BASE_STATUS) problems.push(`${kind} "${x.id}": the id is taken`);
    ids.add(x.id);
  }
  if (programmes.length > PROGRAMME_BITS) problems.push(`expected at most ${PROGRAMME_BITS} programmes (the bits of households.programmes), got ${programmes.length}`);

  const status: Record<string, number> = { ...BASE_STATUS };
  programmes.forEach((p, k) => (status[p.id] = 1 << (16 - PROGRAMME_BITS + k)));
  let assistance = 0;
  for (const p of programmes) {
    if (p.assistance) assistance |= status[p.id];
    for (const [part, names] of Object.entries(p.eligibility)) {
      for (const name of names ?? []) if (!(name in status)) problems.push(`programme "${p.id}": eligibility.${part}: expected 'registry', 'graduated' or a programme's id, got "${name}"`);
    }
    const own = [p.reasons.enrolled, ...p.reasons.exits, ...(p.reasons.graduated ? [p.reasons.graduated] : [])].map((r) => r.code);
    for (const [why, code] of Object.entries(p.leaves)) {
      if (!own.includes(code)) problems.push(`programme "${p.id}": leaves.${why}: expected one of its reasons (${own.join(', ')}), got "${code}"`);
    }
  }

  const flag: Record<string, number> = {};
  let next = 0;
  for (const s of services) {
    for (const f of s.flags) {
      if (next >= SERVICE_BITS) problems.push(`service "${s.id}": flag "${f}": the ${SERVICE_BITS} bits of households.services are all taken`);
      else flag[`${s.id}.${f}`] = (1 << next++) >>> 0;
    }
  }

  const declared: ReasonDeclaration[] = [
    ...REGISTRY_REASONS,
    ...programmes.map((p) => p.reasons.enrolled),
    ...programmes.flatMap((p) => p.reasons.exits),
    ...programmes.flatMap((p) => (p.reasons.graduated ? [p.reasons.graduated] : [])),
    ...PATHWAY_REASONS,
    ...services.flatMap((s) => s.reasons),
    ...BUSINESS_REASONS,
  ];
  const reason: Record<string, number> = {};
  const reasonLabels: Record<string, Words> = {};
  for (const x of [...programmes, ...services]) {
    const codes = 'leaves' in x ? [x.reasons.enrolled, ...x.reasons.exits, ...(x.reasons.graduated ? [x.reasons.graduated] : [])] : x.reasons;
    for (const r of codes) if (!r.code.startsWith(`${x.id}.`)) problems.push(`"${x.id}": reason "${r.code}": expected a code starting "${x.id}."`);
  }
  declared.forEach((r, k) => {
    if (r.code in reason) problems.push(`reason "${r.code}" is declared twice`);
    reason[r.code] = k;
    reasonLabels[r.code] = r.label;
  });
  if (problems.length > 0) throw new Error(`registry of programmes and services:\n  ${problems.join('\n  ')}`);
  return {
    programmes,
    services,
    reasons: declared.map((r) => r.code),
    reason,
    reasonLabels,
    status,
    assistance,
    flag,
  };
}
