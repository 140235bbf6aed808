/**
 * `GET …/compliance`, `POST …/recalculate` (also stores totals and a snapshot) and
 * `GET …/history`.
 */
import { evaluateOrg } from '../../shared/engine/evaluate';
import type { IsoDate } from '../../shared/models';
import type { ComplianceBody, HistoryBody } from '../../shared/wire/compliance';
import { closedInfo, loadClosedYears, type ClosedInfo } from '../domain/closed-years';
import { evaluationFigures, withEvaluations } from '../domain/evaluations';
import { engineInput, loadYearState, type OrgState } from '../domain/org-state';
import { YearClosedError } from '../http/errors';
import { flagValue, yearAndAsOf, yearValue } from '../http/params';
import { vietnamToday, yearOfIso } from '../../shared/dates';
import type { ApiResponse } from '../http/types';
import type { RouteContext } from '../route';
import type { Services } from '../services';

/**
 * A year's compliance as of `asOf`: the engine over the org's roster, units, policies and other
 * rows and the year's trips as its cadre-years' digests keep them (not every trip row).
 */
export async function computeCompliance(services: Services, org: string, year: number, asOf: IsoDate, loaded?: OrgState): Promise<ComplianceBody> {
  const state = loaded ?? (await loadYearState(services.store, org, year));
  const evaluation = evaluateOrg(engineInput(state, asOf));
  const withEvals = withEvaluations(evaluation.year(year), state, evaluationFigures(state, vietnamToday(services.now()), { date: asOf, evaluation }));
  return { org, ...withEvals, computedAt: services.now().toISOString() };
}

/** Stores a computed year: totals per cadre and the summary snapshot of `date`. */
export async function storeYear(services: Services, body: ComplianceBody, date: IsoDate): Promise<void> {
  await services.store.putTotals(body.org, body.year, body.cadres, { asOf: body.asOf, computedAt: body.computedAt });
  await services.store.putSnapshot(body.org, body.year, { date, summary: body.summary, computedAt: body.computedAt });
}

/**
 * What `GET compliance` answers: a closed year its frozen figures (with `closed`; `asOf` is the
 * close's), or with `live` what is stored now (with `closed` too); an open year the figures as
 * of `asOf` with `closed: null`. The year-end report takes its figures from here too.
 */
export async function complianceAnswer(services: Services, org: string, year: number, asOf: IsoDate, live = false): Promise<ComplianceBody & { closed: ClosedInfo | null }> {
  // The year's state is read beside the closed years (one round trip, not two; unused when closed).
  const loading = loadYearState(services.store, org, year);
  loading.catch(() => undefined); // awaited below unless the frozen figures answer
  const closed = (await loadClosedYears(services.store, org)).get(year);
  if (closed && !live) {
    const frozen = await services.store.getFrozen(org, year, closed.frozen);
    if (frozen !== null) return { ...(frozen as ComplianceBody), closed: closedInfo(closed) };
  }
  const body = await computeCompliance(services, org, year, asOf, await loading);
  return { ...body, closed: closed ? closedInfo(closed) : null };
}

export async function getCompliance(ctx: RouteContext): Promise<ApiResponse> {
  const { year, asOf } = yearAndAsOf(ctx.req.query, ctx.services.now());
  const live = flagValue(ctx.req.query.get('live'), 'live');
  return { status: 200, body: await complianceAnswer(ctx.services, ctx.org, year, asOf, live) };
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
