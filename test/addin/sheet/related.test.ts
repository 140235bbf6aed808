import { ABSENCES, templateHeaders, TRIPS, type TableSpec } from '../../../addin/sheet/columns';
import { mapHeaders } from '../../../addin/sheet/header-map';
import type { Issue } from '../../../addin/sheet/issues';
import { nameRelated, nameRelatedIssues, nameWarnings, relatedIdsOf, relatedNames, rowName, spanText, type RelatedTable } from '../../../addin/sheet/related';
import { TableEdit } from '../../../addin/sheet/table-edit';

/** A bound table of `spec` at (top, left) on `sheet`, its body built from records by header. */
function table(spec: TableSpec, rows: Record<string, unknown>[], place = { sheet: spec.sheet, top: 0, left: 0 }): RelatedTable {
  const headers = templateHeaders(spec);
  const body = rows.map((r) => headers.map((h) => r[h] ?? ''));
  return { spec, map: mapHeaders(headers, spec), edit: new TableEdit(spec.table, headers.length, body), table: place };
}
const trip = (id: string, start: unknown, end: unknown, status = ''): Record<string, unknown> => ({ 'Mã dòng': id, 'Mã cán bộ': 'CB01', 'Ngày đi': start, 'Ngày về': end, 'Tình trạng gửi': status });
const statusOf = (t: RelatedTable, row: number): unknown => t.edit.cell(row, t.map.meta.status!);

const A = '6f1c2a9e-1b2c-4d3e-8f4a-5b6c7d8e9f01';
const B = '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d';
const GONE = 'ffffffff-ffff-4fff-8fff-ffffffffffff';

describe('spanText', () => {
  it('shows the dates as the sheet does, the start year dropped when both share it', () => {
    expect(spanText('03/03/2025', '07/03/2025')).toBe('03/03–07/03/2025');
    expect(spanText(45719, 45723)).toBe('03/03–07/03/2025'); // Excel serials
    expect(spanText('2024-12-28', '02/01/2025')).toBe('28/12/2024–02/01/2025');
    expect(spanText('05/03/2025', 45721)).toBe('05/03/2025');
    expect(spanText('01/03/2025', '')).toBe('từ 01/03/2025');
    expect(spanText('', '07/03/2025')).toBe('');
    expect(spanText('hôm qua', '07/03/2025')).toBe('');
  });

  it('names a row by sheet, Excel row number and dates', () => {
    expect(rowName('Đi cơ sở', 7, '03/03–07/03/2025')).toBe('Đi cơ sở dòng 7 (03/03–07/03/2025)');
    expect(rowName('Cán bộ', 3, '')).toBe('Cán bộ dòng 3');
  });
});

describe('relatedNames', () => {
  it('finds each id at its final row (removed rows skipped, header row and table position counted), in any table', () => {
    const trips = table(TRIPS, [trip('x', 45717, 45717), trip(A, '03/03/2025', '07/03/2025'), trip(B, 45722, 45725)], { sheet: 'Chuyến đi', top: 3, left: 1 });
    trips.edit.remove(0);
    const absences = table(ABSENCES, [{ 'Mã dòng': 'ab1', 'Mã cán bộ': 'CB01', 'Từ ngày': '01/03/2025' }]);
    const names = relatedNames([absences, trips], [A, B, 'ab1', GONE, 'x', '']);
    expect(Object.fromEntries(names)).toEqual({
      [A]: 'Chuyến đi dòng 5 (03/03–07/03/2025)', // header on row 4, first body row removed
      [B]: 'Chuyến đi dòng 6 (06/03–09/03/2025)',
      ab1: 'Miễn giảm dòng 2 (từ 01/03/2025)',
    });
  });

  it('takes the first row holding an id and ignores ids never asked for', () => {
    const trips = table(TRIPS, [trip(A, 45719, 45719), trip(A, 45720, 45720), trip(B, 45721, 45721)]);
    expect([...relatedNames([trips], [A])]).toEqual([[A, 'Đi cơ sở dòng 2 (03/03/2025)']]);
  });
});

