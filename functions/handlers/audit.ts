/** `GET /api/orgs/{org}/audit?from=&to=`: inclusive dates in Vietnam time (default: the last 30 days). */
import { addDays, isoToDay, vietnamToday } from '../../shared/dates';
import type { IsoDate } from '../../shared/models';
import { InvalidParamError } from '../http/errors';
import { dateValue } from '../http/params';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The UTC instant of 00:00 in Vietnam on a date. */
export function vietnamMidnight(date: IsoDate): Date {
  return new Date(isoToDay(date) * 86_400_000 - VIETNAM_OFFSET_MS);
}

export async function getAudit(ctx: RouteContext): Promise<ApiResponse> {
  const today = vietnamToday(ctx.services.now());
  const to = dateValue(ctx.req.query.get('to'), 'to', today);
  const from = dateValue(ctx.req.query.get('from'), 'from', addDays(to, -30));
  if (from > to) throw new InvalidParamError('from ở sau to.');
  const rows = await ctx.services.store.listAudit(ctx.org, vietnamMidnight(from), vietnamMidnight(addDays(to, 1)));
  return { status: 200, body: { rows } };
}
