/**
 * Errors of a whole request, as the pane shows them: the server's Vietnamese message when it
 * sent one, else a clear Vietnamese text per HTTP status (401/403/413/503) or for the network;
 * in English, a text per api.md code or HTTP status.
 */
import { REQUEST_ERROR_MESSAGES, type RequestErrorCode } from '../../shared/messages';
import type { Text } from '../text';

export class ApiError extends Error {
  /** The message in both of the pane's languages (`message` is the Vietnamese one). */
  readonly text: Text;
  constructor(
    /** HTTP status, 0 for a network failure. */
    readonly status: number,
    /** api.md code (`UNAUTHENTICATED`…) or `NETWORK` / `HTTP_<status>`. */
    readonly code: string,
    message: string | Text,
    /** Seconds to wait before retrying (503 Retry-After). */
    readonly retryAfter?: number,
    /** Per-field faults the server listed (`errors` of a 400: the profile's, INVALID_POLICY's). */
    readonly fieldErrors: readonly ApiFieldError[] = [],
  ) {
    const text = typeof message === 'string' ? { vi: message, en: message } : message;
    super(text.vi);
    this.text = text;
    this.name = 'ApiError';
  }
}

export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

/** The `errors` of an error body (inside `error` or beside it), well-formed entries only. */
export function fieldErrorsOf(body: unknown): ApiFieldError[] {
  const b = body as { error?: { errors?: unknown }; errors?: unknown } | null;
  const list = b?.error?.errors ?? b?.errors;
  if (!Array.isArray(list)) return [];
  return list.filter((e): e is ApiFieldError => !!e && typeof e === 'object' && typeof e.field === 'string' && typeof e.code === 'string' && typeof e.message === 'string');
}

/** English texts of api.md's whole-request codes. */
const REQUEST_ERROR_TEXTS_EN: Readonly<Record<RequestErrorCode, string>> = {
  BAD_JSON: 'The request body is not valid JSON.',
  BAD_BODY: 'The request body does not have the expected shape.',
  INVALID_PARAM: 'A parameter is not valid.',
  INVALID_POLICY: "The year's policy is not valid.",
  UNAUTHENTICATED: 'The API key is missing or wrong (header x-api-key).',
  FORBIDDEN: 'This API key may not do this for this org.',
  NOT_FOUND: 'The requested address was not found.',
  METHOD_NOT_ALLOWED: 'This method is not supported at this address.',
  TOO_LARGE: 'The request is too large (at most 5,000 rows and 4 MiB each time).',
  STORAGE_UNAVAILABLE: 'The data store cannot be reached. Please try again in a few minutes.',
  INTERNAL: 'System error. Please try again later.',
  YEAR_CLOSED: 'This year is closed: its figures are frozen and cannot be changed.',
};

const STATUS_TEXTS_EN: Readonly<Record<number, string>> = {
  400: 'The request is not valid.',
  401: `${REQUEST_ERROR_TEXTS_EN.UNAUTHENTICATED} Check the API key in the settings.`,
  403: `${REQUEST_ERROR_TEXTS_EN.FORBIDDEN} Check the org id and the key's rights.`,
  404: 'The API address was not found. Check the API address in the settings.',
  413: REQUEST_ERROR_TEXTS_EN.TOO_LARGE,
  503: REQUEST_ERROR_TEXTS_EN.STORAGE_UNAVAILABLE,
};

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ.',
  401: `${REQUEST_ERROR_MESSAGES.UNAUTHENTICATED} Kiểm tra khoá API trong phần Cài đặt.`,
  403: `${REQUEST_ERROR_MESSAGES.FORBIDDEN} Kiểm tra mã đơn vị (org) và quyền của khoá.`,
  404: 'Không tìm thấy địa chỉ API. Kiểm tra địa chỉ API trong phần Cài đặt.',
  413: REQUEST_ERROR_MESSAGES.TOO_LARGE,
  503: REQUEST_ERROR_MESSAGES.STORAGE_UNAVAILABLE,
};

/** The message of an error answer (status and body as parsed JSON, or null). */
export function httpErrorMessage(status: number, body: unknown, url: string): { code: string; message: string; text: Text } {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : `HTTP_${status}`;
  const serverText = typeof err?.message === 'string' && err.message ? err.message : '';
  const statusText = STATUS_MESSAGES[status] ?? `Máy chủ trả lỗi ${status} cho ${url}.`;
  // 401/403 get the hint about the settings even when the server sent its own text.
  const message =
    status === 401 || status === 403
      ? `${serverText || statusText}${serverText ? ' Kiểm tra khoá API, mã đơn vị và quyền trong phần Cài đặt.' : ''}`
      : serverText || statusText;
  const vi = `${message} (HTTP ${status})`;
  const known = REQUEST_ERROR_TEXTS_EN[code as RequestErrorCode];
  const en =
    status === 401 || status === 403
      ? STATUS_TEXTS_EN[status]
      : (known ?? STATUS_TEXTS_EN[status] ?? `The server answered ${status} for ${url}.${serverText ? ` Its message: ${serverText}` : ''}`);
  return { code, message: vi, text: { vi, en: `${en} (HTTP ${status})` } };
}

export function networkErrorText(url: string, cause: unknown): Text {
  const detail = cause instanceof Error && cause.message ? cause.message : '';
  return {
    vi: `Không kết nối được máy chủ API "${url}". Kiểm tra địa chỉ API, mạng, và cấu hình CORS của máy chủ.${detail ? ` Chi tiết: ${detail}.` : ''}`,
    en: `Cannot reach the API server "${url}". Check the API address, the network, and the server's CORS settings.${detail ? ` Details: ${detail}.` : ''}`,
  };
}
