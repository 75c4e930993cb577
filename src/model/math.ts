/**
 * Deterministic elementary functions.
 *
 * `Math.exp`, `Math.log` and `Math.pow` are not guaranteed to give the same bits on every JavaScript
 * engine or V8 version; `+ − × ÷` and `Math.sqrt` are (IEEE 754, round to nearest). The model's hot
 * path uses these versions, built from those operations only, so a run gives the same bytes wherever
 * it runs. Accuracy is a few units in the last place over the ranges the model uses.
 */

const LN2 = 0.6931471805599453;
// ln 2 / 64 split so that k · LN2_64_HI is exact (its low 28 mantissa bits are zero).
const LN2_64_HI = 0.010830424260348082;
const LN2_64_LO = 4.3590106387089914e-10;
const SIXTY_FOUR_OVER_LN2 = 92.33248261689366;

const scratch = new DataView(new ArrayBuffer(8));
// The same 8 bytes as a double and as two 32-bit words (platform byte order, detected below).
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
F64[0] = 1;
const HI = U32[1] === 0x3ff00000 ? 1 : 0;

/** 2^k for an integer k in [−1022, 1023], exactly. */
function powerOfTwo(k: number): number {
  scratch.setUint32(0, (k + 1023) << 20);
  scratch.setUint32(4, 0);
  return scratch.getFloat64(0);
}

/** 2^k for k in [−1022, 1023], indexed by k + 1022. */
const POWERS_OF_TWO = Float64Array.from({ length: 2046 }, (_, j) => powerOfTwo(j - 1022));

/** e^r by its Taylor series to degree 13: error below 1e-17 for |r| ≤ ln 2 / 2. Used to build the table. */
function expSeries(r: number): number {
  let p = 1 / 6227020800;
  for (const c of [1 / 479001600, 1 / 39916800, 1 / 3628800, 1 / 362880, 1 / 40320, 1 / 5040, 1 / 720, 1 / 120, 1 / 24, 1 / 6, 0.5, 1, 1]) p = p * r + c;
  return p;
}

/** 2^(j/64) for j = 0..63, from the series at |argument| ≤ ln2/2 (each within 1 ulp). */
const TWO_TO_J_64 = Float64Array.from({ length: 64 }, (_, j) => (j < 32 ? expSeries((j * LN2) / 64) : 2 * expSeries(((j - 64) * LN2) / 64)));

/**
 * e^x, deterministic, within 2 ulp. Returns 0 below −708 and Infinity above 709.
 * x = (64e + j)·ln2/64 + r with |r| ≤ ln2/128; e^x = 2^e · 2^(j/64) · e^r, e^r by a degree-6 polynomial.
 */
export function exp(x: number): number {
  if (!(x > -708.39 && x < 709.78)) return x !== x ? NaN : x > 0 ? Infinity : 0;
  const k = Math.floor(x * SIXTY_FOUR_OVER_LN2 + 0.5);
  const r = x - k * LN2_64_HI - k * LN2_64_LO;
  const j = k & 63;
  const e = (k - j) / 64;
  const q = r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r / 720))))); // e^r − 1
  const t = TWO_TO_J_64[j];
  return (t + t * q) * POWERS_OF_TWO[e + 1022];
}

/** Natural logarithm, deterministic. log(0) = −Infinity; negative input gives NaN. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: bring subnormals into the normal range
    e = -54;
  }
  F64[0] = x;
  const hi = U32[HI];
  e += ((hi >>> 20) & 0x7ff) - 1023;
  U32[HI] = (hi & 0x800fffff) | (1023 << 20); // mantissa m in [1, 2)
  let m = F64[0];
  if (m > 1.4142135623730951) {
    m *= 0.5;
    e += 1;
  }
  // log m = 2 atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let q = 1 / 23;
  q = q * s2 + 1 / 21;
  q = q * s2 + 1 / 19;
  q = q * s2 + 1 / 17;
  q = q * s2 + 1 / 15;
  q = q * s2 + 1 / 13;
  q = q * s2 + 1 / 11;
  q = q * s2 + 1 / 9;
  q = q * s2 + 1 / 7;
  q = q * s2 + 1 / 5;
  q = q * s2 + 1 / 3;
  q = q * s2 + 1;
  return e * LN2 + 2 * s * q;
}

// Acklam's rational approximation to the inverse normal CDF (relative error < 1.15e-9).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * The standard normal quantile: the z with Φ(z) = p, for p in (0, 1). Deterministic.
 * p = 0 or 1 give ∓Infinity.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p <= 1 - P_LOW) {
    const q = p - 0.5;
    const r = q * q;
    return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  const q = Math.sqrt(-2 * log(1 - p));
  return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

/** The standard normal CDF Φ(z), deterministic (Zelen & Severo 26.2.17 refined by one Newton step is not needed: |error| < 7.5e-8). */
export function normalCdf(z: number): number {
  if (z < -38) return 0;
  if (z > 38) return 1;
  const x = z < 0 ? -z : z;
  const t = 1 / (1 + 0.2316419 * x);
  const poly = t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  const tail = 0.3989422804014327 * exp(-0.5 * x * x) * poly;
  return z < 0 ? tail : 1 - tail;
}
