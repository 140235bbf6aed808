import { CATEGORY_CODE_PATTERN, CLIENT_ID_PATTERN, CODE_PATTERN, ORG_ID_PATTERN } from '../../shared/ids';

describe('patterns', () => {
  it.each<[RegExp, string, boolean]>([
    [ORG_ID_PATTERN, 'demo', true],
    [ORG_ID_PATTERN, 'tinh-doan-01', true],
    [ORG_ID_PATTERN, 'd', false],
    [ORG_ID_PATTERN, 'Demo', false],
    [ORG_ID_PATTERN, 'a'.repeat(33), false],
    [CODE_PATTERN, 'CB_01-a', true],
    [CODE_PATTERN, 'A'.repeat(32), true],
    [CODE_PATTERN, 'A'.repeat(33), false],
    [CODE_PATTERN, '', false],
    [CODE_PATTERN, 'CB 01', false],
    [CLIENT_ID_PATTERN, '3f2b6c1e-9a0d-4c43-9d4e-1b2a3c4d5e6f', true],
    [CLIENT_ID_PATTERN, 'a'.repeat(64), true],
    [CLIENT_ID_PATTERN, 'a'.repeat(65), false],
    [CATEGORY_CODE_PATTERN, 'kiem_tra', true],
    [CATEGORY_CODE_PATTERN, 'k', false],
    [CATEGORY_CODE_PATTERN, 'kiem-tra', false],
  ])('%s on %j is %p', (pattern, text, ok) => expect(pattern.test(text)).toBe(ok));
});
