/**
 * `graduasi plan --shards N [options] -- run|compare|sensitivity <its words...>`: writes into a new
 * folder what runs a run, compare or sensitivity study in N shards on a cluster, and merges them
 * (src/experiment/shard.ts, src/experiment/point-shards.ts):
 *
 *   slurm-array.sh   a Slurm job array (--array=1-N): task K runs the command with --shard K/N, its
 *                    folder <plan>/parts/shard-K, its log <plan>/logs/shard-K.log;
 *   slurm-merge.sh   the merge of the N folders into <plan>/run, logged to <plan>/logs/merge.log;
 *   submit.sh        submits the array, then the merge to start when every task has succeeded
 *                    (--dependency=afterok), and prints the two job ids;
 *   job.yaml         a Kubernetes Indexed Job (completions N, shard JOB_COMPLETION_INDEX + 1) writing
 *                    to a shared volume, and merge-job.yaml, the merge Job to apply after it.
 *
 * Slurm runs a job in the folder it is told (--chdir, here the folder plan was run in, where the
 * command's scenario files are found) with the programs named by absolute path: this Node and the
 * project's bin/graduasi.js. The command is checked as it would check a shard's command line before anything
 * is written; its --workers comes from --cpus-per-task, its --shard and --out from the plan.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { REPO_ROOT } from '../parameters/load';
import { planRunFolder, writeRunFolder } from '../experiment/output';
import { ProblemError, shownPath } from '../problems/index';
import { command, Expected, option, text, wholeNumber, type CommandLine } from './options';
import { COMPARE, RUN } from './run';
import { SENSITIVITY } from './sensitivity';

/** The commands a plan can shard. */
const SHARDED = [RUN, COMPARE, SENSITIVITY] as const;

/** Options of the sharded command that the plan sets itself. */
const SET_BY_PLAN: Readonly<Record<string, string>> = { '--shard': 'each task runs its own shard', '--out': "the shards' folders and the run are written into the plan's folder", '--workers': '--cpus-per-task sets it' };

const OPTIONS = {
  shards: option<number>({ value: 'N', description: 'shards, run as N Slurm array tasks or N Kubernetes completions', default: 4, check: wholeNumber(1, { max: 10_000, why: "Slurm's default MaxArraySize is 1,001; a site may raise it" }) }),
  'cpus-per-task': option<number>({ value: 'C', description: "cores of each task, and the command's --workers", default: 1, check: wholeNumber(1, { max: 256, why: 'the cores of one node' }) }),
  mem: option<string>({
    value: 'M',
    description: "memory of each task, Slurm's way: a number and a unit, K, M, G or T (e.g. 4G)",
    default: '4G',
    check: (t) => (/^[1-9]\d*[KMGT]$/.test(t) ? t : new Expected('a number and a unit, K, M, G or T, e.g. 4G or 500M')),
  }),
  image: option<string>({ value: 'IMG', description: "the container image of the Kubernetes Jobs: the project in its working folder, node on the PATH", default: 'graduasi:latest', check: text }),
  out: option<string | undefined>({ value: 'FOLDER', description: "a new folder for the plan, outside the project's data/ and src/; the shards and the run are written into it", default: undefined, defaultText: 'runs/<date-time>-plan', check: text }),
};

/** Everything the files of a plan are made from. */
export interface ClusterPlan {
  /** The plan's folder, absolute. */
  readonly folder: string;
  /** The sharded command's words after "graduasi" (run, compare or sensitivity and what follows). */
  readonly words: readonly string[];
  readonly shards: number;
  readonly cpus: number;
  readonly mem: string;
  readonly image: string;
  /** Where the tasks run, absolute. */
  readonly workdir: string;
  /** The Node and the graduasi entry the Slurm tasks run, absolute. */
  readonly node: string;
  readonly bin: string;
}

