#!/usr/bin/env node
// `npm run lab [-- --port N] [-- --dev]`: Graduasi's JupyterLab on this machine, with the project's
// kernel. In order:
//
//   1. checks Debian's Python has jupyter_server and jupyterlab_server (else says which packages to
//      install, or how to use the project's kernel from a JupyterLab you already have);
//   2. installs app/'s own packages (`npm ci` in app/) when app/package-lock.json has changed;
//   3. builds the front end (tsc, then webpack, into app/build) when its sources have changed;
//   4. writes the scenario catalogue of the Graduasi panel (app/scenarios.ts) from src/ and data/;
//   5. starts app/server.py on 127.0.0.1 with a random token, and prints the address to open.
//
// Steps 2 and 3 take minutes the first time: each says when it begins and how long it took, npm
// and webpack show their own progress, and a line every half minute says the step is still going.
// The token reaches the server in a file of mode 0600 in the temporary folder (JUPYTER_TOKEN_FILE),
// never on its command line, where any local user could read it with `ps`.
//
// Ctrl-C stops the server, which shuts its kernels down. Jupyter's runtime, data and config folders
// are a temporary folder removed on exit; user settings and workspaces stay in app/.lab (git-ignored)
// so the layout is kept between sessions. Nothing is written to the home folder.
//
// Options: --port N (default 8888; the next free one if taken), --root DIR (the folder served,
// default the repository; the lab opens on its notebooks/), --state DIR (settings and workspaces,
// default app/.lab), --dev (a development build: quicker to build, larger), --build (install and
// build only, then exit), --verbose (the server's log at INFO level: requests, kernels).
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jupyterEnvironment } from '../scripts/jupyter-env.js';

const APP = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(APP, '..');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3'; // Debian's (a pyenv python3 on PATH has no jupyter_server)
const BUILD = join(APP, 'build');
const STAMP = join(BUILD, '.sources');
const INSTALL_STAMP = join(APP, 'node_modules', '.graduasi-lock');
/** What the first install and build take on a two-core machine (measured; shown while they run). */
const INSTALL_TIME = 'about 75 s';
const BUILD_TIME = { production: 'about 3½ to 5½ min', development: 'about 25 s' };
/** The Python modules the server needs and the Debian packages that have them. */
const DEBIAN = { jupyter_server: 'python3-jupyter-server', jupyterlab_server: 'python3-jupyterlab-server' };

const say = (line) => console.log(`lab: ${line}`);
/** Time since `began` (a performance.now()), as m:ss. */
const elapsed = (began) => {
  const seconds = Math.round((performance.now() - began) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};
/** How long the server has to stop (its kernels shut down) before it is killed, in ms. */
const STOP_GRACE = 15_000;
/** How often a long step says it is still going, in ms. */
const HEARTBEAT = 30_000;

function usage(problem) {
  console.error(`lab: ${problem}\nusage: npm run lab [-- --port N] [--root DIR] [--state DIR] [--dev] [--build] [--verbose]`);
  process.exit(2);
}

function parseArguments(args) {
  const options = { port: 8888, root: ROOT, state: join(APP, '.lab'), dev: false, buildOnly: false, verbose: false };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    if (arg === '--dev') options.dev = true;
    else if (arg === '--build') options.buildOnly = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg === '--port' || arg === '--root' || arg === '--state') {
      const value = args[++k];
      if (value === undefined) usage(`${arg} needs a value`);
      if (arg === '--port') {
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 65535) usage(`--port: expected a port number, got "${value}"`);
        options.port = Number(value);
      } else options[arg.slice(2)] = resolve(value);
    } else usage(`unknown option ${arg}`);
  }
  if (!existsSync(options.root)) usage(`--root: no folder ${options.root}`);
  return options;
}

