import { buildReport, contentLabels } from '../../../shared/report/build';
import type { Block, ReportTable } from '../../../shared/report/model';
import { cadre, EMPTY_PROFILE, reportInput, trip } from './fixtures';

const texts = (blocks: readonly Block[]): string[] => blocks.flatMap((b) => (b.type === 'table' ? [] : [b.text]));
const tableOf = (model: ReturnType<typeof buildReport>, key: ReportTable['key']): ReportTable =>
  model.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' && b.table.key === key ? [b.table] : []))[0];

const data = () => ({
  cadres: [cadre('CB1'), cadre('CB2', 'Văn phòng'), cadre('CB3', 'Ban Tuyên giáo'), cadre('CB4', 'Văn phòng', { subject: false })],
  trips: [
    trip('t1', 'CB1', '2025-01-02', '2025-03-02', { contents: ['khao_sat', 'kiem_tra'], cost: 1500000, difficulties: 'Thiếu kinh phí\nhoạt động hè', proposals: 'Tăng hỗ trợ' }),
    trip('t2', 'CB2', '2025-05-05', '2025-05-07', { unit: 'X2', contents: ['kiem_tra'], cost: 250000.4, difficulties: 'Cơ sở vật chất xuống cấp' }),
    trip('t3', 'CB2', '2024-12-30', '2025-01-01', { contents: ['sinh_hoat', 'kiem_tra'], difficulties: 'Đi từ năm trước' }),
    trip('t0', 'CB2', '2024-06-01', '2024-06-02', { difficulties: 'Năm khác: không vào báo cáo' }),
  ],
  absences: [
    { id: 'a1', cadreId: 'CB3', from: '2025-02-01', to: '2025-08-31', reason: 'study' as const },
    { id: 'a2', cadreId: 'CB2', from: '2024-11-01', to: '2025-01-15', reason: 'sick' as const },
    { id: 'a3', cadreId: 'CB3', from: '2025-09-01', reason: 'study' as const },
    { id: 'a4', cadreId: 'CB1', from: '2023-01-01', to: '2023-03-01', reason: 'maternity' as const },
    { id: 'a5', cadreId: 'CB4', from: '2025-01-01', to: '2025-03-01', reason: 'maternity' as const },
  ],
});

