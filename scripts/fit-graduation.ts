/**
 * The fit of the business, livestock and savings parameters to the published graduation trial
 * (BRAC "Targeting the Ultra-Poor", Bangladesh): a small grid, each point the virtual trial
 * `brac-like` (src/trial) with the same seed (common random numbers), scored against its path
 * (data/evidence/brac-tup-paths.csv, src/trial/paths.ts): how far each relative effect lies outside
 * its range, plus how far an effect falls short of an earlier one, plus how far business assets fall
 * short of the value transferred (in Rp 100,000). Prints one line per point, best last.
 *
 *   node --import tsx scripts/fit-graduation.ts [households] [replicates] [name=v1,v2,… …]
 *   e.g. node --import tsx scripts/fit-graduation.ts 100000 2 behaviour.business.livestock_growth=0,0.05,0.1
 *
 * With several replicates (other population samples, draws and assignments) each effect is their mean.
 */
import { loadParameters } from '../src/parameters/load';
import { BRAC_LIKE } from '../src/trial/designs';
import { runTrial } from '../src/trial/virtual';
import type { ParameterPatch } from '../src/parameters/types';
import { checkPaths, readPaths } from '../src/trial/paths';
import type { PathCheck } from '../src/trial/paths';
import type { TrialEstimate } from '../src/trial/outcomes';

const [householdsText, replicatesText, ...axesText] = process.argv.slice(2);
const households = Number(householdsText ?? 100_000);
const replicates = Number(replicatesText ?? 1);
const axes = axesText.map((a) => {
  const [name, values] = a.split('=');
  return { name, values: values.split(',').map(Number) };
});
const design = BRAC_LIKE;
const targets = readPaths(design.paths!);
const base = loadParameters();

/** How far a target is from being met, in points of relative effect (Rp 100,000 for assets). */
function shortfall(c: PathCheck): number {
  if (c.rule === 'within') return Math.max(0, c.low - c.model, c.model - c.high);
  return Math.max(0, c.threshold - c.model) / (c.rule === 'at_least_transfer' ? 1e5 : 1);
}

function* grid(k = 0, point: Record<string, number> = {}): Generator<Record<string, number>> {
  if (k === axes.length) yield point;
  else for (const v of axes[k].values) yield* grid(k + 1, { ...point, [axes[k].name]: v });
}

const lines: { score: number; text: string }[] = [];
for (const point of grid()) {
  const patch = Object.fromEntries(Object.entries(point).map(([p, v]) => [p, { '2018-01-01': v }])) as ParameterPatch;
  const parameters = base.patched(patch, 'fit');
  const results = Array.from({ length: replicates }, (_, replicate) => runTrial(design, { seed: 2022, replicate, households, parameters }));
  const mean = (f: (r: (typeof results)[number]['itt'][number]) => number, outcome: string, horizon: number) =>
    results.reduce((s, r) => s + f(r.itt.find((e) => e.outcome === outcome && e.horizon === horizon)!), 0) / replicates;
  const effect = (outcome: string, horizon: number) => ({
    relativeEffect: mean((e) => e.relativeEffect, outcome, horizon),
    effect: mean((e) => e.effect, outcome, horizon),
    controlMean: mean((e) => e.controlMean, outcome, horizon),
  });
  const c = (m: number) => effect('consumption', m).relativeEffect;
  const averaged: TrialEstimate[] = results[0].itt.map((e) => ({ ...e, ...effect(e.outcome, e.horizon) }));
  const score = checkPaths(targets, averaged, design.package!.capital).reduce((s, t) => s + shortfall(t), 0);
  const assets = effect('assets', 48).effect;
  const text = `${JSON.stringify(point)} score ${score.toFixed(2)} | consumption % ${[12, 24, 36, 48, 84].map((m) => c(m).toFixed(1)).join(' ')} | earnings % ${[24, 48, 84].map((m) => effect('income', m).relativeEffect.toFixed(1)).join(' ')} | assets48 ${(assets / 1e6).toFixed(2)} m | livestock48 ${(effect('livestock', 48).effect / 1e6).toFixed(2)} m | savings48 ${(effect('savings', 48).effect / 1e6).toFixed(2)} m (control ${(effect('savings', 48).controlMean / 1e6).toFixed(3)} m) | business48 ${(100 * effect('business', 48).effect).toFixed(1)} pp`;
  console.log(text);
  lines.push({ score, text });
}
lines.sort((a, b) => a.score - b.score);
console.log(`best: ${lines[0].text}`);
