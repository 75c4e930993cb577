/**
 * The ceiling kernel: a bare struct-of-arrays household step — 12 typed arrays (25 B per household),
 * three draws per household from an inline sfc32 seeded per block, a five-phase machine. It is the
 * practical limit of a monthly household step on this machine in Node; bench/engine.ts times it in the
 * same process as the real step and prints the ratio, which is what to compare across machines and loads.
 */

const BLOCK = 65_536;
const DISTRICTS = 514;
const LINE = 500_000;
const GROWTH = 1.0025;
const MPC = 0.9;
const TRANSFER = 250_000;

/** The kernel's households. */
function households(n: number) {
  const h = {
    size: new Uint8Array(n),
    nChild: new Uint8Array(n),
    headAge: new Uint8Array(n),
    phase: new Uint8Array(n),
    months: new Uint8Array(n),
    business: new Uint8Array(n),
    flags: new Uint8Array(n),
    region: new Uint16Array(n),
    incomePC: new Float32Array(n),
    consPC: new Float32Array(n),
    assets: new Float32Array(n),
    bizCap: new Float32Array(n),
  };
  let s = 12345;
  const lcg = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
  for (let i = 0; i < n; i++) {
    h.size[i] = 1 + ((lcg() * 7) | 0);
    h.nChild[i] = (lcg() * 4) | 0;
    h.headAge[i] = 20 + ((lcg() * 60) | 0);
    h.region[i] = (lcg() * DISTRICTS) | 0;
    h.incomePC[i] = 200_000 + lcg() * 900_000;
    h.assets[i] = lcg() * 1e6;
  }
  return h;
}

type Kernel = ReturnType<typeof households>;

const districtMean = new Float32Array(DISTRICTS);
for (let d = 0; d < DISTRICTS; d++) districtMean[d] = 400_000 + 1000 * (d % 97);

/** One month of the kernel; returns the families enrolled (so that nothing is optimised away). */
function step(h: Kernel, month: number): number {
  const { size, phase, months, business, flags, region, incomePC, consPC, assets, bizCap } = h;
  const n = size.length;
  let enrolled = 0;
  for (let b = 0; b < n; b += BLOCK) {
    const e = Math.min(n, b + BLOCK);
    let a = (month * 2654435761) >>> 0;
    let bb = (b * 40503) >>> 0;
    let c = 0x9e3779b9;
    let d = 1;
    for (let w = 0; w < 12; w++) {
      const t = (((a + bb) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = bb ^ (bb >>> 9);
      bb = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
    }
    for (let i = b; i < e; i++) {
      let t = (((a + bb) | 0) + d) | 0;
      d = (d + 1) | 0; a = bb ^ (bb >>> 9); bb = (c + (c << 3)) | 0; c = (c << 21) | (c >>> 11); c = (c + t) | 0;
      const u1 = (t >>> 0) / 4294967296;
      t = (((a + bb) | 0) + d) | 0;
      d = (d + 1) | 0; a = bb ^ (bb >>> 9); bb = (c + (c << 3)) | 0; c = (c << 21) | (c >>> 11); c = (c + t) | 0;
      const u2 = (t >>> 0) / 4294967296;
      t = (((a + bb) | 0) + d) | 0;
      d = (d + 1) | 0; a = bb ^ (bb >>> 9); bb = (c + (c << 3)) | 0; c = (c << 21) | (c >>> 11); c = (c + t) | 0;
      const u3 = (t >>> 0) / 4294967296;
      const m = districtMean[region[i]];
      let inc = incomePC[i] * GROWTH;
      inc = inc + 0.05 * (m - inc) + (u1 - 0.5) * 40_000;
      if (business[i]) inc += (bizCap[i] * 0.03) / size[i];
      const ph = phase[i];
      const tr = ph === 1 || ph === 2 ? TRANSFER / size[i] : 0;
      consPC[i] = MPC * (inc + tr) + (0.002 * assets[i]) / size[i];
      const as = assets[i] + (inc + tr - consPC[i]) * size[i];
      assets[i] = as > 0 ? as : 0;
      incomePC[i] = inc;
      let mo = months[i] + 1;
      let np = ph;
      if (ph === 0) {
        if (inc < LINE && u2 < 0.1) np = 1;
      } else if (ph === 1) {
        if (mo >= 12 && u2 < 0.05) np = 2;
        else if (inc > 1.5 * LINE && u3 < 0.02) np = 4;
      } else if (ph === 2) {
        if (!business[i] && u3 < 0.1) {
          business[i] = 1;
          bizCap[i] = 2e6;
        }
        if (mo >= 24) np = inc > 1.2 * LINE ? 3 : 1;
      } else if (ph === 3) {
        if (inc < LINE && u2 < 0.03) np = 1;
      }
      if (business[i] && u3 > 0.99) {
        business[i] = 0;
        bizCap[i] = 0;
      }
      if (np !== ph) {
        phase[i] = np;
        mo = 0;
      }
      months[i] = mo > 255 ? 255 : mo;
      if (np === 1 || np === 2) enrolled++;
      flags[i] = np;
    }
  }
  return enrolled;
}

/**
 * The kernel over `n` households, built once: `month(k)` runs its month k and returns the time it took,
 * ms. bench/engine.ts runs one of its months after each month of the real step, so that both are timed
 * at the machine's pace of the same minute.
 */
export function ceilingKernel(n: number): { month(k: number): number } {
  const h = households(n);
  let sink = 0;
  return {
    month(k: number): number {
      const t = performance.now();
      sink += step(h, k);
      const ms = performance.now() - t;
      if (sink < 0) throw new Error('unreachable'); // keeps the result alive
      return ms;
    },
  };
}
