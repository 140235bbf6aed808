/**
 * Two builds from one file:
 * - `addin`: the task pane (addin/) into dist/addin, served by webpack-dev-server over https;
 * - `functions`: the Azure Functions app (functions/ with shared/ bundled in) into
 *   dist/functions, a self-contained folder to deploy (host.json, package.json, dist/index.js).
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const tsRule = {
  test: /\.ts$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true } },
};

const addin = (_env, argv) => ({
  name: 'addin',
  target: 'web',
  mode: argv.mode || 'development',
  devtool: 'source-map',
  entry: { taskpane: './addin/taskpane.ts' },
  output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [tsRule] },
  plugins: [
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/taskpane.html', chunks: ['taskpane'] }),
    new CopyWebpackPlugin({ patterns: [{ from: 'addin/assets', to: 'assets', noErrorOnMissing: true }] }),
  ],
  devServer: require('./addin/dev-server.config.js'),
  performance: { hints: false },
});

const functions = (_env, argv) => ({
  name: 'functions',
  target: 'node20',
  mode: argv.mode || 'development',
  devtool: 'source-map',
  entry: { index: './functions/index.ts' },
  output: {
    path: path.resolve(__dirname, 'dist/functions'),
    filename: 'dist/[name].js',
    library: { type: 'commonjs2' },
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: { rules: [tsRule] },
  // Provided by the Functions host at run time.
  externals: { '@azure/functions-core': 'commonjs @azure/functions-core' },
  plugins: [
    new CopyWebpackPlugin({
      patterns: [
        { from: 'functions/host.json', to: 'host.json' },
        { from: 'functions/deploy.package.json', to: 'package.json' },
      ],
    }),
  ],
  optimization: { minimize: false },
  performance: { hints: false },
});

module.exports = [addin, functions];
