/**
 * `GET /api/rollup?year=` (cycle.md §6): every org's stored summary of the year — the latest
 * snapshot the nightly job or `recalculate` stored — orgs sorted by id, and the national total.
 * For a key or account of org `*` (viewer and up).
 */
import { vietnamToday, yearOfIso } from '../../shared/dates';
import { roundHalfUp1 } from '../../shared/engine/rounding';
import type { Summary } from '../../shared/models';
import { closedInfo, loadClosedYears, type ClosedInfo } from '../domain/closed-years';
import type { RollupOrg, RollupTotal } from '../../shared/wire/identity';
import { yearValue } from '../http/params';
import { loadProfile } from './profile';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';
import type { Services } from '../services';
import { Limiter } from '../storage/limit';

/** A closed year's info and its frozen figures (cycle.md §4). */
interface ClosedYear {
  info: ClosedInfo;
  summary: Summary | null;
  computedAt: string | null;
}

/**
 * What other parts store: an org's display name (its profile, cycle.md §2; the org id when it
 * has none) and a closed year's frozen figures (cycle.md §4), which win over later snapshots.
 */
export interface RollupSources {
  orgName(services: Services, org: string): Promise<string>;
  closed(services: Services, org: string, year: number): Promise<ClosedYear | null>;
}

export const ROLLUP_SOURCES: RollupSources = {
  orgName: async (services, org) => (await loadProfile(services, org)).name || org,
  closed: async (services, org, year) => {
    const record = (await loadClosedYears(services.store, org)).get(year);
    if (!record) return null;
    const frozen = (await services.store.getFrozen(org, year, record.frozen)) as { summary?: Summary; computedAt?: string } | null;
    return { info: closedInfo(record), summary: frozen?.summary ?? null, computedAt: frozen?.computedAt ?? null };
  },
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
        if (closed?.summary) return { org, name, summary: closed.summary, computedAt: closed.computedAt, closed: closed.info };
        return { org, name, summary: (snapshot?.summary as Summary | undefined) ?? null, computedAt: snapshot?.computedAt ?? null, closed: closed?.info ?? null };
      }),
    ),
  );
  return { year, orgs, total: rollupTotal(orgs) };
}

export async function getRollup(ctx: RouteContext): Promise<ApiResponse> {
  const year = yearValue(ctx.req.query.get('year'), 'year', yearOfIso(vietnamToday(ctx.services.now())));
  return { status: 200, body: await buildRollup(ctx.services, year) };
}
