/**
 * A small in-memory stand-in of the API for unit tests of the flows (the browser test runs
 * against the real API): versions, conflicts, deletes and one validation rule (`cadreId`
 * required), enough to exercise the add-in's side of api.md. Counts requests and their sizes.
 */
import type { FetchLike } from '../../addin/api/client';

interface Stored {
  id: string;
  version: string;
  deleted?: boolean;
  [field: string]: unknown;
}

export class FakeApi {
  readonly store = new Map<string, Map<string, Stored>>();
  readonly requests: { method: string; url: string; bytes: number; rows?: number }[] = [];
  private counter = 0;
  key = 'k-editor';
  /** What GET compliance / history / policies answer, when set (else small defaults). */
  complianceBody: unknown = null;
  historyRows: unknown[] = [];
  categories: { code: string; label: string }[] = [{ code: 'kiem_tra', label: 'Kiểm tra, giám sát' }];
  /** The warnings a stored row gets in its publish result, when set (by kind, id and fields sent). */
  warningsFor: ((kind: string, id: string, fields: Record<string, unknown>) => unknown[]) | null = null;

  private kind(kind: string): Map<string, Stored> {
    let m = this.store.get(kind);
    if (!m) this.store.set(kind, (m = new Map()));
    return m;
  }

  /** Stores a row as if another workbook had published it. */
  seed(kind: string, row: Omit<Stored, 'version'> & { version?: string }): Stored {
    const stored = { ...row, version: row.version ?? `v${++this.counter}` } as Stored;
    this.kind(kind).set(stored.id, stored);
    return stored;
  }

  readonly fetch: FetchLike = async (url, init) => {
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? init.body : '';
    const u = new URL(url);
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const json = (status: number, value: unknown): Response =>
      new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
    if (u.pathname.endsWith('/api/health')) return json(200, { status: 'ok', storage: 'ok' });
    if (headers['x-api-key'] !== this.key) return json(401, { error: { code: 'UNAUTHENTICATED', message: 'Thiếu khoá API.' } });
    const m = /\/api\/orgs\/([^/]+)\/(.+)$/.exec(u.pathname);
    if (!m) return json(404, { error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } });
    const path = m[2];
    const parsed = body ? (JSON.parse(body) as { rows: Record<string, unknown>[] }) : null;
    this.requests.push({ method, url, bytes: new TextEncoder().encode(body).length, rows: parsed?.rows.length });
    if (path.startsWith('policies/')) return json(200, { year: 2025, categories: this.categories });
    if (path === 'compliance') return json(200, this.complianceBody ?? { org: m[1], year: 2025, asOf: '2025-12-31', policy: {}, cadres: this.compliance(), summary: {}, computedAt: '' });
    if (path === 'history') return json(200, { rows: this.historyRows });
    const pm = /^(\w+)\/publish$/.exec(path);
    if (pm && parsed) return json(200, this.publish(pm[1], parsed.rows));
    const lm = /^(\w+)$/.exec(path);
    if (lm && method === 'GET') {
      const all = [...this.kind(lm[1]).values()];
      return json(200, { rows: u.searchParams.get('includeDeleted') === 'true' ? all : all.filter((r) => !r.deleted) });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'Không tìm thấy.' } });
  };

  private compliance(): unknown[] {
    return [...this.kind('cadres').values()]
      .filter((c) => !c.deleted)
      .map((c) => ({ cadreId: c.id, fullName: c.fullName, requiredDays: 60, countedDays: 12, remainingDays: 48, percent: 20, status: 'behind', reports: { on_time: 1, late: 2, pending: 0, overdue: 3 } }));
  }

  private publish(kind: string, rows: Record<string, unknown>[]): unknown {
    const store = this.kind(kind);
    const summary = { created: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0, conflict: 0 };
    const results = rows.map((row) => {
      const { ref, id: sentId, version, deleted, ...fields } = row;
      const id = String(sentId ?? (kind === 'cadres' ? fields.cadreId : `srv-${++this.counter}`));
      const stored = store.get(id);
      const live = stored && !stored.deleted;
      const out = (outcome: keyof typeof summary, extra: Record<string, unknown> = {}): Record<string, unknown> => {
        summary[outcome]++;
        return { ref, id, version: store.get(id)?.version ?? null, outcome, errors: [], warnings: [], derived: null, current: null, ...extra };
      };
      if (deleted) {
        if (!live) return out('unchanged');
        if (stored.version !== version) return out('conflict', { current: stored });
        store.set(id, { ...stored, deleted: true, version: `v${++this.counter}` });
        return out('deleted');
      }
      if (!fields.cadreId) {
        summary.rejected++;
        return { ref, id: sentId ?? null, version: null, outcome: 'rejected', errors: [{ field: 'cadreId', code: 'REQUIRED', message: 'Mã cán bộ (cadreId): bắt buộc phải nhập.' }], warnings: [], derived: null, current: null };
      }
      const same = live && JSON.stringify(strip(stored)) === JSON.stringify(fields);
      if (same) return out('unchanged');
      if (live && stored.version !== version) return out('conflict', { current: stored });
      if (!live && version) return out('conflict', { current: null });
      store.set(id, { ...fields, id, version: `v${++this.counter}` });
      const derived = kind === 'trips' ? { countedDays: { '2025': 2 }, reportStatus: 'late', reportDeadline: '2025-03-24' } : null;
      const warnings = this.warningsFor?.(kind, id, fields) ?? [];
      return out(live ? 'updated' : 'created', { derived, warnings, version: store.get(id)!.version });
    });
    return { results, summary, compliance: [] };
  }
}

function strip(row: Stored): Record<string, unknown> {
  const { id: _id, version: _v, deleted: _d, ...fields } = row;
  return fields;
}
