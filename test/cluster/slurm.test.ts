/**
 * A real Slurm cluster runs a sharded compare: `graduasi plan` writes the scripts, submit.sh submits
 * the job array (one task a shard) and the merge that waits for it, and the merged run folder is the
 * one-machine compare's, byte for byte (manifest.json less its shards section).
 *
 * The cluster: the one `sinfo` answers from, if any; else a one-node cluster started here as
 * /work/shared/notes/slurm-recipe.md does it, with its slurm.conf, state, logs and PID files in a
 * temporary folder (SLURM_CONF points the commands at it; /etc/slurm is not touched), and munged
 * started only when no munge daemon answers. Starting one needs root and slurmctld, slurmd, munged
 * on the PATH: without them the test fails, naming what is missing (CI installs them:
 * .ci/apt-packages). afterAll stops only the daemons this file started: slurmctld and slurmd by
 * `scontrol shutdown`, munged by its PID.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, totalmem, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/graduasi.js', import.meta.url));
const COMPARE = ['compare', 'assistance-only', 'integrated-2022', '--households', '20000', '--years', '2022-2023', '--replicates', '2', '--seed', '11'];
const SHARDS = 4;
/** How long the jobs may take on a loaded machine (four shards and a merge of seconds each, queued behind whatever else runs): within the 10 minutes vitest.config.ts gives a test, so this message, not vitest's, says what was late. */
const WAIT_MINUTES = 8;

/** The environment of every Slurm command and job: SLURM_CONF when this file started the cluster. */
const env: NodeJS.ProcessEnv = { ...process.env };

/** What this file started, and so stops. */
const started: { slurm: boolean; munged?: number; mungeFolder?: string } = { slurm: false };

const dir = mkdtempSync(join(tmpdir(), 'graduasi-slurm-'));

function run(program: string, args: readonly string[], options: { cwd?: string } = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(program, args, { env, encoding: 'utf8', cwd: options.cwd });
  return { status: r.error ? null : r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? (r.error?.message ?? '') };
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

/** The programs of `names` that are not on the PATH. */
function missingPrograms(names: readonly string[]): string[] {
  return names.filter((name) => spawnSync('sh', ['-c', `command -v ${name}`], { env }).status !== 0);
}

/** True when a Slurm controller answers with at least one node. */
const clusterAnswers = () => {
  const r = run('sinfo', ['-h', '-o', '%D %t']);
  return r.status === 0 && r.stdout.trim() !== '';
};

/** Waits until `ready` is true, or fails after `seconds` with `what` and `details`. */
async function waitFor(ready: () => boolean, seconds: number, what: string, details: () => string = () => ''): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`${what} within ${seconds} s\n${details()}`);
    await sleep(1);
  }
}

