/**
 * The per-cadre table's own printed part (its "Phụ lục"): a long table gets a sheet of its own
 * in both spreadsheet layouts of the report (the downloaded .xlsx and the pane's "Báo cáo năm"
 * sheet), because Excel repeats print titles on every page of a sheet. The words, shared.
 */
import type { Block, ReportModel, ReportTable } from './model';

/** The per-cadre table of the model, if it has one. */
export function cadreTable(model: ReportModel): ReportTable | null {
  const block = model.sections.flatMap((s) => s.blocks).find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table' && b.table.key === 'cadres');
  return block ? block.table : null;
}

/** `PHỤ LỤC: KẾT QUẢ ĐI CƠ SỞ CỦA TỪNG CÁN BỘ NĂM 2025`. */
export const annexTitle = (model: ReportModel): string => `PHỤ LỤC: KẾT QUẢ ĐI CƠ SỞ CỦA TỪNG CÁN BỘ NĂM ${model.year}`;

/** `(Kèm theo Báo cáo kết quả thực hiện … của Tỉnh Đoàn …)`. */
export const annexNote = (model: ReportModel): string =>
  `(Kèm theo Báo cáo ${model.subtitle.charAt(0).toLowerCase()}${model.subtitle.slice(1)} của ${model.orgName})`;

/** What the report says where the per-cadre table would be: where to find it. */
export const annexReference = (sheet: string, table: ReportTable): string => `(Chi tiết tại trang tính "${sheet}" kèm theo báo cáo: ${table.rows.length} cán bộ.)`;
