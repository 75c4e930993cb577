/**
 * Scenario files and built-ins: resolution of `extends`, and every kind of bad input refused before
 * anything runs, naming the file, the path and what was expected.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParameters } from '../../src/parameters/load';
import type { Parameters } from '../../src/parameters/types';
import { BUILTIN_SCENARIOS } from '../../src/scenarios/builtin';
import { PROBLEMS_LISTED, ProblemError } from '../../src/problems';
import { defineScenario, resolveScenarios, SCENARIO_FILE_BYTES, SCENARIO_TEXTS } from '../../src/scenarios/load';

let params: Parameters;
let dir: string;
beforeAll(() => {
  params = loadParameters();
  dir = mkdtempSync(join(tmpdir(), 'graduasi-scenarios-'));
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const VALID = `id: pkh-12m
label: PKH for 12 million families
rationale: More families in PKH.
extends: graduation-push-under-40
patch:
  policy.pkh.quota:
    2023-01-01: 12000000
`;

/** The error a resolution throws, as text. */
function refusal(names: string[]): string {
  try {
    resolveScenarios(names, params);
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return (e as Error).message;
  }
  throw new Error('expected the scenarios to be refused');
}

describe('built-in scenarios', () => {
  it('all resolve against data/parameters, with unique ids', () => {
    const resolved = resolveScenarios(BUILTIN_SCENARIOS.map((s) => s.id), params);
    expect(new Set(resolved.map((s) => s.id)).size).toBe(BUILTIN_SCENARIOS.length);
  });

  it('merge their ancestors\' patches, the nearer one winning', () => {
    const [s] = resolveScenarios(['fuel-shock-2022-without-blt'], params, 'data');
    expect(s.lineage).toEqual(['integrated-2022', 'graduation-push-under-40', 'fuel-shock-2022', 'fuel-shock-2022-without-blt']);
    expect(s.effectivePatch['policy.empowerment.under40_push']).toEqual({ '2022-01-01': true });
    expect(s.effectivePatch['policy.blt_bbm.benefit']).toEqual({ '2022-09-01': 0, '2023-01-01': 0 });
  });

  it('run on the calibrated set unless the data values are asked for', () => {
    const [calibrated] = resolveScenarios(['calibrated'], params);
    const [onCalibration] = resolveScenarios(['budget-cut-20'], params);
    const [onData] = resolveScenarios(['budget-cut-20'], params, 'data');
    expect(onCalibration.parameterSet).toBe('calibrated');
    expect(onCalibration.lineage).toEqual(['calibrated', ...onData.lineage]);
    expect(onCalibration.effectivePatch).toMatchObject(calibrated.effectivePatch);
    expect(onData.parameterSet).toBe('data');
    for (const path of Object.keys(calibrated.effectivePatch)) expect(onData.effectivePatch).not.toHaveProperty(path);
  });

  it('budget-cut-20 cuts the budgets in data/parameters by exactly 20 % in every year from 2023, and not in 2022', () => {
    const [s] = resolveScenarios(['budget-cut-20'], params);
    const cut = params.patched(s.effectivePatch, 'test');
    for (const year of [2023, 2024, 2025, 2030]) {
      const [before, after] = [params.at(year * 12).policy, cut.at(year * 12).policy];
      expect(after.pkh.budget).toBeCloseTo(0.8 * before.pkh.budget, -3);
      expect(after.bpnt.budget).toBeCloseTo(0.8 * before.bpnt.budget, -3);
    }
    expect(cut.at(2022 * 12 + 11).policy.pkh.budget).toBe(params.at(2022 * 12 + 11).policy.pkh.budget);
  });

  it('more-facilitators doubles the facilitators in data/parameters in every month from 2023', () => {
    const [s] = resolveScenarios(['more-facilitators'], params);
    const more = params.patched(s.effectivePatch, 'test');
    for (let m = 2023 * 12; m < 2031 * 12; m++) expect(more.at(m).policy.facilitators.count).toBeCloseTo(2 * params.at(m).policy.facilitators.count, -1);
  });

  it('fuel-shock-2022 writes out exactly what data/parameters says', () => {
    const [s, g] = resolveScenarios(['fuel-shock-2022', 'graduation-push-under-40'], params);
    expect(params.patched(s.effectivePatch, 'a').hash).toBe(params.patched(g.effectivePatch, 'b').hash);
  });
});