/** Exits with what to install when Debian's jupyter_server or jupyterlab_server is missing. */
function checkPython() {
  const probe = `import importlib.util, json; print(json.dumps([m for m in ${JSON.stringify(Object.keys(DEBIAN))} if importlib.util.find_spec(m) is None]))`;
  const result = spawnSync(PYTHON, ['-c', probe], { encoding: 'utf8' });
  const missing = result.status === 0 ? JSON.parse(result.stdout) : Object.keys(DEBIAN);
  if (missing.length === 0) return;
  const packages = missing.map((m) => DEBIAN[m]);
  console.error(
    [
      `lab: ${result.error ? `${PYTHON} not found` : `${PYTHON} has no ${missing.join(' or ')}`}: the lab needs Debian's ${packages.join(' and ')}.`,
      'Install them (as root):',
      `  apt-get update && apt-get install -y ${packages.join(' ')}`,
      '(Another Python with them: PYTHON=/path/to/python3 npm run lab.)',
      "Or use the project's kernel from a JupyterLab you already have, through JUPYTER_PATH:",
      `  JUPYTER_PATH=${join(ROOT, 'jupyter')} jupyter lab ${relative(process.cwd(), join(ROOT, 'notebooks')) || '.'}`,
      '  and pick the kernel "TypeScript (Graduasi, tslab)" (the Graduasi panel is only in this app).',
    ].join('\n'),
  );
  process.exit(1);
}

/**
 * Runs one step of the install or the build with its output shown, saying every half minute that
 * `step` is still going; exits when it fails.
 */
async function run(step, command, args, cwd) {
  const began = performance.now();
  const child = spawn(command, args, { cwd, stdio: 'inherit' });
  const heartbeat = setInterval(() => say(`still ${step} (${elapsed(began)})`), HEARTBEAT);
  const [code, signal] = await once(child, 'exit') // rejected with the error when it cannot start
    .catch((error) => [error])
    .finally(() => clearInterval(heartbeat));
  if (code !== 0) {
    const why = code instanceof Error ? `: ${code.message}` : signal ? ` (${signal})` : ` (exit code ${code})`;
    console.error(`lab: ${command} ${args.join(' ')} failed${why}`);
    process.exit(1);
  }
}

const sha256 = (...parts) => createHash('sha256').update(parts.join('\0')).digest('hex');

/** app/'s own packages, installed exactly from app/package-lock.json when it has changed. */
async function install() {
  const lock = sha256(readFileSync(join(APP, 'package-lock.json'), 'utf8'));
  if (existsSync(INSTALL_STAMP) && readFileSync(INSTALL_STAMP, 'utf8') === lock) return;
  const began = performance.now();
  say(`installing the lab’s packages (npm ci in app/: ${INSTALL_TIME}, once)`);
  await run('installing the lab’s packages', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], APP);
  writeFileSync(INSTALL_STAMP, lock);
  say(`installed the lab’s packages in ${elapsed(began)}`);
}

/** Every file the build reads from app/ (its packages are covered by the lockfile). */
function sources() {
  const files = ['package.json', 'package-lock.json', 'tsconfig.json', 'webpack.config.js'];
  for (const dir of ['src', 'style']) {
    for (const name of readdirSync(join(APP, dir), { recursive: true })) {
      if (statSync(join(APP, dir, name)).isFile()) files.push(join(dir, name));
    }
  }
  return files.sort();
}

