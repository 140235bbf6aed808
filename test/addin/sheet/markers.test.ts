import { findHeader, listFormula, listName, tableMarkerFormula, tableMarkerName, tableOfMarker } from '../../../addin/sheet/markers';

describe('workbook names that mark tables and feed dropdowns', () => {
  it('names a table’s marker and reads back the table it refers to now', () => {
    expect(tableMarkerName('CanBo')).toBe('TheoDoi_Bang_CanBo');
    expect(tableMarkerFormula('CanBo')).toBe('=CanBo[#All]');
    expect(tableOfMarker('=CanBo[#All]')).toBe('CanBo');
    expect(tableOfMarker('=Nhân_sự_2025[#All]')).toBe('Nhân_sự_2025');
    expect(tableOfMarker('=ChuyenDi[[#All]]')).toBe('ChuyenDi');
    expect(tableOfMarker('=#REF!')).toBeNull();
    expect(tableOfMarker("='Cán bộ'!$A$1:$X$9")).toBeNull();
    expect(tableOfMarker(undefined)).toBeNull();
  });

  it('names a dropdown list by table and field, on the column’s structured reference', () => {
    expect(listName('DonVi', 'unitCode')).toBe('TheoDoi_DS_DonVi_unitCode');
    expect(listFormula('DonVi', 'Mã đơn vị')).toBe('=DonVi[Mã đơn vị]');
    expect(listFormula('T', "Mã [cũ] #1 'x'")).toBe("=T[Mã '[cũ'] '#1 ''x'']");
  });

  it('finds a header as the flows do: case, accents and spaces ignored', () => {
    expect(findHeader(['Họ và tên', 'mã cán bộ'], 'Mã cán bộ')).toBe(1);
    expect(findHeader(['MA CAN BO'], 'Mã cán bộ')).toBe(0);
    expect(findHeader(['Mã đơn vị'], 'Mã cán bộ')).toBe(-1);
  });
});
