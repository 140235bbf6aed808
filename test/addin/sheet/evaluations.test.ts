import type { ComplianceRow, Status } from '../../../shared/models';
import { EVALUATIONS, templateHeaders } from '../../../addin/sheet/columns';
import { planPublish } from '../../../addin/sheet/diff';
import {
  adoptStoredEvaluations,
  gateEvaluations,
  isUntouchedPrefill,
  LEADER_ONLY_TEXT,
  PREFILLED_NO_SUGGESTION_TEXT,
  PREFILLED_TEXT,
  prefillEvaluations,
  writeEvaluationFigures,
} from '../../../addin/sheet/evaluations';
import { mapHeaders } from '../../../addin/sheet/header-map';
import { TableEdit } from '../../../addin/sheet/table-edit';
import type { WriteContext } from '../../../addin/sheet/write-back';

const headers = templateHeaders(EVALUATIONS);
const map = mapHeaders(headers, EVALUATIONS);
const col = (h: string): number => headers.indexOf(h);

function cadre(cadreId: string, status: Status, extra: Partial<ComplianceRow> = {}): ComplianceRow {
  return {
    cadreId,
    fullName: `Cán bộ ${cadreId}`,
    department: 'BTC',
    subject: status !== 'exempt' || extra.subject !== false,
    eligibleDays: 365,
    requiredDays: status === 'exempt' ? 0 : 60,
    countedDays: status === 'met' ? 61.5 : 12,
    remainingDays: 0,
    percent: null,
    expectedToDate: 60,
    status,
    trips: 1,
    unitsVisited: 1,
    reports: { on_time: 1, late: 0, pending: 0, overdue: 0 },
    registered: false,
    plannedDays: null,
    evaluation: null,
    ...extra,
  };
}

function context(body: unknown[][] = []): WriteContext {
  return { spec: EVALUATIONS, map, edit: new TableEdit('DanhGia', headers.length, body), categories: [] };
}

/** The rows as they read back once written (what the next flow reads). */
const rowsOf = (ctx: WriteContext): unknown[][] => ctx.edit.finalRows();
const value = (row: unknown[], h: string): unknown => row[col(h)];

describe('prefillEvaluations', () => {
  const compliance = {
    year: 2025,
    closed: null,
    cadres: [cadre('CB01', 'met'), cadre('CB02', 'not_met'), cadre('CB03', 'exempt'), cadre('CB04', 'on_track'), cadre('CB05', 'met', { subject: false })],
  };

  it('adds one row per subject cadre with the suggestion as the result and the figures read-only beside it', () => {
    const ctx = context();
    const added = prefillEvaluations(ctx, compliance);
    expect(added).toHaveLength(4);
    const rows = rowsOf(ctx);
    expect(rows.map((r) => [value(r, 'Mã cán bộ'), value(r, 'Năm'), value(r, 'Kết quả đánh giá'), value(r, 'Nhận xét')])).toEqual([
      ['CB01', 2025, 'Đạt', ''],
      ['CB02', 2025, 'Không đạt', ''],
      ['CB03', 2025, 'Miễn', ''],
      ['CB04', 2025, '', ''],
    ]);
    expect(rows.map((r) => [value(r, 'Họ và tên'), value(r, 'Số ngày đã đi'), value(r, 'Số ngày phải đi'), value(r, 'Tình trạng thực hiện'), value(r, 'Đề xuất theo số liệu')])).toEqual([
      ['Cán bộ CB01', 61.5, 60, 'Đạt', 'Đạt'],
      ['Cán bộ CB02', 12, 60, 'Chưa đạt', 'Không đạt'],
      ['Cán bộ CB03', 12, 0, 'Miễn', 'Miễn'],
      ['Cán bộ CB04', 12, 60, 'Đúng tiến độ', ''],
    ]);
    expect(rows.map((r) => value(r, 'Tình trạng gửi'))).toEqual([PREFILLED_TEXT, PREFILLED_TEXT, PREFILLED_TEXT, PREFILLED_NO_SUGGESTION_TEXT]);
    // Nothing stored yet: no id, no version; the hash marks them as the add-in wrote them.
    for (const r of rows) {
      expect([value(r, 'Mã dòng'), value(r, 'Phiên bản')]).toEqual(['', '']);
      expect(isUntouchedPrefill(ctx, r)).toBe(true);
    }
  });

  it('adds only the cadres missing (a row typed by the user, of any result, stays as it is) and none for a closed year', () => {
    const typed = headers.map((h) => ({ 'Mã cán bộ': 'CB02', Năm: 2025, 'Kết quả đánh giá': 'Đạt', 'Nhận xét': 'Có tiến bộ' })[h] ?? '');
    const ctx = context([typed]);
    expect(prefillEvaluations(ctx, compliance)).toHaveLength(3);
    const rows = rowsOf(ctx);
    expect(rows.map((r) => value(r, 'Mã cán bộ'))).toEqual(['CB02', 'CB01', 'CB03', 'CB04']);
    expect(value(rows[0], 'Kết quả đánh giá')).toBe('Đạt');
    expect(value(rows[0], 'Số ngày đã đi')).toBe(12);
    expect(isUntouchedPrefill(ctx, rows[0])).toBe(false);
    const closed = context();
    expect(prefillEvaluations(closed, { ...compliance, closed: { closedBy: 'x', closedAt: '2026-01-05T01:00:00Z', asOf: '2025-12-31' } })).toEqual([]);
    expect(rowsOf(closed)).toEqual([]);
  });

  it('a pre-filled row edited by the user is no longer untouched', () => {
    const ctx = context();
    prefillEvaluations(ctx, compliance);
    const row = [...rowsOf(ctx)[1]];
    row[col('Nhận xét')] = 'Chưa đủ ngày do ốm';
    expect(isUntouchedPrefill(ctx, row)).toBe(false);
  });
});

