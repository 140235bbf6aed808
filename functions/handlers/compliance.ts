/**
 * `GET …/compliance`, `POST …/recalculate` (also stores totals and a snapshot) and
 * `GET …/history`.
 */
import { evaluateOrg } from '../../shared/engine/evaluate';
import type { Cadre, IsoDate, Policy, Registration, Unit } from '../../shared/models';
import type { ComplianceBody, HistoryBody } from '../../shared/wire/compliance';
import { closedInfo, loadClosedYears } from '../domain/closed-years';
import { assembleYear, cadreYearState, evaluateCadre, yearMeta } from '../domain/cadre-years';
import { withOrgLease } from '../domain/org-lease';
import { engineInput, liveRecords, loadOrgState, type OrgState } from '../domain/org-state';
import { CURRENT_LAYOUT } from '../storage/state';
import { YearClosedError } from '../http/errors';
import { flagValue, yearAndAsOf, yearValue } from '../http/params';
import { vietnamToday, yearOfIso } from '../../shared/dates';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';
import type { Services } from '../services';

export async function computeCompliance(services: Services, org: string, year: number, asOf: IsoDate, loaded?: OrgState): Promise<ComplianceBody> {
  const state = loaded ?? (await loadOrgState(services.store, org));
  const result = evaluateOrg(engineInput(state, asOf)).year(year);
  return { org, ...result, computedAt: services.now().toISOString() };
}

/**
 * A year's compliance from the state kept per org: the year's cadre-year rows (one partition)
 * when they are current and hold this asOf; otherwise computed under the org's lease from the
 * cadres' digests, and kept as the year's state when none is current or asOf is today.
 */
export async function complianceFromState(services: Services, org: string, year: number, asOf: IsoDate, today: IsoDate): Promise<ComplianceBody> {
  const { state, store } = services;
  const lease = await state.getLease(org);
  const usable = !lease.stale && lease.layout === CURRENT_LAYOUT && !(lease.holder !== '' && lease.expires <= Date.now());
  if (usable) {
    const { meta, rows } = await state.readYear(org, year);
    if (meta && meta.gen === lease.gen && meta.asOf === asOf) return assembleYear(org, year, meta, rows, services.now().toISOString());
  }
  return withOrgLease(services, org, async (held) => {
    const { meta, rows } = await state.readYear(org, year);
    const current = meta !== null && meta.gen === held.gen;
    if (current && meta.asOf === asOf) return assembleYear(org, year, meta, rows, services.now().toISOString());
    const [digests, cadreRows, registrationRows, unitRows, policyRows] = await Promise.all([
      state.listDigests(org),
      store.listRows<Cadre>(org, 'cadres'),
      store.listRows<Registration>(org, 'registrations'),
      store.listRows<Unit>(org, 'units'),
      store.listRows<Policy>(org, 'policies'),
    ]);
    const policies: Record<number, Policy> = {};
    for (const p of liveRecords(policyRows)) policies[p.year] = p;
    const units = liveRecords(unitRows);
    const cadres = liveRecords(cadreRows);
    const registrations = liveRecords(registrationRows);
    const result = evaluateOrg({
      asOf,
      policies,
      units,
      cadres,
      trips: digests.flatMap((d) => d.trips.map((t) => t.record)),
      absences: digests.flatMap((d) => d.absences),
      registrations,
    }).year(year);
    const body: ComplianceBody = { org, ...result, computedAt: services.now().toISOString() };
    if (!current || asOf === today) {
      const digestOf = new Map(digests.map((d) => [d.cadreId, d]));
      const registrationsOf = new Map<string, Registration[]>();
      for (const r of registrations) if (r.year === year) registrationsOf.set(r.cadreId, [...(registrationsOf.get(r.cadreId) ?? []), r]);
      const states = cadres.map((c) =>
        cadreYearState(evaluateCadre(asOf, policies, units, c, digestOf.get(c.cadreId), registrationsOf.get(c.cadreId) ?? []), c.cadreId, year),
      );
      await state.putYear(org, year, states, yearMeta(policies, units, year, asOf, held.gen));
    }
    return body;
  });
}

/** Stores a computed year: totals per cadre and the summary snapshot of `date`. */
export async function storeYear(services: Services, body: ComplianceBody, date: IsoDate): Promise<void> {
  await services.store.putTotals(body.org, body.year, body.cadres, { asOf: body.asOf, computedAt: body.computedAt });
  await services.store.putSnapshot(body.org, body.year, { date, summary: body.summary, computedAt: body.computedAt });
}

/**
 * A closed year answers its frozen figures (with `closed`; `asOf` is the close's), or with
 * `live=true` what is stored now (with `closed` too); an open year answers `closed: null`.
 */
export async function getCompliance(ctx: RouteContext): Promise<ApiResponse> {
  const now = ctx.services.now();
  const { year, asOf } = yearAndAsOf(ctx.req.query, now);
  const live = flagValue(ctx.req.query.get('live'), 'live');
  const closed = (await loadClosedYears(ctx.services.store, ctx.org)).get(year);
  if (closed && !live) {
    const frozen = await ctx.services.store.getFrozen(ctx.org, year, closed.frozen);
    if (frozen !== null) return { status: 200, body: { ...(frozen as object), closed: closedInfo(closed) } };
  }
  const body = await complianceFromState(ctx.services, ctx.org, year, asOf, vietnamToday(now));
  return { status: 200, body: { ...body, closed: closed ? closedInfo(closed) : null } };
}

export async function recalculate(ctx: RouteContext): Promise<ApiResponse> {
  const { year, asOf } = yearAndAsOf(ctx.req.query, ctx.services.now());
  if ((await loadClosedYears(ctx.services.store, ctx.org)).has(year)) throw new YearClosedError();
  const body = await computeCompliance(ctx.services, ctx.org, year, asOf);
  await ctx.services.store.registerOrg(ctx.org);
  await storeYear(ctx.services, body, asOf);
  return { status: 200, body };
}

export async function getHistory(ctx: RouteContext): Promise<ApiResponse> {
  const year = yearValue(ctx.req.query.get('year'), 'year', yearOfIso(vietnamToday(ctx.services.now())));
  const body: HistoryBody = { rows: await ctx.services.store.listSnapshots(ctx.org, year) };
  return { status: 200, body };
}
