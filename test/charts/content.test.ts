/**
 * What the charts draw: the numbers in a spec are the summary's, scaled as its axis says, in the
 * order the chart promises; and a chart asked for something the rows do not hold says what.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { differenceOverTime, flowsOverTime, graduationsOverTime, phasesOverTime, povertyOverTime, provinceRanking, spendAndGraduations, tornado } from '../../src/charts/index';
import { bySwing } from '../../src/charts/tornado';
import type { SummaryRow } from '../../src/observe/summary';
import { NAMES, experimentSummary, renderSvg, schemaErrors, svgTexts, valuesOf } from './helpers';

let summary: SummaryRow[];
beforeAll(() => {
  summary = experimentSummary();
});

const names = NAMES.en;
const label = (id: string) => names.find((s) => s.id === id)!.label;
/** Levels (or, with `reference`, paired differences) of an indicator in a group. */
const levels = (indicator: string, group = 'national', reference = '') =>
  summary.filter((r) => r.indicator === indicator && r.group === group && r.compared_with === reference);
/** A spec as plain JSON, to reach into. */
const json = (spec: TopLevelSpec): any => spec;

describe('povertyOverTime', () => {
  it('draws the national extreme-poverty rate in percent: mean × 100 and the 5–95 % band × 100, per scenario and month', () => {
    const spec = povertyOverTime(summary, { scenarios: names });
    const expected = levels('p0_extreme').map((r) => ({ scenario: label(r.scenario), month: r.month, mean: r.mean * 100, low: r.p05 * 100, high: r.p95 * 100 }));
    expect(expected).toHaveLength(2 * 22);
    expect(valuesOf(spec)).toEqual(expected);
  });

  it('colours scenarios in the order named, then unnamed ones by id', () => {
    const spec = json(povertyOverTime(summary, { scenarios: [{ id: 'cut', label: 'Cut' }] }));
    expect(spec.layer[1].encoding.color.scale.domain).toEqual(['Cut', 'baseline']);
    expect(json(povertyOverTime(summary)).layer[1].encoding.color.scale.domain).toEqual(['baseline', 'cut']);
  });

  it('draws counts in millions: PKH families, million households', () => {
    const spec = json(povertyOverTime(summary, { indicator: 'pkh_households' }));
    expect(spec.layer[1].encoding.y.title).toBe('PKH families (million households)');
    const values = valuesOf(spec);
    levels('pkh_households').forEach((r, k) => expect(values[k].mean).toBeCloseTo(r.mean / 1e6, 12));
  });

  it('draws another group: PKH coverage in urban areas, percent of households', () => {
    const spec = json(povertyOverTime(summary, { indicator: 'pkh_coverage', group: 'area:urban', lang: 'id' }));
    expect(spec.title.text).toBe('Cakupan PKH, perkotaan');
    expect(spec.layer[1].encoding.y.title).toBe('Cakupan PKH (% rumah tangga)');
    expect(valuesOf(spec).map((v) => v.mean)).toEqual(levels('pkh_coverage', 'area:urban').map((r) => r.mean * 100));
  });
});

describe('differenceOverTime', () => {
  it('draws the paired difference of each scenario from the reference, in percentage points, around a rule at zero', () => {
    const spec = json(differenceOverTime(summary, { scenarios: names }));
    const expected = levels('p0_extreme', 'national', 'baseline').map((r) => ({ scenario: 'PKH budget cut', month: r.month, mean: r.mean * 100, low: r.p05 * 100, high: r.p95 * 100 }));
    expect(valuesOf(spec)).toEqual(expected);
    expect(spec.layer.at(-1)).toMatchObject({ mark: { type: 'rule' }, encoding: { y: { datum: 0 } } });
  });

  it('gives each scenario the colour it has in the charts of levels, though the reference is not drawn', () => {
    const level = json(povertyOverTime(summary, { scenarios: names })).layer[1].encoding.color.scale;
    const difference = json(differenceOverTime(summary, { scenarios: names })).layer[1].encoding.color.scale;
    expect(difference.domain).toEqual(['PKH budget cut']);
    expect(difference.range).toEqual([level.range[level.domain.indexOf('PKH budget cut')]]);
  });
});

