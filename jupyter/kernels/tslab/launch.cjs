// The project's Jupyter kernel: starts the tslab of this repository's node_modules with the working
// folder at the repository root, so every notebook, wherever it sits, imports root-relative
// (`import { runExperiment } from './src/experiment/index'`): tslab compiles cells with
// rootDir = the working folder, so src/ must lie under it. The notebook's own folder is kept in
// NOTEBOOK_DIR for notebooks that read files beside them.
//
// kernel.json runs `node {resource_dir}/launch.cjs {connection_file}`; Jupyter finds it through
// JUPYTER_PATH=<repo>/jupyter, so nothing is installed globally or in the user's home.
//
// One shim: tslab turns each src/ module a cell imports into CommonJS and runs it with
// Module.prototype._compile, but src/ is ESM, and ESM's two idioms for "where is this file" do not
// survive the conversion: `import.meta.url`, which CommonJS cannot parse (Node then retries the file
// as ESM and fails with "exports is not defined in ES module scope"), and a top-level
// `const require = createRequire(import.meta.url)`, which clashes with CommonJS's own `require`
// ("Identifier 'require' has already been declared"). In the repository's own files (not
// node_modules) `import.meta` becomes the same values computed from __filename, that `require`
// declaration is dropped (CommonJS's `require` resolves from the same file), lines stay where they
// are, and the file is compiled as CommonJS. Only tslab calls _compile without a format; Node's own
// loader always passes one, so ordinary requires are untouched.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const connectionFile = process.argv[2];
if (!connectionFile) {
  console.error('usage: node launch.cjs <connection file>');
  process.exit(2);
}

const compile = Module.prototype._compile;
const ours = (filename) => filename.startsWith(root + path.sep) && !filename.includes(`${path.sep}node_modules${path.sep}`);
const IMPORT_META = /\bimport\.meta\b/g;
const META = "({ url: require('node:url').pathToFileURL(__filename).href, filename: __filename, dirname: __dirname })";
const REQUIRE_DECLARATION = /^(?:const|let|var) require = [^\n]*\bcreateRequire\)?\([^\n]*;$/gm;
Module.prototype._compile = function (content, filename, format) {
  if (format === undefined && typeof content === 'string' && ours(filename)) {
    const commonjs = content.replace(REQUIRE_DECLARATION, '').replace(IMPORT_META, META);
    return compile.call(this, commonjs, filename, 'commonjs');
  }
  return compile.call(this, content, filename, format);
};

process.env.NOTEBOOK_DIR = process.cwd();
const configPath = path.resolve(connectionFile); // before chdir: Jupyter may pass a relative path
process.chdir(root);
const { startKernel } = require(path.join(root, 'node_modules', 'tslab', 'dist', 'main.js'));
startKernel({ configPath, enableFindLocal: false });
