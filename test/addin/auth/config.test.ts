import { loadAuthConfig, parseAuthConfig } from '../../../addin/auth/config';

const file = (status: number, text: string) => async (url: string) => {
  expect(url).toBe('https://pane.example.vn/addin/auth-config.json');
  return { ok: status >= 200 && status < 300, status, text: async () => text };
};
const BASE = 'https://pane.example.vn/addin/taskpane.html';
const GOOD = { clientId: 'c1-id', tenantId: 'contoso.onmicrosoft.com', apiScope: 'api://api-id/access_as_user' };

describe('auth-config.json', () => {
  it('reads the file beside the pane', async () => {
    expect(await loadAuthConfig(file(200, JSON.stringify(GOOD)), BASE)).toEqual(GOOD);
  });
  it('means keys only when the file is absent or empty', async () => {
    expect(await loadAuthConfig(file(404, ''), BASE)).toBeNull();
    expect(await loadAuthConfig(file(200, ' {} '), BASE)).toBeNull();
    expect(await loadAuthConfig(async () => Promise.reject(new Error('offline')), BASE)).toBeNull();
  });
  it('refuses a file that is there but wrong, saying what is wrong', async () => {
    await expect(loadAuthConfig(file(200, '{'), BASE)).rejects.toThrow(/not JSON/);
    await expect(loadAuthConfig(file(200, JSON.stringify({ ...GOOD, apiScope: 'User.Read' })), BASE)).rejects.toThrow(/apiScope/);
    expect(parseAuthConfig({ ...GOOD, clientId: '' })).toMatch(/clientId/);
    expect(parseAuthConfig({ ...GOOD, tenantId: 'a/b' })).toMatch(/tenantId/);
    expect(parseAuthConfig([])).toMatch(/object/);
  });
});
