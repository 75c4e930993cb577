/**
 * `graduasi plan`: the Slurm scripts run the command with --shard K/N per array task and absolute
 * paths, submit.sh chains the merge after the array, and job.yaml / merge-job.yaml are Kubernetes
 * Jobs that the Job schema (kubernetes-models) accepts — while a broken one is refused, so the check
 * can fail. The command to shard is checked as run, compare or sensitivity check a shard's.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Job } from 'kubernetes-models/batch/v1';
import { checkedWords, kubernetesJobs, planFiles, type ClusterPlan } from '../../src/cli/plan';

const PLAN: ClusterPlan = {
  folder: '/tmp/plans/p',
  words: ['compare', 'assistance-only', 'integrated-2022', '--replicates', '2', '--households', '20000', '--years', '2022-2023'],
  shards: 4,
  cpus: 2,
  mem: '3G',
  image: 'registry.example/graduasi:1',
  workdir: '/home/me/graduasi',
  node: '/usr/bin/node',
  bin: '/home/me/graduasi/bin/graduasi.js',
};
const files = planFiles(PLAN);

describe('the Slurm scripts', () => {
  it('run shard SLURM_ARRAY_TASK_ID of N per array task, with absolute paths and a log each', () => {
    const array = files['slurm-array.sh'];
    expect(array).toMatch(/^#!\/bin\/bash\n/);
    for (const line of ['#SBATCH --array=1-4', '#SBATCH --cpus-per-task=2', '#SBATCH --mem=3G', '#SBATCH --chdir=/home/me/graduasi', '#SBATCH --output=/tmp/plans/p/logs/shard-%a.log']) expect(array).toContain(`${line}\n`);
    expect(array).toContain('exec /usr/bin/node /home/me/graduasi/bin/graduasi.js compare assistance-only integrated-2022 --replicates 2 --households 20000 --years 2022-2023 --workers 2 --shard "${SLURM_ARRAY_TASK_ID}/4" --out /tmp/plans/p/parts/shard-"${SLURM_ARRAY_TASK_ID}"\n');
  });

  it('merge the N shard folders into <plan>/run, after the whole array has succeeded', () => {
    expect(files['slurm-merge.sh']).toContain('exec /usr/bin/node /home/me/graduasi/bin/graduasi.js merge /tmp/plans/p/parts/shard-1 /tmp/plans/p/parts/shard-2 /tmp/plans/p/parts/shard-3 /tmp/plans/p/parts/shard-4 --out /tmp/plans/p/run\n');
    expect(files['slurm-merge.sh']).toContain('#SBATCH --output=/tmp/plans/p/logs/merge.log\n');
    expect(files['submit.sh']).toContain('a=$(sbatch --parsable slurm-array.sh)\n');
    expect(files['submit.sh']).toContain('sbatch --parsable --dependency=afterok:$a slurm-merge.sh\n');
  });

  it('quote a word the shell would split', () => {
    const quoted = planFiles({ ...PLAN, words: ['run', 'my scenario.yaml', "it's.yaml"] })['slurm-array.sh'];
    expect(quoted).toContain(`run 'my scenario.yaml' 'it'\\''s.yaml' --workers 2`);
  });
});

describe('the Kubernetes Jobs', () => {
  const [shards, merge] = [parse(files['job.yaml']), parse(files['merge-job.yaml'])];

  it('are an Indexed Job of N completions, the shard JOB_COMPLETION_INDEX + 1, and a merge Job, on one volume', () => {
    expect(shards.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 4 });
    const container = shards.spec.template.spec.containers[0];
    expect(container.image).toBe('registry.example/graduasi:1');
    expect(container.command[2]).toBe('k=$((JOB_COMPLETION_INDEX + 1)); exec node bin/graduasi.js compare assistance-only integrated-2022 --replicates 2 --households 20000 --years 2022-2023 --workers 2 --shard "$k/4" --out "/parts/shard-$k"');
    expect(container.resources.requests).toEqual({ cpu: '2', memory: '3Gi' });
    expect(merge.spec.template.spec.containers[0].command[2]).toBe('exec node bin/graduasi.js merge /parts/shard-1 /parts/shard-2 /parts/shard-3 /parts/shard-4 --out /parts/run');
    for (const job of [shards, merge]) expect(job.spec.template.spec.volumes).toEqual([{ name: 'parts', persistentVolumeClaim: { claimName: 'graduasi-parts' } }]);
  });

  it('pass the Kubernetes Job schema', () => {
    expect(() => new Job(shards).validate()).not.toThrow();
    expect(() => new Job(merge).validate()).not.toThrow();
  });

  it.each([
    ['a completionMode misspelt', (j: any) => (j.spec.completionMode = 'Indexd'), /completionMode must be equal to one of the allowed values/],
    ['completions as a string', (j: any) => (j.spec.completions = '4'), /completions must be integer/],
    ['no containers', (j: any) => delete j.spec.template.spec.containers, /containers/],
    ['a volume mount without its path', (j: any) => delete j.spec.template.spec.containers[0].volumeMounts[0].mountPath, /mountPath/],
  ])('refuse a Job with %s (so the check can fail)', (_, breakIt, message) => {
    const broken = structuredClone(kubernetesJobs(PLAN).shards);
    breakIt(broken);
    expect(() => new Job(broken as any).validate()).toThrow(message);
  });
});

describe('the command to shard', () => {
  it.each([
    [['report', 'runs/x'], /graduasi plan: expected a command to shard after "--": run, compare, sensitivity and its words/],
    [['sensitivity', '--method', 'both'], /graduasi sensitivity: --shard: expected --method morris or sobol/],
    [['run', '--replicates', '2', '--shard', '1/2'], /graduasi plan: --shard: expected the command without --shard \(each task runs its own shard\)/],
    [['run', '--out=x'], /graduasi plan: --out: expected the command without --out/],
    [['run', '--workers', '2'], /graduasi plan: --workers: expected the command without --workers \(--cpus-per-task sets it\)/],
    [['run', '--replicates', 'two'], /graduasi run: --replicates: expected a whole number/],
  ])('refuses %j', (words, message) => {
    expect(() => checkedWords(words)).toThrow(message);
  });

  it('accepts a run, a compare or a Morris or Sobol study as the command checks it', () => {
    expect(() => checkedWords(PLAN.words)).not.toThrow();
    expect(() => checkedWords(['run', 'assistance-only', '--replicates', '8'])).not.toThrow();
    expect(() => checkedWords(['sensitivity', '--method', 'sobol', '--samples', '64'])).not.toThrow();
  });
});
