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
    plugins: [new webpack.DefinePlugin({ process: { cwd: () => '/', env: {} } })],
  },
  ...assets,
];
