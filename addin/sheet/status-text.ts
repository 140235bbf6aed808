/** The Vietnamese text of the status column, per outcome. */
import type { FieldError, Warning } from '../../shared/models';
import type { Outcome } from '../../shared/wire/publish';

export const STATUS_PREFIX = {
  saved: 'Đã lưu',
  error: 'Lỗi',
  conflict: 'Xung đột',
  warning: 'Cảnh báo',
  fromServer: 'Cập nhật từ máy chủ',
  pending: 'Chưa gửi',
} as const;

const join = (messages: readonly string[]): string => messages.map((m) => m.trim()).filter(Boolean).join(' ');

export function warningsText(warnings: readonly Warning[] | undefined): string {
  return warnings?.length ? ` — ${STATUS_PREFIX.warning}: ${join(warnings.map((w) => w.message))}` : '';
}

export function savedText(outcome: Outcome, warnings?: readonly Warning[]): string {
  const what = outcome === 'created' ? ' (mới)' : outcome === 'updated' ? ' (đã cập nhật)' : '';
  return `${STATUS_PREFIX.saved}${what}${warningsText(warnings)}`;
}

export function errorText(errors: readonly FieldError[] | undefined): string {
  return `${STATUS_PREFIX.error}: ${join((errors ?? []).map((e) => e.message)) || 'dòng bị từ chối.'}`;
}

/** The server's version is an opaque tag: the texts never show it, they say what to do (`currentVersion` null: nothing stored). */
export function conflictText(currentVersion: string | null | undefined, deletedOnServer: boolean): string {
  return deletedOnServer || !currentVersion
    ? `${STATUS_PREFIX.conflict}: dòng này đã bị xoá trên máy chủ. Trong ngăn Theo dõi 1+2, bấm "Giữ bản của tôi" để gửi lại hoặc "Lấy bản máy chủ" để bỏ dòng.`
    : `${STATUS_PREFIX.conflict}: dòng đã được người khác sửa trên máy chủ. Trong ngăn Theo dõi 1+2, bấm "Giữ bản của tôi" hoặc "Lấy bản máy chủ".`;
}

/** `conflictText` in English (the pane's English mode; the status column stays Vietnamese). */
export function conflictTextEn(currentVersion: string | null | undefined, deletedOnServer: boolean): string {
  return deletedOnServer || !currentVersion
    ? 'Conflict: this row was deleted on the server. In the 1+2 Tracker pane, click "Keep mine" to send it again or "Take the server\'s" to drop the row.'
    : 'Conflict: someone else changed this row on the server. In the 1+2 Tracker pane, click "Keep mine" or "Take the server\'s".';
}

export const pendingServerChangeTextEn =
  'Conflict: the server has a newer version, but this row has unsent edits, so it was not overwritten. In the 1+2 Tracker pane, click "Keep mine" or "Take the server\'s".';

export const pendingServerDeleteTextEn = 'Conflict: the row was deleted on the server, but it has unsent edits, so it was kept.';

export const pendingServerChangeText =
  `${STATUS_PREFIX.conflict}: máy chủ có thay đổi mới nhưng dòng này có sửa đổi chưa gửi nên không bị ghi đè. Trong ngăn Theo dõi 1+2, bấm "Giữ bản của tôi" hoặc "Lấy bản máy chủ".`;

export const pendingServerDeleteText =
  `${STATUS_PREFIX.conflict}: dòng đã bị xoá trên máy chủ nhưng có sửa đổi chưa gửi nên được giữ lại.`;