/** A word for bash, in single quotes unless it needs none. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

const shardFolder = (plan: ClusterPlan, k: number | string) => join(plan.folder, 'parts', `shard-${k}`);

/** The Slurm job array, one task per shard (SLURM_ARRAY_TASK_ID from 1 to N is the shard). */
export function slurmArray(plan: ClusterPlan): string {
  const run = [plan.node, plan.bin, ...plan.words, '--workers', String(plan.cpus)].map(shellWord).join(' ');
  return `#!/bin/bash
# graduasi ${plan.words.join(' ')}: shard SLURM_ARRAY_TASK_ID of ${plan.shards} (written by graduasi plan; submit.sh submits it)
#SBATCH --job-name=graduasi-shards
#SBATCH --array=1-${plan.shards}
#SBATCH --cpus-per-task=${plan.cpus}
#SBATCH --mem=${plan.mem}
#SBATCH --chdir=${plan.workdir}
#SBATCH --output=${join(plan.folder, 'logs', 'shard-%a.log')}
set -euo pipefail
exec ${run} --shard "\${SLURM_ARRAY_TASK_ID}/${plan.shards}" --out ${shellWord(shardFolder(plan, ''))}"\${SLURM_ARRAY_TASK_ID}"
`;
}

/** The Slurm job that merges the shards' folders into <plan>/run. */
export function slurmMerge(plan: ClusterPlan): string {
  const parts = Array.from({ length: plan.shards }, (_, k) => shardFolder(plan, k + 1));
  return `#!/bin/bash
# graduasi merge of the ${plan.shards} shards of slurm-array.sh into ${join(plan.folder, 'run')} (submit.sh submits it after them)
#SBATCH --job-name=graduasi-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=${plan.mem}
#SBATCH --chdir=${plan.workdir}
#SBATCH --output=${join(plan.folder, 'logs', 'merge.log')}
set -euo pipefail
exec ${[plan.node, plan.bin, 'merge', ...parts, '--out', join(plan.folder, 'run')].map(shellWord).join(' ')}
`;
}

/** Submits the array, then the merge once every task has succeeded; prints the two job ids, one a line. */
export function submitScript(plan: ClusterPlan): string {
  return `#!/bin/bash
# Submits the ${plan.shards} shards as a Slurm job array, then their merge, to start when every shard has succeeded.
set -euo pipefail
cd ${shellWord(plan.folder)}
a=$(sbatch --parsable slurm-array.sh)
a=\${a%%;*}
echo "$a"
sbatch --parsable --dependency=afterok:$a slurm-merge.sh
`;
}

/** Kubernetes' memory quantity for a Slurm size: 4G → 4Gi. */
function quantity(mem: string): string {
  return `${mem.slice(0, -1)}${mem.at(-1)}i`;
}

/** The claim of the volume the shards write to and the merge reads, mounted at /parts. */
export const PARTS_CLAIM = 'graduasi-parts';

/** A Job's pod running `script` in the image, with the shared volume at /parts. */
function podTemplate(plan: ClusterPlan, script: string, cpus: number) {
  return {
    spec: {
      restartPolicy: 'Never',
      containers: [{
        name: 'graduasi',
        image: plan.image,
        command: ['/bin/sh', '-c', script],
        resources: { requests: { cpu: String(cpus), memory: quantity(plan.mem) }, limits: { memory: quantity(plan.mem) } },
        volumeMounts: [{ name: 'parts', mountPath: '/parts' }],
      }],
      volumes: [{ name: 'parts', persistentVolumeClaim: { claimName: PARTS_CLAIM } }],
    },
  };
}

/** The Kubernetes Jobs: the Indexed Job of the shards (shard JOB_COMPLETION_INDEX + 1) and the merge Job. */
export function kubernetesJobs(plan: ClusterPlan): { shards: Record<string, unknown>; merge: Record<string, unknown> } {
  const words = [...plan.words, '--workers', String(plan.cpus)].map(shellWord).join(' ');
  const shard = 'k=$((JOB_COMPLETION_INDEX + 1)); ';
  const parts = Array.from({ length: plan.shards }, (_, k) => `/parts/shard-${k + 1}`).join(' ');
  return {
    shards: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'graduasi-shards' },
      spec: {
        completionMode: 'Indexed',
        completions: plan.shards,
        parallelism: plan.shards,
        backoffLimit: plan.shards,
        template: podTemplate(plan, `${shard}exec node bin/graduasi.js ${words} --shard "$k/${plan.shards}" --out "/parts/shard-$k"`, plan.cpus),
      },
    },
    merge: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'graduasi-merge' },
      spec: { completions: 1, backoffLimit: 0, template: podTemplate(plan, `exec node bin/graduasi.js merge ${parts} --out /parts/run`, 1) },
    },
  };
}

