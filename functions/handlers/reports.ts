/**
 * `GET /api/orgs/{org}/reports/{year}?format=docx|xlsx&asOf=` (viewer, or a signed link) and
 * `POST …/reports/{year}/link` (viewer): the year-end report file and its download link
 * (cycle.md §5); `GET …/reports/{year}/model` (viewer): the report as JSON, for the pane.
 */
import { z } from 'zod';
import { vietnamToday } from '../../shared/dates';
import { quoteValue } from '../../shared/messages';
import { buildReport } from '../../shared/report/build';
import { readJson } from '../http/body';
import { BadBodyError, InvalidParamError, UnauthenticatedError } from '../http/errors';
import { ORG_ID_PATTERN } from '../../shared/ids';
import { dateValue, yearValue } from '../http/params';
import type { ApiRequest, ApiResponse } from '../http/types';
import { LINK_TTL_MS, linkPath, signLink, verifyLink, type ReportFormat } from '../report/links';
import { loadReportInput } from '../report/source';
import type { RouteContext } from '../route';
import type { Services } from '../services';

const MIME: Readonly<Record<ReportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function formatValue(value: string | null | undefined): ReportFormat {
  const t = (value ?? '').trim().toLowerCase();
  if (t === 'docx' || t === 'xlsx') return t;
  throw new InvalidParamError(`Định dạng (format) ${quoteValue(value ?? '')} không hợp lệ (cần docx hoặc xlsx).`);
}

const yearParam = (params: Readonly<Record<string, string>>): number => yearValue(params.year ?? '', 'year', NaN);

export async function getReport(ctx: RouteContext): Promise<ApiResponse> {
  const format = formatValue(ctx.req.query.get('format'));
  const year = yearParam(ctx.params);
  const asOf = dateValue(ctx.req.query.get('asOf'), 'asOf', vietnamToday(ctx.services.now()));
  const model = buildReport(await loadReportInput(ctx.services, ctx.org, year, asOf));
  // the renderers' packages load on first use: requiring exceljs takes seconds, which every
  // start of the API (and each Azure cold start) would otherwise pay
  const bytes = format === 'docx' ? await (await import('../report/docx')).renderDocx(model) : await (await import('../report/xlsx')).renderXlsx(model);
  return {
    status: 200,
    headers: {
      'Content-Type': MIME[format],
      'Content-Disposition': `attachment; filename="bao-cao-1-2-${ctx.org}-${year}.${format}"`,
      'Cache-Control': 'no-store',
    },
    bytes,
  };
}

/**
 * `GET …/reports/{year}/model?asOf=` (viewer): the report's document model as JSON, the same
 * model the .docx and .xlsx are rendered from, for the pane's printable "Báo cáo năm" sheet.
 */
export async function getReportModel(ctx: RouteContext): Promise<ApiResponse> {
  const year = yearParam(ctx.params);
  const asOf = dateValue(ctx.req.query.get('asOf'), 'asOf', vietnamToday(ctx.services.now()));
  return { status: 200, body: buildReport(await loadReportInput(ctx.services, ctx.org, year, asOf)) };
}

/** The keyless way into `getReport`: every signed field must be present and the signature hold. */
export function reportSignedAccess(req: ApiRequest, params: Readonly<Record<string, string>>, services: Services): void {
  const q = req.query;
  const org = params.org ?? '';
  const year = params.year ?? '';
  const format = q.get('format');
  const asOf = q.get('asOf') ?? '';
  const expires = q.get('expires') ?? '';
  const sig = q.get('sig') ?? '';
  const wellFormed =
    ORG_ID_PATTERN.test(org) && /^\d{4}$/.test(year) && (format === 'docx' || format === 'xlsx') && /^\d{4}-\d{2}-\d{2}$/.test(asOf) && /^\d{1,15}$/.test(expires);
  if (!wellFormed || !verifyLink(services.linkSecret, { org, year: Number(year), format, asOf, expires: Number(expires) }, sig, services.now())) {
    throw new UnauthenticatedError('Liên kết tải báo cáo không hợp lệ hoặc đã hết hạn (10 phút): hãy tạo liên kết mới.');
  }
}

const linkBody = z.object({
  format: z.unknown(),
  asOf: z.unknown().optional(),
});

export async function postReportLink(ctx: RouteContext): Promise<ApiResponse> {
  const parsed = linkBody.safeParse(await readJson(ctx.req));
  if (!parsed.success) throw new BadBodyError('Cần {"format":"docx"|"xlsx","asOf":"yyyy-mm-dd"} (asOf không bắt buộc).');
  const { format: rawFormat, asOf: rawAsOf } = parsed.data;
  if (rawFormat !== 'docx' && rawFormat !== 'xlsx') throw new BadBodyError(`Định dạng (format) ${quoteValue(rawFormat)} không hợp lệ (cần docx hoặc xlsx).`);
  if (rawAsOf !== undefined && rawAsOf !== null && typeof rawAsOf !== 'string') throw new BadBodyError(`Ngày tính (asOf) ${quoteValue(rawAsOf)} không hợp lệ.`);
  const year = yearParam(ctx.params);
  let asOf: string;
  try {
    asOf = dateValue(rawAsOf ?? null, 'asOf', vietnamToday(ctx.services.now()));
  } catch {
    throw new BadBodyError(`Ngày tính (asOf) ${quoteValue(rawAsOf)} không hợp lệ (cần yyyy-mm-dd hoặc dd/mm/yyyy).`);
  }
  const expires = ctx.services.now().getTime() + LINK_TTL_MS;
  const fields = { org: ctx.org, year, format: rawFormat as ReportFormat, asOf, expires };
  const url = `${ctx.req.origin ?? ''}${linkPath(fields, signLink(ctx.services.linkSecret, fields))}`;
  return { status: 200, body: { url, expiresAt: new Date(expires).toISOString() } };
}
