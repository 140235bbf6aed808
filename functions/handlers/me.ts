/** `GET /api/me`: who the caller is and its memberships (any valid key or token). */
import { membershipsOf } from '../auth/caller';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';

export async function getMe(ctx: RouteContext): Promise<ApiResponse> {
  const caller = ctx.caller!;
  if (caller.kind === 'key') {
    const memberships = await membershipsOf(caller, ctx.services.identity, []);
    return { status: 200, body: { account: caller.key.name, name: caller.key.name, memberships } };
  }
  const orgs = await ctx.services.store.listOrgs();
  const memberships = await membershipsOf(caller, ctx.services.identity, orgs);
  return { status: 200, body: { account: caller.account, name: caller.name, memberships } };
}