describe('phasesOverTime', () => {
  it('draws assistance only in millions above, and the empowerment phases and the graduated in thousands below; never phase "none"', () => {
    const spec = json(phasesOverTime(summary, { scenario: 'cut' }));
    const [top, bottom] = spec.vconcat;
    expect(new Set(top.data.values.map((v: { phase: string }) => v.phase))).toEqual(new Set(['Assistance only']));
    expect(new Set(bottom.data.values.map((v: { phase: string }) => v.phase))).toEqual(new Set(['Social recovery', 'Transition', 'Development', 'Graduated']));
    expect(top.encoding.y.title).toBe('Households (millions)');
    // The lower tier on the scale its own largest stack needs (thousands or millions).
    const unit = ({ 'Households (thousands)': 1e3, 'Households (millions)': 1e6 } as Record<string, number>)[bottom.encoding.y.title];
    expect(unit).toBeDefined();
    const assistance = summary.filter((r) => r.scenario === 'cut' && r.compared_with === '' && r.indicator === 'phase_assistance' && r.group === 'national');
    assistance.forEach((r, k) => expect(top.data.values[k].households).toBeCloseTo(r.mean / 1e6, 12));
    const transition = summary.filter((r) => r.scenario === 'cut' && r.compared_with === '' && r.indicator === 'phase_transition' && r.group === 'national');
    const drawn = bottom.data.values.filter((v: { phase: string }) => v.phase === 'Transition');
    transition.forEach((r, k) => expect(drawn[k].households).toBeCloseTo(r.mean / unit, 9));
  });

  it('draws one chart for one scenario, one column per scenario otherwise', () => {
    expect(json(phasesOverTime(summary, { scenario: 'cut' })).vconcat[0].encoding.facet).toBeUndefined();
    const facet = json(phasesOverTime(summary, { scenarios: names })).vconcat[0].encoding.facet;
    expect(facet).toMatchObject({ field: 'scenario', sort: ['Baseline', 'PKH budget cut'], columns: 2 });
  });
});

describe('flowsOverTime', () => {
  it('sums the monthly mean moves per calendar year for each reason (2022 has 10 months: March to December)', () => {
    const spec = json(flowsOverTime(summary, { scenario: 'cut' }));
    const values: { year: string; reason: string; households: number }[] = spec.concat.flatMap((panel: { data: { values: unknown[] } }) => panel.data.values);
    expect(values).toHaveLength(9 * 2); // 9 reasons × 2 years
    for (const year of ['2022', '2023']) {
      const monthly = summary.filter((r) => r.scenario === 'cut' && r.compared_with === '' && r.indicator === 'flow.pathway.enrolled_in_assistance' && r.group === 'national' && r.month.startsWith(year));
      expect(monthly).toHaveLength(year === '2022' ? 10 : 12);
      const drawn = values.find((v) => v.year === year && v.reason === 'Entered assistance')!;
      expect(drawn.households).toBeCloseTo(monthly.reduce((s, r) => s + r.mean, 0) / 1e6, 9);
    }
    expect(spec.concat[0].encoding.y.title).toBe('Households per year (millions)');
    expect(spec.title.subtitle).toContain('2022: 10 months');
  });

  it('gives each panel the unit of its own largest year: relapses are not drawn in millions because entries are', () => {
    const spec = json(flowsOverTime(summary, { scenario: 'cut' }));
    expect(spec.concat.map((p: { title: string }) => p.title)).toEqual(['Into assistance', 'Into social recovery', 'Graduations', 'Relapses']);
    const relapses = spec.concat[3];
    const largest = Math.max(...['2022', '2023'].map((year) =>
      summary.filter((r) => r.scenario === 'cut' && r.compared_with === '' && r.group === 'national' && r.month.startsWith(year) && r.indicator === 'flow.pathway.relapsed').reduce((s, r) => s + r.mean, 0)));
    expect(largest).toBeLessThan(1e6);
    expect(relapses.encoding.y.title).not.toContain('millions');
    // Drawn in thousands from 10,000 a year, else in households: the stacked year times the unit is the sum.
    const unit = relapses.encoding.y.title === 'Households per year (thousands)' ? 1e3 : 1;
    expect(relapses.encoding.y.title).toBe(largest >= 1e4 ? 'Households per year (thousands)' : 'Households per year');
    const values: { year: string; households: number }[] = relapses.data.values;
    const stacked = Math.max(...['2022', '2023'].map((year) => values.filter((v) => v.year === year).reduce((s, v) => s + v.households, 0)));
    expect(stacked * unit).toBeCloseTo(largest, 6);
  });

  it('draws the first scenario named when none is asked for', () => {
    const spec = json(flowsOverTime(summary, { scenarios: [{ id: 'cut', label: 'Cut' }] }));
    expect(spec.title.text).toBe('Entries, graduations and relapses: Cut, national');
  });

  it('draws a group of households: female heads', () => {
    const spec = json(flowsOverTime(summary, { scenario: 'baseline', group: 'head_sex:female', lang: 'id' }));
    expect(spec.title.text).toBe('Masuk, graduasi dan kambuh: baseline, kepala rumah tangga perempuan');
  });
});

