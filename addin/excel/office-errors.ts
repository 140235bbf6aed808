/**
 * Office errors as the pane shows them: by `OfficeExtension.Error.code` (codes are not
 * localised; Office's own `message` is not meant for end users), a Vietnamese and an English
 * text saying what happened and what to do. Pure: no Office.js here.
 */
import { join, text, UserError, type Text } from '../text';

/** What an Office.js error carries (`OfficeExtension.Error`, name `RichApi.Error`). */
export interface OfficeErrorLike {
  code: string;
  message?: string;
  debugInfo?: { code?: string; errorLocation?: string };
}

/** True for errors raised by Office.js (`context.sync()` rejections and bridge failures). */
export function isOfficeError(e: unknown): e is OfficeErrorLike {
  if (!e || typeof e !== 'object' || e instanceof UserError) return false;
  const o = e as { code?: unknown; name?: unknown; debugInfo?: unknown };
  return typeof o.code === 'string' && o.code !== '' && (o.name === 'RichApi.Error' || o.name === 'OfficeExtension.Error' || typeof o.debugInfo === 'object');
}

const EDIT_MODE = text(
  'Excel đang ở chế độ sửa ô. Nhấn Enter (hoặc Esc) để rời ô đang sửa rồi bấm lại.',
  'Excel is editing a cell. Press Enter (or Esc) to leave the cell, then try again.',
);
const PROTECTED = text(
  'Excel không cho ghi: trang tính hoặc bảng tính đang được bảo vệ, hoặc tệp chỉ mở để xem. Bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) hoặc mở tệp với quyền sửa rồi thử lại.',
  'Excel refused to write: the sheet or workbook is protected, or the file is open read-only. Unprotect it (Review › Unprotect Sheet) or open the file for editing, then try again.',
);
const NOT_FOUND = text(
  'Không tìm thấy trong bảng tính một trang, bảng hoặc cột mà thao tác cần (có thể vừa bị đổi tên hoặc xoá). Bấm "Tạo mẫu" để bổ sung rồi thử lại.',
  'A sheet, table or column the add-in needs is not in the workbook (it may have just been renamed or deleted). Click "Create template" to add it back, then try again.',
);
const EXISTS = text(
  'Trong bảng tính đã có một trang, bảng hoặc tên trùng với tên thao tác cần tạo. Đổi tên mục đó rồi thử lại.',
  'The workbook already has a sheet, table or name with the name this step creates. Rename it, then try again.',
);
const TOO_LARGE = text(
  'Lượng dữ liệu trao đổi với Excel trong một lần vượt giới hạn của Excel. Thử lại; nếu vẫn lỗi, gửi ít dòng hơn mỗi lần.',
  'One exchange with Excel carried more data than Excel allows. Try again; if it fails again, send fewer rows at a time.',
);
const FILTERED = text(
  'Bảng đang được lọc nên Excel không cho thêm hay xoá dòng. Bỏ lọc (Dữ liệu › Xoá bộ lọc) rồi thử lại.',
  'The table is filtered, so Excel does not allow adding or deleting rows. Clear the filter (Data › Clear), then try again.',
);
const INSERT_DELETE = text(
  'Excel không thêm hay xoá được dòng vì sẽ làm dịch chuyển một bảng, ô gộp hoặc PivotTable khác trên cùng trang. Dời dữ liệu đó ra chỗ khác rồi thử lại.',
  'Excel cannot add or delete rows here because that would move another table, merged cells or a PivotTable on the same sheet. Move that content elsewhere, then try again.',
);
const MERGED = text(
  'Vùng cần ghi có ô gộp (Merge). Bỏ gộp các ô trong bảng rồi thử lại.',
  'The range to write contains merged cells. Unmerge the cells in the table, then try again.',
);
const PIVOT = text(
  'Vùng cần ghi chồng lên một PivotTable. Dời PivotTable ra chỗ khác rồi thử lại.',
  'The range to write overlaps a PivotTable. Move the PivotTable elsewhere, then try again.',
);
const BUSY = text(
  'Excel đang bận hoặc có người khác đang sửa cùng lúc. Chờ vài giây rồi thử lại.',
  'Excel is busy, or someone else is editing at the same time. Wait a few seconds, then try again.',
);
const UNSUPPORTED = text(
  'Phiên bản Excel này không hỗ trợ một chức năng mà phần bổ trợ cần. Cập nhật Office hoặc dùng Excel trên web.',
  'This version of Excel lacks a feature the add-in needs. Update Office or use Excel on the web.',
);
const TOO_MANY_CELLS = text(
  'Thao tác vượt số ô Excel cho phép trong một lần. Thử lại với ít dòng hơn.',
  'The step touches more cells than Excel allows at once. Try again with fewer rows.',
);
const SHEET_FULL = text(
  'Không còn chỗ để thêm dòng: các ô cuối trang tính đã có dữ liệu. Xoá dữ liệu ở cuối trang rồi thử lại.',
  'No room to add rows: the last cells of the sheet hold data. Clear them, then try again.',
);
const UNSUPPORTED_SHEET = text(
  'Trang tính này (trang biểu đồ hoặc macro) không dùng được cho thao tác. Dùng một trang tính thường.',
  'This kind of sheet (a chart or macro sheet) cannot be used for this step. Use an ordinary worksheet.',
);
const INACTIVE = text(
  'Tệp Excel không còn đang mở ở cửa sổ này. Mở lại tệp rồi thử lại.',
  'The workbook is no longer active in this window. Reopen it, then try again.',
);
const GENERAL = text(
  'Excel báo lỗi khi thực hiện thao tác (GeneralException). Thử lại; nếu vẫn lỗi, lưu tệp, đóng và mở lại.',
  'Excel reported an error while doing this step (GeneralException). Try again; if it persists, save, close and reopen the file.',
);

