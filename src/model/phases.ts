/**
 * The pathway: where a household stands between assistance and graduation.
 *
 *   none ─► assistance ─► recovery ─► transition ─► development ─► graduated
 *    ▲          ▲  (pemulihan sosial) (transisi)    (pengembangan)     │
 *    └──────────┴──────────────── relapse / return ◄──────────────────┘
 *
 * Kemensos (2022): extreme-poor families in the registry, and PKH families under 40 first, are
 * case-managed through three phases — pemulihan sosial (basic needs, rehabilitation, housing),
 * transisi (skills, capital, a first business) and pengembangan (a growing business, income above
 * the line) — and graduate ("graduasi sejahtera mandiri"), leaving PKH and BPNT. Graduated families
 * can fall back and re-enter through the registry.
 */

/** The phases, in pathway order; a household is in exactly one. */
export const PHASES = ['none', 'assistance', 'recovery', 'transition', 'development', 'graduated'] as const;
export type Phase = (typeof PHASES)[number];

export const NONE = 0;
export const ASSISTANCE = 1;
export const RECOVERY = 2;
export const TRANSITION = 3;
export const DEVELOPMENT = 4;
export const GRADUATED = 5;

/** Bits of `history`. */
export const GRADUATED_BEFORE = 1;
export const RELAPSED_BEFORE = 2;
/** Was extremely poor (consumption below the extreme line) when it entered pemulihan sosial. */
export const ENTERED_EXTREME = 4;
/** Hit by a disaster (a household shock that is one, or a flood): a vulnerability that ATENSI addresses. */
export const DISASTER_VICTIM = 8;
