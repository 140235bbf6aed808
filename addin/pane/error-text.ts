/**
 * What the pane says when an action fails, in both languages: the add-in's own errors and the
 * API's carry their texts, Office errors are translated by code, anything else is named as an
 * unexpected error with its detail (never a bare `Lỗi: …`).
 */
import { ApiError } from '../api/errors';
import { isOfficeError, officeErrorText } from '../excel/office-errors';
import { UserError, type Text } from '../text';

export function errorText(e: unknown): Text {
  if (e instanceof UserError || e instanceof ApiError) return e.text;
  if (isOfficeError(e)) return officeErrorText(e.code);
  const detail = e instanceof Error ? e.message || e.name : String(e);
  return {
    vi: `Phần bổ trợ gặp lỗi không lường trước (${detail}). Thử lại; nếu vẫn lỗi, báo cho người quản trị kèm nội dung này.`,
    en: `The add-in hit an unexpected error (${detail}). Try again; if it persists, tell your administrator this text.`,
  };
}
