/**
 * One shape for everything a user can get wrong, and one printer: where (file, path), what was
 * expected, what was found, and a hint.
 */
import { describe, expect, it } from 'vitest';
import { described, didYouMean, editDistance, escapedControls, formatProblem, formatProblems, nearest, PROBLEMS_LISTED, ProblemError, refuse, shownPath, TEXT_QUOTED, typed } from '../../src/problems';

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

  it(`lists the first ${PROBLEMS_LISTED} problems and counts the rest, however many there are`, () => {
    const problems = Array.from({ length: 50_000 }, (_, k) => ({ file: 'huge.yaml', path: `colour_${k}`, expected: 'a known key' }));
    const lines = formatProblems(problems).split('\n');
    expect(lines).toEqual([
      '50000 problems:',
      ...problems.slice(0, PROBLEMS_LISTED).map((p) => `  huge.yaml: ${p.path}: expected a known key`),
      `  … and ${(50_000 - PROBLEMS_LISTED).toLocaleString('en')} more`,
    ]);
    expect(new ProblemError(problems).problems).toHaveLength(50_000);
  });

  it('escapes the control characters of what it prints, so that a terminal shows them instead of obeying them', () => {
    expect(formatProblem({ file: 'a\u001b[2Jb.yaml', path: 'label', expected: 'a text', got: 'x\u009b31m' })).toBe('a\\u001b[2Jb.yaml: label: expected a text, got x\\u009b31m');
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

  it.each([
    ['NaN', NaN, 'NaN (not a number)'],
    ['infinity', Infinity, 'Infinity (a number beyond ±1.8e308, the largest held)'],
    ['a text with an ANSI escape and a C1 control', 'red\u001b[31m\u009b', '"red\\u001b[31m\\u009b"'],
    ['a bidirectional override', 'a\u202eb', '"a\\u202eb"'],
    [`a text longer than ${TEXT_QUOTED} characters, cut with its length`, 'x'.repeat(50_000_000), `"${'x'.repeat(TEXT_QUOTED)}…" (50,000,000 characters)`],
  ])('shows %s in words', (_, value, shown) => {
    expect(described(value)).toBe(shown);
  });

  it.each([
    ['a number', 5, 'a number 5'],
    ['a text', '12000000', 'a text "12000000"'],
    ['true or false', true, 'true/false: true'],
    ['an empty value', null, 'an empty value (null)'],
    ['not a number', NaN, 'NaN (not a number)'],
    ['a list', [1], 'a list'],
  ])('says the kind of a value of the wrong kind: %s', (_, value, shown) => {
    expect(typed(value)).toBe(shown);
  });

  it('escapes controls but keeps tabs and line ends', () => {
    expect(escapedControls('a\tb\nc\u0007\u007f')).toBe('a\tb\nc\\u0007\\u007f');
  });
});

describe('a path as the user is told it', () => {
  it('is relative to the working folder inside it, absolute outside it', () => {
    expect(shownPath(`${process.cwd()}/runs/20260101-000000-run`)).toBe('runs/20260101-000000-run');
    expect(shownPath('/elsewhere/runs/x')).toBe('/elsewhere/runs/x');
    expect(shownPath(process.cwd())).toBe(process.cwd());
  });
});
