/** One-dimensional root finding for the population's fits (deterministic: + − × ÷ only). */

/** The x in [lo, hi] where an increasing f reaches target: bisection until the bracket is `tolerance` wide (or to the last bit). */
export function bisect(f: (x: number) => number, target: number, lo: number, hi: number, tolerance = 0): number {
  const flo = f(lo);
  const fhi = f(hi);
  if (!(flo <= target && fhi >= target)) {
    throw new Error(`population: cannot fit: target ${target} is outside [${flo}, ${fhi}] over [${lo}, ${hi}]`);
  }
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi || hi - lo <= tolerance) break;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
