/**
 * The leadership dashboard (sheet Tổng hợp) as blocks of cells and charts: org, year and as-of
 * date; subject / participated (x/y and %) / met / registered; a table by department; days and
 * trips by content category; units never visited; counted vs required days per cadre; the
 * year's progress from the stored daily snapshots.
 */
import { isoToDisplay, VIETNAM_OFFSET_MS } from '../../shared/dates';
import { REPORT_STATUS_LABELS, STATUS_LABELS } from '../../shared/messages';
import type { ComplianceBody, HistoryRow } from '../../shared/wire/compliance';
import { cellAddress } from './address';
import { DASHBOARD_SHEET } from './columns';
import type { CellValue } from './escape';

/** A block of cells on the dashboard. */
export interface DashboardBlock {
  id: string;
  row: number;
  col: number;
  values: CellValue[][];
  bold?: boolean;
  /** Header row fill (first row of the block). */
  headerFill?: string;
  fontSize?: number;
  numberFormat?: string;
}

export interface DashboardChart {
  type: 'ColumnClustered' | 'Line';
  /** The block whose cells are the chart's data (its first row: series names). */
  block: string;
  title: string;
  /** Top-left and bottom-right cells of the chart. */
  from: string;
  to: string;
}

export interface DashboardLayout {
  sheet: string;
  blocks: DashboardBlock[];
  charts: DashboardChart[];
  columnWidths: number[];
}

const HEADER_FILL = '#DEECF9';
const DATA_COL = 7; // column H: the chart data blocks
const CHART_COL = 12; // column M: the charts

const pct = (v: number | null): CellValue => (v === null ? '' : v);
const two = (n: number): string => String(n).padStart(2, '0');

