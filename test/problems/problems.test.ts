/**
 * One shape for everything a user can get wrong, and one printer: where (file, path), what was
 * expected, what was found, and a hint.
 */
import { describe, expect, it } from 'vitest';
import { described, didYouMean, editDistance, formatProblem, formatProblems, nearest, ProblemError, refuse } from '../../src/problems';

describe('a problem is printed as <file>: <path>: expected <expected>, got <got> (<hint>)', () => {
  it.each([
    ['every part', { file: 'pkh-12m.yaml', path: 'policy.pkh.qouta', expected: 'a declared parameter path', got: '"policy.pkh.qouta"', hint: 'did you mean "policy.pkh.quota"?' },
      'pkh-12m.yaml: policy.pkh.qouta: expected a declared parameter path, got "policy.pkh.qouta" (did you mean "policy.pkh.quota"?)'],
    ['no file (an option of a function)', { path: 'trajectories', expected: 'a whole number ≥ 2', got: '1' }, 'trajectories: expected a whole number ≥ 2, got 1'],
    ['no path (the whole file)', { file: 'data/parameters/policy/notes.txt', path: '', expected: 'only parameter files ending in .yaml', got: 'another file' },
      'data/parameters/policy/notes.txt: expected only parameter files ending in .yaml, got another file'],
    ['nothing found to show', { file: 'graduasi show', path: '', expected: 'one scenario' }, 'graduasi show: expected one scenario'],
  ])('%s', (_, problem, line) => {
    expect(formatProblem(problem)).toBe(line);
  });

  it('one problem is its line; several are counted and indented', () => {
    const a = { path: 'seed', expected: 'a whole number', got: '"x"' };
    const b = { path: 'workers', expected: 'at least 1', got: '0' };
    expect(formatProblems([a])).toBe('seed: expected a whole number, got "x"');
    expect(formatProblems([a, b])).toBe('2 problems:\n  seed: expected a whole number, got "x"\n  workers: expected at least 1, got 0');
  });
});

describe('ProblemError', () => {
  it('carries its problems as data, frozen, and the printed lines as its message', () => {
    const error = new ProblemError([{ path: 'month', expected: 'YYYY-MM', got: '"2030-13"' }]);
    expect(error.problems).toEqual([{ path: 'month', expected: 'YYYY-MM', got: '"2030-13"' }]);
    expect(Object.isFrozen(error.problems[0])).toBe(true);
    expect(error.message).toBe('month: expected YYYY-MM, got "2030-13"');
  });

  it('refuse throws only when there are problems', () => {
    expect(() => refuse([])).not.toThrow();
    expect(() => refuse([{ path: 'x', expected: 'y' }])).toThrow(ProblemError);
  });
});

describe('did you mean …?', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['seed', 'seed', 0],
    ['', 'abc', 3],
  ])('%s → %s takes %i edits', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('guesses the nearest candidates within three edits, nearest first', () => {
    expect(nearest('--sed', ['--seed', '--scale', '--share'])).toEqual(['--seed']);
    expect(nearest('--colour', ['--seed', '--scale'])).toEqual([]);
    expect(nearest('brac', ['pena-2023', 'brac-like'])).toEqual(['brac-like']);
    expect(didYouMean(['--seed'], false)).toBe('did you mean --seed?');
    expect(didYouMean(['a', 'b'])).toBe('did you mean "a" or "b"?');
    expect(didYouMean([])).toBeUndefined();
  });

  it('shows values the way messages quote them', () => {
    expect([described('abc'), described(1.5), described(undefined), described([1]), described({ a: 1 })]).toEqual(['"abc"', '1.5', 'nothing', 'a list', 'a mapping']);
  });
});
