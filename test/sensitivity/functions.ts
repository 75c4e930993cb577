/**
 * Test functions with known sensitivity indices.
 *
 * Ishigami & Homma (1990): f(x) = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i uniform on [−π, π].
 * With a = 7, b = 0.1 (Saltelli et al. 2008, The Primer, §4.7; Sobol' & Levitan 1999) the partial
 * variances are
 *   V1  = (1 + bπ⁴/5)² / 2          (sin x1 · E[1 + b x3⁴ | x1]; E[x3⁴] = π⁴/5, E[sin² x1] = 1/2)
 *   V2  = a²/8                      (a² Var(sin² x2) = a² (3/8 − 1/4))
 *   V3  = 0                         (x3 acts only through x3⁴ sin x1, whose mean over x1 is 0)
 *   V13 = b²π⁸ (1/18 − 1/50)        (b² Var(x3⁴) E[sin² x1]: E[x3⁸] = π⁸/9, (E[x3⁴])² = π⁸/25)
 *   V   = V1 + V2 + V13 = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2
 * so S1 = V1/V = 0.3139, S2 = V2/V = 0.4424, S3 = 0, ST1 = (V1 + V13)/V = 0.5576, ST2 = S2 = 0.4424,
 * ST3 = V13/V = 0.2437.
 *
 * Linear: y = Σ c_i x_i with independent x_i uniform on [min_i, max_i]: V_i = c_i² (max_i − min_i)²/12
 * and there are no interactions, so S_i = ST_i = V_i / Σ V_j.
 */
import type { ParameterRange } from '../../src/sensitivity/index';

export const A = 7;
export const B = 0.1;
const PI = Math.PI;
const V1 = (1 + (B * PI ** 4) / 5) ** 2 / 2;
const V2 = A ** 2 / 8;
const V13 = B ** 2 * PI ** 8 * (1 / 18 - 1 / 50);
const V = A ** 2 / 8 + (B * PI ** 4) / 5 + (B ** 2 * PI ** 8) / 18 + 1 / 2;

/** Analytic first- and total-order indices of the Ishigami function, x1 … x3. */
export const ISHIGAMI = {
  variance: V,
  parts: V1 + V2 + V13,
  first: [V1 / V, V2 / V, 0],
  total: [(V1 + V13) / V, V2 / V, V13 / V],
};

export const ISHIGAMI_RANGES: ParameterRange[] = ['x1', 'x2', 'x3'].map((name) => ({ name, min: -PI, max: PI }));

export const ishigami = (x: number[]) => Math.sin(x[0]) + A * Math.sin(x[1]) ** 2 + B * x[2] ** 4 * Math.sin(x[0]);

/** A linear model's ranges (different units and widths) and coefficients; `unused` has c = 0. */
export const LINEAR_RANGES: ParameterRange[] = [
  { name: 'income_effect', min: 0, max: 0.15 },
  { name: 'shock_reduction', min: 0, max: 0.5 },
  { name: 'monthly_hazard', min: 0.01, max: 0.05 },
  { name: 'unused', min: 2, max: 9 },
];
export const LINEAR_COEFFICIENTS = [40, -6, 25, 0];

/** y = offset + Σ c_i x_i. */
export const linear = (offset = 0) => (x: number[]) => x.reduce((sum, v, i) => sum + LINEAR_COEFFICIENTS[i] * v, offset);

/** S_i = ST_i of the linear model: c_i² Var(x_i) / Σ c_j² Var(x_j), Var(x) = (max − min)²/12. */
export const LINEAR_INDICES = (() => {
  const parts = LINEAR_RANGES.map((p, i) => (LINEAR_COEFFICIENTS[i] ** 2 * (p.max - p.min) ** 2) / 12);
  const sum = parts.reduce((s, v) => s + v, 0);
  return parts.map((v) => v / sum);
})();
