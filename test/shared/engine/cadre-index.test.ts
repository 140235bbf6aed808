import { CadreIndex } from '../../../shared/engine/cadre-index';
import { cadre } from './fixtures';

describe('CadreIndex', () => {
  const index = new CadreIndex([
    cadre('b', { fullName: 'first b' }),
    cadre('B'),
    cadre('a'),
    cadre('b', { fullName: 'second b' }),
  ]);

  test('one cadre per id (the first row wins), sorted by code point', () => {
    expect(index.cadres.map((c) => c.cadreId)).toEqual(['B', 'a', 'b']);
    expect(index.cadre('b')?.fullName).toBe('first b');
    expect(index.listed).toBe(3);
  });

  test('numbers: listed cadres in order, then ids only trips name', () => {
    expect(['B', 'a', 'b'].map((id) => index.numberOf(id))).toEqual([0, 1, 2]);
    expect(index.find('zz')).toBeUndefined();
    expect(index.numberOf('zz')).toBe(3);
    expect(index.numberOf('yy')).toBe(4);
    expect(index.numberOf('zz')).toBe(3);
    expect(index.size).toBe(5);
    expect(index.cadre('zz')).toBeUndefined();
  });
});
