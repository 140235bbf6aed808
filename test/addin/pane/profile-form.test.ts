/**
 * The "Thông tin đơn vị" form's logic, and the form's calls against the real dev API (Azurite):
 * load, save, the API's per-field messages placed under their fields, and who sees the form
 * (the role GET /api/me gives, signed in or with a key).
 */
import { ApiClient } from '../../../addin/api/client';
import { ApiError } from '../../../addin/api/errors';
import { canEditProfile, fieldLabel, fieldRule, FIELDS, multiline, notSavedText, placeErrors, profileFromForm } from '../../../addin/pane/profile-form';
import { roleInOrg } from '../../../addin/pane/account';
import type { MeBody } from '../../../shared/wire/identity';
import { KEYS, startTestApi, type TestApi } from '../../support/api';
import { NOW } from '../../support/fixtures';

const me = (memberships: MeBody['memberships']): MeBody => ({ account: 'lan@demo.vn', name: 'Lan', memberships });

describe('profile form (pure)', () => {
  it('is for the org’s admins only (an admin of * too); nobody when the caller or the org is not known', () => {
    const can = (m: MeBody | null, org: string): boolean => canEditProfile(roleInOrg(m, org));
    expect(can(me([{ org: 'demo', role: 'admin' }]), 'demo')).toBe(true);
    expect(can(me([{ org: '*', role: 'admin' }]), 'demo')).toBe(true);
    expect(can(me([{ org: 'demo', role: 'leader' }]), 'demo')).toBe(false);
    expect(can(me([{ org: 'other', role: 'admin' }]), 'demo')).toBe(false);
    expect(can(null, 'demo')).toBe(false);
    expect(canEditProfile(null)).toBe(false);
  });

  it('labels and rules of every field in both languages; two fields take several lines', () => {
    expect(FIELDS).toEqual(['name', 'issuer', 'place', 'docSymbol', 'signerTitle', 'signerName', 'recipients']);
    expect(fieldLabel('signerTitle')).toEqual({ vi: 'Chức vụ người ký', en: "Signer's title" });
    expect(FIELDS.filter(multiline)).toEqual(['signerTitle', 'recipients']);
    expect(fieldRule('name')).toEqual({ vi: 'tối đa 200 ký tự, trên một dòng', en: 'at most 200 characters, on one line' });
    expect(fieldRule('recipients')).toEqual({ vi: 'tối đa 1.000 ký tự, được xuống dòng', en: 'at most 1,000 characters, line breaks allowed' });
  });

  it('sends every field, line breaks as \\n', () => {
    const values = { name: ' Tỉnh Đoàn ', issuer: '', place: 'Huế', docSymbol: '', signerTitle: 'TM.\r\nPHÓ BÍ THƯ', signerName: '', recipients: '- A;\r- Lưu VP.' };
    expect(profileFromForm(values)).toEqual({ ...values, signerTitle: 'TM.\nPHÓ BÍ THƯ', recipients: '- A;\n- Lưu VP.' });
  });

  it('places each server message under its field (one per field); a fault of the whole body goes to the status', () => {
    const placed = placeErrors([
      { field: 'place', code: 'INVALID_FORMAT', message: 'Địa danh (place): chỉ được một dòng.' },
      { field: 'place', code: 'INVALID_FORMAT', message: 'second' },
      { field: '', code: 'INVALID_FORMAT', message: 'Cần một đối tượng JSON.' },
    ]);
    expect([...placed.byField.keys()]).toEqual(['place']);
    expect(placed.byField.get('place')).toEqual({ vi: 'Địa danh (place): chỉ được một dòng.', en: 'Place name (place): not accepted — at most 200 characters, on one line.' });
    expect(notSavedText(placed).vi).toBe('Thông tin đơn vị chưa được lưu: 1 ô chưa hợp lệ (xem thông báo dưới từng ô). Cần một đối tượng JSON.');
    expect(notSavedText(placed).en).toMatch(/^The org profile was not saved: 1 field not accepted/);
  });
});

describe('profile form against the dev API', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({}, { now: () => NOW, log: () => undefined });
  });
  afterAll(() => api?.close());
  const client = (key: string) => new ApiClient({ apiUrl: api.url, org: 'demo', apiKey: key });
  const EMPTY = { name: '', issuer: '', place: '', docSymbol: '', signerTitle: '', signerName: '', recipients: '' };

  it('loads (empty at first), saves what the form holds, and loads it back normalised', async () => {
    expect(await client(KEYS.admin).profile()).toEqual(EMPTY);
    const values = { ...EMPTY, name: '  Tỉnh Đoàn Quảng Trị '.normalize('NFD'), signerTitle: 'TM. BAN THƯỜNG VỤ\r\nPHÓ BÍ THƯ', recipients: '- Lưu VP.' };
    const saved = await client(KEYS.admin).putProfile(profileFromForm(values));
    expect(saved).toEqual({ ...EMPTY, name: 'Tỉnh Đoàn Quảng Trị', signerTitle: 'TM. BAN THƯỜNG VỤ\nPHÓ BÍ THƯ', recipients: '- Lưu VP.' });
    expect(await client(KEYS.viewer).profile()).toEqual(saved);
  });

  it('a refused save: the API’s Vietnamese message under each bad field, nothing stored', async () => {
    const before = await client(KEYS.admin).profile();
    const bad = profileFromForm({ ...before, place: 'Quảng\nTrị', signerName: 'x'.repeat(201) });
    const err = await client(KEYS.admin).putProfile(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('BAD_BODY');
    const placed = placeErrors((err as ApiError).fieldErrors);
    expect(Object.fromEntries([...placed.byField].map(([f, t]) => [f, t.vi]))).toEqual({
      place: 'Địa danh (place): chỉ được một dòng.',
      signerName: 'Người ký (signerName): dài quá 200 ký tự.',
    });
    expect(placed.byField.get('signerName')!.en).toBe('Signer (signerName): not accepted — at most 200 characters, on one line.');
    expect(notSavedText(placed).vi).toMatch(/^Thông tin đơn vị chưa được lưu: 2 ô chưa hợp lệ/);
    expect(await client(KEYS.admin).profile()).toEqual(before);
  });

  it('who sees the form: an admin key of the org yes, a leader’s or another org’s no; the API refuses their save anyway', async () => {
    const can = async (key: string): Promise<boolean> => canEditProfile(roleInOrg(await client(key).me(), 'demo'));
    expect(await can(KEYS.admin)).toBe(true);
    expect(await can(KEYS.all)).toBe(true);
    expect(await can(KEYS.leader)).toBe(false);
    expect(await can(KEYS.other)).toBe(false);
    const refused = await client(KEYS.leader).putProfile(EMPTY).catch((e: unknown) => e);
    expect((refused as ApiError).status).toBe(403);
  });
});