/** Every code with a text of its own (Excel.ErrorCodes and OfficeExtension.ErrorCodes). */
export const OFFICE_ERROR_TEXTS: Readonly<Record<string, Text>> = {
  InvalidOperationInCellEditMode: EDIT_MODE,
  AccessDenied: PROTECTED,
  ItemNotFound: NOT_FOUND,
  ItemAlreadyExists: EXISTS,
  RequestPayloadSizeLimitExceeded: TOO_LARGE,
  ResponsePayloadSizeLimitExceeded: TOO_LARGE,
  FilteredRangeConflict: FILTERED,
  InsertDeleteConflict: INSERT_DELETE,
  MergedRangeConflict: MERGED,
  PivotTableRangeConflict: PIVOT,
  Conflict: BUSY,
  ActivityLimitReached: BUSY,
  RequestAborted: BUSY,
  ServiceNotAvailable: BUSY,
  ConnectionFailure: BUSY,
  ApiNotFound: UNSUPPORTED,
  NotImplemented: UNSUPPORTED,
  UnsupportedFeature: UNSUPPORTED,
  UnsupportedOperation: UNSUPPORTED,
  RangeExceedsLimit: TOO_MANY_CELLS,
  OperationCellsExceedLimit: TOO_MANY_CELLS,
  NonBlankCellOffSheet: SHEET_FULL,
  UnsupportedSheet: UNSUPPORTED_SHEET,
  InactiveWorkbook: INACTIVE,
  GeneralException: GENERAL,
};

/** The text of an Office error code; an unknown code is named, so support can look it up. */
export function officeErrorText(code: string): Text {
  return (
    OFFICE_ERROR_TEXTS[code] ??
    text(
      `Excel từ chối thao tác (mã lỗi ${code}). Thử lại; nếu vẫn lỗi, báo cho người quản trị kèm mã lỗi này.`,
      `Excel refused the step (error code ${code}). Try again; if it persists, tell your administrator this code.`,
    )
  );
}

/** An Office error as the pane shows it: what the add-in was doing, then the code's text. */
export class ExcelError extends UserError {
  constructor(
    code: string,
    readonly step: Text,
  ) {
    super(join(step, officeErrorText(code)), code);
    this.name = 'ExcelError';
  }
}

/**
 * Runs workbook work, turning an Office error into an `ExcelError` that names the step
 * (`Không ghi được kết quả vào bảng tính:`). Other errors pass unchanged.
 */
export async function inExcel<T>(step: Text, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isOfficeError(e)) throw new ExcelError(e.code, step);
    throw e;
  }
}