describe('scenario files', () => {
  it('a YAML file and a JSON file resolve, extending a built-in', () => {
    const yaml = file('ok.yaml', VALID);
    const json = file('ok.json', JSON.stringify({ id: 'pkh-12m-json', label: 'x', rationale: 'y', extends: 'ok.yaml', patch: { 'policy.pkh.member_cap': { '2024-01-01': 3 } } }));
    const [a, b] = resolveScenarios([yaml, json], params);
    expect(a.lineage).toEqual(['calibrated', 'integrated-2022', 'graduation-push-under-40', 'pkh-12m']);
    expect(b.lineage.at(-2)).toBe('pkh-12m');
    expect(b.effectivePatch['policy.pkh.quota']).toEqual({ '2023-01-01': 12000000 });
  });

  it.each([
    ['a label in both languages', 'label:\n  en: PKH for 12 million families\n  id: PKH untuk 12 juta keluarga\n', { en: 'PKH for 12 million families', id: 'PKH untuk 12 juta keluarga' }],
    ['a plain label: English, shown in both languages', 'label: PKH for 12 million families\n', { en: 'PKH for 12 million families', id: 'PKH for 12 million families' }],
    ['an older file: label_id beside a plain label', 'label: PKH for 12 million families\nlabel_id: PKH untuk 12 juta keluarga\n', { en: 'PKH for 12 million families', id: 'PKH untuk 12 juta keluarga' }],
  ])('reads %s as label: { en, id }', (_, label, expected) => {
    const [s] = resolveScenarios([file('label.yaml', VALID.replace('label: PKH for 12 million families\n', label))], params);
    expect(s.label).toEqual(expected);
  });

  it.each([
    ['a misspelt parameter path, with a suggestion', VALID.replace('policy.pkh.quota', 'policy.pkh.qouta'), ['bad.yaml: policy.pkh.qouta: expected a declared parameter path', 'did you mean "policy.pkh.quota"?']],
    ['a probability of 1.2', VALID.replace('policy.pkh.quota:\n    2023-01-01: 12000000', 'behaviour.pkh.compliance:\n    2023-01-01: 1.2'), ['bad.yaml: behaviour.pkh.compliance: 2023-01-01: expected a monthly probability in [0, 1], got 1.2']],
    ['a negative budget', VALID.replace('policy.pkh.quota:\n    2023-01-01: 12000000', 'policy.pkh.budget:\n    2023-01-01: -5'), ['bad.yaml: policy.pkh.budget: 2023-01-01: expected a non-negative amount in rupiah per year, got -5']],
    ['a wrong type', VALID.replace('12000000', 'lots'), ['bad.yaml: policy.pkh.quota: 2023-01-01: expected a non-negative whole number of households, got a text "lots"']],
    ['a date that does not exist', VALID.replace('2023-01-01', '2023-02-30'), ['bad.yaml: policy.pkh.quota: 2023-02-30: expected a date YYYY-MM-DD that exists']],
    ['an unknown key', `${VALID}colour: red\n`, ['bad.yaml', 'unknown key "colour"']],
    ['a missing rationale', VALID.replace('rationale: More families in PKH.\n', ''), ['bad.yaml: rationale: expected a rationale: { en: …, id: … } (or one text, shown in both languages), got nothing']],
    ['an unknown parent', VALID.replace('graduation-push-under-40', 'graduation-push'), ['bad.yaml: extends: expected a built-in scenario', '"graduation-push"', 'did you mean "graduation-push-under-40"?']],
    ['an id that is not a plain name', VALID.replace('pkh-12m', 'PKH 12m'), ['bad.yaml: id: expected lower-case letters']],
    ['a built-in id', VALID.replace('id: pkh-12m', 'id: budget-cut-20'), ['bad.yaml: id: expected an id that is not a built-in scenario\'s, got "budget-cut-20"']],
    ['invalid YAML', 'id: [unclosed\n', ['bad.yaml: expected valid YAML']],
    ['a label in one language only', VALID.replace('label: PKH for 12 million families', 'label:\n  en: PKH for 12 million families'), ['bad.yaml: label: expected a label: { en: …, id: … } (or a text in English)']],
    ['label_id beside a label in both languages', VALID.replace('label: PKH for 12 million families', 'label: { en: PKH for 12 m, id: PKH 12 juta }\nlabel_id: PKH 12 juta'), ['bad.yaml: label_id: expected no label_id beside label: { en, id }']],
  ])('refuses %s', (_, text, messages) => {
    const path = file('bad.yaml', text);
    const message = refusal([path]);
    for (const m of messages) expect(message).toContain(m);
  });

  it('refuses a cycle of extends, naming every file in it', () => {
    const a = file('a.yaml', VALID.replace('id: pkh-12m', 'id: a').replace('graduation-push-under-40', 'b.yaml'));
    file('b.yaml', VALID.replace('id: pkh-12m', 'id: b').replace('graduation-push-under-40', 'a.yaml'));
    const message = refusal([a]);
    expect(message).toMatch(/extends: expected a chain of scenarios that ends, got a cycle: .*a\.yaml → .*b\.yaml → .*a\.yaml/);
  });

  it('refuses a file that extends itself', () => {
    const self = file('self.yaml', VALID.replace('graduation-push-under-40', 'self.yaml'));
    expect(refusal([self])).toContain('got a cycle');
  });

  it('reports a problem in a parent file in that file', () => {
    file('parent.yaml', VALID.replace('id: pkh-12m', 'id: parent').replace('policy.pkh.quota', 'policy.pkh.quot'));
    const child = file('child.yaml', VALID.replace('id: pkh-12m', 'id: child').replace('graduation-push-under-40', 'parent.yaml'));
    expect(refusal([child])).toMatch(/parent\.yaml: policy\.pkh\.quot: expected a declared parameter path/);
  });

  it('refuses an unknown scenario name and a missing file', () => {
    expect(refusal(['budget-cut-30'])).toContain('expected a built-in scenario');
    expect(refusal(['budget-cut-30'])).toContain('did you mean "budget-cut-20"?');
    expect(refusal([join(dir, 'nowhere.yaml')])).toContain('nowhere.yaml: expected a scenario file, got no such file');
  });

  it('refuses two scenarios with the same id in one run', () => {
    const one = file('one.yaml', VALID);
    const two = file('two.yaml', VALID);
    expect(refusal([one, two])).toContain('expected an id no other scenario in the run has, got "pkh-12m"');
  });
});

