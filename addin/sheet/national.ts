/**
 * The national sheet (Toàn quốc) for users of org `*` (cycle.md §6): one row per org with its
 * stored figures of the year, the national total, and a chart of subject / participated / met
 * per org. Laid out as dashboard blocks (written by excel/adapter.ts's writeDashboard).
 */
import type { RollupBody } from '../../shared/wire/identity';
import type { DashboardBlock, DashboardChart, DashboardLayout } from './dashboard';
import { cellAddress } from './address';
import { instantToVietnam } from './dashboard';
import type { CellValue } from './escape';

export const NATIONAL_SHEET = 'Toàn quốc';
const HEADER_FILL = '#DEECF9';
const CHART_COL = 10; // column K
export const NO_FIGURES = 'Chưa có số liệu';

const pct = (v: number | null | undefined): CellValue => (v === null || v === undefined ? '' : v);

export function nationalLayout(r: RollupBody): DashboardLayout {
  const blocks: DashboardBlock[] = [];
  blocks.push({ id: 'title', row: 0, col: 0, values: [[`TỔNG HỢP TOÀN QUỐC CHỦ TRƯƠNG 1+2 — NĂM ${r.year}`]], bold: true, fontSize: 14 });
  const stored = r.orgs.filter((o) => o.summary !== null).length;
  blocks.push({
    id: 'info',
    row: 1,
    col: 0,
    values: [
      ['Số đơn vị', r.total.orgs],
      ['Đơn vị đã có số liệu', stored],
    ],
  });
  const header: CellValue[] = ['Mã đơn vị', 'Tên đơn vị', 'Thuộc đối tượng', 'Đã đi cơ sở', 'Tỷ lệ đã đi (%)', 'Đạt', 'Cập nhật lúc', 'Đã khoá sổ'];
  const rows = r.orgs.map((o): CellValue[] => {
    const s = o.summary;
    return [
      o.org,
      o.name,
      s ? s.subject : '',
      s ? s.participated : '',
      s ? pct(s.participationPercent) : '',
      s ? s.met : '',
      s && o.computedAt ? instantToVietnam(o.computedAt) : NO_FIGURES,
      o.closed ? 'Có' : '',
    ];
  });
  const totalRow: CellValue[] = ['Toàn quốc', '', r.total.subject, r.total.participated, pct(r.total.participationPercent), r.total.met, '', ''];
  const tableRow = 4;
  blocks.push({ id: 'orgs', row: tableRow, col: 0, headerFill: HEADER_FILL, values: [header, ...rows] });
  blocks.push({ id: 'total', row: tableRow + rows.length + 1, col: 0, bold: true, values: [totalRow] });

  const charts: DashboardChart[] = [];
  const withFigures = r.orgs.filter((o) => o.summary !== null);
  if (withFigures.length) {
    // The chart's own data, out of sight to the right of the chart area.
    blocks.push({
      id: 'chartData',
      row: 0,
      col: CHART_COL + 12,
      headerFill: HEADER_FILL,
      values: [['Đơn vị', 'Thuộc đối tượng', 'Đã đi cơ sở', 'Đạt'], ...withFigures.map((o): CellValue[] => [o.org, o.summary!.subject, o.summary!.participated, o.summary!.met])],
    });
    charts.push({ type: 'ColumnClustered', block: 'chartData', title: `Cán bộ đi cơ sở theo đơn vị, năm ${r.year}`, from: cellAddress(0, CHART_COL), to: cellAddress(22, CHART_COL + 10) });
  }
  return { sheet: NATIONAL_SHEET, blocks, charts, columnWidths: [80, 200, 90, 80, 90, 60, 110, 70] };
}
