import { DEFAULT_SETTINGS, loadSettings, saveSettings, SETTINGS_KEY, settingsProblems, yearChoices } from '../../../addin/pane/settings';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, v);
  }
}

describe('pane settings', () => {
  it('round-trips through storage under one key', () => {
    const s = new MemoryStorage();
    saveSettings(s, { apiUrl: 'https://a.vn/api', org: 'demo', apiKey: 'k', lang: 'en', year: 2025 });
    expect([...s.data.keys()]).toEqual([SETTINGS_KEY]);
    expect(loadSettings(s)).toEqual({ apiUrl: 'https://a.vn/api', org: 'demo', apiKey: 'k', lang: 'en', year: 2025 });
  });

  it('falls back to defaults on missing or broken storage', () => {
    const s = new MemoryStorage();
    expect(loadSettings(s)).toEqual(DEFAULT_SETTINGS);
    s.setItem(SETTINGS_KEY, '{not json');
    expect(loadSettings(s)).toEqual(DEFAULT_SETTINGS);
    s.setItem(SETTINGS_KEY, JSON.stringify({ lang: 'fr', year: '2025', org: 5 }));
    expect(loadSettings(s)).toMatchObject({ lang: 'vi', year: null, org: '' });
    expect(loadSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('names the missing connection fields', () => {
    expect(settingsProblems(DEFAULT_SETTINGS)).toEqual(['org', 'apiKey']);
    expect(settingsProblems({ ...DEFAULT_SETTINGS, apiUrl: 'ftp://x', org: 'Demo!', apiKey: 'k' })).toEqual(['apiUrl', 'org']);
    expect(settingsProblems({ ...DEFAULT_SETTINGS, org: 'demo', apiKey: 'k' })).toEqual([]);
  });

  it('offers next year back to two years ago', () => {
    expect(yearChoices(2026)).toEqual([2027, 2026, 2025, 2024]);
  });
});
