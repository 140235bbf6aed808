/**
 * "Cập nhật trang Báo cáo năm": the year-end report's model from the API (the one the .docx and
 * .xlsx are rendered from) laid out as printable sheets (sheet/year-report.ts) and written in
 * place (excel/print-sheet.ts).
 */
import { writePrintSheets } from '../excel/print-sheet';
import { inExcel } from '../excel/office-errors';
import { cadreTable } from '../../shared/report/annex';
import { YEAR_REPORT_ANNEX, YEAR_REPORT_SHEET, yearReportSheets } from '../sheet/year-report';
import { text } from '../text';
import { DONE, type FlowDeps } from './context';

export interface YearReportResult {
  year: number;
  /** Rows of the per-cadre table. */
  cadres: number;
  sheets: [string, string];
}

export async function updateYearReportSheet(deps: FlowDeps): Promise<YearReportResult> {
  const progress = deps.onProgress ?? (() => undefined);
  progress({ step: text(`Đang lập báo cáo năm ${deps.year}…`, `Making the ${deps.year} report…`), done: 0, total: 2 });
  const model = await deps.api.reportModel(deps.year, deps.asOf);
  progress({ step: text('Đang ghi trang Báo cáo năm…', 'Writing the Báo cáo năm sheet…'), done: 1, total: 2 });
  await inExcel(text('Không ghi được trang Báo cáo năm.', 'Could not write the Báo cáo năm sheet.'), () => writePrintSheets(deps.excel, yearReportSheets(model)));
  progress({ step: DONE, done: 2, total: 2 });
  return { year: model.year, cadres: cadreTable(model)?.rows.length ?? 0, sheets: [YEAR_REPORT_SHEET, YEAR_REPORT_ANNEX] };
}