describe('scenarios written as data (in a notebook cell)', () => {
  const mine = { id: 'pkh-12m', label: 'PKH for 12 m', rationale: 'More families.', extends: 'budget-cut-20', patch: { 'policy.pkh.quota': { '2025-01-01': 12_000_000 } } };

  it('resolve like a file, extending a built-in', () => {
    const s = defineScenario(mine, params, 'cell 3');
    expect(s.lineage).toEqual(['calibrated', 'integrated-2022', 'graduation-push-under-40', 'budget-cut-20', 'pkh-12m']);
    expect(s.effectivePatch['policy.pkh.quota']).toEqual({ '2025-01-01': 12_000_000 });
    expect(s.effectivePatch['policy.pkh.budget']).toEqual({ '2023-01-01': 22_480_000_000_000, '2024-01-01': 22_707_070_707_070 });
  });

  it('are refused with the same messages', () => {
    expect(() => defineScenario({ ...mine, patch: { 'policy.pkh.qouta': { '2025-01-01': 1 } } }, params, 'cell 3')).toThrow(/scenario pkh-12m: policy\.pkh\.qouta: expected a declared parameter path.*did you mean "policy\.pkh\.quota"/);
    expect(() => defineScenario({ ...mine, rationale: undefined }, params, 'cell 3')).toThrow(/cell 3: rationale: expected a rationale: \{ en: …, id: … \} \(or one text, shown in both languages\), got nothing/);
    expect(() => defineScenario({ ...mine, id: 'assistance-only' }, params, 'cell 3')).toThrow(/cell 3: id: expected an id that is not a built-in scenario's/);
  });
});

describe('the calibrated parameter set (data/calibration/calibrated.yaml)', () => {
  it('is named "calibrated", patches behaviour parameters only, and scenarios extend it', () => {
    const [calibrated] = resolveScenarios(['calibrated'], params);
    expect(calibrated.id).toBe('calibrated');
    const paths = Object.keys(calibrated.effectivePatch);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path.startsWith('behaviour.')).toBe(true);
    const cut = defineScenario({ id: 'calibrated-budget-cut', label: 'Budget cut, calibrated behaviour', rationale: 'A test.', extends: 'calibrated', patch: { 'policy.pkh.budget': { '2023-01-01': 2.0e13 } } }, params);
    expect(cut.lineage).toEqual(['calibrated', 'calibrated-budget-cut']);
    expect(cut.effectivePatch).toMatchObject(calibrated.effectivePatch);
    expect(cut.effectivePatch['policy.pkh.budget']).toEqual({ '2023-01-01': 2.0e13 });
  });
});

