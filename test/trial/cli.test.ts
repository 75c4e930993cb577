/**
 * `graduasi trial` (src/cli/trial.ts, run in-process): a small trial writes a new run folder, the
 * same bytes twice, and every refusal is a clear error before anything runs or is written.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trialCommand } from '../../src/cli/trial';

const dir = mkdtempSync(join(tmpdir(), 'graduasi-trial-'));
const SMALL = ['--households', '20000', '--horizons', '12', '--seed', '3'];
let stdout = '';

beforeEach(() => {
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const files = (folder: string) => Object.fromEntries(readdirSync(folder).sort().map((f) => [f, readFileSync(join(folder, f), 'utf8')]));

describe('graduasi trial', () => {
  it('writes itt.csv, balance.csv, published.csv, paths.csv and manifest.json, prints the ITT table, and gives the same bytes twice', async () => {
    await trialCommand(['brac-like', ...SMALL, '--out', join(dir, 'a')]);
    expect(stdout).toMatch(/eligible agents .* households\): \d+ treated, \d+ control/);
    expect(stdout).toMatch(/Business assets \(equipment and livestock\) \(Rp\) +12 +\d+ \/ \d+/);
    expect(stdout).toContain('Trial written to');
    await trialCommand(['brac-like', ...SMALL, '--out', join(dir, 'b')]);
    const a = files(join(dir, 'a'));
    expect(Object.keys(a)).toEqual(['balance.csv', 'itt.csv', 'manifest.json', 'paths.csv', 'published.csv']);
    expect(files(join(dir, 'b'))).toEqual(a);
    const manifest = JSON.parse(a['manifest.json']);
    expect(manifest).toMatchObject({ model: 'graduasi', command: 'trial', seed: 3, design: { id: 'brac-like', horizons: [12], treatmentShare: 0.5, eligibility: { id: 'extreme-poor-working-age' } }, options: { households: 20000, agents: 20000 } });
    expect(manifest.arms.treatment + manifest.arms.control).toBe(manifest.arms.eligible);
    expect(manifest.files['itt.csv'].rows).toBe(8);
    expect(manifest.data.some((d: { file: string }) => d.file === 'data/evidence/brac-tup.csv')).toBe(true);
    expect(a['itt.csv'].split('\n')[0]).toBe('outcome,horizon_months,n_treatment,n_control,control_mean,treatment_mean,effect,se,ci_low,ci_high,p_value,relative_effect,control_sd,standardised_effect');
  });

  it('prints the table in Bahasa Indonesia with --lang id; pena-2023 has no published.csv', async () => {
    await trialCommand(['pena-2023', ...SMALL, '--share', '0.3', '--lang', 'id', '--out', join(dir, 'pena')]);
    expect(stdout).toContain('Aset usaha (peralatan dan ternak) (Rp)');
    expect(readdirSync(join(dir, 'pena')).sort()).toEqual(['balance.csv', 'itt.csv', 'manifest.json']);
    expect(JSON.parse(readFileSync(join(dir, 'pena', 'manifest.json'), 'utf8')).design.treatmentShare).toBe(0.3);
  });
});

describe('graduasi trial refuses, before running and without writing a folder', () => {
  it.each<[string, string[], RegExp]>([
    ['an unknown design', ['brac'], /graduasi trial: design: expected one of pena-2023, brac-like, got "brac"/],
    ['two designs', ['brac-like', 'pena-2023'], /trial: expected at most one design/],
    ['a horizon that is not a number', ['--horizons', '12,x'], /--horizons: expected months after the offer as increasing whole numbers from 1 to 120, e\.g\. 12,24,36,48, got "12,x"/],
    ['horizons out of order', ['--horizons', '24,12'], /--horizons: .* got "24,12"/],
    ['a horizon of 0', ['--horizons', '0'], /--horizons: .* got "0"/],
    ['a share of 0', ['--share', '0'], /--share: expected the share of eligible households treated, in \(0, 1\), e\.g\. 0\.5, got "0"/],
    ['a share of 1', ['--share', '1'], /--share: .* got "1"/],
    ['a share that is a word', ['--share', 'half'], /--share: .* got "half"/],
    ['too few households', ['--households', '100'], /--households: expected a whole number from 20,000 to 86,437,053 \(one agent per household of the registry, data\/population\/national\.csv\), got "100"/],
    ['households and scale', ['--households', '20000', '--scale', '0.001'], /graduasi trial: --households and --scale: expected one of them, got both/],
    ['a seed that is a word', ['--seed', 'abc'], /--seed: expected a whole number of at least 0, got "abc"/],
    ['an unknown language', ['--lang', 'fr'], /--lang: expected one of en, id, got "fr"/],
    ['an unknown option', ['--years', '2022-2030'], /graduasi trial: --years: expected one of --seed, --households, --scale, --horizons, --share, --out, --lang, got an unknown option/],
    ['an option without its value', ['--seed'], /graduasi trial: --seed: expected a value after it: --seed N, got nothing/],
  ])('%s', async (_, args, message) => {
    const out = join(dir, `refused-${Math.random().toString(36).slice(2)}`);
    await expect(trialCommand([...args, '--out', out])).rejects.toThrow(message);
    expect(readdirSync(dir).includes(out.split('/').pop()!)).toBe(false);
  });

  it('an output folder that already holds a run', async () => {
    await trialCommand(['brac-like', ...SMALL, '--out', join(dir, 'taken')]);
    const before = files(join(dir, 'taken'));
    await expect(trialCommand(['brac-like', ...SMALL, '--out', join(dir, 'taken')])).rejects.toThrow(/taken: expected a new output folder, so that no earlier results are overwritten, got a folder that already holds a run \(manifest\.json\)/);
    expect(files(join(dir, 'taken'))).toEqual(before);
  });
});
