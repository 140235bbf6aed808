/**
 * A generated org for the year-end report: 30 cadres in five departments (one not subject to
 * the policy), 14 units (two never visited), trips across both New Years of 2025, absences of every reason, trip
 * reports with difficulties and proposals, and strings that would be formulas or markup if
 * written carelessly. Deterministic. Records in canonical form (ISO dates, category codes), as
 * both the engine and the publish routes take them.
 */
import type { Absence, Cadre, Trip, Unit } from '../../shared/models';

export const INJECTIONS = {
  name: '=HYPERLINK("http://example.com","bấm")',
  department: '+Ban Đặc biệt',
  difficulty: '</w:t></w:r></w:p><w:p><w:r><w:t>chèn]]> & <b>đậm</b>',
  proposal: '@SUM(A1:A9)',
  comment: '-1+2',
} as const;

/** The generated org's profile (cycle.md §2), as typed by an office: mixed case, line breaks. */
export const REPORT_PROFILE = {
  name: 'Tỉnh Đoàn Quảng Trị',
  issuer: 'Ban Chấp hành Đoàn tỉnh Quảng Trị',
  place: 'Quảng Trị',
  docSymbol: 'BC/TĐTN-BTC',
  signerTitle: 'TM. Ban Thường vụ Tỉnh Đoàn\nPhó Bí thư',
  signerName: 'Nguyễn Văn Bình',
  recipients: '- Ban Bí thư Trung ương Đoàn;\n- Lưu VP.',
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh', 'Thu'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hạnh', 'Khoa', 'Lan', 'Long', 'Mai', 'Nga', 'Phúc', 'Quyên', 'Sơn', 'Thảo', 'Tuấn', 'Uyên', 'Việt', 'Yến'];
const DEPARTMENTS = ['Ban Tổ chức', 'Ban Tuyên giáo', 'Văn phòng', 'Ban Phong trào', INJECTIONS.department];
const CATEGORIES = ['khao_sat', 'nghien_cuu', 'phoi_hop', 'kiem_tra', 'sinh_hoat', 'dai_hoi', 'khac'];
const UNIT_NAMES = ['Xã Gio Linh', 'Xã Cam Lộ', 'Phường Đông Hà', 'Xã Hải Lăng', 'Xã Triệu Phong', 'Phường Quảng Trị', 'Xã Vĩnh Linh', 'Xã Hướng Hoá', 'Xã Đakrông', 'Xã Cồn Cỏ', 'Trường THPT Lê Lợi', 'Chi đoàn Công an tỉnh', 'Xã Hướng Lập', 'Xã A Vao'];

const pad = (n: number): string => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): string => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);

export interface ReportOrg {
  cadres: Cadre[];
  units: Unit[];
  trips: Array<Trip & { difficulties?: string; proposals?: string; findings?: string }>;
  absences: Absence[];
}

export function reportOrg(): ReportOrg {
  const units: Unit[] = UNIT_NAMES.map((name, i) => ({ unitCode: `X${pad(i + 1)}`, name, kind: name.startsWith('Phường') ? 'phuong' : 'xa' }));
  const cadres: Cadre[] = [];
  const trips: ReportOrg['trips'] = [];
  for (let i = 0; i < 30; i++) {
    const cadreId = `CB${pad(i + 1)}`;
    cadres.push({
      cadreId,
      fullName: i === 7 ? INJECTIONS.name : `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
      department: DEPARTMENTS[i % DEPARTMENTS.length],
      position: 'Chuyên viên',
      subject: i !== 29,
      ...(i === 28 ? { serviceStart: '2025-07-01' } : {}),
    });
    // trips: cadre i makes (i % 8) trips of 9–11 days in 2025; every fifth starts in Dec 2024
    const count = i % 8;
    for (let k = 0; k < count; k++) {
      const month = 1 + k + (i % 3);
      const start = iso(2025, month, 3 + (i % 5));
      const end = iso(2025, month, 3 + (i % 5) + 8 + (k % 3));
      const n = trips.length;
      trips.push({
        id: `T${pad(i + 1)}-${k + 1}`,
        cadreId,
        unit: `X${pad(1 + ((i + k) % 10))}`,
        startDate: start,
        endDate: end,
        contents: [CATEGORIES[(i + k) % 4], ...(k % 3 === 0 ? [CATEGORIES[4 + (i % 3)]] : [])],
        cost: 150000 * (1 + (n % 7)),
        ...(n % 5 !== 4 ? { reportDate: iso(2025, month, 3 + (i % 5) + 8 + (k % 3) + (n % 4 === 3 ? 15 : 2)) } : {}),
        ...(n % 6 === 1 ? { difficulties: `Đoàn viên ở cơ sở ${n} đi làm ăn xa, khó tập hợp` } : {}),
        ...(n % 9 === 2 ? { proposals: `Đề nghị hỗ trợ kinh phí cho cơ sở ${n}` } : {}),
      });
    }
    if (i % 5 === 0) {
      trips.push({ id: `T${pad(i + 1)}-X`, cadreId, unit: 'X11', startDate: '2024-12-28', endDate: '2025-01-04', contents: ['dai_hoi'], reportDate: '2025-01-06', difficulties: i === 0 ? INJECTIONS.difficulty : undefined });
    }
    if (i % 7 === 3) {
      trips.push({ id: `T${pad(i + 1)}-Y`, cadreId, unit: 'Xã ngoài danh sách', startDate: '2025-12-27', endDate: '2026-01-05', contents: ['khac'], proposals: i === 3 ? INJECTIONS.proposal : 'Tiếp tục duy trì' });
    }
  }
  // three cadres meet the requirement with one long trip each
  for (const [i, cadreId] of ['CB02', 'CB10', 'CB17'].entries()) {
    trips.push({ id: `L${i + 1}`, cadreId, unit: 'X12', startDate: '2025-09-01', endDate: '2025-10-31', contents: ['phoi_hop'], reportDate: '2025-11-03', cost: 3000000 });
  }
  const absences: Absence[] = [
    { id: 'A1', cadreId: 'CB04', from: '2025-03-01', to: '2025-08-31', reason: 'study' },
    { id: 'A2', cadreId: 'CB05', from: '2025-09-01', reason: 'study' },
    { id: 'A3', cadreId: 'CB06', from: '2024-10-01', to: '2025-03-31', reason: 'maternity' },
    { id: 'A4', cadreId: 'CB07', from: '2025-05-01', to: '2025-06-30', reason: 'sick' },
    { id: 'A5', cadreId: 'CB08', from: '2025-11-01', to: '2026-02-01', reason: 'other' },
    { id: 'A6', cadreId: 'CB09', from: '2024-01-01', to: '2024-06-30', reason: 'study' },
    { id: 'A7', cadreId: 'CB11', from: '2025-01-01', to: '2025-12-31', reason: 'study' },
  ];
  return { cadres, units, trips, absences };
}
