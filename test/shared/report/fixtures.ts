/** Report inputs for tests: compliance computed by the real engine from small org data. */
import { evaluateOrg } from '../../../shared/engine/evaluate';
import type { Absence, Cadre, OrgData, Trip, Unit } from '../../../shared/models';
import type { OrgProfile, ReportCompliance, ReportInput, ReportTrip } from '../../../shared/report/input';

export const EMPTY_PROFILE: OrgProfile = { name: '', issuer: '', place: '', docSymbol: '', signerTitle: '', signerName: '', recipients: '' };

export const PROFILE: OrgProfile = {
  name: 'Tỉnh Đoàn Quảng Trị',
  issuer: 'Ban Chấp hành Đoàn tỉnh Quảng Trị',
  place: 'Quảng Trị',
  docSymbol: 'BC/TĐTN-BTC',
  signerTitle: 'TM. Ban Thường vụ Tỉnh Đoàn\nPhó Bí thư',
  signerName: 'Nguyễn Thị Lan',
  recipients: '- Ban Bí thư Trung ương Đoàn;\n- Lưu VP.',
};

export const cadre = (cadreId: string, department = 'Ban Tổ chức', extra: Partial<Cadre> = {}): Cadre => ({
  cadreId,
  fullName: `Nguyễn Văn ${cadreId}`,
  department,
  position: 'Chuyên viên',
  subject: true,
  ...extra,
});

export const trip = (id: string, cadreId: string, startDate: string, endDate: string, extra: Partial<Trip & ReportTrip> = {}): Trip & ReportTrip => ({
  id,
  cadreId,
  unit: 'X1',
  startDate,
  endDate,
  contents: ['kiem_tra'],
  ...extra,
});

export const UNITS: Unit[] = [
  { unitCode: 'X1', name: 'Xã Gio Linh', kind: 'xa' },
  { unitCode: 'X2', name: 'Xã Cam Lộ', kind: 'xa' },
  { unitCode: 'X3', name: 'Phường Đông Hà', kind: 'phuong' },
];

export function compliance(data: Partial<OrgData>, year = 2025, asOf = '2025-12-31', org = 'qt'): ReportCompliance {
  const full: OrgData = { cadres: [], absences: [], units: UNITS, registrations: [], trips: [], ...data };
  const result = evaluateOrg({ ...full, asOf, policies: {} }).year(year);
  return { org, ...result, computedAt: '2026-01-05T03:00:00.000Z' };
}

export function reportInput(data: Partial<OrgData> & { trips?: Array<Trip & ReportTrip>; absences?: Absence[] }, extra: Partial<ReportInput> = {}): ReportInput {
  return {
    compliance: compliance(data),
    profile: PROFILE,
    trips: data.trips ?? [],
    absences: data.absences ?? [],
    units: UNITS,
    reportDate: '2026-01-05',
    ...extra,
  };
}
