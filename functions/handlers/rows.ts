/** `POST /api/orgs/{org}/{kind}/publish` and `GET /api/orgs/{org}/{kind}`. */
import { compareCodePoints } from '../../shared/code-points';
import { vietnamToday, yearOfIso } from '../../shared/dates';
import { evaluateOrg } from '../../shared/engine/evaluate';
import { kindInfo } from '../../shared/kinds';
import type { EntityByKind, Evaluation, Kind } from '../../shared/models';
import type { RowsBody } from '../../shared/wire/rows';
import { engineInput, loadOrgState } from '../domain/org-state';
import { evaluationDerived, evaluationFigures } from '../domain/evaluations';
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
    const response = await publishRows(ctx.services, ctx.org, kind, rows, ctx.principal!, asOf, ctx.requestId);
    return { status: 200, body: response };
  };
}

/** Whether `?year=` keeps a row: kinds filtered by year keep the rows whose years include it. */
function inYear(kind: Kind, row: StoredRow, year: number, asOf: string, today: string): boolean {
  const info = kindInfo(kind);
  if (!info.filteredByYear) return true;
  const span = info.years(row.record as EntityByKind[typeof kind], { currentYear: yearOfIso(today), asOfYear: yearOfIso(asOf) });
  return span !== null && span.from <= year && year <= span.to;
}

const byId = (a: StoredRow, b: StoredRow): number => compareCodePoints(a.id, b.id);

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
    let figures: ReturnType<typeof evaluationFigures> | null = null;
    if (kind === 'evaluations') {
      const state = await loadOrgState(ctx.services.store, ctx.org);
      rows = [...state.rows.evaluations.values()];
      figures = evaluationFigures(state, today);
    } else if (kind === 'trips') {
      const state = await loadOrgState(ctx.services.store, ctx.org);
      rows = [...state.rows.trips.values()];
      try {
        evaluation = evaluateOrg(engineInput(state, asOf));
      } catch (err) {
        // Whatever is stored, GET answers: the rows without their derived values.
        ctx.services.log('evaluation failed', { requestId: ctx.requestId, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
      }
    } else {
      rows = [...(await ctx.services.store.listRows(ctx.org, kind)).values()];
    }
    const selected = rows
      .filter((r) => includeDeleted || !r.deleted)
      .filter((r) => year === null || inYear(kind, r, year, asOf, today))
      .sort(byId)
      .map((r) => rowView(kind, r, evaluation?.trips.get(r.id) ?? null, figures && !r.deleted ? evaluationDerived(r.record as Evaluation, figures) : undefined));
    const body: RowsBody = { rows: selected };
    return { status: 200, body };
  };
}