/** A one-node cluster as the recipe starts it, its files in a temporary folder. */
async function startCluster(): Promise<void> {
  const missing = missingPrograms(['slurmctld', 'slurmd', 'munged', 'munge', 'sbatch', 'squeue', 'scontrol', 'sinfo']);
  if (missing.length) throw new Error(`No Slurm cluster answers (sinfo) and one cannot be started: ${missing.join(', ')} not on the PATH (apt-get install slurm-wlm munge; .ci/apt-packages lists them)`);
  if (process.getuid?.() !== 0) throw new Error('No Slurm cluster answers (sinfo), and starting one needs root (its daemons, and munged as the recipe runs it)');
  const home = join(dir, 'cluster');
  for (const sub of ['state', 'spool']) mkdirSync(join(home, sub), { recursive: true });

  if (run('munge', ['-n']).status !== 0) {
    if (!existsSync('/run/munge')) {
      mkdirSync('/run/munge', { recursive: true });
      started.mungeFolder = '/run/munge';
    }
    const munged = spawn('munged', ['-F', '--force', `--pid-file=${join(home, 'munged.pid')}`, `--log-file=${join(home, 'munged.log')}`, `--seed-file=${join(home, 'munged.seed')}`], { stdio: 'ignore' });
    started.munged = munged.pid;
    await waitFor(() => run('munge', ['-n']).status === 0, 60, 'munged did not answer', () => readIfThere(join(home, 'munged.log')));
  }

  const host = hostname().split('.')[0];
  const memory = Math.floor((totalmem() / 2 ** 20) * 0.9);
  const conf = join(home, 'slurm.conf');
  writeFileSync(conf, [
    'ClusterName=graduasi-test',
    `SlurmctldHost=${host}(127.0.0.1)`,
    'AuthType=auth/munge',
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core_Memory',
    `StateSaveLocation=${join(home, 'state')}`,
    `SlurmdSpoolDir=${join(home, 'spool')}`,
    `SlurmctldPidFile=${join(home, 'slurmctld.pid')}`,
    `SlurmdPidFile=${join(home, 'slurmd.pid')}`,
    'SlurmUser=root',
    `SlurmctldLogFile=${join(home, 'slurmctld.log')}`,
    `SlurmdLogFile=${join(home, 'slurmd.log')}`,
    'ReturnToService=2',
    'MpiDefault=none',
    'JobAcctGatherType=jobacct_gather/none',
    `NodeName=${host} NodeAddr=127.0.0.1 CPUs=${availableParallelism()} RealMemory=${memory} State=UNKNOWN`,
    `PartitionName=main Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
    '',
  ].join('\n'));
  env.SLURM_CONF = conf;
  started.slurm = true;
  for (const daemon of ['slurmctld', 'slurmd']) execFileSync(daemon, ['-f', conf], { env, stdio: 'pipe' });
  await waitFor(() => run('sinfo', ['-h', '-o', '%t']).stdout.trim() === 'idle', 60, 'the one-node cluster did not come up (sinfo: idle)', () => [run('sinfo', []).stdout, readIfThere(join(home, 'slurmctld.log')), readIfThere(join(home, 'slurmd.log'))].join('\n'));
}

function readIfThere(file: string): string {
  return existsSync(file) ? `${file}:\n${readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')}` : `${file}: none`;
}

/** The state of each job with these ids (array tasks one by one), as `scontrol show job` gives it. */
function jobStates(id: string): string[] {
  const r = run('scontrol', ['show', 'job', id]);
  return [...r.stdout.matchAll(/JobState=(\S+)/g)].map((m) => m[1]);
}

const graduasi = (...args: string[]) => run(process.execPath, [BIN, ...args], { cwd: dir });

beforeAll(async () => {
  if (!clusterAnswers()) await startCluster();
  for (const args of [['plan', '--shards', String(SHARDS), '--mem', '1G', '--out', 'plan', '--', ...COMPARE], [...COMPARE, '--out', 'one']]) {
    const r = graduasi(...args);
    if (r.status !== 0) throw new Error(`graduasi ${args.join(' ')} failed:\n${r.stderr}`);
  }
});

afterAll(async () => {
  if (started.slurm) {
    const pids = ['slurmctld', 'slurmd'].map((d) => join(dir, 'cluster', `${d}.pid`)).filter(existsSync).map((file) => Number(readFileSync(file, 'utf8')));
    run('scontrol', ['shutdown']);
    await waitFor(() => pids.every((pid) => !alive(pid)), 60, `slurmctld and slurmd (PIDs ${pids.join(', ')}) did not stop after scontrol shutdown`);
  }
  if (started.munged !== undefined) {
    process.kill(started.munged, 'SIGTERM');
    await waitFor(() => !alive(started.munged!), 30, `munged (PID ${started.munged}) did not stop`);
  }
  if (started.mungeFolder) rmdirSync(started.mungeFolder);
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !readIfThere(`/proc/${pid}/stat`).match(/\) Z /); // a zombie has stopped
  } catch {
    return false;
  }
}

describe('a sharded compare on a real Slurm cluster', () => {
  it(`runs ${SHARDS} array tasks and the merge, which writes the one-machine run's bytes`, async () => {
    const began = Date.now();
    const plan = join(dir, 'plan');
    const submitted = run('bash', [join(plan, 'submit.sh')]);
    expect(submitted.status, submitted.stderr).toBe(0);
    const [array, merge] = submitted.stdout.trim().split('\n').map((line) => line.split(';')[0]);
    expect(array).toMatch(/^\d+$/);
    expect(merge).toMatch(/^\d+$/);

    const logs = () => ['merge', ...Array.from({ length: SHARDS }, (_, k) => `shard-${k + 1}`)].map((name) => readIfThere(join(plan, 'logs', `${name}.log`))).join('\n');
    await waitFor(() => run('squeue', ['-h', '-j', `${array},${merge}`]).stdout.trim() === '', WAIT_MINUTES * 60, `the jobs (array ${array}, merge ${merge}) did not finish`, () => `${run('squeue', []).stdout}\n${logs()}`);
    process.stderr.write(`Slurm: ${SHARDS} shards and the merge ran in ${Math.round((Date.now() - began) / 1000)} s\n`);

    expect(jobStates(array), logs()).toEqual(Array(SHARDS).fill('COMPLETED'));
    expect(jobStates(merge), logs()).toEqual(['COMPLETED']);
    const read = (folder: string, name: string) => readFileSync(join(dir, folder, name), 'utf8');
    for (const name of ['results.csv', 'summary.csv', 'report.html']) expect(read('plan/run', name), name).toBe(read('one', name));
    const { shards, ...merged } = JSON.parse(read('plan/run', 'manifest.json'));
    expect(`${JSON.stringify(merged, null, 2)}\n`).toBe(read('one', 'manifest.json'));
    expect(shards.map((s: { shard: number; folder: string }) => [s.shard, s.folder])).toEqual([[1, 'shard-1'], [2, 'shard-2'], [3, 'shard-3'], [4, 'shard-4']]);
  });
});
