/** `GET /api/health`: 200 once storage answers, 503 `"storage":"down"` when it does not. */
import type { HealthBody } from '../../shared/wire/errors';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';

export async function health(ctx: RouteContext): Promise<ApiResponse> {
  try {
    await ctx.services.store.ping();
    return { status: 200, body: { status: 'ok', storage: 'ok' } satisfies HealthBody };
  } catch {
    return { status: 503, headers: { 'Retry-After': '5' }, body: { status: 'degraded', storage: 'down' } satisfies HealthBody };
  }
}