describe('writeEvaluationFigures', () => {
  it('overwrites figures typed over on the rows of that year only; a cadre not listed gets blanks', () => {
    const row = (cadreId: string, year: number, counted: unknown): unknown[] => headers.map((h) => ({ 'Mã cán bộ': cadreId, Năm: year, 'Kết quả đánh giá': 'Đạt', 'Số ngày đã đi': counted })[h] ?? '');
    const ctx = context([row('CB01', 2025, 999), row('CB01', 2024, 40), row('CB09', 2025, 3)]);
    writeEvaluationFigures(ctx, { year: 2025, cadres: [cadre('CB01', 'met', { evaluation: { result: 'dat', evaluatedBy: 'Lãnh đạo Demo', evaluatedOn: '2026-01-02', stale: false } })] });
    const rows = rowsOf(ctx);
    expect(value(rows[0], 'Số ngày đã đi')).toBe(61.5);
    expect(value(rows[0], 'Người đánh giá')).toBe('Lãnh đạo Demo');
    expect(value(rows[1], 'Số ngày đã đi')).toBe(40);
    expect([value(rows[2], 'Số ngày đã đi'), value(rows[2], 'Họ và tên'), value(rows[2], 'Tình trạng thực hiện')]).toEqual(['', '', '']);
    // The user's fields are never written.
    expect(rows.map((r) => value(r, 'Kết quả đánh giá'))).toEqual(['Đạt', 'Đạt', 'Đạt']);
  });
});

