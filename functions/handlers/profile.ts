/** `GET` / `PUT /api/orgs/{org}/profile` (cycle.md §2): stored as one audited row, like a policy. */
import { EMPTY_PROFILE, parseProfile, type OrgProfile } from '../../shared/schemas/profile';
import { readJson } from '../http/body';
import { BadBodyError } from '../http/errors';
import type { ApiResponse } from '../http/types';
import { sameContent } from '../publish/canonical';
import type { RouteContext } from '../route';
import type { Services } from '../services';

const PROFILE_ID = 'profile';
const MAX_ROUNDS = 5;

/** The stored profile, or every field "" when none is stored. */
export async function loadProfile(services: Services, org: string): Promise<OrgProfile> {
  const stored = await services.store.getRow<OrgProfile>(org, 'profile', PROFILE_ID);
  return stored && !stored.deleted ? { ...EMPTY_PROFILE, ...stored.record } : { ...EMPTY_PROFILE };
}

export async function getProfile(ctx: RouteContext): Promise<ApiResponse> {
  return { status: 200, body: await loadProfile(ctx.services, ctx.org) };
}

export async function putProfile(ctx: RouteContext): Promise<ApiResponse> {
  const parsed = parseProfile(await readJson(ctx.req));
  if (!parsed.ok) throw new BadBodyError(parsed.messages.join(' '), parsed.errors);
  const profile = parsed.profile;
  const { store } = ctx.services;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const stored = await store.getRow<OrgProfile>(ctx.org, 'profile', PROFILE_ID);
    const live = stored && !stored.deleted ? stored : null;
    if (live && sameContent(live.record, profile)) break;
    await store.registerOrg(ctx.org);
    const { contended } = await store.commit(
      ctx.org,
      'profile',
      [
        {
          id: PROFILE_ID,
          expectedVersion: stored ? stored.version : null,
          record: profile,
          deleted: false,
          change: { kind: 'profile', id: PROFILE_ID, outcome: live ? 'updated' : 'created', old: live?.record ?? null, new: profile },
        },
      ],
      ctx.principal!.name,
      () => ctx.services.now(),
    );
    if (contended.length === 0) break;
  }
  return { status: 200, body: profile };
}
