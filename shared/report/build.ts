/**
 * The year-end report model from plain data (cycle.md §5). Pure: the same input gives the same
 * model. Every figure is taken from the compliance body as given, never recomputed (the
 * department table's total row adds the department figures, which sum to the summary's).
 */
import { compareCodePoints } from '../code-points';
import { STATUS_LABELS } from '../messages';
import type { IsoDate } from '../models';
import { dateLine, formatDate, formatMoney, formatNumber, formatPercent } from './format';
import type { OrgProfile, ReportAbsence, ReportComplianceRow, ReportInput, ReportTrip } from './input';
import type { Block, ReportModel, ReportSection, ReportTable, TableCell } from './model';
import { clean, textLines } from './text';
import { ABSENCE_ORDER, ABSENCE_PHRASES, EVALUATION_LABELS, EVALUATION_ORDER } from './phrases';

const VIETNAMESE = new Intl.Collator('vi');
export const UNION_NAME = 'ĐOÀN TNCS HỒ CHÍ MINH';
export const NO_DEPARTMENT = '(Chưa ghi ban)';

const nfc = clean;
const upper = (text: string): string => clean(text).toLocaleUpperCase('vi');
const lines = textLines;

const num = (value: number): TableCell => ({ text: formatNumber(value), value });
const text = (value: string): TableCell => ({ text: nfc(value) });

/** Trips and absences touching [first, last]. */
const touches = (from: IsoDate, to: IsoDate | undefined, first: IsoDate, last: IsoDate): boolean =>
  from <= last && (to === undefined || to >= first);

/** The profile with blanks filled: the org id stands where a name is needed. */
function names(profile: OrgProfile, org: string): { orgName: string; issuer: string[] } {
  const orgName = nfc(profile.name.trim()) || org;
  return { orgName, issuer: lines(upper(profile.issuer.trim() || orgName)) };
}

/** "Năm 2025, 26/26 cán bộ … (100%), 24/26 cán bộ đạt đủ số ngày theo quy định (60 ngày/năm)". */
export function resultSentence(input: ReportInput): string {
  const { year, summary, policy } = input.compliance;
  if (summary.subject === 0) {
    return `Năm ${year}, đơn vị chưa có cán bộ Đoàn chuyên trách cấp tỉnh thuộc đối tượng thực hiện chủ trương đi cơ sở 1+2`;
  }
  return (
    `Năm ${year}, ${summary.participated}/${summary.subject} cán bộ Đoàn chuyên trách cấp tỉnh tham gia đi công tác tại cơ sở ` +
    `(${formatPercent(summary.participationPercent)}%), ${summary.met}/${summary.subject} cán bộ đạt đủ số ngày theo quy định ` +
    `(${formatNumber(policy.requiredDays)} ngày/năm)`
  );
}

/** The labels of the categories with trips, most trips first (ties in the summary's order). */
export function contentLabels(input: ReportInput): string[] {
  const { summary, policy } = input.compliance;
  const labelOf = new Map(policy.categories.map((c) => [c.code, c.label]));
  return summary.byCategory
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c.trips > 0)
    .sort((a, b) => b.c.trips - a.c.trips || a.index - b.index)
    .map(({ c }) => nfc(labelOf.get(c.category) ?? c.category));
}

function sectionSituation(input: ReportInput): ReportSection {
  const { compliance } = input;
  const { summary, policy } = compliance;
  const listed = compliance.cadres.filter((r) => r.subject).length;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text:
        `Tổng số cán bộ Đoàn chuyên trách cấp tỉnh trong danh sách theo dõi: ${compliance.cadres.length} đồng chí, ` +
        `trong đó ${listed} đồng chí thuộc đối tượng thực hiện chủ trương đi cơ sở 1+2` +
        (listed !== summary.subject ? ` (${summary.subject} đồng chí có yêu cầu số ngày trong năm)` : '') +
        `, công tác tại ${summary.byDepartment.length} ban, văn phòng.`,
    },
    {
      type: 'paragraph',
      text:
        `Theo quy định, mỗi cán bộ đi cơ sở tối thiểu ${formatNumber(policy.requiredDays)} ngày/năm ` +
        `(tính từ ngày ${formatDate(policy.windowStart)} đến ngày ${formatDate(policy.windowEnd)}; ` +
        `cán bộ công tác không đủ năm hoặc nghỉ dài ngày được giảm trừ theo thời gian). ` +
        `Đầu năm, ${summary.registered}/${summary.subject} cán bộ đăng ký kế hoạch đi cơ sở.`,
    },
    {
      type: 'paragraph',
      italic: true,
      text: compliance.closed
        ? `Số liệu trong báo cáo là số liệu đã khoá sổ ngày ${formatDate(compliance.closed.closedAt.slice(0, 10))}, tính đến ngày ${formatDate(compliance.closed.asOf)}.`
        : `Số liệu trong báo cáo tính đến ngày ${formatDate(compliance.asOf)}.`,
    },
  ];
  return { heading: 'I. ĐẶC ĐIỂM TÌNH HÌNH', blocks };
}

