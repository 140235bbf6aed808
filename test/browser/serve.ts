/**
 * Test helpers for the browser test: a static server for dist/addin, the local office.js
 * files for the page's Office.js URL, and the fake workbook transpiled for the page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import ts from 'typescript';

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

/** test/addin/fake-workbook.ts as a page script that sets `window.Excel` to a fresh fake. */
export function fakeWorkbookScript(): string {
  const source = readFileSync(join(ROOT, 'test', 'addin', 'fake-workbook.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function () {
  var exports = {}; var module = { exports: exports };
  ${js}
  var fake = exports.createFakeExcel();
  window.__fake = fake;
  window.Excel = fake;
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

/** Whether dist/addin is missing or older than the pane's sources (then the test rebuilds it). */
export function distIsStale(): boolean {
  const built = join(DIST, 'taskpane.js');
  if (!existsSync(built) || !existsSync(join(DIST, 'taskpane.html'))) return true;
  const sources = Math.max(newest(join(ROOT, 'addin')), newest(join(ROOT, 'shared')));
  return sources > statSync(built).mtimeMs;
}

