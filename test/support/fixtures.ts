/** Rows for API tests. */
export const NOW = new Date('2025-12-31T05:00:00Z'); // 12:00 in Vietnam, 31/12/2025

export const cadre = (cadreId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  cadreId,
  fullName: `Nguyễn Văn ${cadreId}`,
  department: 'Ban Tổ chức',
  position: 'Chuyên viên',
  ...extra,
});

export const unit = (unitCode: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  unitCode,
  name,
  kind: 'xa',
  ...extra,
});

export const trip = (id: string, cadreId: string, startDate: string, endDate: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  cadreId,
  unit: 'X1',
  startDate,
  endDate,
  contents: 'kiem_tra',
  ...extra,
});