describe('files that are not scenario files, refused before they are parsed or read', () => {
  /** A scenario file of `bytes`, written as they are. */
  function bytesFile(name: string, bytes: Uint8Array): string {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  }

  it.each([
    ['an empty file', () => file('empty.yaml', ''), 'empty.yaml: expected a scenario file in UTF-8 text, got an empty file'],
    ['a file of blank lines', () => file('blank.json', '\n  \n'), 'blank.json: expected a scenario file, got an empty file'],
    ['a file of comments only', () => file('comments.yaml', '# nothing yet\n'), 'comments.yaml: expected a scenario: a mapping of id, label, label_id, rationale, references, extends, patch, got an empty document (null)'],
    ['a list', () => file('list.yaml', '- 1\n- 2\n'), 'list.yaml: expected a scenario: a mapping of id, label, label_id, rationale, references, extends, patch, got a list'],
    ['a text', () => file('text.yaml', 'just a sentence\n'), 'text.yaml: expected a scenario: a mapping of id, label, label_id, rationale, references, extends, patch, got a text "just a sentence"'],
    ['binary content', () => bytesFile('binary.yaml', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d])), 'binary.yaml: expected a scenario file in UTF-8 text, got binary content'],
    ['bytes that are not UTF-8', () => bytesFile('latin1.yaml', Uint8Array.from(Buffer.from(VALID.replace('More families', 'Lebih banyak keluarga \xe9'), 'latin1'))), 'latin1.yaml: expected a scenario file in UTF-8 text, got binary content (bytes that are not UTF-8)'],
    ['UTF-16 text with its byte-order mark', () => bytesFile('utf16.yaml', Uint8Array.from([0xff, 0xfe, ...Buffer.from(VALID, 'utf16le')])), 'utf16.yaml: expected a scenario file in UTF-8 text, got UTF-16 text'],
    ['UTF-16 text without one', () => bytesFile('utf16be.json', Uint8Array.from(Buffer.from(VALID, 'utf16le').swap16())), 'utf16be.json: expected a scenario file in UTF-8 text, got UTF-16 text'],
    ['a folder named like a file', () => { const path = join(dir, 'folder.yaml'); mkdirSync(path, { recursive: true }); return path; }, 'folder.yaml: expected a scenario file, got a folder'],
    ['a loop of symbolic links', () => { const path = join(dir, 'loop.yaml'); rmSync(path, { force: true }); symlinkSync('loop.yaml', path); return path; }, 'loop.yaml: expected a scenario file, got a loop of symbolic links'],
    ['a named pipe, which would wait for a writer for ever', () => { const path = join(dir, 'pipe.yaml'); rmSync(path, { force: true }); execFileSync('mkfifo', [path]); return path; }, 'pipe.yaml: expected a scenario file, got a named pipe (FIFO)'],
    ['a file over 1 MiB', () => file('huge.yaml', `${VALID}# ${'x'.repeat(SCENARIO_FILE_BYTES)}\n`), `huge.yaml: expected a scenario file of at most 1 MiB (1,048,576 bytes), got a file of 1 MiB (${(Buffer.byteLength(VALID) + SCENARIO_FILE_BYTES + 3).toLocaleString('en')} bytes)`],
    ['a YAML alias bomb (billion laughs)', () => file('bomb.yaml', ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(', ')}]`)].join('\n')), 'bomb.yaml: expected YAML that uses its aliases (*name) at most 100 times, got aliases that multiply without end (a "billion laughs")'],
    ['a key given twice, found without comparing every pair', () => file('twice.yaml', VALID.replace('    2023-01-01: 12000000', '    2023-01-01: 12000000\n    2023-01-01: 13000000')), 'twice.yaml: expected each key once in a mapping, got "2023-01-01" again at line 8, column 5'],
  ])('%s', (_, make, message) => {
    const path = make();
    expect(refusal([path])).toBe(`${path.slice(0, path.lastIndexOf('/') + 1)}${message}`);
  });

  it('reads a UTF-8 byte-order mark as nothing, in YAML and in JSON alike', () => {
    const bom = '\ufeff';
    const yaml = file('bom.yaml', `${bom}${VALID}`);
    const json = file('bom.json', `${bom}${JSON.stringify({ id: 'bom-json', label: 'x', rationale: 'y', patch: {} })}`);
    expect(resolveScenarios([yaml, json], params).map((s) => s.id)).toEqual(['pkh-12m', 'bom-json']);
  });
});

describe('what a scenario file says, refused with what was found', () => {
  it.each([
    ['a label that is a number', VALID.replace('label: PKH for 12 million families', 'label: 5'), 'label: expected a label: { en: …, id: … } (or a text in English), got a number 5'],
    ['not a number (.nan)', VALID.replace('12000000', '.nan'), 'policy.pkh.quota: 2023-01-01: expected a non-negative whole number of households, got NaN (not a number)'],
    ['infinity (.inf)', VALID.replace('12000000', '.inf'), 'policy.pkh.quota: 2023-01-01: expected a non-negative whole number of households, got Infinity (a number beyond ±1.8e308, the largest held)'],
    ['a number too large to hold (1e309)', VALID.replace('12000000', '1e309'), 'policy.pkh.quota: 2023-01-01: expected a non-negative whole number of households, got Infinity (a number beyond ±1.8e308, the largest held)'],
    ['a number in quotes', VALID.replace('12000000', '"12000000"'), 'policy.pkh.quota: 2023-01-01: expected a non-negative whole number of households, got a text "12000000" (a number is written without quotes: 12000000)'],
    ['a number in words', VALID.replace('12000000', '"10 juta"'), 'policy.pkh.quota: 2023-01-01: expected a non-negative whole number of households, got a text "10 juta"'],
    ['a quota of part of a family', VALID.replace('12000000', '12.5'), 'policy.pkh.quota: 2023-01-01: expected a non-negative whole number of households, got 12.5'],
    ['a patch dated before its parameter\'s first value', VALID.replace('2023-01-01', '1900-01-01'), 'policy.pkh.quota: 1900-01-01: expected a date from 2018-01-01 (the first value of policy.pkh.quota in the data) to 2045-12-31 (the last year runs reach), got "1900-01-01"'],
    ['a patch dated after the last year runs reach', VALID.replace('2023-01-01', '2100-01-01'), 'policy.pkh.quota: 2100-01-01: expected a date from 2018-01-01 (the first value of policy.pkh.quota in the data) to 2045-12-31 (the last year runs reach), got "2100-01-01"'],
    ['a "__proto__" key in the file', `${VALID}__proto__:\n  id: other\n`, '__proto__: expected a key other than "__proto__" (a name JavaScript objects reserve), got the key "__proto__"'],
    ['a "__proto__" key in the patch', VALID.replace('patch:\n', 'patch:\n  __proto__:\n    2023-01-01: 1\n'), 'patch.__proto__: expected a key other than "__proto__" (a name JavaScript objects reserve), got the key "__proto__"'],
    ['a "__proto__" key among dated values', VALID.replace('    2023-01-01: 12000000', '    __proto__: 5\n    2023-01-01: 12000000'), 'patch.policy.pkh.quota.__proto__: expected a key other than "__proto__" (a name JavaScript objects reserve), got the key "__proto__"'],
    ['an unknown key in the label', VALID.replace('label: PKH for 12 million families', 'label: { en: a, id: b, ms: c }'), 'label.ms: expected only the keys en, id, got an unknown key "ms"'],
  ])('%s', (_, text, message) => {
    const path = file('said.yaml', text);
    expect(refusal([path])).toBe(`${path}: ${message}`);
  });

  it('refuses a "__proto__" key in JSON too', () => {
    const path = file('proto.json', '{"id":"p","label":"x","rationale":"y","patch":{"__proto__":{"2023-01-01":1}}}');
    expect(refusal([path])).toBe(`${path}: patch.__proto__: expected a key other than "__proto__" (a name JavaScript objects reserve), got the key "__proto__"`);
  });

  it('reports every problem of a file at once: a missing field does not hide the patch', () => {
    const path = file('many.yaml', VALID.replace('id: pkh-12m', 'id: PKH 12m').replace('rationale: More families in PKH.\n', '').replace('policy.pkh.quota', 'policy.pkh.qouta'));
    expect(refusal([path]).split('\n')).toEqual([
      '3 problems:',
      `  ${path}: id: expected lower-case letters, digits and hyphens, starting with a letter, got a text "PKH 12m"`,
      `  ${path}: rationale: expected a rationale: { en: …, id: … } (or one text, shown in both languages), got nothing`,
      `  ${path}: policy.pkh.qouta: expected a declared parameter path, got "policy.pkh.qouta" (did you mean "policy.pkh.quota"?)`,
    ]);
  });

  it.each([
    ['a label', (n: number) => VALID.replace('label: PKH for 12 million families', `label: ${'x'.repeat(n)}`), SCENARIO_TEXTS.label, 'label'],
    ['a rationale', (n: number) => VALID.replace('rationale: More families in PKH.', `rationale: ${'x'.repeat(n)}`), SCENARIO_TEXTS.rationale, 'rationale'],
    ['a reference title', (n: number) => `${VALID}references:\n  - title: ${'x'.repeat(n)}\n    href: https://example.org\n`, SCENARIO_TEXTS.title, 'references.0.title'],
  ])('bounds the length of %s, and says the bound', (_, text, most, at) => {
    expect(resolveScenarios([file('long.yaml', text(most))], params)).toHaveLength(1);
    const path = file('long.yaml', text(most + 1));
    expect(refusal([path])).toBe(`${path}: ${at}: expected a text of at most ${most.toLocaleString('en')} characters, got a text of ${(most + 1).toLocaleString('en')} characters`);
  });

  it(`lists at most ${PROBLEMS_LISTED} problems of a file of unknown keys, and counts the rest`, () => {
    const keys = Array.from({ length: 5000 }, (_, k) => `  policy.pkh.quota_${k}:\n    2023-01-01: 1\n`).join('');
    const unknown = Array.from({ length: 5000 }, (_, k) => `colour_${k}: red\n`).join('');
    const lines = refusal([file('unknown.yaml', `${VALID}${keys}${unknown}`)]).split('\n');
    expect(lines[0]).toBe('10000 problems:');
    expect(lines).toHaveLength(1 + PROBLEMS_LISTED + 1);
    expect(lines.at(-1)).toBe(`  … and ${(10000 - PROBLEMS_LISTED).toLocaleString('en')} more`);
  });
});