describe('graduationsOverTime', () => {
  it('sums each kind of graduation and each relapse per calendar year, the kinds in the order Kemensos counts them', () => {
    const spec = json(graduationsOverTime(summary, { scenario: 'cut' }));
    const [graduations, relapses] = spec.concat;
    expect(spec.concat[0].encoding.color.scale.domain.slice(0, 2)).toEqual(['PKH: natural graduation (no eligible member left)', 'Graduated: sejahtera mandiri, judged by the facilitator']);
    const natural = summary.filter((r) => r.scenario === 'cut' && r.compared_with === '' && r.indicator === 'flow.pkh.natural_graduation' && r.group === 'national' && r.month.startsWith('2023'));
    const drawn = graduations.data.values.find((v: { year: string; reason: string }) => v.year === '2023' && v.reason === 'PKH: natural graduation (no eligible member left)');
    const unit = graduations.encoding.y.title.includes('thousand') ? 1e3 : graduations.encoding.y.title.includes('million') ? 1e6 : 1;
    expect(drawn.households * unit).toBeCloseTo(natural.reduce((s, r) => s + r.mean, 0), 3);
    expect(relapses.data.values.map((v: { reason: string }) => v.reason)).toContain('Relapsed after natural graduation');
  });
});

describe('spendAndGraduations', () => {
  /** The factor a money panel's axis title says its values are in. */
  const moneyUnit = (title: string) => (/trillion|triliun/.test(title) ? 1e12 : /billion|miliar/.test(title) ? 1e9 : NaN);

  it('draws, at the last month by default, empowerment spending to date in Rp billion or trillion and graduations of every kind to date, per scenario with their bands', () => {
    const spec = json(spendAndGraduations(summary, { scenarios: names }));
    expect(spec.title.text).toBe('Empowerment spending and graduations, December 2023');
    const [spend, graduations] = spec.hconcat;
    const unit = moneyUnit(spend.layer[0].encoding.x.title);
    const last = levels('empowerment_spend_to_date').filter((r) => r.month === '2023-12');
    expect(spend.data.values.map((v: { name: string }) => v.name)).toEqual(['Baseline', 'PKH budget cut']);
    last.forEach((r, k) => {
      expect(spend.data.values[k].mean).toBeCloseTo(r.mean / unit, 9);
      expect(spend.data.values[k].low).toBeCloseTo(r.p05 / unit, 9);
      expect(spend.data.values[k].high).toBeCloseTo(r.p95 / unit, 9);
    });
    const graduated = levels('graduations_to_date').filter((r) => r.month === '2023-12');
    expect(graduated.every((r) => r.mean > 0)).toBe(true);
    expect(graduations.layer[0].encoding.x.title).toMatch(/^Graduations to date, every kind \((thousand|million) households\)$/);
    const factor = graduations.layer[0].encoding.x.title.includes('thousand') ? 1e3 : 1e6;
    graduated.forEach((r, k) => expect(graduations.data.values[k].mean).toBeCloseTo(r.mean / factor, 9));
  });

  it('draws the month asked for', () => {
    const spec = json(spendAndGraduations(summary, { month: '2023-06', lang: 'id' }));
    expect(spec.title.text).toBe('Belanja pemberdayaan dan graduasi, Juni 2023');
    const unit = moneyUnit(spec.hconcat[0].layer[0].encoding.x.title);
    const june = levels('empowerment_spend_to_date').filter((r) => r.month === '2023-06');
    june.forEach((r, k) => expect(spec.hconcat[0].data.values[k].mean).toBeCloseTo(r.mean / unit, 9));
  });
});

