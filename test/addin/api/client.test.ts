import { ApiClient, apiBase, type FetchLike } from '../../../addin/api/client';
import { ApiError } from '../../../addin/api/errors';

function recorder(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const fetchImpl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return new Response(body === undefined ? '' : JSON.stringify(body), { status, headers });
  };
  return { calls, fetchImpl };
}

const settings = { apiUrl: 'https://api.example.vn', org: 'demo', apiKey: ' k1 ' };

describe('ApiClient', () => {
  it('normalises the base address', () => {
    expect(apiBase('https://x.vn')).toBe('https://x.vn/api');
    expect(apiBase('https://x.vn/api/')).toBe('https://x.vn/api');
    expect(apiBase(' http://127.0.0.1:7071/api ')).toBe('http://127.0.0.1:7071/api');
  });

  it('reads the years, closes one (with the asOf shown) and reopens it (cycle.md §4)', async () => {
    const r = recorder(200, { rows: [{ year: 2025, closed: null }] });
    const client = new ApiClient(settings, r.fetchImpl);
    expect(await client.years()).toEqual([{ year: 2025, closed: null }]);
    await client.closeYear(2025, '2025-12-31');
    await client.closeYear(2024);
    await client.reopenYear(2025);
    expect(r.calls.map((c) => [c.init?.method, c.url, c.init?.body])).toEqual([
      ['GET', 'https://api.example.vn/api/orgs/demo/years', undefined],
      ['POST', 'https://api.example.vn/api/orgs/demo/years/2025/close', '{"asOf":"2025-12-31"}'],
      ['POST', 'https://api.example.vn/api/orgs/demo/years/2024/close', '{}'],
      ['DELETE', 'https://api.example.vn/api/orgs/demo/years/2025/close', undefined],
    ]);
  });

  it('publishes with the key, JSON body and asOf', async () => {
    const r = recorder(200, { results: [], summary: {}, compliance: [] });
    await new ApiClient(settings, r.fetchImpl).publish('trips', [{ ref: 0, id: 'a' }], '2025-12-31');
    expect(r.calls[0].url).toBe('https://api.example.vn/api/orgs/demo/trips/publish?asOf=2025-12-31');
    expect(r.calls[0].init?.method).toBe('POST');
    expect(r.calls[0].init?.headers).toMatchObject({ 'x-api-key': 'k1', 'content-type': 'application/json' });
    expect(JSON.parse(String(r.calls[0].init?.body))).toEqual({ rows: [{ ref: 0, id: 'a' }] });
  });

  it('lists with includeDeleted and reads compliance and history', async () => {
    const r = recorder(200, { rows: [{ id: 'x', version: '1' }] });
    const c = new ApiClient(settings, r.fetchImpl);
    expect(await c.list('registrations', { year: 2025, includeDeleted: true })).toEqual([{ id: 'x', version: '1' }]);
    await c.history(2025);
    await c.compliance(2025);
    expect(r.calls.map((x) => x.url)).toEqual([
      'https://api.example.vn/api/orgs/demo/registrations?year=2025&includeDeleted=true',
      'https://api.example.vn/api/orgs/demo/history?year=2025',
      'https://api.example.vn/api/orgs/demo/compliance?year=2025',
    ]);
  });

  it('checks health without a key and reports storage down on 503', async () => {
    const r = recorder(503, { status: 'error', storage: 'down' });
    expect(await new ApiClient(settings, r.fetchImpl).health()).toEqual({ status: 'error', storage: 'down' });
    expect(r.calls[0].url).toBe('https://api.example.vn/api/health');
    expect(r.calls[0].init?.headers).not.toHaveProperty('x-api-key');
  });

  it.each([
    [401, { error: { code: 'UNAUTHENTICATED', message: 'Thiếu khoá API.' } }, 'UNAUTHENTICATED', /Thiếu khoá API\. Kiểm tra khoá API, mã đơn vị và quyền.*HTTP 401/],
    [403, null, 'HTTP_403', /không có quyền.*Kiểm tra mã đơn vị.*HTTP 403/],
    [413, { error: { code: 'TOO_LARGE', message: 'Yêu cầu quá lớn.' } }, 'TOO_LARGE', /Yêu cầu quá lớn\. \(HTTP 413\)/],
    [503, null, 'HTTP_503', /Không kết nối được kho dữ liệu/],
  ])('turns HTTP %s into a Vietnamese error', async (status, body, code, message) => {
    const r = recorder(status, body ?? undefined, { 'retry-after': '30' });
    const err = await new ApiClient(settings, r.fetchImpl).publish('cadres', []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(status);
    expect((err as ApiError).code).toBe(code);
    expect((err as ApiError).message).toMatch(message);
    expect((err as ApiError).retryAfter).toBe(30);
    expect((err as ApiError).text.vi).toBe((err as ApiError).message);
    expect((err as ApiError).text.en).toMatch(new RegExp(`^[A-Z].*\\(HTTP ${status}\\)$`));
    expect((err as ApiError).text.en).not.toMatch(/[ăâđêôơư]/);
  });

  it('turns a network failure into a Vietnamese error naming the address', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const err = (await new ApiClient(settings, failing).compliance(2025).catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('NETWORK');
    expect(err.message).toMatch(/^Không kết nối được máy chủ API "https:\/\/api\.example\.vn\/api\/orgs\/demo\/compliance\?year=2025".*Failed to fetch/);
  });
});
