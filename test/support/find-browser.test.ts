import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pickBrowser, unpackOnce, type Machine } from './find-browser';

const machine = (over: Partial<Machine> & { present?: string[] }): Machine => {
  const present = new Set(over.present ?? []);
  return { env: {}, platform: 'linux', arch: 'x64', exists: (p) => present.has(p), ...over };
};

describe('pickBrowser', () => {
  test('CHROMIUM_PATH wins over installed browsers', () => {
    const m = machine({ env: { CHROMIUM_PATH: '/my/chrome' }, present: ['/my/chrome', '/opt/google/chrome/chrome'] });
    expect(pickBrowser(m)).toEqual({ kind: 'path', path: '/my/chrome', source: 'CHROMIUM_PATH' });
  });

  test('a CHROMIUM_PATH that does not exist is an error naming it, not a silent fallback', () => {
    const m = machine({ env: { CHROMIUM_PATH: '/nope/chrome' }, present: ['/opt/google/chrome/chrome'] });
    const p = pickBrowser(m);
    expect(p.kind).toBe('none');
    expect(p.kind === 'none' && p.message).toContain('CHROMIUM_PATH is set to /nope/chrome');
  });

  test('Linux: Chrome, then Edge, then the distribution Chromium, then Playwright’s own', () => {
    const all = ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge', '/usr/bin/chromium', '/pw/chrome'];
    const order: string[] = [];
    for (let i = 0; i < all.length; i++) {
      const p = pickBrowser(machine({ present: all.slice(i), playwrightChromium: '/pw/chrome' }));
      order.push(p.kind === 'path' ? `${p.source}:${p.path}` : p.kind);
    }
    expect(order).toEqual(['chrome:/opt/google/chrome/chrome', 'msedge:/opt/microsoft/msedge/msedge', 'chromium:/usr/bin/chromium', 'playwright:/pw/chrome']);
  });

  test('Windows: Chrome or Edge under the user’s and the machine’s program folders', () => {
    const env = { LOCALAPPDATA: 'C:\\Users\\an\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(pickBrowser(machine({ platform: 'win32', env, present: [edge] }))).toEqual({ kind: 'path', path: edge, source: 'msedge' });
    const chrome = 'C:\\Users\\an\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(pickBrowser(machine({ platform: 'win32', env, present: [edge, chrome] }))).toEqual({ kind: 'path', path: chrome, source: 'chrome' });
  });

  test('macOS: the applications folder', () => {
    const edge = '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    expect(pickBrowser(machine({ platform: 'darwin', arch: 'arm64', present: [edge] }))).toEqual({ kind: 'path', path: edge, source: 'msedge' });
  });

  test('nothing installed: the npm Chromium on Linux x64, a message saying what to do elsewhere', () => {
    expect(pickBrowser(machine({}))).toEqual({ kind: 'bundled' });
    const mac = pickBrowser(machine({ platform: 'darwin', arch: 'arm64' }));
    expect(mac.kind).toBe('none');
    expect(mac.kind === 'none' && mac.message).toMatch(/install Google Chrome or Microsoft Edge, or set CHROMIUM_PATH/);
    expect(pickBrowser(machine({ arch: 'arm64' })).kind).toBe('none');
  });
});

describe('unpackOnce', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'find-browser-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('unpacks once; two at once end with one complete folder and no leftovers', async () => {
    const dir = join(root, 'cache', 'chromium-1');
    let runs = 0;
    const unpack = async (tmp: string): Promise<void> => {
      runs++;
      await new Promise((ok) => setImmediate(ok));
      writeFileSync(join(tmp, 'chromium'), 'binary');
    };
    const [a, b] = await Promise.all([unpackOnce(dir, 'chromium', unpack), unpackOnce(dir, 'chromium', unpack)]);
    expect(a).toBe(join(dir, 'chromium'));
    expect(b).toBe(a);
    expect(existsSync(a)).toBe(true);
    expect(readdirSync(join(root, 'cache'))).toEqual(['chromium-1']);
    const before = runs;
    expect(await unpackOnce(dir, 'chromium', unpack)).toBe(a);
    expect(runs).toBe(before);
  });

  test('an unpacking that fails or gives no executable leaves nothing behind to be reused', async () => {
    const dir = join(root, 'chromium-2');
    await expect(unpackOnce(dir, 'chromium', async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    await expect(unpackOnce(dir, 'chromium', async () => undefined)).rejects.toThrow('unpacking gave no chromium');
    expect(readdirSync(root)).toEqual([]);
  });
});
