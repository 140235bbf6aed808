/**
 * `GET /api/orgs/{org}/members`, `PUT` and `DELETE /api/orgs/{org}/members/{account}` (admin;
 * `{org}` may be `*`: the members of every org). Each change is audited with the caller.
 */
import { z } from 'zod';
import { quoteValue } from '../../shared/messages';
import { normalizeAccount } from '../auth/accounts';
import { ROLES } from '../../shared/roles';
import { readObjectBody } from '../http/body';
import { BadBodyError, InvalidParamError, NotFoundError } from '../http/errors';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';

export const MAX_MEMBER_NAME = 200;

const memberBody = z.object({
  role: z.enum(ROLES),
  name: z.string().max(MAX_MEMBER_NAME).optional(),
});

function accountParam(ctx: RouteContext): string {
  const account = normalizeAccount(ctx.params.account ?? '');
  if (!account) {
    throw new InvalidParamError(`Tài khoản (account) ${quoteValue(ctx.params.account)} không hợp lệ (cần dạng ten@donvi.vn, tối đa 113 ký tự).`);
  }
  return account;
}

/** The body's problem, in Vietnamese, naming the field. */
function bodyMessage(body: Record<string, unknown>): string {
  if (!ROLES.includes(body.role as never)) {
    return `role: ${quoteValue(body.role)} không hợp lệ (cần một trong ${ROLES.join(', ')}).`;
  }
  return `name: cần một chuỗi tối đa ${MAX_MEMBER_NAME} ký tự.`;
}

export async function listMembers(ctx: RouteContext): Promise<ApiResponse> {
  const rows = await ctx.services.identity.members.list(ctx.org);
  return { status: 200, body: { rows } };
}

export async function putMember(ctx: RouteContext): Promise<ApiResponse> {
  const account = accountParam(ctx);
  const body = await readObjectBody(ctx.req, 'Cần {"role":"editor","name":"…"}.');
  const parsed = memberBody.safeParse(body);
  if (!parsed.success) throw new BadBodyError(bodyMessage(body));
  const member = { account, name: (parsed.data.name ?? '').trim(), role: parsed.data.role };
  if (ctx.org !== '*') await ctx.services.store.registerOrg(ctx.org);
  const { member: stored, created } = await ctx.services.identity.members.put(ctx.org, member, ctx.principal!.name, () => ctx.services.now());
  return { status: created ? 201 : 200, body: stored };
}

export async function deleteMember(ctx: RouteContext): Promise<ApiResponse> {
  const account = accountParam(ctx);
  const removed = await ctx.services.identity.members.remove(ctx.org, account, ctx.principal!.name, () => ctx.services.now());
  if (!removed) throw new NotFoundError(`Tài khoản ${quoteValue(account)} không phải thành viên của đơn vị này.`);
  return { status: 200, body: { account, deleted: true } };
}
