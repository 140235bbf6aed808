/**
 * `npm run manifest -- --base https://<pane host>[/path] [--support https://…] [--out file]`:
 * writes the production manifest (default dist/manifest.xml) from manifest.xml, checks it like
 * `npm run validate` (and its icons against addin/assets), and prints the origin to allow in
 * the API's CORS (infra/main.bicep adds the pane's Static Web App origin itself).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkManifest, checkManifestIcons } from '../addin/manifest/check-manifest';
import { productionBase, productionManifest } from '../addin/manifest/production';

const ROOT = resolve(__dirname, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const base = arg('base');
  if (!base) throw new Error('Usage: npm run manifest -- --base https://<the address serving dist/addin> [--support https://…] [--out dist/manifest.xml]');
  const out = resolve(arg('out') ?? join(ROOT, 'dist', 'manifest.xml'));
  const xml = productionManifest(readFileSync(join(ROOT, 'manifest.xml'), 'utf8'), base, { supportUrl: arg('support') });
  const readAsset = (url: string): Uint8Array | null => {
    const m = /\/assets\/([\w.-]+)$/.exec(new URL(url).pathname);
    const file = m ? join(ROOT, 'addin', 'assets', m[1]) : null;
    return file && existsSync(file) ? readFileSync(file) : null;
  };
  const problems = [...checkManifest(xml), ...checkManifestIcons(xml, readAsset)];
  if (problems.length) throw new Error(`the production manifest has ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, xml);
  console.log(`Wrote ${out} for ${base}. Allow ${productionBase(base).origin} in the API's CORS (keep https://localhost:3000 for development).`);
}

try {
  main();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
