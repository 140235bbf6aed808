/**
 * The HTTP client of api.md: fetch with `x-api-key` or, when signed in with Microsoft 365,
 * `Authorization: Bearer` (identity.md); typed answers, Vietnamese errors.
 */
import type { Kind } from '../../shared/models';
import { ApiError, fieldErrorsOf, httpErrorMessage, networkErrorText } from './errors';
import type { ComplianceBody, HistoryBody } from '../../shared/wire/compliance';
import type { HealthBody } from '../../shared/wire/errors';
import type { PublishResponse, PublishRow } from '../../shared/wire/publish';
import type { RowsBody, RowView } from '../../shared/wire/rows';
import type { MeBody, MemberRow, MembersBody, RollupBody } from '../../shared/wire/identity';
import type { ClosedYearBody, ReopenedYearBody, YearRow, YearsBody } from '../../shared/wire/years';
import type { ReportFormat, ReportLinkBody } from '../../shared/wire/reports';
import type { ReportModel } from '../../shared/report/model';
import type { OrgProfile } from '../../shared/profile';

export interface ApiSettings {
  /** The API's base address, with or without the trailing `/api`. */
  apiUrl: string;
  org: string;
  apiKey: string;
  /** When signed in with Microsoft 365: the access token for each call (used instead of the key). */
  token?: () => Promise<string>;
}

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** `https://host` or `https://host/api/` → `https://host/api`. */
export function apiBase(apiUrl: string): string {
  const trimmed = apiUrl.trim().replace(/\/+$/, '');
  return /\/api$/i.test(trimmed) ? trimmed : `${trimmed}/api`;
}

function query(params: Record<string, string | number | boolean | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

export class ApiClient {
  private readonly fetchImpl: FetchLike;

  constructor(
    private readonly settings: ApiSettings,
    fetchImpl?: FetchLike,
  ) {
    this.fetchImpl = fetchImpl ?? ((url, init) => globalThis.fetch(url, init));
  }

  private orgPath(path: string): string {
    return `${apiBase(this.settings.apiUrl)}/orgs/${encodeURIComponent(this.settings.org.trim())}${path}`;
  }

  private async request<T>(method: string, url: string, body?: unknown, auth = true): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (auth && this.settings.token) headers.authorization = `Bearer ${await this.settings.token()}`;
    else if (auth) headers['x-api-key'] = this.settings.apiKey.trim();
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchImpl(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (cause) {
      throw new ApiError(0, 'NETWORK', networkErrorText(url, cause));
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!res.ok) {
      const { code, text } = httpErrorMessage(res.status, parsed, url);
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiError(res.status, code, text, Number.isFinite(retry) && retry > 0 ? retry : undefined, fieldErrorsOf(parsed));
    }
    return parsed as T;
  }

  /** `GET /api/health` (no key). A 503 answer is returned, not thrown: it says storage is down. */
  async health(): Promise<HealthBody> {
    try {
      return await this.request<HealthBody>('GET', `${apiBase(this.settings.apiUrl)}/health`, undefined, false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 503) return { status: 'error', storage: 'down' };
      throw e;
    }
  }

  /** Checks the key against the org by reading the year's policy (viewer role). */
  policy(year: number): Promise<Record<string, unknown>> {
    return this.request('GET', this.orgPath(`/policies/${year}`));
  }

  publish(kind: Kind, rows: readonly PublishRow[], asOf?: string): Promise<PublishResponse> {
    return this.request('POST', this.orgPath(`/${kind}/publish${query({ asOf })}`), { rows });
  }

  async list(kind: Kind, opts: { year?: number; includeDeleted?: boolean; asOf?: string } = {}): Promise<RowView[]> {
    const res = await this.request<RowsBody>(
      'GET',
      this.orgPath(`/${kind}${query({ year: opts.year, includeDeleted: opts.includeDeleted ? 'true' : undefined, asOf: opts.asOf })}`),
    );
    return res.rows;
  }

  compliance(year: number, asOf?: string): Promise<ComplianceBody> {
    return this.request('GET', this.orgPath(`/compliance${query({ year, asOf })}`));
  }

  async history(year: number): Promise<HistoryBody['rows']> {
    const res = await this.request<HistoryBody>('GET', this.orgPath(`/history${query({ year })}`));
    return res.rows;
  }

  /** `GET …/years` (cycle.md §4): every year with data, newest first, and whether it is closed. */
  async years(): Promise<YearRow[]> {
    return (await this.request<YearsBody>('GET', this.orgPath('/years'))).rows;
  }

  /** `POST …/years/{year}/close` (leader): freezes the year's compliance as of `asOf` (default its window's end). */
  closeYear(year: number, asOf?: string): Promise<ClosedYearBody> {
    return this.request('POST', this.orgPath(`/years/${year}/close`), asOf ? { asOf } : {});
  }

  /** `DELETE …/years/{year}/close` (admin): reopens a closed year. */
  reopenYear(year: number): Promise<ReopenedYearBody> {
    return this.request('DELETE', this.orgPath(`/years/${year}/close`));
  }

  /** `GET /api/me`: the caller and its memberships. */
  me(): Promise<MeBody> {
    return this.request('GET', `${apiBase(this.settings.apiUrl)}/me`);
  }

  private membersPath(org: string, account?: string): string {
    const base = `${apiBase(this.settings.apiUrl)}/orgs/${encodeURIComponent(org.trim())}/members`;
    return account === undefined ? base : `${base}/${encodeURIComponent(account.trim())}`;
  }

  async members(org: string): Promise<MemberRow[]> {
    return (await this.request<MembersBody>('GET', this.membersPath(org))).rows;
  }

  putMember(org: string, member: MemberRow): Promise<MemberRow> {
    return this.request('PUT', this.membersPath(org, member.account), { role: member.role, name: member.name });
  }

  async deleteMember(org: string, account: string): Promise<void> {
    await this.request('DELETE', this.membersPath(org, account));
  }

  /** `POST …/reports/{year}/link` (cycle.md §5): a signed download link of the year-end report. */
  reportLink(year: number, format: ReportFormat, asOf?: string): Promise<ReportLinkBody> {
    return this.request('POST', this.orgPath(`/reports/${year}/link`), asOf ? { format, asOf } : { format });
  }

  /** `GET …/reports/{year}/model`: the year-end report's model (what the .docx and .xlsx are made from). */
  reportModel(year: number, asOf?: string): Promise<ReportModel> {
    return this.request('GET', this.orgPath(`/reports/${year}/model${query({ asOf })}`));
  }

  /** `GET …/profile` (cycle.md §2): every field "" when none is stored. */
  profile(): Promise<OrgProfile> {
    return this.request('GET', this.orgPath('/profile'));
  }

  /** `PUT …/profile` (admin): replaces it; answers the stored profile. A bad field: ApiError with `fieldErrors`. */
  putProfile(profile: OrgProfile): Promise<OrgProfile> {
    return this.request('PUT', this.orgPath('/profile'), profile);
  }

  /** `GET /api/rollup?year=` (org `*` only). */
  rollup(year: number): Promise<RollupBody> {
    return this.request('GET', `${apiBase(this.settings.apiUrl)}/rollup${query({ year })}`);
  }
}
