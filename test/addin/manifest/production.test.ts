import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest, checkManifestIcons } from '../../../addin/manifest/check-manifest';
import { productionManifest } from '../../../addin/manifest/production';

const ROOT = join(__dirname, '..', '..', '..');
const dev = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const readAsset = (url: string): Uint8Array | null => {
  const m = /\/assets\/([\w.-]+)$/.exec(new URL(url).pathname);
  const file = m ? join(ROOT, 'addin', 'assets', m[1]) : null;
  return file && existsSync(file) ? readFileSync(file) : null;
};
const urlsOf = (xml: string): string[] => [...xml.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);

test('every URL moves under the pane host; AppDomain is its origin; the result passes the manifest checks', () => {
  const xml = productionManifest(dev, 'https://tracker12-pane.azurestaticapps.net/');
  expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
  const urls = urlsOf(xml);
  expect(urls.length).toBe(urlsOf(dev).length);
  expect(urls.every((u) => u.startsWith('https://tracker12-pane.azurestaticapps.net'))).toBe(true);
  expect(xml).toContain('<SourceLocation DefaultValue="https://tracker12-pane.azurestaticapps.net/taskpane.html"/>');
  expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual(['https://tracker12-pane.azurestaticapps.net']);
  expect(checkManifest(xml)).toEqual([]);
  expect(checkManifestIcons(xml, readAsset)).toEqual([]);
  // Everything else is the development manifest's: same id, version, texts.
  expect(xml.replace(/https:\/\/tracker12-pane\.azurestaticapps\.net/g, 'https://localhost:3000').replace(/<!--[\s\S]*?-->/, '')).toBe(dev.replace(/<!--[\s\S]*?-->/, ''));
});

test('a base with a path keeps it in the URLs, not in the AppDomain; the support page can be set', () => {
  const xml = productionManifest(dev, 'https://st123.z23.web.core.windows.net/addin', { supportUrl: 'https://tinhdoan.example.vn/ho-tro?a=1&b=2' });
  expect(xml).toContain('DefaultValue="https://st123.z23.web.core.windows.net/addin/assets/icon-32.png"');
  expect(xml).toContain('<AppDomain>https://st123.z23.web.core.windows.net</AppDomain>');
  expect(xml).toContain('<SupportUrl DefaultValue="https://tinhdoan.example.vn/ho-tro?a=1&amp;b=2"/>');
  expect(checkManifest(xml)).toEqual([]);
});

test.each([
  ['http://pane.example.net', 'must be https'],
  ['pane.example.net', 'is not an address'],
  ['https://pane.example.net/?x=1', 'no query'],
  ['https://localhost:3000', 'is this machine'],
])('refuses the base %s', (base, message) => {
  expect(() => productionManifest(dev, base)).toThrow(message);
});
