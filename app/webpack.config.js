// The lab's front end, bundled as in JupyterLab's examples/app: the compiled TypeScript of src/
// (tsc → build/lib), every extension's CSS (build/style.js, written by Build.ensureAssets with the
// schemas and themes) → build/bundle.js. `webpack --mode development` for a quicker, larger build.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import builder from '@jupyterlab/builder';
import miniSVGDataURI from 'mini-svg-data-uri';
import webpack from 'webpack';

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const pkg = require('./package.json');

const assets = builder.Build.ensureAssets({
  packageNames: [...pkg.jupyterlab.extensions, ...pkg.jupyterlab.mimeExtensions],
  output: join(HERE, 'build'),
});

/**
 * A line on the bundling at every tenth of it, and when its step changes after ten seconds or more
 * without a line: how far it is, the step and the time since it began. (Minifying, most of a
 * production build, reports nothing at 90 %; app/lab.js says every half minute that it is going.)
 */
function progressLines() {
  const began = performance.now();
  let tenths = -1;
  let said = '';
  let saidAt = began;
  return new webpack.ProgressPlugin((fraction, ...step) => {
    const tenth = Math.floor(fraction * 10);
    const what = step.filter(Boolean).join(' ');
    const now = performance.now();
    if (tenth <= tenths && (what === said || now - saidAt < 10_000)) return;
    [tenths, said, saidAt] = [Math.max(tenth, tenths), what, now];
    const seconds = Math.round((now - began) / 1000);
    console.log(`webpack: ${Math.floor(fraction * 100)}% ${what} (${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')})`);
  });
}

export default (env, argv) => [
  {
    entry: [join(HERE, 'build', 'style.js'), join(HERE, 'style', 'panel.css'), join(HERE, 'build', 'lib', 'index.js')],
    output: { path: join(HERE, 'build'), filename: 'bundle.js', chunkFilename: '[name].[contenthash].js', hashFunction: 'sha256' },
    mode: argv.mode ?? 'production',
    devtool: argv.mode === 'development' ? 'source-map' : false,
    bail: true,
    performance: { hints: false },
    module: {
      rules: [
        // @jupyter/web-components imports without extensions
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.svg/, issuer: /\.css$/, type: 'asset', generator: { dataUrl: (content) => miniSVGDataURI(content.toString()) } },
        { test: /\.svg/, issuer: /\.js$/, type: 'asset/source' },
        { test: /\.(png|jpg|gif|ttf|woff|woff2|eot)(\?v=[0-9]\.[0-9]\.[0-9])?$/, type: 'asset/resource' },
      ],
    },
    plugins: [new webpack.DefinePlugin({ process: { cwd: () => '/', env: {} } }), progressLines()],
  },
  ...assets,
];