describe('nameRelated', () => {
  const names = new Map([[A, 'Đi cơ sở dòng 2 (03/03–07/03/2025)']]);
  it('replaces the related ids it can name, leaves the others as they are', () => {
    const message = `Trùng ngày với đợt đi khác của cùng cán bộ: những ngày trùng chỉ được tính một lần. Liên quan: ${A}, ${GONE}.`;
    expect(nameRelated(message, [A, GONE], names)).toBe(
      `Trùng ngày với đợt đi khác của cùng cán bộ: những ngày trùng chỉ được tính một lần. Liên quan: Đi cơ sở dòng 2 (03/03–07/03/2025), ${GONE}.`,
    );
    // Only the warning's own related ids are touched.
    expect(nameRelated(`Liên quan: ${A}.`, [], names)).toBe(`Liên quan: ${A}.`);
    expect(nameRelated(`Liên quan: ${A}.`, undefined, names)).toBe(`Liên quan: ${A}.`);
  });

  it('names the warnings a status text is built from', () => {
    const w = [
      { code: 'OVERLAP' as const, message: `Trùng ngày. Liên quan: ${A}.`, related: [A] },
      { code: 'UNKNOWN_UNIT' as const, message: 'Đơn vị đến "X" không có.' },
    ];
    expect(nameWarnings(w, names)?.map((x) => x.message)).toEqual(['Trùng ngày. Liên quan: Đi cơ sở dòng 2 (03/03–07/03/2025).', 'Đơn vị đến "X" không có.']);
    expect(nameWarnings(undefined, names)).toBeUndefined();
    expect([...relatedIdsOf([{ warnings: w }, {}, { warnings: [{ ...w[0], related: [B, A] }] }])]).toEqual([A, B]);
  });
});

describe('nameRelatedIssues', () => {
  const overlap = (row: number, related: string[]): Issue => ({
    severity: 'warning',
    kind: 'trips',
    sheet: 'Đi cơ sở',
    table: 'DiCoSo',
    row,
    code: 'OVERLAP',
    message: `Trùng ngày. Liên quan: ${related.join(', ')}.`,
    related,
  });

  it('names the related trips in the issue messages and in the rows’ status cells', () => {
    const status = `Đã lưu (mới) — Cảnh báo: Trùng ngày. Liên quan: ${A}, ${GONE}.`;
    const trips = table(TRIPS, [trip(A, 45719, 45723, 'Đã lưu (mới)'), trip(B, 45722, 45725, status)]);
    const issues = nameRelatedIssues([trips], [overlap(1, [A, GONE]), { ...overlap(0, []), message: 'Khác.', related: undefined }]);
    expect(issues.map((i) => i.message)).toEqual([`Trùng ngày. Liên quan: Đi cơ sở dòng 2 (03/03–07/03/2025), ${GONE}.`, 'Khác.']);
    expect(statusOf(trips, 1)).toBe(`Đã lưu (mới) — Cảnh báo: Trùng ngày. Liên quan: Đi cơ sở dòng 2 (03/03–07/03/2025), ${GONE}.`);
    expect(statusOf(trips, 0)).toBe('Đã lưu (mới)');
    // Only the status column is written.
    expect(trips.edit.toWrite().runs.map((r) => [r.row, r.col])).toEqual([[1, trips.map.meta.status]]);
  });

  it('leaves everything as it is when no related id is in the workbook', () => {
    const trips = table(TRIPS, [trip(B, 45722, 45725, `Cảnh báo: Liên quan: ${GONE}.`)]);
    const issues = [overlap(0, [GONE])];
    expect(nameRelatedIssues([trips], issues)).toEqual(issues);
    expect(trips.edit.changed).toBe(false);
  });

  it('skips the status of a removed row and names rows after removals by their final place', () => {
    const trips = table(TRIPS, [trip('gone', 45717, 45717), trip(A, 45719, 45723), trip(B, 45722, 45725, `Liên quan: ${A}.`)]);
    trips.edit.remove(0);
    const [named] = nameRelatedIssues([trips], [overlap(2, [A])]);
    expect(named.message).toBe('Trùng ngày. Liên quan: Đi cơ sở dòng 2 (03/03–07/03/2025).');
    expect(statusOf(trips, 2)).toBe('Liên quan: Đi cơ sở dòng 2 (03/03–07/03/2025).');
  });
});
