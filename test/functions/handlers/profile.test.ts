/** `GET` / `PUT …/profile` (cycle.md §2) through HTTP on Azurite. */
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { NOW } from '../../support/fixtures';
import { REPORT_PROFILE } from '../../support/report-org';

const PROFILE = REPORT_PROFILE;
const EMPTY = { name: '', issuer: '', place: '', docSymbol: '', signerTitle: '', signerName: '', recipients: '' };

describe('org profile', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({}, { now: () => NOW, log: () => undefined });
  });
  afterAll(() => api.close());

  it('GET without a stored profile: every field ""', async () => {
    const res = await api.call('GET', '/api/orgs/demo/profile', { key: KEYS.viewer });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(EMPTY);
  });

  it('PUT (admin) replaces it, answers as GET, NFC and trimmed, and is audited', async () => {
    const decomposed = { ...PROFILE, name: `  ${PROFILE.name.normalize('NFD')} `, recipients: PROFILE.recipients.replace('\n', '\r\n') };
    const put = await api.call('PUT', '/api/orgs/demo/profile', { body: decomposed });
    expect(put.status).toBe(200);
    expect(put.body).toEqual(PROFILE);
    expect((await api.call('GET', '/api/orgs/demo/profile', { key: KEYS.viewer })).body).toEqual(PROFILE);
    // the same again writes nothing; a body with fewer fields replaces the whole profile
    await api.call('PUT', '/api/orgs/demo/profile', { body: PROFILE });
    const partial = await api.call('PUT', '/api/orgs/demo/profile', { body: { name: 'Tỉnh Đoàn Huế' } });
    expect(partial.body).toEqual({ ...EMPTY, name: 'Tỉnh Đoàn Huế' });
    const audit = await api.call('GET', '/api/orgs/demo/audit?from=31/12/2025&to=31/12/2025');
    const changes = audit.body.rows.filter((r: { kind: string }) => r.kind === 'profile');
    expect(changes.map((r: { outcome: string }) => r.outcome)).toEqual(['created', 'updated']);
    expect(changes[0]).toMatchObject({ who: 'Admin Demo', id: 'profile', old: null, new: PROFILE });
    expect(changes[1]).toMatchObject({ old: PROFILE, new: { name: 'Tỉnh Đoàn Huế', issuer: '' } });
    // another org sees nothing of it
    expect((await api.call('GET', '/api/orgs/other/profile', { key: KEYS.all })).body).toEqual(EMPTY);
  });

  it('400 BAD_BODY naming the field: too long, line breaks in a one-line field, not text, unknown field, not an object; nothing stored', async () => {
    const before = (await api.call('GET', '/api/orgs/demo/profile')).body;
    const cases: Array<[unknown, string, string]> = [
      [{ name: 'x'.repeat(201) }, 'Tên đơn vị (name): dài quá 200 ký tự.', 'name'],
      [{ recipients: 'x'.repeat(1001) }, 'Nơi nhận (recipients): dài quá 1.000 ký tự.', 'recipients'],
      [{ place: 'Quảng\nTrị' }, 'Địa danh (place): chỉ được một dòng.', 'place'],
      [{ signerName: 12 }, 'Người ký (signerName): cần một đoạn văn bản.', 'signerName'],
      [{ nam: 'Tỉnh Đoàn' }, 'Trường không có trong thông tin đơn vị: nam.', ''],
      [['name'], 'Cần một đối tượng JSON.', ''],
    ];
    for (const [body, message, field] of cases) {
      const res = await api.call('PUT', '/api/orgs/demo/profile', { body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_BODY');
      expect(res.body.error.message).toContain(message);
      // per field too, inside error and beside it (for the pane's form)
      expect(res.body.error.errors).toEqual([{ field, code: 'INVALID_FORMAT', message }]);
      expect(res.body.errors).toEqual(res.body.error.errors);
    }
    const two = await api.call('PUT', '/api/orgs/demo/profile', { body: { place: 'a\nb', signerName: 'x'.repeat(201) } });
    expect(two.body.errors.map((e: { field: string }) => e.field)).toEqual(['place', 'signerName']);
    expect((await api.call('PUT', '/api/orgs/demo/profile', { body: { signerTitle: 'x'.repeat(1000), name: 'y'.repeat(200) } })).status).toBe(200);
    expect((await api.call('PUT', '/api/orgs/demo/profile', { body: before })).status).toBe(200);
    expect((await api.call('PUT', '/api/orgs/demo/profile', { rawBody: '{oops' })).body.error.code).toBe('BAD_JSON');
  });

  it('roles: a viewer reads, only an admin writes', async () => {
    expect((await api.call('PUT', '/api/orgs/demo/profile', { key: KEYS.leader, body: PROFILE })).status).toBe(403);
    expect((await api.call('GET', '/api/orgs/demo/profile', { key: null })).status).toBe(401);
  });
});
