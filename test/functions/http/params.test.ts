import { dateValue, flagValue, orgParam, yearAndAsOf, yearValue } from '../../../functions/http/params';
import { InvalidParamError } from '../../../functions/http/errors';
import { corsHeaders, preflightHeaders } from '../../../functions/dev/cors';

describe('query and path parameters', () => {
  it('accepts org ids of [a-z0-9-]{2,32} only', () => {
    expect(orgParam('demo-01')).toBe('demo-01');
    for (const bad of ['D', 'Demo', "a' or 1 eq 1", 'a_b', 'x'.repeat(33), undefined]) expect(() => orgParam(bad)).toThrow(InvalidParamError);
  });
  it('parses years and dates in both query forms, with defaults', () => {
    expect(yearValue(null, 'year', 2025)).toBe(2025);
    expect(yearValue(' 2024 ', 'year', 2025)).toBe(2024);
    expect(() => yearValue('25', 'year', 2025)).toThrow(InvalidParamError);
    expect(dateValue('5/3/2025', 'asOf', '2025-01-01')).toBe('2025-03-05');
    expect(dateValue('2025-03-05', 'asOf', null)).toBe('2025-03-05');
    expect(dateValue('', 'asOf', null)).toBeNull();
    expect(() => dateValue('45658', 'asOf', null)).toThrow(InvalidParamError);
    expect(() => dateValue('29/02/2025', 'asOf', null)).toThrow(/29\/02\/2025/);
  });
  it('defaults year and asOf to today in Vietnam', () => {
    const late = new Date('2025-12-31T18:30:00Z'); // 01:30 on 01/01/2026 in Vietnam
    expect(yearAndAsOf(new URLSearchParams(''), late)).toEqual({ year: 2026, asOf: '2026-01-01', yearGiven: false });
    expect(yearAndAsOf(new URLSearchParams('year=2025'), late)).toMatchObject({ year: 2025, yearGiven: true });
  });
  it('takes the year of asOf when only asOf is given', () => {
    const now = new Date('2026-11-29T03:00:00Z');
    expect(yearAndAsOf(new URLSearchParams('asOf=31/12/2025'), now)).toEqual({ year: 2025, asOf: '2025-12-31', yearGiven: false });
    expect(yearAndAsOf(new URLSearchParams('year=2024&asOf=2025-06-30'), now)).toMatchObject({ year: 2024, asOf: '2025-06-30' });
  });
  it('reads flags', () => {
    expect(flagValue('true', 'x')).toBe(true);
    expect(flagValue(null, 'x')).toBe(false);
    expect(flagValue('0', 'x')).toBe(false);
    expect(() => flagValue('yes', 'x')).toThrow(InvalidParamError);
  });
});

describe('CORS headers of the dev host', () => {
  it('echoes an allowed origin, * by default, nothing for others', () => {
    expect(corsHeaders(undefined, 'https://a')).toEqual({ 'Access-Control-Allow-Origin': '*' });
    expect(corsHeaders('https://a, https://b', 'https://b')).toEqual({ 'Access-Control-Allow-Origin': 'https://b', Vary: 'Origin' });
    expect(corsHeaders('https://a', 'https://c')).toEqual({ Vary: 'Origin' });
    expect(preflightHeaders(undefined, undefined)).toMatchObject({ 'Access-Control-Allow-Headers': 'x-api-key, authorization, content-type', 'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS' });
  });
});
