// The environment Jupyter runs in for the notebook runner and the lab: the project's kernel found
// through JUPYTER_PATH, Jupyter's runtime, data and config folders inside `folder` (a temporary
// folder the caller removes), and this node first on PATH, the one the kernel runs.
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function jupyterEnvironment(folder) {
  return {
    ...process.env,
    JUPYTER_PATH: [join(ROOT, 'jupyter'), process.env.JUPYTER_PATH].filter(Boolean).join(delimiter),
    JUPYTER_RUNTIME_DIR: join(folder, 'runtime'),
    JUPYTER_DATA_DIR: join(folder, 'data'),
    JUPYTER_CONFIG_DIR: join(folder, 'config'),
    PATH: [dirname(process.execPath), process.env.PATH].join(delimiter),
  };
}