describe('provinceRanking', () => {
  it('ranks all 34 provinces from the highest extreme-poverty rate down, in percent', () => {
    const spec = json(provinceRanking(summary, { scenario: 'cut', month: '2023-03' }));
    const values = valuesOf(spec) as { name: string; mean: number }[];
    expect(values).toHaveLength(34);
    const means = values.map((v) => v.mean);
    expect(means).toEqual([...means].sort((a, b) => b - a));
    expect(spec.encoding.y.sort).toEqual(values.map((v) => v.name));
    const rows = summary.filter((r) => r.scenario === 'cut' && r.compared_with === '' && r.indicator === 'p0_extreme' && r.month === '2023-03' && r.group.startsWith('province:'));
    for (const r of rows) expect(values.find((v) => v.name === r.group.slice('province:'.length))!.mean).toBe(r.mean * 100);
  });

  it('takes the first scenario and the last month by default', () => {
    const spec = json(provinceRanking(summary, { scenarios: names }));
    expect(spec.title.text).toBe('Extreme poverty rate (P0, USD 1.90 PPP line) by province: Baseline, December 2023');
  });
});

describe('tornado', () => {
  const bars = [
    { parameter: 'behaviour.a', label: 'Narrow', low: 0.0205, high: 0.0215 }, // swing 0.001
    { parameter: 'behaviour.b', label: 'Widest', low: 0.015, high: 0.03 }, // swing 0.015
    { parameter: 'behaviour.c', label: 'Reversed', low: 0.025, high: 0.018 }, // swing 0.007: a higher value lowers the rate
  ];

  it('sorts parameters by swing |high − low|, widest on top', () => {
    const spec = json(tornado(bars, { base: 0.021 }));
    expect(spec.layer[0].encoding.y.sort).toEqual(['Widest', 'Reversed', 'Narrow']);
    expect(valuesOf(spec).map((v) => v.label)).toEqual(['Widest', 'Widest', 'Reversed', 'Reversed', 'Narrow', 'Narrow']);
    expect(bySwing([...bars, { parameter: 'behaviour.d', label: 'Also narrow', low: 0.02, high: 0.021 }]).map((b) => b.label)).toEqual(['Widest', 'Reversed', 'Also narrow', 'Narrow']);
  });

  it('draws each bar from the base value to the result at one end of the range, in the indicator\'s unit (percent)', () => {
    const spec = json(tornado(bars, { base: 0.021 }));
    const widest = valuesOf(spec).filter((v) => v.label === 'Widest');
    expect(widest).toEqual([
      { label: 'Widest', end: 'Low end of the range', value: 0.015 * 100, base: 0.021 * 100 },
      { label: 'Widest', end: 'High end of the range', value: 0.03 * 100, base: 0.021 * 100 },
    ]);
    expect(spec.layer[1].encoding.x.datum).toBe(0.021 * 100);
  });

  it('draws money in the magnitude the values need: empowerment spending to date in Rp billion', () => {
    const spec = json(tornado([{ parameter: 'behaviour.a', label: 'A', low: 25e9, high: 40e9 }], { base: 30e9, indicator: 'empowerment_spend_to_date' }));
    expect(spec.layer[0].encoding.x.title).toBe('Empowerment spending since the start of the run (Rp billion)');
    expect(valuesOf(spec)[1].value).toBeCloseTo(40, 12);
  });
});

