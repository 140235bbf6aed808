/**
 * Offline checks of the add-in manifest (the official online validator cannot be reached here):
 * required elements, every `resid` resolves to a resource, every URL is https, the Id is a GUID,
 * the Version has 1–4 dot-separated numbers, the host is Workbook with a task pane, and a
 * ribbon button opens it. Usage: `tsx scripts/validate-manifest.ts manifest.xml`.
 */
import { readFileSync } from 'node:fs';
import { checkManifest } from '../addin/manifest/check-manifest';

function main(): void {
  const file = process.argv[2] ?? 'manifest.xml';
  const problems = checkManifest(readFileSync(file, 'utf8'));
  if (problems.length) {
    console.error(`${file}: ${problems.length} problem(s)`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  console.log(`${file}: the manifest is valid (offline checks).`);
}

main();
