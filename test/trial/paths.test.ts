/**
 * The path a trial's effects should follow (src/trial/paths.ts): each rule on a hand-made ITT table,
 * the committed BRAC path file, and bad files refused naming line and column.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPaths, readPaths } from '../../src/trial/paths';
import type { PathTarget } from '../../src/trial/paths';
import type { TrialEstimate } from '../../src/trial/outcomes';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** An ITT row with only what the rules read. */
const itt = (outcome: TrialEstimate['outcome'], horizon: number, relativeEffect: number, effect = 0) => ({ outcome, horizon, relativeEffect, effect }) as TrialEstimate;
const target = (over: Partial<PathTarget>): PathTarget => ({ target: 't', outcome: 'consumption', horizon: 24, rule: 'within', low: 9, high: 11, referenceHorizon: NaN, source: 's', url: 'u', confidence: 'B', notes: '', ...over });

describe('path rules', () => {
  const table = [itt('consumption', 24, 10.2), itt('consumption', 36, 8.5), itt('consumption', 84, 9.1), itt('assets', 48, 0, 4_500_000)];

  it.each<[string, PathTarget, number, boolean]>([
    ['+10.2 % at 24 months is within +9 to +11 %', target({}), 10.2, true],
    ['+8.5 % at 36 months is not', target({ horizon: 36 }), 8.5, false],
    ['+9.1 % at 84 months is at least the +8.5 % at 36', target({ horizon: 84, rule: 'at_least_horizon', low: NaN, high: NaN, referenceHorizon: 36 }), 9.1, true],
    ['+8.5 % at 36 months is not at least the +10.2 % at 24', target({ horizon: 36, rule: 'at_least_horizon', low: NaN, high: NaN, referenceHorizon: 24 }), 8.5, false],
    ['Rp 4.5 m more assets at 48 months is at least the Rp 4.08 m transferred', target({ outcome: 'assets', horizon: 48, rule: 'at_least_transfer', low: NaN, high: NaN }), 4_500_000, true],
  ])('%s', (_, t, model, met) => {
    const [c] = checkPaths([t], table, 4_080_000);
    expect(c.model).toBe(model);
    expect(c.met).toBe(met);
  });

  it('a horizon the trial did not measure is not met and has no model value', () => {
    const [c] = checkPaths([target({ horizon: 12 })], table, 4_080_000);
    expect(c.model).toBeNaN();
    expect(c.met).toBe(false);
  });

  it('assets below the value transferred are not met', () => {
    const [c] = checkPaths([target({ outcome: 'assets', horizon: 48, rule: 'at_least_transfer' })], table, 5_000_000);
    expect([c.threshold, c.met]).toEqual([5_000_000, false]);
  });
});

describe('the BRAC path file', () => {
  it('holds consumption within the four-year range at 24, 36 and 48 months, persistence to 84 and assets at 48, each with a source', () => {
    const targets = readPaths('data/evidence/brac-tup-paths.csv');
    expect(targets.map((t) => [t.outcome, t.horizon, t.rule])).toEqual([
      ['consumption', 24, 'within'],
      ['consumption', 36, 'within'],
      ['consumption', 48, 'within'],
      ['consumption', 84, 'at_least_horizon'],
      ['assets', 48, 'at_least_transfer'],
    ]);
    for (const t of targets) expect(t.url).toMatch(/^https:\/\//);
  });
});

describe('bad path files are refused, naming line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-paths-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const header = 'target,outcome,horizon_months,rule,low,high,reference_horizon_months,source,url,confidence,notes';

  it.each<[string, string, RegExp]>([
    ['an unknown rule', 'a,consumption,24,above,9,11,,s,u,B,', /line 2: rule: expected one of within, at_least_horizon, at_least_transfer, got "above"/],
    ['an unknown outcome', 'a,happiness,24,within,9,11,,s,u,B,', /line 2: outcome: expected one of .*, got "happiness"/],
    ['a range without its high end', 'a,consumption,24,within,9,,,s,u,B,', /line 2: high: expected a number, got ""/],
    ['a range upside down', 'a,consumption,24,within,11,9,,s,u,B,', /line 2: high: expected at least low \(11\), got "9"/],
    ['persistence without the earlier horizon', 'a,consumption,84,at_least_horizon,,,,s,u,B,', /line 2: reference_horizon_months: expected a number, got ""/],
  ])('%s', (_, line, message) => {
    const file = join(dir, `${line.length}.csv`);
    writeFileSync(file, `${header}\n${line}\n`);
    expect(() => readPaths(relative(ROOT, file))).toThrow(message);
  });
});
