/** `POST /api/orgs/{org}/{kind}/publish` and `GET /api/orgs/{org}/{kind}`. */
import { vietnamToday, yearOfIso } from '../../shared/dates';
import { evaluateOrg } from '../../shared/engine/evaluate';
import type { Kind, Registration, Trip } from '../../shared/models';
import { engineInput, loadOrgState } from '../domain/org-state';
import { rowView } from '../domain/row-view';
import { readRowsBody } from '../http/body';
import { dateValue, flagValue, yearValue } from '../http/params';
import type { ApiResponse } from '../http/types';
import { publishRows } from '../publish/execute';
import type { RouteContext } from '../route';
import type { StoredRow } from '../storage/types';

export function publishHandler(kind: Kind) {
  return async (ctx: RouteContext): Promise<ApiResponse> => {
    const today = vietnamToday(ctx.services.now());
    const asOf = dateValue(ctx.req.query.get('asOf'), 'asOf', today);
    const rows = await readRowsBody(ctx.req);
    const response = await publishRows(ctx.services, ctx.org, kind, rows, ctx.principal!, asOf);
    return { status: 200, body: response };
  };
}

function inYear(kind: Kind, row: StoredRow, year: number): boolean {
  if (kind === 'trips') {
    const t = row.record as Trip;
    return yearOfIso(t.startDate) <= year && year <= yearOfIso(t.endDate);
  }
  if (kind === 'registrations') return (row.record as Registration).year === year;
  return true;
}

const byId = (a: StoredRow, b: StoredRow): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function listHandler(kind: Kind) {
  return async (ctx: RouteContext): Promise<ApiResponse> => {
    const q = ctx.req.query;
    const today = vietnamToday(ctx.services.now());
    const asOf = dateValue(q.get('asOf'), 'asOf', today);
    const yearText = q.get('year');
    const year = yearText === null || yearText.trim() === '' ? null : yearValue(yearText, 'year', 0);
    const includeDeleted = flagValue(q.get('includeDeleted'), 'includeDeleted');
    let rows: StoredRow[];
    let evaluation: ReturnType<typeof evaluateOrg> | null = null;
    if (kind === 'trips') {
      const state = await loadOrgState(ctx.services.store, ctx.org);
      rows = [...state.rows.trips.values()];
      evaluation = evaluateOrg(engineInput(state, asOf));
    } else {
      rows = [...(await ctx.services.store.listRows(ctx.org, kind)).values()];
    }
    const selected = rows
      .filter((r) => includeDeleted || !r.deleted)
      .filter((r) => year === null || inYear(kind, r, year))
      .sort(byId)
      .map((r) => rowView(kind, r, evaluation?.trips.get(r.id) ?? null));
    return { status: 200, body: { rows: selected } };
  };
}
