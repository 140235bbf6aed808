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
  entry: { taskpane: './addin/taskpane.ts', 'auth-dialog': './addin/auth-dialog.ts' },
  output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].js', clean: true },
  resolve: { extensions: ['.ts', '.js'] },
  // ES modules for the pane, so that `import()` splits MSAL into chunks loaded only when
  // Microsoft 365 sign-in is configured (auth-config.json).
  module: { rules: [{ ...tsRule, use: { ...tsRule.use, options: { ...tsRule.use.options, compilerOptions: { module: 'esnext' } } } }] },
  plugins: [
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './addin/taskpane.html', chunks: ['taskpane'] }),
    // The Microsoft 365 sign-in dialog (Office dialog API fallback where nested app auth is not supported).
    new HtmlWebpackPlugin({ filename: 'auth-dialog.html', template: './addin/auth-dialog.html', chunks: ['auth-dialog'] }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'addin/assets', to: 'assets', noErrorOnMissing: true },
        // The deployment's sign-in configuration, when present (addin/README.md "Microsoft 365 sign-in").
        { from: 'addin/auth-config.json', to: 'auth-config.json', noErrorOnMissing: true },
      ],
    }),
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
