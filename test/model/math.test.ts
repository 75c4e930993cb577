import { describe, expect, it } from 'vitest';
import { exp, log, normalCdf, normalQuantile } from '../../src/model/math';

describe('deterministic math', () => {
  it('exp agrees with Math.exp to 2 units in the last place over the model range', () => {
    for (let x = -40; x <= 40; x += 0.0137) expect(Math.abs(exp(x) / Math.exp(x) - 1)).toBeLessThan(2 * 2.3e-16);
  });

  it('log agrees with Math.log to 1e-15 (absolute) from 1e-12 to 1e12', () => {
    for (let k = -12; k <= 12; k += 0.0191) {
      const x = 10 ** k;
      expect(Math.abs(log(x) - Math.log(x))).toBeLessThan(1e-14);
    }
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
  });

  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.025, -1.959963984540054],
    [0.001, -3.090232306167813],
    [0.8413447460685429, 1],
  ])('the normal quantile of %d is %d', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 7);
  });

  it('the normal CDF inverts the quantile', () => {
    for (let p = 0.001; p < 1; p += 0.0071) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  });
});