describe('a chart asked for what the rows do not hold throws, naming it', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['no rows at all', () => povertyOverTime([]), /^povertyOverTime: no summary rows were given/],
    ['an indicator', () => povertyOverTime(summary, { indicator: 'p0_unknown' }), /^povertyOverTime: indicator "p0_unknown" is not among the levels/],
    ['a group', () => povertyOverTime(summary, { group: 'province:Atlantis' }), /group "province:Atlantis" has no levels of indicator "p0_extreme"/],
    ['a scenario of the phases chart', () => phasesOverTime(summary, { scenario: 'nope' }), /^phasesOverTime: scenario "nope" has no levels of indicator "phase_assistance" in group "national" \(scenarios: baseline, cut\)/],
    ['a scenario of the flows chart', () => flowsOverTime(summary, { scenario: 'nope' }), /^flowsOverTime: scenario "nope"/],
    ['a flow group the model does not count', () => flowsOverTime(summary, { group: 'province:Aceh' }), /group "province:Aceh" has no levels of indicator "flow.pathway.enrolled_in_assistance"/],
    ['a month of spending', () => spendAndGraduations(summary, { month: '2030-01' }), /^spendAndGraduations: month "2030-01" has no levels of indicator "empowerment_spend_to_date" .*months 2022-03 to 2023-12/],
    ['a month of the ranking', () => provinceRanking(summary, { month: '2019-01' }), /^provinceRanking: month "2019-01"/],
    ['differences, from rows summarised without a reference', () => differenceOverTime(summary.filter((r) => r.compared_with === '')), /^differenceOverTime: the rows hold no paired differences/],
    ['a reference', () => differenceOverTime(summary, { reference: 'other' }), /no differences from reference "other"/],
    ['levels, from rows of differences only', () => povertyOverTime(summary.filter((r) => r.compared_with !== '')), /the rows hold paired differences only/],
    ['an indicator outside the catalogue', () => povertyOverTime([{ ...summary[0], indicator: 'mystery' }], { indicator: 'mystery' }), /indicator "mystery" is not an indicator of the registry/],
    ['parameters of a tornado', () => tornado([], { base: 0.02 }), /^tornado: no parameters were given/],
    ['a finite result of a tornado', () => tornado([{ parameter: 'behaviour.a', label: 'A', low: Number.NaN, high: 0.02 }], { base: 0.02 }), /parameter behaviour.a has low NaN/],
  ])('%s', (_, chart, message) => {
    expect(chart).toThrow(message);
  });
});

