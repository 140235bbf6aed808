/**
 * `npm run demo`: loads the demo province (scripts/demo/generate.ts; this year, up to today in
 * Vietnam) as org `demo` (DEMO_ORG) into the local API: the one running on PORT (7071) with
 * the local dev key (DEMO_API_KEY to use another), or, when none answers, Azurite and the API
 * started here the way `npm start` does, stopped again once loaded.
 */
import { vietnamToday } from '../shared/dates';
import { generateDemoOrg } from './demo/generate';
import { loadDemo } from './demo/load';
import { LOCAL_DEV_KEY, startLocalApi, type LocalApi } from './local-api';

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1500) });
    return res.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const running = `http://127.0.0.1:${process.env.PORT ?? '7071'}`;
  let started: LocalApi | null = null;
  if (!(await answers(running))) started = await startLocalApi();
  const url = started?.url ?? running;
  try {
    const today = vietnamToday();
    const demo = generateDemoOrg({ seed: 1, today });
    const org = process.env.DEMO_ORG ?? 'demo';
    const counts = await loadDemo({ api: `${url}/api`, key: process.env.DEMO_API_KEY ?? LOCAL_DEV_KEY, org }, demo);
    const line = Object.entries(counts)
      .map(([kind, c]) => `${kind} ${c.created ?? 0} new/${c.updated ?? 0} updated/${c.unchanged ?? 0} unchanged`)
      .join(', ');
    console.log(`Demo org "${org}" (year ${demo.year}, as of ${today}) loaded into ${url}/api: ${line}.`);
    console.log(`In the pane: API ${url}/api, org ${org}, key ${process.env.DEMO_API_KEY ? '(yours)' : LOCAL_DEV_KEY}.`);
  } finally {
    await started?.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
