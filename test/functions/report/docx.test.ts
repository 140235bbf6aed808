import { renderDocx } from '../../../functions/report/docx';
import { buildReport } from '../../../shared/report/build';
import type { ReportModel, ReportTable } from '../../../shared/report/model';
import { readDocx } from '../../support/ooxml';
import { INJECTIONS } from '../../support/report-org';
import { cadre, reportInput, trip } from '../../shared/report/fixtures';

const tableOf = (model: ReportModel, key: ReportTable['key']): ReportTable =>
  model.sections.flatMap((s) => s.blocks).flatMap((b) => (b.type === 'table' && b.table.key === key ? [b.table] : []))[0];

function sample(): ReportModel {
  return buildReport(
    reportInput({
      cadres: [cadre('CB1'), cadre('CB2', 'Văn phòng', { fullName: INJECTIONS.name }), cadre('CB3', INJECTIONS.department)],
      trips: [
        trip('t1', 'CB1', '2025-01-02', '2025-03-02', { cost: 1250000, difficulties: INJECTIONS.difficulty, proposals: INJECTIONS.proposal }),
        trip('t2', 'CB2', '2025-05-05', '2025-05-07', { unit: 'X2', contents: ['khao_sat'], proposals: 'Tăng cường tập huấn' }),
      ],
    }),
  );
}

describe('renderDocx', () => {
  let model: ReportModel;
  let doc: Awaited<ReturnType<typeof readDocx>>;
  beforeAll(async () => {
    model = sample();
    doc = await readDocx(await renderDocx(model));
  });

  it('A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt, page numbers from page 2', async () => {
    const sect = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(doc.xml)![0];
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(sect).toMatch(/w:top="1134"/); // 20 mm
    expect(sect).toMatch(/w:bottom="1134"/);
    expect(sect).toMatch(/w:left="1701"/); // 30 mm
    expect(sect).toMatch(/w:right="850"/); // 15 mm
    expect(sect).toContain('<w:titlePg/>');
    const refs = [...sect.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => m[1]).sort();
    expect(refs).toEqual(['default', 'first']);
    const headers = await Promise.all(['word/header1.xml', 'word/header2.xml'].map((f) => doc.file(f)));
    // one header carries the PAGE field (default), the other (first page) none
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
    const styles = await doc.file('word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*w:hAnsi="Times New Roman"/);
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('header block, title, sections, signature and recipients in order', () => {
    const [header] = doc.tables;
    expect(header[0][0]).toBe(['BAN CHẤP HÀNH ĐOÀN TỈNH QUẢNG TRỊ', '***', 'Số:        -BC/TĐTN-BTC'].join('\n'));
    expect(header[0][1]).toBe(['ĐOÀN TNCS HỒ CHÍ MINH', '', 'Quảng Trị, ngày 05 tháng 01 năm 2026'].join('\n'));
    expect(doc.xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,200}ĐOÀN TNCS HỒ CHÍ MINH/);
    expect(doc.xml).toMatch(/<w:i\/>[\s\S]{0,200}Quảng Trị, ngày 05 tháng 01 năm 2026/);
    const p = doc.paragraphs;
    expect(p.slice(0, 2)).toEqual(['BÁO CÁO', 'Kết quả thực hiện chủ trương đi cơ sở 1+2 năm 2025']);
    const headings = model.sections.map((s) => s.heading);
    const at = headings.map((h) => p.indexOf(h));
    expect(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]))).toBe(true);
    expect(p.some((t) => t.startsWith(model.sentence))).toBe(true);
    const signature = doc.tables[doc.tables.length - 1][0];
    expect(signature[0]).toBe(['Nơi nhận:', '- Ban Bí thư Trung ương Đoàn;', '- Lưu VP.'].join('\n'));
    expect(signature[1].split('\n').filter((l) => l !== '')).toEqual(['TM. BAN THƯỜNG VỤ TỈNH ĐOÀN', 'PHÓ BÍ THƯ', 'Nguyễn Thị Lan']);
  });

  it('tables equal the model, with a repeated header row', () => {
    const [, departments, cadres] = doc.tables;
    const d = tableOf(model, 'departments');
    expect(departments).toEqual([d.columns.map((c) => c.header), ...d.rows.map((r) => r.map((c) => c.text)), d.total!.map((c) => c.text)]);
    const c = tableOf(model, 'cadres');
    expect(cadres).toEqual([c.columns.map((x) => x.header), ...c.rows.map((r) => r.map((x) => x.text))]);
    expect((doc.xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(2);
  });

  it('injection strings stay text; Vietnamese text survives as NFC', () => {
    const all = [...doc.paragraphs, ...doc.tables.flat(2)].join('\n');
    expect(all).toContain(INJECTIONS.difficulty);
    expect(all).toContain(INJECTIONS.proposal);
    expect(all).toContain(INJECTIONS.name);
    expect(all).toContain(INJECTIONS.department);
    expect(doc.xml).not.toContain('<b>');
    expect(doc.xml).toContain('&lt;/w:t&gt;&lt;/w:r&gt;');
    expect(all).toBe(all.normalize('NFC'));
    expect(all).toContain('III. KHÓ KHĂN, VƯỚNG MẮC');
  });
});
