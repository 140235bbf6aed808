/**
 * Loads a demo org through the HTTP API (api.md): the year's policy (PUT), then cadres, units,
 * absences, registrations and trips (POST …/publish, at most 1,000 rows a request). Loading the
 * same demo again stores nothing new (every row answers `unchanged`). A rejected row is a bug
 * in the generator: it stops the load with the row's first error.
 */
import type { Kind } from '../../shared/models';
import type { DemoOrg } from './generate';

export interface LoadTarget {
  /** The API's base, ending in /api. */
  api: string;
  key: string;
  org: string;
}

/** The kinds the demo loads (evaluations are the leadership's act, left to the pane). */
type DemoKind = Exclude<Kind, 'evaluations'>;
export type LoadCounts = Record<DemoKind, Record<string, number>>;

const ORDER: DemoKind[] = ['cadres', 'units', 'absences', 'registrations', 'trips'];
const CHUNK = 1000;

async function call(target: LoadTarget, method: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${target.api}/orgs/${target.org}/${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': target.key },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

export async function loadDemo(target: LoadTarget, demo: DemoOrg): Promise<LoadCounts> {
  await call(target, 'PUT', `policies/${demo.year}`, demo.policy);
  const counts = {} as LoadCounts;
  for (const kind of ORDER) {
    const rows = demo[kind] as unknown[];
    const total: Record<string, number> = {};
    for (let i = 0; i < rows.length; i += CHUNK) {
      const res = (await call(target, 'POST', `${kind}/publish`, { rows: rows.slice(i, i + CHUNK) })) as {
        summary: Record<string, number>;
        results: { outcome: string; errors?: { field: string; message: string }[] }[];
      };
      const bad = res.results.find((r) => r.outcome === 'rejected' || r.outcome === 'conflict');
      if (bad) throw new Error(`${kind}: a demo row was ${bad.outcome}: ${bad.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? ''}`);
      for (const [k, v] of Object.entries(res.summary)) total[k] = (total[k] ?? 0) + v;
    }
    counts[kind] = total;
  }
  return counts;
}
