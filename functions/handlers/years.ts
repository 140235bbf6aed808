/**
 * Closing a year (cycle.md §4): `POST …/years/{year}/close` (leader) freezes the year's
 * compliance, `DELETE` (admin) reopens it, `GET …/years` lists the years with data. Both acts
 * are audited (partition `years`, in the same transaction as the row).
 */
import { randomBytes } from 'node:crypto';
import { yearOfIso, vietnamToday } from '../../shared/dates';
import { policyLookup } from '../../shared/defaults';
import type { Absence, Registration, Trip } from '../../shared/models';
import { closedInfo, loadYearRows, type ClosedYearRecord } from '../domain/closed-years';
import { loadOrgState, loadYearState, storedPolicies } from '../domain/org-state';
import { readObjectBody } from '../http/body';
import { BadBodyError, NotFoundError, YearClosedError } from '../http/errors';
import { dateValue, yearValue } from '../http/params';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';
import { compactInstant } from '../storage/keys';
import { computeCompliance, storeYear } from './compliance';

function yearParam(ctx: RouteContext): number {
  return yearValue(ctx.params.year ?? '', 'year', NaN);
}

export async function closeYear(ctx: RouteContext): Promise<ApiResponse> {
  const year = yearParam(ctx);
  const body = await readObjectBody(ctx.req, 'Cần một đối tượng JSON: {} hoặc {"asOf":"yyyy-mm-dd"}.');
  const unknown = Object.keys(body).filter((k) => k !== 'asOf');
  if (unknown.length > 0) throw new BadBodyError(`Trường không được hỗ trợ: ${unknown.join(', ')}.`);
  if (body.asOf !== undefined && body.asOf !== null && typeof body.asOf !== 'string') throw new BadBodyError('asOf phải là một ngày (yyyy-mm-dd hoặc dd/mm/yyyy).');
  const { store } = ctx.services;
  const [rows, state] = await Promise.all([loadYearRows(store, ctx.org), loadYearState(store, ctx.org, year)]);
  const existing = rows.get(String(year));
  if (existing && !existing.deleted) throw new YearClosedError();
  const defaultAsOf = policyLookup(storedPolicies(state))(year).windowEnd;
  const asOf = dateValue((body.asOf as string | undefined) ?? null, 'asOf', defaultAsOf);

  const compliance = await computeCompliance(ctx.services, ctx.org, year, asOf, state);
  const now = ctx.services.now();
  const record: ClosedYearRecord = {
    year,
    closedBy: ctx.principal!.name,
    closedAt: now.toISOString(),
    asOf,
    frozen: `${compactInstant(now)}_${randomBytes(4).toString('hex')}`,
  };
  const closed = closedInfo(record);
  const frozenBody = { ...compliance, closed };
  // The frozen figures first (under a key of this close only), then the row that points at them:
  // a close that loses a race leaves an unused frozen entity, never another close's figures.
  await store.putFrozen(ctx.org, year, record.frozen, frozenBody);
  await store.registerOrg(ctx.org);
  const { contended } = await store.commit(
    ctx.org,
    'years',
    [
      {
        id: String(year),
        expectedVersion: existing ? existing.version : null,
        record,
        deleted: false,
        change: { kind: 'years', id: String(year), outcome: 'created', old: null, new: record },
      },
    ],
    record.closedBy,
    () => ctx.services.now(),
  );
  if (contended.length > 0) throw new YearClosedError();
  // The roll-up and history read stored totals: store the frozen ones (the job skips closed years).
  await storeYear(ctx.services, compliance, asOf);
  return { status: 200, body: frozenBody };
}

export async function reopenYear(ctx: RouteContext): Promise<ApiResponse> {
  const year = yearParam(ctx);
  const { store } = ctx.services;
  const existing = (await loadYearRows(store, ctx.org)).get(String(year));
  if (!existing || existing.deleted) throw new NotFoundError(`Năm ${year} chưa khoá sổ.`);
  const { contended } = await store.commit(
    ctx.org,
    'years',
    [
      {
        id: String(year),
        expectedVersion: existing.version,
        record: existing.record,
        deleted: true,
        change: { kind: 'years', id: String(year), outcome: 'deleted', old: existing.record, new: null },
      },
    ],
    ctx.principal!.name,
    () => ctx.services.now(),
  );
  if (contended.length > 0) {
    const now = (await loadYearRows(store, ctx.org)).get(String(year));
    if (!now || now.deleted) throw new NotFoundError(`Năm ${year} chưa khoá sổ.`);
  }
  return { status: 200, body: { year, closed: null, reopened: { reopenedBy: ctx.principal!.name, was: closedInfo(existing.record) } } };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** Every year with data (trips, absences, registrations), a policy, or a close; newest first. */
export async function listYears(ctx: RouteContext): Promise<ApiResponse> {
  const { store } = ctx.services;
  const [state, yearRows] = await Promise.all([loadOrgState(store, ctx.org), loadYearRows(store, ctx.org)]);
  const currentYear = yearOfIso(vietnamToday(ctx.services.now()));
  const years = new Set<number>();
  const live = <T>(rows: ReadonlyMap<string, { deleted: boolean; record: T }>): T[] => [...rows.values()].filter((r) => !r.deleted).map((r) => r.record);
  for (const t of live<Trip>(state.rows.trips)) for (const y of range(yearOfIso(t.startDate), yearOfIso(t.endDate))) years.add(y);
  for (const a of live<Absence>(state.rows.absences)) {
    const from = yearOfIso(a.from);
    for (const y of range(from, a.to ? yearOfIso(a.to) : Math.max(from, currentYear))) years.add(y);
  }
  for (const r of live<Registration>(state.rows.registrations)) years.add(r.year);
  for (const p of Object.values(storedPolicies(state))) years.add(p.year);
  const closed = new Map<number, ClosedYearRecord>();
  for (const row of yearRows.values()) {
    years.add(row.record.year);
    if (!row.deleted) closed.set(row.record.year, row.record);
  }
  const rows = [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const c = closed.get(year);
      return { year, closed: c ? closedInfo(c) : null };
    });
  return { status: 200, body: { rows } };
}
