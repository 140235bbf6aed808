/** `GET` / `PUT /api/orgs/{org}/policies/{year}`. */
import { defaultPolicy } from '../../shared/defaults';
import type { Policy } from '../../shared/models';
import { parsePolicy } from '../../shared/validate';
import { readObjectBody } from '../http/body';
import { loadClosedYears } from '../domain/closed-years';
import { InvalidPolicyError, StorageUnavailableError, YearClosedError } from '../http/errors';
import { yearValue } from '../http/params';
import type { ApiResponse } from '../http/types';
import { withOrgLease } from '../domain/org-lease';
import { sameContent } from '../publish/canonical';
import type { RouteContext } from '../route';

function yearParam(ctx: RouteContext): number {
  return yearValue(ctx.params.year ?? '', 'year', NaN);
}

export async function getPolicy(ctx: RouteContext): Promise<ApiResponse> {
  const year = yearParam(ctx);
  const stored = await ctx.services.store.getRow<Policy>(ctx.org, 'policies', String(year));
  return { status: 200, body: stored && !stored.deleted ? stored.record : defaultPolicy(year) };
}

const MAX_ROUNDS = 5;

export async function putPolicy(ctx: RouteContext): Promise<ApiResponse> {
  const year = yearParam(ctx);
  const body = await readObjectBody(ctx.req, 'Cần một đối tượng JSON gồm các thiết lập của cấu hình năm, ví dụ {"requiredDays":60}.');
  if ((await loadClosedYears(ctx.services.store, ctx.org)).has(year)) throw new YearClosedError();
  const parsed = parsePolicy(body, year);
  if (!parsed.ok) throw new InvalidPolicyError(parsed.errors);
  const policy = parsed.policy;
  const { store } = ctx.services;
  const id = String(year);
  return withOrgLease(ctx.services, ctx.org, async (lease) => {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const stored = await store.getRow<Policy>(ctx.org, 'policies', id);
      const live = stored && !stored.deleted ? stored : null;
      if (live && sameContent(live.record, policy)) return { status: 200, body: policy };
      await store.registerOrg(ctx.org);
      const { contended, failed } = await store.commit(
        ctx.org,
        'policies',
        [
          {
            id,
            expectedVersion: stored ? stored.version : null,
            record: policy,
            deleted: false,
            change: { kind: 'policies', id, outcome: live ? 'updated' : 'created', old: live?.record ?? null, new: policy },
          },
        ],
        ctx.principal!.name,
        () => ctx.services.now(),
      );
      if (contended.length === 0 && failed.size === 0) {
        lease.invalidateYears(); // a policy changes its year's rows and summary (and trips across years)
        return { status: 200, body: policy };
      }
      if (failed.size > 0) throw failed.values().next().value;
    }
    // Every round lost to another writer: nothing of this request is stored; say so (never a 200).
    throw new StorageUnavailableError(1);
  });
}
