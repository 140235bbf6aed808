/**
 * webpack-dev-server settings for the task pane: https on port 3000 with the certificates of
 * office-addin-dev-certs (`npx office-addin-dev-certs install` puts them in
 * ~/.office-addin-dev-certs). Office only loads https add-ins; when the certificate files are
 * missing the server falls back to plain http (usable for a browser preview only) and says so.
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
          'Run `npx office-addin-dev-certs install` for the https that Office requires.',
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
};
