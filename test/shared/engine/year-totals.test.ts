import { isoToDay } from '../../../shared/dates';
import { policyLookup } from '../../../shared/defaults';
import { CadreIndex } from '../../../shared/engine/cadre-index';
import { GroupCredit, creditGroup } from '../../../shared/engine/credit';
import { REPORT_CODE } from '../../../shared/engine/reports';
import { buildTripTable, loadGroup } from '../../../shared/engine/trip-table';
import { STRIDE } from '../../../shared/engine/trip-record';
import { UnitResolver } from '../../../shared/engine/units';
import { CADRE_CELLS, C_HALVES, C_REPORTS, C_TRIPS, C_UNITS, YearTotalsSet } from '../../../shared/engine/year-totals';
import { YearContexts } from '../../../shared/engine/year-context';
import type { Trip } from '../../../shared/models';
import { UNITS, cadre, trip } from './fixtures';

function gather(trips: Trip[], asOf: string) {
  const cadres = new CadreIndex([cadre('CB01'), cadre('CB02')]);
  const units = new UnitResolver(UNITS);
  const table = buildTripTable(trips, cadres, units);
  const years = new YearContexts(policyLookup({}), isoToDay(asOf));
  const totals = new YearTotalsSet(cadres.listed, units.keyCount, table.categoryCodes.length);
  const buffer = new Int32Array(table.maxGroup * STRIDE);
  const credit = new GroupCredit();
  for (let g = 0; g < table.groupCount; g++) {
    const m = loadGroup(table, g, buffer);
    if (g >= cadres.listed) continue;
    creditGroup(buffer, 0, m, years, credit);
    totals.addGroup(g, table, buffer, m, credit, years, isoToDay(asOf));
  }
  const row = (year: number, g: number) => Array.from(totals.of(year).perCadre.subarray(g * CADRE_CELLS, (g + 1) * CADRE_CELLS));
  return { totals, units, table, row };
}

describe('year totals', () => {
  test('a New-Year trip is in both years; its report and cost only in the year it ends', () => {
    const t = trip('2025-12-30', '2026-01-02', { cost: 300_000, unit: 'Xã Yên Bình', contents: ['khac', 'kiem_tra'] });
    const { totals, row, table } = gather([t], '2026-06-30');
    const y25 = totals.of(2025);
    const y26 = totals.of(2026);
    expect(row(2025, 0)).toEqual([1, 4, 1, 0, 0, 0, 0]);
    const r26 = row(2026, 0);
    expect([r26[C_TRIPS], r26[C_HALVES], r26[C_UNITS], r26[C_REPORTS + REPORT_CODE.on_time]]).toEqual([1, 4, 1, 1]);
    expect([y25.reports, y25.totalCost, y26.reports, y26.totalCost]).toEqual([[0, 0, 0, 0], 0, [1, 0, 0, 0], 300_000]);
    expect(table.categoryCodes).toEqual(['khac', 'kiem_tra']);
    expect(Array.from(y25.categoryTrips)).toEqual([1, 1]);
    expect(Array.from(y26.categoryHalves)).toEqual([4, 4]);
  });

  test('a year’s set needs a date of the year on or before asOf; unknown cadres are left out', () => {
    const later = trip('2025-12-30', '2026-01-02');
    const future = trip('2026-01-05', '2026-01-06');
    const stranger = trip('2025-03-03', '2025-03-03', { cadreId: 'ZZ' });
    const { totals, row } = gather([later, future, stranger], '2025-12-31');
    expect(row(2025, 0)).toEqual([1, 4, 1, 0, 0, 0, 0]);
    expect(row(2026, 0)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // its report belongs to 2026, whose set it is not in yet
    expect(totals.of(2025).reports).toEqual([0, 0, 0, 0]);
    expect(totals.of(2026).reports).toEqual([0, 0, 0, 0]);
  });

  test('distinct units per cadre-year and for the year', () => {
    const trips = [
      trip('2025-03-03', '2025-03-03', { unit: 'XA01' }),
      trip('2025-03-04', '2025-03-04', { unit: 'xa yen binh' }),
      trip('2025-03-05', '2025-03-05', { unit: 'Trường A' }),
      trip('2025-03-06', '2025-03-06', { unit: 'XA01', cadreId: 'CB02' }),
    ];
    const { totals, row, units } = gather(trips, '2025-12-31');
    expect(row(2025, 0)[C_UNITS]).toBe(2);
    expect(row(2025, 1)[C_UNITS]).toBe(1);
    const y = totals.of(2025);
    expect(y.unitsVisited).toBe(2);
    expect(y.visited(units.codeId('XA01')!)).toBe(true);
    expect(y.visited(units.codeId('XA02')!)).toBe(false);
  });
});
