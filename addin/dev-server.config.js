/**
 * webpack-dev-server settings for the task pane: https on port 3000 (ADDIN_PORT) with the
 * certificates of office-addin-dev-certs in ~/.office-addin-dev-certs (ADDIN_CERT_DIR).
 * `npm start` makes them first (scripts/dev-certs.ts). Office only loads https add-ins; when
 * `webpack serve` is run by hand without them, it falls back to plain http and says so.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const certDir = process.env.ADDIN_CERT_DIR || path.join(os.homedir(), '.office-addin-dev-certs');
const files = {
  key: path.join(certDir, 'localhost.key'),
  cert: path.join(certDir, 'localhost.crt'),
  ca: path.join(certDir, 'ca.crt'),
};
const haveCerts = Object.values(files).every((f) => fs.existsSync(f));

/** The `server` option: https with the dev certificates, or http when they are absent. */
function server() {
  if (!haveCerts) {
    if (process.env.WEBPACK_SERVE) {
      console.warn(
        `[addin] No dev certificates in ${certDir}: serving over plain http. ` +
          'Use `npm start` (it makes them) or `npx office-addin-dev-certs install` for the https that Office requires.',
      );
    }
    return { type: 'http' };
  }
  return {
    type: 'https',
    options: {
      key: fs.readFileSync(files.key),
      cert: fs.readFileSync(files.cert),
      ca: fs.readFileSync(files.ca),
    },
  };
}

module.exports = {
  port: Number(process.env.ADDIN_PORT || 3000),
  host: 'localhost',
  server: server(),
  headers: { 'Access-Control-Allow-Origin': '*' },
  hot: false,
  liveReload: true,
  client: { overlay: false },
  allowedHosts: 'all',
  // Excel on the web, sideloaded by `npm run sideload:web`, reads the manifest from the dev
  // server (…&wdaddinmanifestfile=manifest.xml): serve the repository's development manifest.
  setupMiddlewares(middlewares, devServer) {
    devServer.app.get('/manifest.xml', (_req, res) => {
      res.type('application/xml').send(fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8'));
    });
    return middlewares;
  },
};
