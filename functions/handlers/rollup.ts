/**
 * `GET /api/rollup?year=` (cycle.md §6): every org's stored summary of the year — the latest
 * snapshot the nightly job or `recalculate` stored — orgs sorted by id, and the national total.
 * For a key or account of org `*` (viewer and up).
 */
import { vietnamToday, yearOfIso } from '../../shared/dates';
import { roundHalfUp1 } from '../../shared/engine/rounding';
import type { Summary } from '../../shared/models';
import { yearValue } from '../http/params';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';
import type { Services } from '../services';
import { Limiter } from '../storage/limit';

export interface RollupOrg {
  org: string;
  name: string;
  summary: Summary | null;
  computedAt: string | null;
  closed: unknown;
}

export interface RollupTotal {
  orgs: number;
  subject: number;
  participated: number;
  participationPercent: number | null;
  met: number;
}

/**
 * The seams for what other parts store: an org's display name (its profile, cycle.md §2) and a
 * closed year's frozen figures (cycle.md §4). Until those are stored, the name is the org id
 * and `closed` is null.
 */
export interface RollupSources {
  orgName(services: Services, org: string): Promise<string>;
  closed(services: Services, org: string, year: number): Promise<unknown>;
}

export const ROLLUP_SOURCES: RollupSources = {
  orgName: (_services, org) => Promise.resolve(org),
  closed: () => Promise.resolve(null),
};

export function rollupTotal(orgs: readonly RollupOrg[]): RollupTotal {
  let subject = 0;
  let participated = 0;
  let met = 0;
  for (const o of orgs) {
    if (!o.summary) continue;
    subject += o.summary.subject;
    participated += o.summary.participated;
    met += o.summary.met;
  }
  return {
    orgs: orgs.length,
    subject,
    participated,
    participationPercent: subject === 0 ? null : roundHalfUp1(participated * 100, subject),
    met,
  };
}

export async function buildRollup(services: Services, year: number, sources: RollupSources = ROLLUP_SOURCES): Promise<{ year: number; orgs: RollupOrg[]; total: RollupTotal }> {
  const ids = await services.store.listOrgs();
  const limiter = new Limiter(8);
  const orgs = await Promise.all(
    ids.map((org) =>
      limiter.run(async (): Promise<RollupOrg> => {
        const [snapshot, name, closed] = await Promise.all([
          services.store.latestSnapshot(org, year),
          sources.orgName(services, org),
          sources.closed(services, org, year),
        ]);
        return { org, name, summary: (snapshot?.summary as Summary | undefined) ?? null, computedAt: snapshot?.computedAt ?? null, closed };
      }),
    ),
  );
  return { year, orgs, total: rollupTotal(orgs) };
}

export async function getRollup(ctx: RouteContext): Promise<ApiResponse> {
  const year = yearValue(ctx.req.query.get('year'), 'year', yearOfIso(vietnamToday(ctx.services.now())));
  return { status: 200, body: await buildRollup(ctx.services, year) };
}