/** An instant (`2025-06-30T18:05:00Z`) as Vietnam time `dd/mm/yyyy hh:mm` (UTC+7, no DST); other text as is. */
export function instantToVietnam(instant: string): string {
  const t = Date.parse(instant);
  if (!instant || Number.isNaN(t)) return instant;
  const d = new Date(t + VIETNAM_OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

export interface DashboardOptions {
  /** The org's display name (default: its id). */
  orgName?: string;
  /** Unit code → name, to name the units never visited. */
  unitNames?: ReadonlyMap<string, string>;
}

export function dashboardLayout(c: ComplianceBody, history: readonly HistoryRow[], opts: DashboardOptions = {}): DashboardLayout {
  const { orgName, unitNames } = opts;
  const s = c.summary;
  const blocks: DashboardBlock[] = [];
  let row = 0;
  const push = (b: Omit<DashboardBlock, 'row'> & { row?: number }, gap = 1): DashboardBlock => {
    const block = { ...b, row: b.row ?? row } as DashboardBlock;
    blocks.push(block);
    if (b.row === undefined) row += b.values.length + gap;
    return block;
  };

  push({ id: 'title', col: 0, values: [['TỔNG HỢP THỰC HIỆN CHỦ TRƯƠNG 1+2 (CÁN BỘ ĐI CƠ SỞ)']], bold: true, fontSize: 14 }, 0);
  push({
    id: 'info',
    col: 0,
    values: [
      ['Đơn vị', orgName ? `${orgName} (${c.org})` : c.org],
      ['Năm', c.year],
      ['Số liệu tính đến ngày', isoToDisplay(c.asOf)],
      ['Số ngày tối thiểu / năm', c.policy.requiredDays],
      ['Cập nhật lúc', instantToVietnam(c.computedAt)],
    ],
  });
  push({
    id: 'kpi',
    col: 0,
    headerFill: HEADER_FILL,
    values: [
      ['Chỉ tiêu', 'Giá trị'],
      ['Cán bộ thuộc đối tượng', s.subject],
      ['Đã đi cơ sở', `${s.participated}/${s.subject}`],
      ['Tỷ lệ đã đi cơ sở (%)', pct(s.participationPercent)],
      ['Đạt số ngày tối thiểu', s.met],
      ['Đã đăng ký kế hoạch', s.registered],
      ['Số đơn vị cơ sở đã đến', s.unitsVisited],
      [`Báo cáo ${REPORT_STATUS_LABELS.on_time.toLowerCase()}`, s.reports.on_time],
      [`Báo cáo ${REPORT_STATUS_LABELS.late.toLowerCase()}`, s.reports.late],
      [`Báo cáo ${REPORT_STATUS_LABELS.pending.toLowerCase()}`, s.reports.pending],
      [`Báo cáo ${REPORT_STATUS_LABELS.overdue.toLowerCase()}`, s.reports.overdue],
      ['Tổng kinh phí (VNĐ)', s.totalCost],
    ],
  });
  push({
    id: 'departments',
    col: 0,
    headerFill: HEADER_FILL,
    values: [
      ['Ban/Văn phòng', 'Thuộc đối tượng', 'Đã đi', 'Đạt', 'Số ngày'],
      ...s.byDepartment.map((d): CellValue[] => [d.department, d.subject, d.participated, d.met, d.countedDays]),
    ],
  });
  const label = (code: string): string => c.policy.categories.find((k) => k.code === code)?.label ?? code;
  push({
    id: 'categories',
    col: 0,
    headerFill: HEADER_FILL,
    values: [['Nội dung công tác', 'Số đợt', 'Số ngày'], ...s.byCategory.map((k): CellValue[] => [label(k.category), k.trips, k.days])],
  });
  push({
    id: 'notVisited',
    col: 0,
    headerFill: HEADER_FILL,
    values: [
      [`Đơn vị chưa đến (${s.unitsNotVisited.length})`],
      ...s.unitsNotVisited.map((u): CellValue[] => [unitNames?.get(u) ? `${u} — ${unitNames.get(u)}` : u]),
    ],
  });

  // Chart data, to the right.
  const subjects = c.cadres.filter((r) => r.subject && r.requiredDays > 0);
  blocks.push({
    id: 'perCadre',
    row: 0,
    col: DATA_COL,
    headerFill: HEADER_FILL,
    values: [
      ['Cán bộ', 'Số ngày phải đi', 'Số ngày đã đi', 'Đánh giá'],
      ...subjects.map((r): CellValue[] => [`${r.fullName} (${r.cadreId})`, r.requiredDays, r.countedDays, STATUS_LABELS[r.status]]),
    ],
  });
  const progressRow = subjects.length + 3;
  blocks.push({
    id: 'progress',
    row: progressRow,
    col: DATA_COL,
    headerFill: HEADER_FILL,
    values: [
      ['Ngày', 'Đã đi cơ sở', 'Đạt'],
      ...history.map((h): CellValue[] => [isoToDisplay(h.date), h.summary.participated, h.summary.met]),
    ],
  });

  const charts: DashboardChart[] = [];
  const perCadreChart = blocks.find((b) => b.id === 'perCadre')!;
  if (subjects.length) {
    // The chart reads names and the two day figures (not the status column).
    blocks.push({ ...perCadreChart, id: 'perCadreChart', values: perCadreChart.values.map((r) => r.slice(0, 3)) });
    charts.push({ type: 'ColumnClustered', block: 'perCadreChart', title: `Số ngày đi cơ sở năm ${c.year}: đã đi so với phải đi`, from: cellAddress(0, CHART_COL), to: cellAddress(17, CHART_COL + 9) });
  }
  if (history.length) {
    charts.push({ type: 'Line', block: 'progress', title: `Tiến độ năm ${c.year}: số cán bộ đã đi và đạt`, from: cellAddress(19, CHART_COL), to: cellAddress(36, CHART_COL + 9) });
  }
  return { sheet: DASHBOARD_SHEET, blocks, charts, columnWidths: [200, 90, 70, 60, 70, 20, 20, 200, 90, 90, 90] };
}