/** app/build, rebuilt only when a source or the kind of build has changed. */
async function build(dev) {
  const hash = sha256(dev ? 'development' : 'production', ...sources().flatMap((f) => [f, readFileSync(join(APP, f), 'utf8')]));
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return;
  const began = performance.now();
  say(`building the front end into app/build (${dev ? `development: ${BUILD_TIME.development}` : `production: ${BUILD_TIME.production}`})`);
  rmSync(BUILD, { recursive: true, force: true });
  say('compiling app/src (tsc)');
  await run('compiling app/src', process.execPath, [join(APP, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', APP], APP);
  say('bundling (webpack; its progress below)');
  await run('bundling', process.execPath, [join(APP, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', dev ? 'development' : 'production', '--stats', 'errors-warnings'], APP);
  writeFileSync(STAMP, hash);
  say(`built app/build in ${elapsed(began)}`);
}

/** The panel's catalogue of scenarios, made from src/ and data/ by app/scenarios.ts. */
async function writeCatalogue(file) {
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  try {
    const { writeCatalogue } = await import('./scenarios.ts');
    writeCatalogue(file);
  } finally {
    await unregister();
  }
}

/** The server's info file once it listens (jupyter_server writes it to the runtime folder). */
async function serverInfo(runtime, server) {
  for (;;) {
    if (server.exitCode !== null) return null;
    const file = existsSync(runtime) ? readdirSync(runtime).find((n) => /^jpserver-\d+\.json$/.test(n)) : undefined;
    if (file) {
      try {
        return JSON.parse(readFileSync(join(runtime, file), 'utf8'));
      } catch {
        // being written
      }
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'node_modules', 'tslab'))) {
    console.error('lab: the project’s packages are not installed: run npm ci first (the kernel is the tslab of node_modules)');
    process.exit(1);
  }
  if (!options.buildOnly) checkPython();
  await install();
  await build(options.dev);
  if (options.buildOnly) return;

  const jupyter = mkdtempSync(join(tmpdir(), 'graduasi-lab-'));
  const clean = () => rmSync(jupyter, { recursive: true, force: true });
  mkdirSync(options.state, { recursive: true });
  const catalogue = join(jupyter, 'scenarios.json');
  await writeCatalogue(catalogue);

  const token = randomBytes(24).toString('hex');
  const tokenFile = join(jupyter, 'token'); // the folder is the user's alone (mkdtemp: mode 0700)
  writeFileSync(tokenFile, token, { mode: 0o600 });
  const env = { ...jupyterEnvironment(jupyter), JUPYTER_TOKEN_FILE: tokenFile, JUPYTER_NO_CONFIG: '1', PYTHONDONTWRITEBYTECODE: '1' };
  delete env.JUPYTER_TOKEN; // would come before the file
  const args = [
    join(APP, 'server.py'),
    '--ip=127.0.0.1',
    `--port=${options.port}`,
    '--no-browser',
    `--ServerApp.root_dir=${options.root}`,
    `--ServerApp.log_level=${options.verbose ? 'INFO' : 'WARN'}`,
    `--GraduasiLab.state_dir=${options.state}`,
    `--GraduasiLab.scenarios_file=${catalogue}`,
    ...(process.getuid?.() === 0 ? ['--allow-root'] : []),
  ];
  const server = spawn(PYTHON, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });

  let stopping = false;
  let killed = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    say(`stopping (${signal}): shutting the kernels down`);
    server.kill('SIGTERM');
    setTimeout(() => {
      killed = true;
      console.error(`lab: the server did not stop within ${STOP_GRACE / 1000} s: killed it (its kernels may be left running)`);
      server.kill('SIGKILL');
    }, STOP_GRACE).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
  const parent = process.ppid; // a test runner, say, that ended without stopping the lab
  setInterval(() => process.ppid !== parent && stop('its parent process ended'), 1000).unref();
  server.on('exit', (code, signal) => {
    clean();
    if (stopping && !killed) say('stopped');
    else if (!stopping) console.error(`lab: the server stopped (${signal ?? `exit code ${code}`})`);
    process.exit(stopping && !killed ? 0 : 1);
  });

  const info = await serverInfo(join(jupyter, 'runtime'), server);
  if (!info) return; // the exit handler says why
  const url = `http://127.0.0.1:${info.port}/lab/tree/notebooks?token=${token}`;
  say(`serving ${relative(process.cwd(), options.root) || '.'} with the kernel "TypeScript (Graduasi, tslab)"; settings and workspaces in ${relative(process.cwd(), options.state) || '.'}`);
  console.log(`\n  Open ${url}\n\n  Ctrl-C stops the server.\n`);
}

await main();
