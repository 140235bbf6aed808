/**
 * Finds a Chromium-family browser for the browser test, the way Office add-in developers
 * expect, in this order:
 *   1. `CHROMIUM_PATH` (must exist: a wrong path is an error, not a silent fallback);
 *   2. an installed Chrome, Edge or Chromium at the paths Playwright's channels use (`chrome`,
 *      `msedge`), the distributions' Chromium, or a Chromium Playwright downloaded;
 *   3. on Linux x64, the Chromium shipped inside the `@sparticuz/chromium` npm package
 *      (a devDependency; needs only libc, expat and libgcc), unpacked once per version into
 *      node_modules/.cache.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** What the finder looks at (the real machine, or a test's fake). */
export interface Machine {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  arch: string;
  exists(path: string): boolean;
  /** Where Playwright would have put its own Chromium (`npx playwright install chromium`), if known. */
  playwrightChromium?: string;
}

export type BrowserPick =
  | { kind: 'path'; path: string; source: string }
  | { kind: 'bundled' }
  | { kind: 'none'; message: string };

/** Installed browsers, best first, as [source, path] (Playwright's channel paths and the usual packages). */
export function installedCandidates(m: Pick<Machine, 'env' | 'platform'>): [string, string][] {
  if (m.platform === 'win32') {
    const roots = [m.env.LOCALAPPDATA, m.env.PROGRAMFILES, m.env['PROGRAMFILES(X86)']].filter((r): r is string => !!r);
    return [
      ...roots.map((r): [string, string] => ['chrome', `${r}\\Google\\Chrome\\Application\\chrome.exe`]),
      ...roots.map((r): [string, string] => ['msedge', `${r}\\Microsoft\\Edge\\Application\\msedge.exe`]),
    ];
  }
  if (m.platform === 'darwin') {
    return [
      ['chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
      ['msedge', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
      ['chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ];
  }
  return [
    ['chrome', '/opt/google/chrome/chrome'],
    ['msedge', '/opt/microsoft/msedge/msedge'],
    ['chromium', '/usr/bin/chromium'],
    ['chromium', '/usr/bin/chromium-browser'],
    ['chromium', '/snap/bin/chromium'],
  ];
}

/** Which browser to use on `m` (pure: decides from what exists). */
export function pickBrowser(m: Machine): BrowserPick {
  const wanted = m.env.CHROMIUM_PATH;
  if (wanted) {
    return m.exists(wanted)
      ? { kind: 'path', path: wanted, source: 'CHROMIUM_PATH' }
      : { kind: 'none', message: `CHROMIUM_PATH is set to ${wanted}, which does not exist. Point it at a Chrome, Edge or Chromium executable, or unset it.` };
  }
  const installed = installedCandidates(m);
  if (m.playwrightChromium) installed.push(['playwright', m.playwrightChromium]);
  const found = installed.find(([, path]) => m.exists(path));
  if (found) return { kind: 'path', path: found[1], source: found[0] };
  if (m.platform === 'linux' && m.arch === 'x64') return { kind: 'bundled' };
  return {
    kind: 'none',
    message: `No browser found for the browser test: install Google Chrome or Microsoft Edge, or set CHROMIUM_PATH to a Chromium-family executable (the npm Chromium, @sparticuz/chromium, runs only on Linux x64; this is ${m.platform} ${m.arch}).`,
  };
}

/**
 * `unpack(tmp)` run into a fresh folder beside `dir`, then moved to `dir` in one rename, so a
 * half-unpacked folder is never used and two processes unpacking at once both end with the
 * same complete folder. Answers `dir/<file>`; `file` already there means nothing to do.
 */
export async function unpackOnce(dir: string, file: string, unpack: (tmp: string) => Promise<void>): Promise<string> {
  const target = join(dir, file);
  if (existsSync(target)) return target;
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = mkdtempSync(`${dir}.tmp-`);
  try {
    await unpack(tmp);
    if (!existsSync(join(tmp, file))) throw new Error(`unpacking gave no ${file}`);
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another process finished first: its folder is complete; use it.
      if (!existsSync(target)) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return target;
}

/** The Chromium inside @sparticuz/chromium, unpacked (once per version) under node_modules/.cache. */
async function bundledChromium(): Promise<{ path: string; args: string[]; env: Record<string, string> }> {
  const main = require.resolve('@sparticuz/chromium');
  const pkgDir = resolve(dirname(main), '..', '..');
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const dir = join(pkgDir, '..', '..', '.cache', `sparticuz-chromium-${version}`);
  const path = await unpackOnce(dir, 'chromium', async (tmp) => {
    // The package unpacks into os.tmpdir(): a child process whose TMPDIR is `tmp`.
    await promisify(execFile)(process.execPath, ['-e', `require(${JSON.stringify(main)}).executablePath()`], { env: { ...process.env, TMPDIR: tmp } });
    // Its fonts.conf names /tmp/fonts; ours names the unpacked fonts and the system's.
    writeFileSync(
      join(tmp, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
  });
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return { path, args: sparticuz.args, env: { FONTCONFIG_FILE: join(dir, 'fonts.conf') } };
}

/** A browser to launch: executable, extra flags it needs, extra environment. */
export interface FoundBrowser {
  executablePath: string;
  source: string;
  args: string[];
  env: Record<string, string>;
}

/** The real machine's browser (see the file's comment), or an error saying what to do. */
export async function findBrowser(): Promise<FoundBrowser> {
  let playwrightChromium: string | undefined;
  try {
    playwrightChromium = (await import('playwright-core')).chromium.executablePath();
  } catch {
    playwrightChromium = undefined; // Playwright knows no browser of its own for this machine.
  }
  const picked = pickBrowser({ env: process.env, platform: process.platform, arch: process.arch, exists: existsSync, playwrightChromium });
  if (picked.kind === 'path') return { executablePath: picked.path, source: picked.source, args: [], env: {} };
  if (picked.kind === 'none') throw new Error(picked.message);
  const bundled = await bundledChromium();
  return { executablePath: bundled.path, source: '@sparticuz/chromium', args: bundled.args, env: bundled.env };
}