function departmentTable(input: ReportInput): ReportTable {
  const deps = input.compliance.summary.byDepartment;
  const sum = (pick: (d: (typeof deps)[number]) => number): number => deps.reduce((s, d) => s + Math.round(pick(d) * 2), 0) / 2;
  return {
    key: 'departments',
    columns: [
      { header: 'STT', width: 7, align: 'center' },
      { header: 'Ban/Văn phòng', width: 39, align: 'left' },
      { header: 'Số cán bộ', width: 12, align: 'center', numeric: true },
      { header: 'Tham gia', width: 12, align: 'center', numeric: true },
      { header: 'Đạt', width: 12, align: 'center', numeric: true },
      { header: 'Số ngày', width: 14, align: 'center', numeric: true },
    ],
    rows: deps.map((d, i) => [
      text(String(i + 1)),
      text(d.department.trim() === '' ? NO_DEPARTMENT : d.department),
      num(d.subject),
      num(d.participated),
      num(d.met),
      num(d.countedDays),
    ]),
    total: deps.length === 0 ? null : [text(''), text('Tổng cộng'), num(sum((d) => d.subject)), num(sum((d) => d.participated)), num(sum((d) => d.met)), num(sum((d) => d.countedDays))],
  };
}

/** The cadres listed in the report: subject cadres, grouped by department (Vietnamese order). */
export function listedCadres(rows: readonly ReportComplianceRow[]): ReportComplianceRow[] {
  return rows
    .map((r, index) => ({ r, index }))
    .filter(({ r }) => r.subject)
    .sort((a, b) => VIETNAMESE.compare(a.r.department, b.r.department) || a.index - b.index)
    .map(({ r }) => r);
}

function cadreTable(input: ReportInput): ReportTable {
  return {
    key: 'cadres',
    columns: [
      { header: 'STT', width: 7, align: 'center' },
      { header: 'Họ và tên', width: 20, align: 'left' },
      { header: 'Ban/Văn phòng', width: 14, align: 'left' },
      { header: 'Số ngày', width: 8, align: 'center', numeric: true },
      { header: 'Yêu cầu', width: 8, align: 'center', numeric: true },
      { header: 'Kết quả', width: 12, align: 'center' },
      { header: 'Đánh giá', width: 13, align: 'center' },
      { header: 'Nhận xét', width: 18, align: 'left' },
    ],
    rows: listedCadres(input.compliance.cadres).map((r, i) => [
      text(String(i + 1)),
      text(r.fullName),
      text(r.department.trim() === '' ? NO_DEPARTMENT : r.department),
      num(r.countedDays),
      num(r.requiredDays),
      text(STATUS_LABELS[r.status] ?? r.status),
      text(r.evaluation ? EVALUATION_LABELS[r.evaluation.result] ?? r.evaluation.result : ''),
      text(r.evaluation?.comment ?? ''),
    ]),
    total: null,
  };
}

function sectionResults(input: ReportInput, sentence: string): ReportSection {
  const { summary } = input.compliance;
  const labels = contentLabels(input);
  const unitName = unitNames(input);
  const blocks: Block[] = [
    { type: 'heading', text: '1. Kết quả chung' },
    {
      type: 'paragraph',
      text: labels.length > 0 ? `${sentence}, với nhiều nội dung như: ${labels.join('; ')}.` : `${sentence}.`,
    },
  ];
  const notVisited = summary.unitsNotVisited;
  blocks.push({
    type: 'paragraph',
    bullet: true,
    text:
      `Đơn vị cơ sở: đã đến ${summary.unitsVisited} đơn vị` +
      (notVisited.length === 0
        ? '; không còn đơn vị nào trong danh sách chưa được đến.'
        : `; còn ${notVisited.length} đơn vị chưa được đến: ${notVisited.map((code) => unitName(code)).join('; ')}.`),
  });
  const r = summary.reports;
  blocks.push({
    type: 'paragraph',
    bullet: true,
    text: `Báo cáo kết quả sau mỗi đợt đi cơ sở: ${r.on_time} đợt nộp đúng hạn, ${r.late} đợt nộp trễ hạn, ${r.overdue} đợt quá hạn chưa nộp, ${r.pending} đợt chưa đến hạn nộp.`,
  });
  blocks.push({ type: 'paragraph', bullet: true, text: `Tổng kinh phí đi cơ sở: ${formatMoney(summary.totalCost)} đồng.` });
  if (summary.evaluated !== undefined) {
    const results = summary.evaluationResults;
    const parts = results ? EVALUATION_ORDER.map((k) => `${results[k] ?? 0} ${EVALUATION_LABELS[k]}`).join(', ') : '';
    blocks.push({
      type: 'paragraph',
      bullet: true,
      text: `Lãnh đạo đã đánh giá, nhận xét ${summary.evaluated}/${summary.subject} cán bộ${parts ? `: ${parts}` : ''}.`,
    });
  }
  blocks.push({ type: 'heading', text: '2. Kết quả theo ban, văn phòng' });
  blocks.push({ type: 'table', table: departmentTable(input) });
  blocks.push({ type: 'heading', text: '3. Kết quả của từng cán bộ' });
  blocks.push({ type: 'table', table: cadreTable(input) });
  return { heading: 'II. KẾT QUẢ THỰC HIỆN', blocks };
}

