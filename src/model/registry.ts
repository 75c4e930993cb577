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
import { RELAPSE_REASONS } from './graduation';
import type { Programme, ReasonDeclaration, Registry, Service } from './world';
import type { Words } from '../lang/index';
import { refuse, type Problem } from '../problems/index';

/** Programme and service ids: lower-case letters, digits and underscores, starting with a letter. */
const ID = /^[a-z][a-z0-9_]*$/;

/** Statuses every registry has besides its programmes. */
const BASE_STATUS = { registry: IN_REGISTRY, graduated: LEFT_BY_GRADUATION } as const;

/** Bytes per household the programmes of a registry keep besides the store: a Float32 entitlement for each that declares one. */
export function registryBytes(registry: Registry): number {
  return 4 * registry.programmes.filter((p) => p.entitlement !== undefined).length;
}

/**
 * A registry of these programmes and services. A declaration that does not fit is refused (a
 * ProblemError), each problem at "programme <id>" or "service <id>" and the field.
 */
export function createRegistry(programmes: readonly Programme[], services: readonly Service[]): Registry {
  const problems: Problem[] = [];
  const problem = (path: string, expected: string, got: string) => problems.push({ file: 'createRegistry', path, expected, got });
  const ids = new Set<string>();
  for (const x of [...programmes, ...services]) {
    const kind = programmes.includes(x as Programme) ? 'programme' : 'service';
    if (!ID.test(x.id)) problem(`${kind} ${x.id}`, 'an id of lower-case letters, digits and underscores, starting with a letter', `"${x.id}"`);
    if (ids.has(x.id) || x.id in BASE_STATUS) problem(`${kind} ${x.id}`, 'an id of its own', 'an id taken by another declaration (or by the statuses registry, graduated)');
    ids.add(x.id);
  }
  if (programmes.length > PROGRAMME_BITS) problem('programmes', `at most ${PROGRAMME_BITS} (the bits of households.programmes)`, String(programmes.length));

  const status: Record<string, number> = { ...BASE_STATUS };
  programmes.forEach((p, k) => (status[p.id] = 1 << (16 - PROGRAMME_BITS + k)));
  let assistance = 0;
  for (const p of programmes) {
    if (p.assistance) assistance |= status[p.id];
    for (const part of ['all', 'any', 'forbid'] as const) {
      for (const name of p.eligibility[part] ?? []) if (!(name in status)) problem(`programme ${p.id}: eligibility.${part}`, "'registry', 'graduated' or a programme's id", `"${name}"`);
    }
    const own = [p.reasons.enrolled, ...p.reasons.exits, ...(p.reasons.graduated ? [p.reasons.graduated] : [])].map((r) => r.code);
    for (const [why, code] of Object.entries(p.leaves)) {
      if (!own.includes(code)) problem(`programme ${p.id}: leaves.${why}`, `one of its reasons (${own.join(', ')})`, `"${code}"`);
    }
  }

  const flag: Record<string, number> = {};
  let next = 0;
  for (const s of services) {
    for (const f of s.flags) {
      if (next >= SERVICE_BITS) problem(`service ${s.id}: flags.${f}`, `at most ${SERVICE_BITS} flags over all services (the bits of households.services)`, `flag ${next + 1}`);
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
    ...RELAPSE_REASONS,
  ];
  const reason: Record<string, number> = {};
  const reasonLabels: Record<string, Words> = {};
  for (const x of [...programmes, ...services]) {
    const codes = 'leaves' in x ? [x.reasons.enrolled, ...x.reasons.exits, ...(x.reasons.graduated ? [x.reasons.graduated] : [])] : x.reasons;
    for (const r of codes) if (!r.code.startsWith(`${x.id}.`)) problem(`${'leaves' in x ? 'programme' : 'service'} ${x.id}: reasons`, `codes starting "${x.id}."`, `"${r.code}"`);
  }
  declared.forEach((r, k) => {
    if (r.code in reason) problem(`reason ${r.code}`, 'each reason declared once', 'it twice');
    reason[r.code] = k;
    reasonLabels[r.code] = r.label;
  });
  refuse(problems);
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
