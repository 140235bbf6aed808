import { t, TEXT_KEYS } from '../../../addin/pane/i18n';

describe('i18n', () => {
  it('has every text in both languages and fills placeholders', () => {
    for (const k of TEXT_KEYS) {
      expect(t('vi', k)).not.toBe('');
      expect(t('en', k)).not.toBe('');
    }
    expect(t('vi', 'connectionOk', { org: 'demo' })).toBe('Kết nối tốt: máy chủ hoạt động, khoá hợp lệ cho đơn vị demo.');
    expect(t('en', 'publish')).toBe('Publish changes');
    expect(t('vi', 'publish')).toBe('Gửi thay đổi');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of TEXT_KEYS) expect(names(t('en', k))).toEqual(names(t('vi', k)));
  });
});