function unitNames(input: ReportInput): (unit: string) => string {
  const byCode = new Map((input.units ?? []).map((u) => [u.unitCode, nfc(u.name)]));
  return (unit) => byCode.get(unit) ?? nfc(unit);
}

/** The year's trips with a non-blank `field`, oldest first, as "Unit (dd/mm/yyyy – dd/mm/yyyy): text". */
export function tripNotes(input: ReportInput, field: 'difficulties' | 'proposals'): string[] {
  const { year } = input.compliance;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const unitName = unitNames(input);
  return input.trips
    .filter((t): t is ReportTrip & Record<typeof field, string> => typeof t[field] === 'string' && t[field].trim() !== '')
    .filter((t) => touches(t.startDate, t.endDate, first, last))
    .slice()
    .sort((a, b) => compareCodePoints(a.startDate, b.startDate) || compareCodePoints(a.endDate, b.endDate) || compareCodePoints(a.id, b.id))
    .map((t) => {
      const when = t.startDate === t.endDate ? formatDate(t.startDate) : `${formatDate(t.startDate)} – ${formatDate(t.endDate)}`;
      return `${unitName(t.unit)} (${when}): ${lines(t[field]).join(' ')}`;
    });
}

/** Per reason, the number of subject cadres with an absence touching the year: "2 đồng chí tham gia …". */
export function absencePhrases(input: ReportInput): string[] {
  const { year, cadres } = input.compliance;
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const subjects = new Set(cadres.filter((c) => c.subject).map((c) => c.cadreId));
  const byReason = new Map<string, Set<string>>();
  for (const a of input.absences as readonly ReportAbsence[]) {
    if (!subjects.has(a.cadreId) || !touches(a.from, a.to, first, last)) continue;
    let set = byReason.get(a.reason);
    if (!set) byReason.set(a.reason, (set = new Set()));
    set.add(a.cadreId);
  }
  return ABSENCE_ORDER.filter((r) => byReason.has(r)).map((r) => `${byReason.get(r)!.size} đồng chí ${ABSENCE_PHRASES[r]}`);
}

function notesSection(heading: string, intro: Block[], notes: string[], none: string): ReportSection {
  const blocks: Block[] = [...intro];
  if (notes.length === 0) blocks.push({ type: 'paragraph', text: none });
  else for (const n of notes) blocks.push({ type: 'paragraph', bullet: true, text: n });
  return { heading, blocks };
}

export function buildReport(input: ReportInput): ReportModel {
  const { compliance, profile } = input;
  const { org, year } = compliance;
  const { orgName, issuer } = names(profile, org);
  const sentence = resultSentence(input);
  const absences = absencePhrases(input);
  const difficulties = tripNotes(input, 'difficulties');
  const proposals = tripNotes(input, 'proposals');
  const absenceIntro: Block[] =
    absences.length === 0
      ? []
      : [{ type: 'paragraph', text: `Trong năm có ${absences.join('; ')}, nên thời gian đi cơ sở của các đồng chí này bị ảnh hưởng.` }];
  const symbol = nfc(profile.docSymbol.trim()) || 'BC';
  const recipients = lines(profile.recipients);
  return {
    org,
    year,
    orgName,
    header: {
      issuer,
      symbol: `Số:        -${symbol}`,
      union: UNION_NAME,
      dateLine: dateLine(nfc(profile.place), input.reportDate),
    },
    title: 'BÁO CÁO',
    subtitle: `Kết quả thực hiện chủ trương đi cơ sở 1+2 năm ${year}`,
    sections: [
      sectionSituation(input),
      sectionResults(input, sentence),
      notesSection(
        'III. KHÓ KHĂN, VƯỚNG MẮC',
        difficulties.length > 0 && absences.length > 0 ? [...absenceIntro, { type: 'paragraph', text: 'Khó khăn, vướng mắc của cơ sở qua các đợt đi:' }] : absenceIntro,
        difficulties,
        'Các báo cáo sau đợt đi cơ sở trong năm không ghi nhận khó khăn, vướng mắc nào của cơ sở.',
      ),
      notesSection('IV. ĐỀ XUẤT, KIẾN NGHỊ', [], proposals, 'Các báo cáo sau đợt đi cơ sở trong năm không ghi nhận đề xuất, kiến nghị nào.'),
    ],
    signature: { title: lines(upper(profile.signerTitle)), name: nfc(profile.signerName.trim()) },
    recipients: { heading: 'Nơi nhận:', lines: recipients.length > 0 ? recipients : ['- Lưu VP.'] },
    sentence,
  };
}
