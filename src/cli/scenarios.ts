/**
 * `graduasi list`, `graduasi show` and `graduasi validate`: the scenarios and parameters in words
 * (src/scenarios/describe.ts), and scenario files checked without running them. What a scenario file
 * says reaches the terminal with its control characters escaped (see describeScenario).
 */
import { loadParameters } from '../parameters/load';
import { isScenarioFile, resolveScenarios } from '../scenarios/load';
import { describeParameters, describeScenario, describeScenarios } from '../scenarios/describe';
import { command } from './options';
import { lang } from './common';
import { described, escapedControls, refuse } from '../problems/index';

export const LIST = command({
  name: 'list',
  summary: 'the built-in scenarios, then every parameter with its unit, value and source',
  about: 'Lists the built-in scenarios, then every parameter with its unit, dated values, range and source.',
  args: { name: '', min: 0, max: 0, expected: 'no arguments' },
  options: { lang: lang('the listing (scenario labels, headings, units and numbers)') },
  run: ({ options }) => {
    process.stdout.write(`${describeScenarios(options.lang)}\n\n${describeParameters(loadParameters(), options.lang)}\n`);
  },
});

export const SHOW = command({
  name: 'show',
  summary: "a scenario's patch over the data, in words (a built-in id or a file)",
  about: "Shows a scenario — a built-in id or a scenario file — in words: its label, lineage, rationale and references, and each value it changes beside the data's.",
  args: { name: '<scenario>', min: 1, max: 1, expected: 'one scenario (a built-in id or a file)' },
  options: { lang: lang('the description (label, headings, units and numbers)') },
  run: ({ args, options }) => {
    const params = loadParameters();
    process.stdout.write(`${describeScenario(resolveScenarios(args, params, 'data')[0], params, options.lang)}\n`);
  },
});

export const VALIDATE = command({
  name: 'validate',
  summary: 'check scenario files (YAML or JSON) without running them',
  about: 'Checks scenario files (YAML or JSON) — their shape, every parameter path and value, their extends chain — without running them, and says what each changes.',
  args: { name: '<file>', min: 1, max: Infinity, expected: 'one or more scenario files' },
  options: {},
  run: ({ args }) => {
    // Every file is read and checked by resolveScenarios, which reports the problems of all of them at once.
    refuse(args.filter((name) => !isScenarioFile(name)).map((name) => ({ file: 'graduasi validate', path: '', expected: 'a scenario file (.yaml, .yml or .json)', got: described(name) })));
    const resolved = resolveScenarios(args, loadParameters(), 'data');
    for (const [k, s] of resolved.entries()) {
      const changed = Object.keys(s.effectivePatch).length;
      process.stdout.write(`${escapedControls(args[k])}: valid — scenario ${s.id}${s.lineage.length > 1 ? ` (extends ${s.lineage.slice(0, -1).join(' → ')})` : ''}, ${changed} parameter${changed === 1 ? '' : 's'} changed\n`);
    }
  },
});
