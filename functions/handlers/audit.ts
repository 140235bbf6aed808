/** `GET /api/orgs/{org}/audit?from=&to=`: inclusive dates in Vietnam time (default: the last 30 days). */
import { addDays, vietnamMidnight, vietnamToday } from '../../shared/dates';
import { InvalidParamError } from '../http/errors';
import { dateValue } from '../http/params';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';

export async function getAudit(ctx: RouteContext): Promise<ApiResponse> {
  const today = vietnamToday(ctx.services.now());
  const to = dateValue(ctx.req.query.get('to'), 'to', today);
  const from = dateValue(ctx.req.query.get('from'), 'from', addDays(to, -30));
  if (from > to) throw new InvalidParamError('from ở sau to.');
  const rows = await ctx.services.store.listAudit(ctx.org, vietnamMidnight(from), vietnamMidnight(addDays(to, 1)));
  return { status: 200, body: { rows } };
}