describe('evaluations payload and the role gate', () => {
  const compliance = { year: 2025, closed: null, cadres: [cadre('CB01', 'met'), cadre('CB02', 'not_met'), cadre('CB04', 'on_track')] };

  function prefilled(): { ctx: WriteContext; body: unknown[][] } {
    const ctx = context();
    prefillEvaluations(ctx, compliance);
    const body = rowsOf(ctx).map((r) => [...r]);
    return { ctx, body };
  }

  it('sends code-free sheet values as the API takes them: cadreId, year, result label, comment; never the figures', () => {
    const { body } = prefilled();
    body[1][col('Nhận xét')] = 'Chưa đủ ngày';
    body[1][col('Ngày đánh giá')] = 46024;
    const plan = planPublish(EVALUATIONS, map, body, () => 'unused');
    expect(plan.rows.map((p) => p.request)).toEqual([
      { ref: 0, cadreId: 'CB01', year: 2025, result: 'dat', id: 'CB01-2025' },
      { ref: 1, cadreId: 'CB02', year: 2025, result: 'khong_dat', comment: 'Chưa đủ ngày', evaluatedOn: 46024, id: 'CB02-2025' },
      { ref: 2, cadreId: 'CB04', year: 2025, id: 'CB04-2025' },
    ]);
    expect(plan.newIds).toEqual([]);
  });

  it('a leader sends every row with a result (pre-filled ones too), never a new row left without one', () => {
    const { ctx, body } = prefilled();
    const plan = planPublish(EVALUATIONS, map, body, () => 'unused');
    const gate = gateEvaluations(ctx, plan, body, 'leader');
    expect(gate.send.map((p) => p.request.id)).toEqual(['CB01-2025', 'CB02-2025']);
    expect(gate.refused).toEqual([]);
    expect(gateEvaluations(ctx, plan, body, 'admin').send).toHaveLength(2);
  });

  it('an editor sends nothing: edited rows are refused, untouched pre-filled rows left alone; an unknown role sends edited rows only', () => {
    const { ctx, body } = prefilled();
    body[1][col('Kết quả đánh giá')] = 'Đạt';
    body[1][col('Nhận xét')] = 'Có lý do chính đáng';
    const plan = planPublish(EVALUATIONS, map, body, () => 'unused');
    const editor = gateEvaluations(ctx, plan, body, 'editor');
    expect(editor.send).toEqual([]);
    expect(editor.refused.map((p) => p.request.id)).toEqual(['CB02-2025']);
    expect(gateEvaluations(ctx, plan, body, 'viewer').refused).toHaveLength(1);
    const unknown = gateEvaluations(ctx, plan, body, null);
    expect(unknown).toEqual({ send: [expect.objectContaining({ row: 1 })], refused: [] });
    expect(LEADER_ONLY_TEXT).toMatch(/^Chưa gửi: chỉ lãnh đạo/);
  });

  it('a stored row changed by a lower role is refused too, and a delete mark as well', () => {
    const stored = headers.map((h) => ({ 'Mã cán bộ': 'CB01', Năm: 2025, 'Kết quả đánh giá': 'Đạt', 'Mã dòng': 'CB01-2025', 'Phiên bản': 'v1', 'Mã kiểm tra': 'old', 'Xoá (đánh x)': 'x' })[h] ?? '');
    const ctx = context([stored]);
    const plan = planPublish(EVALUATIONS, map, [stored], () => 'unused');
    expect(gateEvaluations(ctx, plan, [stored], 'editor').refused.map((p) => p.isDelete)).toEqual([true]);
  });
});

describe('adoptStoredEvaluations', () => {
  it('an untouched pre-filled row takes the row someone stored for its cadre-year, in place; an edited one is left to the merge', () => {
    const ctx = context();
    prefillEvaluations(ctx, { year: 2025, closed: null, cadres: [cadre('CB01', 'met'), cadre('CB02', 'not_met')] });
    ctx.edit.set(1, col('Nhận xét'), 'sửa tay');
    const stored = [
      { id: 'CB01-2025', version: 'v3', cadreId: 'CB01', year: 2025, result: 'khong_dat', comment: 'Báo cáo chậm', evaluatedOn: '2026-01-02', warnings: [] },
      { id: 'CB02-2025', version: 'v4', cadreId: 'CB02', year: 2025, result: 'khong_dat', evaluatedOn: '2026-01-02' },
    ];
    expect(adoptStoredEvaluations(ctx, stored)).toBe(1);
    const rows = rowsOf(ctx);
    expect([value(rows[0], 'Kết quả đánh giá'), value(rows[0], 'Nhận xét'), value(rows[0], 'Phiên bản'), value(rows[0], 'Mã dòng')]).toEqual(['Không đạt', 'Báo cáo chậm', 'v3', 'CB01-2025']);
    expect(value(rows[0], 'Tình trạng gửi')).toBe('Cập nhật từ máy chủ');
    expect(value(rows[1], 'Phiên bản')).toBe('');
  });
});
