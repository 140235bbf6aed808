/**
 * Offline checks of the add-in manifest (the official online validator cannot be reached here):
 * required elements in the schema's order, every `resid` resolves to a resource, every URL is
 * https, the Id is a GUID, the Version has 1–4 dot-separated numbers, the host is Workbook with
 * a task pane, a ribbon button opens it, the ribbon icons come in the required and high-DPI
 * sizes, string lengths, and each icon file exists in addin/assets with the pixel size the
 * manifest declares. Usage: `tsx scripts/validate-manifest.ts manifest.xml`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkManifest, checkManifestIcons } from '../addin/manifest/check-manifest';

const ASSETS = resolve(__dirname, '..', 'addin', 'assets');

/** The file under addin/assets that an icon URL (`https://…/assets/<file>`) serves. */
function readAsset(url: string): Uint8Array | null {
  const m = /\/assets\/([\w.-]+)$/.exec(new URL(url).pathname);
  const file = m ? join(ASSETS, m[1]) : null;
  return file && existsSync(file) ? readFileSync(file) : null;
}

function main(): void {
  const file = process.argv[2] ?? 'manifest.xml';
  const xml = readFileSync(file, 'utf8');
  const problems = [...checkManifest(xml), ...checkManifestIcons(xml, readAsset)];
  if (problems.length) {
    console.error(`${file}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`${file}: the manifest is valid (offline checks).`);
}

main();
