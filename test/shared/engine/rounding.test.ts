import { ceilDiv, daysToHalves, halvesToDays, roundHalfUp1 } from '../../../shared/engine/rounding';

describe('rounding', () => {
  test('ceilDiv is exact for integers', () => {
    expect(ceilDiv(60 * 184, 365)).toBe(31);
    expect(ceilDiv(60 * 365, 365)).toBe(60);
    expect(ceilDiv(0, 365)).toBe(0);
    expect(ceilDiv(1, 366)).toBe(1);
  });

  test('roundHalfUp1 rounds the exact value half up, not the float', () => {
    expect(roundHalfUp1(9300, 400)).toBe(23.3); // 23.25 exactly
    expect(roundHalfUp1(1005, 1000)).toBe(1); // 1.005 → 1.0
    expect(roundHalfUp1(1015, 100)).toBe(10.2); // 10.15
    expect(roundHalfUp1(60 * 181, 365)).toBe(29.8);
    expect(roundHalfUp1(2, 3)).toBe(0.7);
    expect(roundHalfUp1(0, 7)).toBe(0);
  });

  test('1.45 and 0.05 round up on their exact values', () => {
    expect(roundHalfUp1(145, 100)).toBe(1.5); // (1.45).toFixed(1) is "1.4" in floats
    expect((1.45).toFixed(1)).toBe('1.4');
    expect(roundHalfUp1(5, 100)).toBe(0.1);
  });

  test('half-days', () => {
    expect(daysToHalves(2.5)).toBe(5);
    expect(halvesToDays(5)).toBe(2.5);
  });
});