describe('buildReport', () => {
  it('the sentence and the contents, generated from the figures', () => {
    const input = reportInput(data());
    const { summary } = input.compliance;
    expect(summary).toMatchObject({ subject: 3, participated: 2, met: 1 });
    const model = buildReport(input);
    expect(model.sentence).toBe(
      `Năm 2025, 2/3 cán bộ Đoàn chuyên trách cấp tỉnh tham gia đi công tác tại cơ sở (${String(summary.participationPercent).replace('.', ',')}%), 1/3 cán bộ đạt đủ số ngày theo quy định (60 ngày/năm)`,
    );
    expect(model.sentence).toContain('(66,7%)');
    // kiem_tra 3 trips, then khao_sat and sinh_hoat (1 each) in policy order
    expect(contentLabels(input)).toEqual(['Kiểm tra, giám sát', 'Khảo sát, nắm tình hình', 'Dự sinh hoạt chi đoàn, hội nghị']);
    const results = texts(model.sections[1].blocks);
    expect(results).toContain(`${model.sentence}, với nhiều nội dung như: Kiểm tra, giám sát; Khảo sát, nắm tình hình; Dự sinh hoạt chi đoàn, hội nghị.`);
    expect(results).toContain(`Tổng kinh phí đi cơ sở: ${'1.750.000'} đồng.`);
    expect(results).toContain('Đơn vị cơ sở: đã đến 2 đơn vị; còn 1 đơn vị chưa được đến: Phường Đông Hà.');
  });

  it('one cadre: "1/1 cán bộ", 100%, and no contents list without trips', () => {
    const one = buildReport(reportInput({ cadres: [cadre('CB1')], trips: [trip('t1', 'CB1', '2025-01-02', '2025-03-02')] }));
    expect(one.sentence).toBe('Năm 2025, 1/1 cán bộ Đoàn chuyên trách cấp tỉnh tham gia đi công tác tại cơ sở (100%), 1/1 cán bộ đạt đủ số ngày theo quy định (60 ngày/năm)');
    const none = buildReport(reportInput({ cadres: [cadre('CB1')] }));
    expect(texts(none.sections[1].blocks)[1]).toBe('Năm 2025, 0/1 cán bộ Đoàn chuyên trách cấp tỉnh tham gia đi công tác tại cơ sở (0%), 0/1 cán bộ đạt đủ số ngày theo quy định (60 ngày/năm).');
    const nobody = buildReport(reportInput({}));
    expect(nobody.sentence).toContain('chưa có cán bộ');
  });

  it('difficulties and proposals of the year, oldest first, with unit and dates; absences by reason', () => {
    const model = buildReport(reportInput(data()));
    const hard = texts(model.sections[2].blocks);
    expect(hard[0]).toBe('Trong năm có 1 đồng chí tham gia các lớp đào tạo, bồi dưỡng tập trung; 1 đồng chí nghỉ ốm dài ngày, nên thời gian đi cơ sở của các đồng chí này bị ảnh hưởng.');
    expect(hard.slice(2)).toEqual([
      'Xã Gio Linh (30/12/2024 – 01/01/2025): Đi từ năm trước',
      'Xã Gio Linh (02/01/2025 – 02/03/2025): Thiếu kinh phí hoạt động hè',
      'Xã Cam Lộ (05/05/2025 – 07/05/2025): Cơ sở vật chất xuống cấp',
    ]);
    expect(texts(model.sections[3].blocks)).toEqual(['Xã Gio Linh (02/01/2025 – 02/03/2025): Tăng hỗ trợ']);
    expect(model.sections.map((s) => s.heading)).toEqual(['I. ĐẶC ĐIỂM TÌNH HÌNH', 'II. KẾT QUẢ THỰC HIỆN', 'III. KHÓ KHĂN, VƯỚNG MẮC', 'IV. ĐỀ XUẤT, KIẾN NGHỊ']);
  });

  it('no difficulties or proposals recorded: says so; maternity and other reasons have their phrases', () => {
    const model = buildReport(
      reportInput({
        cadres: [cadre('CB1'), cadre('CB2'), cadre('CB3')],
        absences: [
          { id: 'a', cadreId: 'CB1', from: '2025-01-01', to: '2025-06-30', reason: 'maternity' },
          { id: 'b', cadreId: 'CB2', from: '2025-01-01', to: '2025-02-01', reason: 'other' },
          { id: 'c', cadreId: 'CB3', from: '2025-03-01', to: '2025-04-01', reason: 'other' },
        ],
      }),
    );
    expect(texts(model.sections[2].blocks)).toEqual([
      'Trong năm có 1 đồng chí nghỉ chế độ thai sản; 2 đồng chí vắng mặt dài ngày vì lý do khác, nên thời gian đi cơ sở của các đồng chí này bị ảnh hưởng.',
      'Các báo cáo sau đợt đi cơ sở trong năm không ghi nhận khó khăn, vướng mắc nào của cơ sở.',
    ]);
    expect(texts(model.sections[3].blocks)).toEqual(['Các báo cáo sau đợt đi cơ sở trong năm không ghi nhận đề xuất, kiến nghị nào.']);
  });

  it('tables: by department with a total equal to the summary, per subject cadre grouped by department', () => {
    const input = reportInput(data());
    const model = buildReport(input);
    const deps = tableOf(model, 'departments');
    const { summary } = input.compliance;
    expect(deps.rows.map((r) => r[1].text)).toEqual(summary.byDepartment.map((d) => d.department));
    expect(deps.total!.slice(2).map((c) => c.value)).toEqual([summary.subject, summary.participated, summary.met, summary.byDepartment.reduce((s, d) => s + d.countedDays, 0)]);
    const cadres = tableOf(model, 'cadres');
    expect(cadres.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', 'Ban/Văn phòng', 'Số ngày', 'Yêu cầu', 'Kết quả', 'Đánh giá', 'Nhận xét']);
    expect(cadres.rows.map((r) => [r[0].text, r[1].text, r[2].text])).toEqual([
      ['1', 'Nguyễn Văn CB1', 'Ban Tổ chức'],
      ['2', 'Nguyễn Văn CB3', 'Ban Tuyên giáo'],
      ['3', 'Nguyễn Văn CB2', 'Văn phòng'],
    ]);
    const cb2 = input.compliance.cadres.find((c) => c.cadreId === 'CB2')!;
    expect(cadres.rows[2][3]).toEqual({ text: String(cb2.countedDays).replace('.', ','), value: cb2.countedDays });
    expect(cadres.rows[0][5].text).toBe('Đạt');
    expect(cadres.rows[0][6].text).toBe('');
  });

  it('evaluations when the compliance carries them (cycle.md §3)', () => {
    const input = reportInput(data());
    input.compliance.cadres[0].evaluation = { result: 'dat', comment: 'Hoàn thành tốt', evaluatedBy: 'Lãnh đạo', evaluatedOn: '2025-12-31', stale: false };
    input.compliance.cadres[1].evaluation = null;
    Object.assign(input.compliance.summary, { evaluated: 1, evaluationResults: { dat: 1, khong_dat: 0, mien: 0 } });
    const model = buildReport(input);
    expect(texts(model.sections[1].blocks)).toContain('Lãnh đạo đã đánh giá, nhận xét 1/3 cán bộ: 1 Đạt, 0 Không đạt, 0 Miễn.');
    const row = tableOf(model, 'cadres').rows[0];
    expect([row[6].text, row[7].text]).toEqual(['Đạt', 'Hoàn thành tốt']);
  });

  it('header, title and signature from the profile; the org id without a profile', () => {
    const model = buildReport(reportInput(data()));
    expect(model.header).toEqual({
      issuer: ['BAN CHẤP HÀNH ĐOÀN TỈNH QUẢNG TRỊ'],
      symbol: 'Số:        -BC/TĐTN-BTC',
      union: 'ĐOÀN TNCS HỒ CHÍ MINH',
      dateLine: 'Quảng Trị, ngày 05 tháng 01 năm 2026',
    });
    expect(model.subtitle).toBe('Kết quả thực hiện chủ trương đi cơ sở 1+2 năm 2025');
    expect(model.signature).toEqual({ title: ['TM. BAN THƯỜNG VỤ TỈNH ĐOÀN', 'PHÓ BÍ THƯ'], name: 'Nguyễn Thị Lan' });
    expect(model.recipients.lines).toEqual(['- Ban Bí thư Trung ương Đoàn;', '- Lưu VP.']);
    const bare = buildReport(reportInput(data(), { profile: EMPTY_PROFILE }));
    expect(bare.orgName).toBe('qt');
    expect(bare.header.issuer).toEqual(['QT']);
    expect(bare.header.dateLine).toBe('Ngày 05 tháng 01 năm 2026');
  });

  it('text is NFC and free of characters XML cannot hold', () => {
    const decomposed = 'Khó khăn'.normalize('NFD');
    const model = buildReport(
      reportInput({
        cadres: [cadre('CB1', 'Ban \u0007Tổ chức'.normalize('NFD'))],
        trips: [trip('t1', 'CB1', '2025-01-02', '2025-01-03', { difficulties: `${decomposed}\u0000 <w:p>&amp;\uD800` })],
      }),
    );
    const all = JSON.stringify(model);
    expect(all).toBe(all.normalize('NFC'));
    expect(texts(model.sections[2].blocks)[0]).toBe('Xã Gio Linh (02/01/2025 – 03/01/2025): Khó khăn <w:p>&amp;');
    expect(tableOf(model, 'cadres').rows[0][2].text).toBe('Ban Tổ chức');
  });
});