/** A Kubernetes object as a YAML document, headed by a comment. */
function yamlDocument(comment: string, object: Record<string, unknown>): string {
  return `# ${comment}\n${stringify(object, { lineWidth: 0 })}`;
}

/** The files of a plan, by name. */
export function planFiles(plan: ClusterPlan): Record<string, string> {
  const jobs = kubernetesJobs(plan);
  return {
    'slurm-array.sh': slurmArray(plan),
    'slurm-merge.sh': slurmMerge(plan),
    'submit.sh': submitScript(plan),
    'job.yaml': yamlDocument(`graduasi ${plan.words.join(' ')} in ${plan.shards} shards (graduasi plan). Needs a ReadWriteMany PersistentVolumeClaim "${PARTS_CLAIM}"; merge-job.yaml merges the shards once this Job is complete.`, jobs.shards),
    'merge-job.yaml': yamlDocument(`The merge of the ${plan.shards} shards of job.yaml into /parts/run: apply it once graduasi-shards is complete.`, jobs.merge),
  };
}

/** The sharded command's words checked as the command checks a shard's, with none of the options the plan sets. */
export function checkedWords(words: readonly string[]): void {
  const [name, ...rest] = words;
  const sharded = SHARDED.find((c) => c.name === name);
  if (!sharded) throw new ProblemError([{ file: 'graduasi plan', path: '', expected: `a command to shard after "--": ${SHARDED.map((c) => c.name).join(', ')} and its words, e.g. graduasi plan --shards 4 -- run --replicates 10`, got: words.length ? `"${words.join(' ')}"` : 'nothing' }]);
  const set = rest.map((w) => w.split('=')[0]).filter((w) => w in SET_BY_PLAN);
  if (set.length) throw new ProblemError(set.map((w) => ({ file: 'graduasi plan', path: w, expected: `the command without ${w} (${SET_BY_PLAN[w]})`, got: `${w} in "${words.join(' ')}"` })));
  // Checked as a shard's command line, so that what the command refuses with --shard is refused here.
  if (sharded.parse([...rest, '--shard', '1/1']) === 'help') throw new ProblemError([{ file: 'graduasi plan', path: '--help', expected: `the command to shard, without --help (graduasi ${name} --help describes it)`, got: '--help' }]);
}

async function plan({ args, options: o }: CommandLine<typeof OPTIONS>): Promise<void> {
  checkedWords(args);
  const folder = planRunFolder(o.out, 'plan');
  const files = planFiles({ folder, words: args, shards: o.shards, cpus: o['cpus-per-task'], mem: o.mem, image: o.image, workdir: resolve('.'), node: process.execPath, bin: join(REPO_ROOT, 'bin', 'graduasi.js') });
  writeRunFolder(folder, files);
  mkdirSync(join(folder, 'logs')); // Slurm writes logs only into a folder that exists
  const shown = shownPath(folder);
  process.stdout.write(
    `Plan of graduasi ${args.join(' ')} in ${o.shards} shards written to ${shown}\n  ${Object.keys(files).join('  ')}\n\n` +
      `Slurm:       bash ${join(shown, 'submit.sh')}   (the array, then the merge into ${join(shown, 'run')}; logs in ${join(shown, 'logs')})\n` +
      `Kubernetes:  kubectl apply -f ${join(shown, 'job.yaml')} && kubectl wait --for=condition=complete --timeout=24h job/graduasi-shards && kubectl apply -f ${join(shown, 'merge-job.yaml')}\n`,
  );
}

export const PLAN = command({
  name: 'plan',
  summary: 'write the Slurm scripts and Kubernetes Jobs that run a run, compare or sensitivity study in shards, then merge them',
  about:
    'graduasi plan [options] -- run|compare|sensitivity <words>: writes into a new folder what runs the command in N shards on a cluster, then merges them: slurm-array.sh (a job array, one task a shard), slurm-merge.sh, submit.sh (the array, then the merge once every shard has succeeded), job.yaml (a Kubernetes Indexed Job) and merge-job.yaml. The shards are written to parts/, the merged run to run/, in the plan\'s folder.',
  args: { name: '-- run|compare|sensitivity <words>', min: 1, max: Infinity, expected: 'a command to shard after "--", e.g. graduasi plan --shards 4 -- run --replicates 10' },
  options: OPTIONS,
  run: plan,
});
