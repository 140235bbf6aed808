/**
 * Errors of a whole request, as the pane shows them: the server's Vietnamese message when it
 * sent one, else a clear Vietnamese text per HTTP status (401/403/413/503) or for the network.
 */
import { REQUEST_ERROR_MESSAGES } from '../../shared/messages';

export class ApiError extends Error {
  constructor(
    /** HTTP status, 0 for a network failure. */
    readonly status: number,
    /** api.md code (`UNAUTHENTICATED`…) or `NETWORK` / `HTTP_<status>`. */
    readonly code: string,
    message: string,
    /** Seconds to wait before retrying (503 Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const STATUS_MESSAGES: Readonly<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ.',
  401: `${REQUEST_ERROR_MESSAGES.UNAUTHENTICATED} Kiểm tra khoá API trong phần Cài đặt.`,
  403: `${REQUEST_ERROR_MESSAGES.FORBIDDEN} Kiểm tra mã đơn vị (org) và quyền của khoá.`,
  404: 'Không tìm thấy địa chỉ API. Kiểm tra địa chỉ API trong phần Cài đặt.',
  413: REQUEST_ERROR_MESSAGES.TOO_LARGE,
  503: REQUEST_ERROR_MESSAGES.STORAGE_UNAVAILABLE,
};

/** The message of an error answer (status and body as parsed JSON, or null). */
export function httpErrorMessage(status: number, body: unknown, url: string): { code: string; message: string } {
  const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : `HTTP_${status}`;
  const serverText = typeof err?.message === 'string' && err.message ? err.message : '';
  const statusText = STATUS_MESSAGES[status] ?? `Máy chủ trả lỗi ${status} cho ${url}.`;
  // 401/403 get the hint about the settings even when the server sent its own text.
  const message =
    status === 401 || status === 403
      ? `${serverText || statusText}${serverText ? ' Kiểm tra khoá API, mã đơn vị và quyền trong phần Cài đặt.' : ''}`
      : serverText || statusText;
  return { code, message: `${message} (HTTP ${status})` };
}

export function networkErrorMessage(url: string, cause: unknown): string {
  const detail = cause instanceof Error && cause.message ? ` Chi tiết: ${cause.message}.` : '';
  return `Không kết nối được máy chủ API "${url}". Kiểm tra địa chỉ API, mạng, và cấu hình CORS của máy chủ.${detail}`;
}
