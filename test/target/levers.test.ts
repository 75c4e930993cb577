/**
 * Levers: a level multiplies or sets every dated value of its parameters over the policy as
 * legislated; a lever file is refused, whole, with the file, the path inside it, what was expected
 * and what was found; a target names its indicator, month and level or is refused.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import { CALIBRATED, resolveScenarios } from '../../src/scenarios/load';
import { DEFAULT_LEVERS, checkLevers, leverPatch, mixPatch, readLeverFile, type Lever } from '../../src/target/levers';
import { targetProblems } from '../../src/target/index';
import { ProblemError, type Problem } from '../../src/problems/index';

const params = loadParameters();
const legislated = params.patched(resolveScenarios([CALIBRATED], params)[0].effectivePatch, 'calibrated');

/** The problems a call refuses with (none when it does not). */
function problemsOf(f: () => unknown): Problem[] {
  try {
    f();
    return [];
  } catch (e) {
    if (e instanceof ProblemError) return [...e.problems];
    throw e;
  }
}

const lever = (over: Record<string, unknown>) => ({ id: 'pkh', label: { en: 'PKH', id: 'PKH' }, parameters: ['policy.pkh.quota'], multiply: [1.5, 2], ...over });

describe('leverPatch', () => {
  const quota = legislated.get('policy.pkh.quota').values;
  const reach: Lever = { id: 'reach', label: { en: 'r', id: 'r' }, parameters: ['policy.pkh.quota'], change: 'multiply', levels: [1.25, 1.5] };

  it('leaves the policy as legislated at level 0', () => {
    expect(leverPatch(legislated, reach, 0)).toEqual({});
  });

  it('multiplies every dated value, a count of families rounded to a whole one', () => {
    const patch = leverPatch(legislated, reach, 2)['policy.pkh.quota']!;
    expect(Object.keys(patch)).toEqual(quota.map((v) => v.date));
    for (const v of quota) expect(patch[v.date]).toBe(Math.round((v.value as number) * 1.5));
  });

  it('sets every dated value to the level of a "set" lever', () => {
    const targeting = DEFAULT_LEVERS.find((l) => l.id === 'targeting')!;
    const patch = leverPatch(legislated, targeting, 3)['behaviour.registry.score_error']!;
    expect(Object.values(patch).every((x) => x === 0.1)).toBe(true);
  });

  it('gives patches the parameter tree takes, for every default lever at every level', () => {
    for (const l of DEFAULT_LEVERS) l.levels.forEach((_, k) => expect(() => legislated.patched(leverPatch(legislated, l, k + 1), l.id)).not.toThrow());
  });
});

describe('checkLevers', () => {
  it('takes the default levers written as data', () => {
    const data = DEFAULT_LEVERS.map((l) => ({ id: l.id, label: l.label, parameters: l.parameters, [l.change]: l.levels }));
    expect(checkLevers(data, legislated)).toEqual(DEFAULT_LEVERS);
  });

  it.each([
    ['a lever path that is not a parameter', lever({ parameters: ['policy.pkh.qouta'] }), 'levers[0].parameters[0]', /no such parameter.*did you mean "policy\.pkh\.quota"/],
    ['a switch of true/false', lever({ parameters: ['policy.empowerment.in_effect'] }), 'levers[0].parameters[0]', /true\/false/],
    ['a level that is not a number', lever({ multiply: [1.5, 'x'] }), 'levers[0].multiply[1]', /a number.*"x"/],
    ['multipliers out of order', lever({ multiply: [2, 1.5] }), 'levers[0].multiply[1]', /increasing order/],
    ['a multiplier of 1', lever({ multiply: [1] }), 'levers[0].multiply[0]', /other than 1/],
    ['a multiplier beyond the bound', lever({ multiply: [11] }), 'levers[0].multiply[0]', /\(0, 10\]/],
    ['both multiply and set', lever({ set: [3] }), 'levers[0]', /one of multiply/],
    ['an unknown key', lever({ step: 1 }), 'levers[0]', /unknown key "step"/],
    ['a parameter twice in one lever', lever({ parameters: ['policy.pkh.quota', 'policy.pkh.quota'] }), 'levers[0].parameters[1]', /each parameter once in a lever/],
    ['a value outside the parameter\'s range', lever({ parameters: ['behaviour.registry.score_error'], multiply: undefined, set: [0.05] }), 'levers[0].set[0]', /0\.05/],
  ])('refuses %s, naming where', (_, given, path, got) => {
    const problems = problemsOf(() => checkLevers([given], legislated, 'my-levers.yaml'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].file).toBe('my-levers.yaml');
    expect(problems[0].path.startsWith(path)).toBe(true);
    expect(`${problems[0].expected} ${problems[0].got} (${problems[0].hint})`).toMatch(got);
  });

  it('refuses a parameter set by one lever and moved by another', () => {
    const problems = problemsOf(() => checkLevers([lever({}), lever({ id: 'pkh-again', multiply: undefined, set: [12_000_000] })], legislated, 'f'));
    expect(problems.map((p) => p.path)).toEqual(['levers[1].parameters[0]']);
  });

  it('takes a parameter two multiplying levers share, and compounds their multipliers', () => {
    const levers = checkLevers([lever({}), lever({ id: 'pkh-again', multiply: [3] })], legislated, 'f');
    const patch = mixPatch(legislated, levers, [2, 1])['policy.pkh.quota']!;
    for (const v of legislated.get('policy.pkh.quota').values) expect(patch[v.date]).toBe(Math.round((v.value as number) * 2 * 3));
  });
});

describe('readLeverFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'graduasi-levers-'));
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('reads a YAML lever file', () => {
    const file = write('ok.yaml', 'levers:\n  - id: pena\n    label: PENA places\n    parameters: [policy.pena.recipients]\n    multiply: [2, 4]\n');
    expect(readLeverFile(file, legislated)).toEqual([{ id: 'pena', label: { en: 'PENA places', id: 'PENA places' }, parameters: ['policy.pena.recipients'], change: 'multiply', levels: [2, 4] }]);
  });

  it.each([
    ['an empty file', '', ''],
    ['a file without levers', 'lever: []\n', 'levers'],
    ['a key given twice', 'levers:\n  - id: a\n    id: b\n', ''],
  ])('refuses %s, naming the file', (_, text, path) => {
    const file = write('bad.yaml', text);
    const problems = problemsOf(() => readLeverFile(file, legislated));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].file).toMatch(/bad\.yaml$/);
    expect(problems[0].path).toBe(path);
  });
});

describe('targetProblems', () => {
  const target = { indicator: 'p0_extreme', below: 0.005, by: '2026-03' };
  it('takes extreme poverty below 0.5 % by March 2026', () => {
    expect(targetProblems(target, 't')).toEqual([]);
  });

  it.each([
    ['an unknown indicator, listing the names', { indicator: 'p0_extrem' }, 'indicator', /one of households, persons, p0_extreme/],
    ['a month before the runs start', { by: '2021-12' }, 'by', /from the runs' start, 2022-03/],
    ['the start month itself', { by: '2022-03' }, 'by', /after the runs' start/],
    ['a month after the last year', { by: '2046-01' }, 'by', /2045 at the latest/],
    ['a month that is not one', { by: '2026-13' }, 'by', /YYYY-MM/],
    ['a level that is not a number', { below: Number.NaN }, 'below', /a number/],
    ['a share above 1', { below: 50 }, 'below', /a share in \(0, 1\]/],
  ])('refuses %s', (_, over, path, expected) => {
    const problems = targetProblems({ ...target, ...over }, 't');
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(problems[0].expected).toMatch(expected);
  });
});
