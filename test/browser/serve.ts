/**
 * Test helpers for the browser test: a static server for dist/addin, the local office.js
 * files for the page's Office.js URL, and the page script that puts office.js on the emulated host.
 */
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { richApiHook } from '../office-host/office-js';

export const ROOT = resolve(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist', 'addin');
export const OFFICE_DIST = join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
  '.css': 'text/css',
};

/** Serves `dir` on 127.0.0.1 (a free port). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** The local file for an Office.js CDN URL (`…/lib/1/hosted/<file>`), or null. */
export function officeFile(url: string): string | null {
  const m = /\/lib\/1\/hosted\/(.+)$/.exec(new URL(url).pathname);
  if (!m) return null;
  const file = join(OFFICE_DIST, normalize(m[1]));
  return file.startsWith(OFFICE_DIST) && existsSync(file) ? file : null;
}

/**
 * A page script that makes `window.Excel` Microsoft's own office.js for Excel on the web
 * (`excel-web-16.00.js` from the local package), answered by the Node test's emulated host
 * (test/office-host) through the hook office.js calls in a host,
 * `OSF.DDA.RichApi.executeRichApiRequestAsync`, bridged by Playwright's
 * `page.exposeFunction(BRIDGE, host.answer)`. As in Jest's `node:vm` realm, office.js runs in a
 * realm of its own: a hidden same-origin frame, made when the pane first reads `Excel` (the
 * pane's own office.js loader, outside Office, defines no `Excel`).
 */
export function officeHostScript(bridge: string): string {
  const source = readFileSync(join(OFFICE_DIST, 'excel-web-16.00.js'), 'utf8');
  return `(function () {
  if (window !== window.top) return;
  var hook = (${richApiHook.toString()})(function (body, hasWrite) { return window[${JSON.stringify(bridge)}](body, hasWrite); });
  var excel;
  Object.defineProperty(window, 'Excel', { configurable: true, get: function () {
    if (excel) return excel;
    var frame = document.createElement('iframe');
    frame.hidden = true;
    (document.body || document.documentElement).appendChild(frame);
    var realm = frame.contentWindow;
    var script = realm.document.createElement('script');
    script.textContent = ${JSON.stringify(source)};
    realm.document.documentElement.appendChild(script);
    realm.OSF.DDA.RichApi.executeRichApiRequestAsync = hook;
    excel = realm.Excel;
    return excel;
  } });
})();`;
}

/** Newest modification time of the files under `dir` (0 when absent). */
function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Marks dist/addin as built now. webpack does not rewrite an output file whose content is the
 * same, so after a change that leaves the bundle as it was (a comment) the build would look
 * stale for ever and be redone on every run.
 */
export function markDistBuilt(): void {
  const now = new Date();
  utimesSync(join(DIST, 'taskpane.js'), now, now);
}

/** Whether dist/addin is missing or older than the pane's sources (then the test rebuilds it). */
export function distIsStale(): boolean {
  const built = join(DIST, 'taskpane.js');
  if (!existsSync(built) || !existsSync(join(DIST, 'taskpane.html'))) return true;
  const sources = Math.max(newest(join(ROOT, 'addin')), newest(join(ROOT, 'shared')));
  return sources > statSync(built).mtimeMs;
}

