import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest } from '../../../addin/manifest/check-manifest';

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
  ])('reports %s', (_name, mutate, problem) => {
    expect(checkManifest(mutate(manifest))).toContain(problem);
  });
});
