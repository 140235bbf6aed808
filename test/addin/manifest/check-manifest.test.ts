import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest, checkManifestIcons, pngSize } from '../../../addin/manifest/check-manifest';

const manifest = readFileSync(join(__dirname, '..', '..', '..', 'manifest.xml'), 'utf8');

describe('checkManifest', () => {
  it('accepts the project manifest', () => {
    expect(checkManifest(manifest)).toEqual([]);
  });

  it.each([
    ['a non-GUID id', (m: string) => m.replace(/<Id>[^<]+<\/Id>/, '<Id>not-a-guid</Id>'), 'Id "not-a-guid" is not a GUID'],
    ['a bad version', (m: string) => m.replace('<Version>1.0.0.0</Version>', '<Version>1.0.0.0.1</Version>'), 'Version "1.0.0.0.1" is not n[.n[.n[.n]]]'],
    ['an http URL', (m: string) => m.replace('https://localhost:3000/assets/icon-80.png', 'http://localhost:3000/assets/icon-80.png'), 'URL "http://localhost:3000/assets/icon-80.png" is not https'],
    ['an unresolved resid', (m: string) => m.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"'), 'resid "Taskpane.Missing" does not resolve to a resource'],
    ['a missing element', (m: string) => m.replace(/<Permissions>[^<]+<\/Permissions>/, ''), 'required element <Permissions> is missing'],
    ['another permission', (m: string) => m.replace('>ReadWriteDocument<', '>ReadDocument<'), 'Permissions is "ReadDocument", expected ReadWriteDocument'],
    ['another host', (m: string) => m.replace('<Host Name="Workbook"/>', '<Host Name="Document"/>'), 'Hosts must contain <Host Name="Workbook"/>'],
    [
      'elements out of order',
      (m: string) => m.replace(/(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*)(<Permissions>[^<]+<\/Permissions>)/, '$3$2$1'),
      '<DefaultSettings> must come before <Permissions>',
    ],
    ['a ribbon icon without a high-DPI size', (m: string) => m.replace(/\s*<bt:Image size="40" resid="Icon.40x40"\/>/g, ''), 'an <Icon> lacks the 40px image Office uses on high-DPI screens'],
    ['a ribbon icon without a required size', (m: string) => m.replace(/\s*<bt:Image size="80" resid="Icon.80x80"\/>/, ''), 'an <Icon> lacks the required 80px image'],
    ['a short string over 125 characters', (m: string) => m.replace('DefaultValue="Đi cơ sở 1+2"', `DefaultValue="${'x'.repeat(126)}"`), 'short string "Group.Label" is longer than 125 characters'],
  ])('reports %s', (_name, mutate, problem) => {
    const mutated = mutate(manifest);
    expect(mutated).not.toBe(manifest);
    expect(checkManifest(mutated)).toContain(problem);
  });
});

describe('checkManifestIcons', () => {
  const assets = join(__dirname, '..', '..', '..', 'addin', 'assets');
  const read = (url: string): Uint8Array | null => {
    const m = /\/assets\/([\w.-]+)$/.exec(url);
    try {
      return m ? readFileSync(join(assets, m[1])) : null;
    } catch {
      return null;
    }
  };

  it('finds every icon the manifest names, at the size it declares', () => {
    expect(checkManifestIcons(manifest, read)).toEqual([]);
  });

  it('reports a missing icon and one of the wrong size', () => {
    const wrong = manifest
      .replace('https://localhost:3000/assets/icon-80.png', 'https://localhost:3000/assets/icon-64.png')
      .replace('https://localhost:3000/assets/icon-24.png', 'https://localhost:3000/assets/nope.png');
    expect(checkManifestIcons(wrong, read)).toEqual([
      'icon "Icon.24x24" (https://localhost:3000/assets/nope.png) not found in addin/assets',
      'icon "Icon.80x80" (https://localhost:3000/assets/icon-64.png) is 64×64 px, the manifest says 80',
    ]);
    const lowRes = manifest.replace(/<HighResolutionIconUrl DefaultValue="[^"]+"/, '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-32.png"');
    expect(checkManifestIcons(lowRes, read)).toEqual(['HighResolutionIconUrl (https://localhost:3000/assets/icon-32.png) is 32×32 px, the manifest says 64']);
  });

  it('reads a PNG’s size from its header', () => {
    expect(pngSize(read('https://x/assets/icon-80.png')!)).toEqual({ width: 80, height: 80 });
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
