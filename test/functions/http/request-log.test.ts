import { requestLogLine } from '../../../functions/http/request-log';
import { KEYS, startTestApi } from '../../support/api';
import { cadre } from '../../support/fixtures';

describe('requestLogLine', () => {
  it('names the request, route, org, status, duration and a publish summary, and echoes no bad org', () => {
    const publish = { status: 200, body: { results: [], summary: { created: 2, rejected: 1 }, compliance: [] } };
    expect(requestLogLine('r1', 'publishTrips', 'demo', publish, 12.6)).toEqual({
      requestId: 'r1', route: 'publishTrips', org: 'demo', status: 200, durationMs: 13, rows: { created: 2, rejected: 1 },
    });
    expect(requestLogLine('r2', 'getCompliance', '<script>', { status: 400, body: {} }, 1)).toEqual({ requestId: 'r2', route: 'getCompliance', org: null, status: 400, durationMs: 1 });
  });
});

describe('one log line per request through the dev host', () => {
  it('logs each request once with its fields, never the key or the body', async () => {
    const lines: Array<{ message: string; fields?: Record<string, unknown> }> = [];
    const api = await startTestApi({}, { log: (message, fields) => lines.push({ message, fields }) });
    try {
      const res = await api.call('POST', '/api/orgs/demo/cadres/publish', { key: KEYS.editor, body: { rows: [cadre('CB01', { fullName: 'Bí mật Một' })] } });
      await api.call('GET', '/api/orgs/demo/compliance', { key: 'wrong-key' });
      const requests = lines.filter((l) => l.message === 'request').map((l) => l.fields!);
      expect(requests).toEqual([
        expect.objectContaining({ requestId: res.headers.get('x-request-id'), route: 'publishCadres', org: 'demo', status: 200, rows: expect.objectContaining({ created: 1 }) }),
        expect.objectContaining({ route: 'getCompliance', org: 'demo', status: 401 }),
      ]);
      expect(typeof requests[0].durationMs).toBe('number');
      const text = JSON.stringify(lines);
      expect(text).not.toContain(KEYS.editor);
      expect(text).not.toContain('wrong-key');
      expect(text).not.toContain('Bí mật');
    } finally {
      await api.close();
    }
  });
});