describe('legible with many scenarios and long names', () => {
  /** The summary with `extra` more scenarios, copies of "cut" under other ids. */
  const many = (extra: number): { rows: SummaryRow[]; scenarios: { id: string; label: string }[] } => {
    const ids = Array.from({ length: extra }, (_, k) => `variant-${k + 1}`);
    const rows = [...summary, ...ids.flatMap((id) => summary.filter((r) => r.scenario === 'cut').map((r) => ({ ...r, scenario: id })))];
    return { rows, scenarios: [...names, ...ids.map((id, k) => ({ id, label: `Variant ${k + 1}, with a long name that would be cut short in a legend` }))] };
  };

  it('up to four scenarios share one chart; five or more are small multiples, one panel each, in legend order', () => {
    const four = many(2);
    expect(json(povertyOverTime(four.rows, { scenarios: four.scenarios })).layer).toBeDefined();
    const five = many(3);
    const spec = json(povertyOverTime(five.rows, { scenarios: five.scenarios }));
    expect(spec.layer).toBeUndefined();
    expect(spec.facet.field).toBe('panel');
    expect(spec.facet.sort.map((p: string) => p.replace(/\n/g, ' '))).toEqual(five.scenarios.map((s) => s.label));
    expect(spec.facet.sort.every((p: string) => p.split('\n').every((line) => line.length <= 36))).toBe(true);
    expect(schemaErrors(spec)).toEqual([]);
  });

  it('small multiples render, each panel titled with its name over lines', async () => {
    const five = many(3);
    const texts = svgTexts(await renderSvg(povertyOverTime(five.rows, { scenarios: five.scenarios })));
    expect(texts).toContain('Variant 3, with a long name that'); // 36 characters a line at most
    expect(texts).toContain('would be cut short in a legend');
    expect(texts).toContain('% of persons');
  });

  it('each level panel but the first draws the first scenario (the baseline) as a grey line beside its own', () => {
    const five = many(3);
    const spec = json(povertyOverTime(five.rows, { scenarios: five.scenarios }));
    const values: { panel: string; role: string; scenario: string; month: string; mean: number }[] = spec.data.values;
    const baselineRows = levels('p0_extreme').filter((r) => r.scenario === 'baseline');
    for (const panel of spec.facet.sort.slice(1)) {
      const grey = values.filter((v) => v.panel === panel && v.role === 'baseline');
      expect(grey.map((v) => v.mean)).toEqual(baselineRows.map((r) => r.mean * 100));
      expect(grey.every((v) => v.scenario === 'Baseline')).toBe(true);
    }
    expect(values.filter((v) => v.panel === spec.facet.sort[0] && v.role === 'baseline')).toEqual([]);
    expect(spec.title.subtitle).toContain('Grey line: Baseline');
  });

  it('differences of five or more scenarios are small multiples around a zero rule, with no grey line', () => {
    const five = many(4);
    const spec = json(differenceOverTime(five.rows, { scenarios: five.scenarios }));
    expect(spec.facet).toBeDefined();
    expect(spec.data.values.some((v: { role: string }) => v.role === 'baseline')).toBe(false);
    expect(spec.spec.layer.at(-1).mark.type).toBe('rule');
  });

  it('legends give scenario names in full', () => {
    expect(json(povertyOverTime(summary, { scenarios: names })).config.legend.labelLimit).toBe(0);
  });

  it.each([
    ['spendAndGraduations', () => json(spendAndGraduations(summary, { scenarios: names })).hconcat[0].encoding.y.axis],
    ['provinceRanking', () => json(provinceRanking(summary, { scenarios: names })).encoding.y.axis],
    ['tornado', () => json(tornado([{ parameter: 'a', label: 'A', low: 0.01, high: 0.02 }], { base: 0.015 })).layer[0].encoding.y.axis],
  ])('%s: the title of the names axis stands level above the names, not turned beside them', (_, axis) => {
    expect(axis()).toMatchObject({ titleAngle: 0, titleY: -6, titleBaseline: 'bottom' });
  });

  it('spendAndGraduations: the graduations panel lines up with the names of the spending panel and does not repeat them', () => {
    const spec = json(spendAndGraduations(summary, { scenarios: names }));
    expect(spec.hconcat[1].encoding.y.axis).toBeNull();
    expect(spec.hconcat[0].encoding.y.axis.labelLimit).toBeGreaterThanOrEqual(600);
  });

  it.each([
    ['en', 'Families enter pemulihan sosial as facilitators take them on'],
    ['id', 'Keluarga masuk pemulihan sosial saat pendamping menerima mereka'],
  ] as const)('phasesOverTime (%s): the caption explains the pace of entries and returns', (lang, words) => {
    const subtitle: string[] = json(phasesOverTime(summary, { lang, scenario: 'cut' })).title.subtitle;
    expect(subtitle.join(' ')).toContain(words);
    expect(subtitle.join(' ')).toContain('policy.facilitators.intake_months');
    expect(subtitle.join(' ')).toContain('policy.empowerment.transition_max_months');
  });
});
