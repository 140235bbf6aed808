/** The pane's own texts: Vietnamese by default, English on request. */
import type { Lang, Text } from '../text';

export type { Lang };

const VI = {
  productName: 'Theo dõi 1+2',
  productTagline: 'Cán bộ chuyên trách đi cơ sở',
  switchLang: 'English',
  settings: 'Cài đặt kết nối',
  apiUrl: 'Địa chỉ API',
  org: 'Mã đơn vị (org)',
  apiKey: 'Khoá API cá nhân',
  settingsNote: 'Lưu trên máy này cho riêng bạn, không lưu trong tệp Excel.',
  save: 'Lưu',
  check: 'Kiểm tra kết nối',
  year: 'Năm',
  work: 'Công việc',
  createTemplate: 'Tạo mẫu',
  publish: 'Gửi thay đổi',
  refresh: 'Cập nhật từ máy chủ',
  dashboard: 'Cập nhật Tổng hợp',
  issues: 'Lỗi, cảnh báo và xung đột',
  noIssues: 'Không có lỗi hay cảnh báo.',
  keepMine: 'Giữ bản của tôi',
  takeServer: 'Lấy bản máy chủ',
  serverValues: 'Giá trị trên máy chủ',
  deletedOnServer: 'Dòng không còn trên máy chủ.',
  row: 'dòng',
  cell: 'ô',
  error: 'Lỗi',
  warning: 'Cảnh báo',
  conflict: 'Xung đột',
  saved: 'Đã lưu cài đặt.',
  missingSettings: 'Hãy nhập địa chỉ API, mã đơn vị và khoá API rồi bấm Lưu.',
  checking: 'Đang kiểm tra…',
  connectionOk: 'Kết nối tốt: máy chủ hoạt động, khoá hợp lệ cho đơn vị {org}.',
  storageDown: 'Máy chủ trả lời nhưng không kết nối được kho dữ liệu. Thử lại sau ít phút.',
  templateDone: 'Đã tạo mẫu: {created} bảng mới, {columns} cột bổ sung.',
  publishDone: 'Đã gửi {sent} dòng: {created} mới, {updated} cập nhật, {unchanged} không đổi, {deleted} xoá, {rejected} bị từ chối, {conflict} xung đột.',
  nothingToSend: 'Không có thay đổi nào cần gửi.',
  refreshDone: 'Đã cập nhật: {added} dòng mới, {updated} dòng thay đổi, {removed} dòng bị xoá, {flagged} dòng có sửa đổi chưa gửi được giữ lại.',
  dashboardDone: 'Đã cập nhật trang Tổng hợp: {participated}/{subject} cán bộ đã đi cơ sở, {met} đạt; {snapshots} mốc tiến độ.',
  resolved: 'Đã xử lý xung đột.',
  busy: 'Đang làm việc…',
  signInTitle: 'Đăng nhập',
  signInM365: 'Đăng nhập bằng Microsoft 365',
  useKey: 'Dùng khoá API',
  signOut: 'Đăng xuất',
  national: 'Cập nhật Toàn quốc',
  members: 'Thành viên',
  memberAccount: 'Tài khoản Microsoft 365',
  memberName: 'Họ tên',
  memberRole: 'Quyền',
  memberAdd: 'Thêm thành viên',
  closeYear: 'Khoá sổ năm',
  reopenYear: 'Mở lại năm',
  confirmClose: 'Xác nhận khoá sổ',
  confirmReopen: 'Xác nhận mở lại',
  cancel: 'Huỷ',
};

export type TextKey = keyof typeof VI;

const EN: Record<TextKey, string> = {
  productName: '1+2 Tracker',
  productTagline: "Full-time cadres' grassroots trips",
  switchLang: 'Tiếng Việt',
  settings: 'Connection settings',
  apiUrl: 'API address',
  org: 'Org id',
  apiKey: 'Personal API key',
  settingsNote: 'Kept on this computer for you only, never in the workbook.',
  save: 'Save',
  check: 'Check connection',
  year: 'Year',
  work: 'Work',
  createTemplate: 'Create template',
  publish: 'Publish changes',
  refresh: 'Refresh from server',
  dashboard: 'Update dashboard',
  issues: 'Errors, warnings and conflicts',
  noIssues: 'No errors or warnings.',
  keepMine: 'Keep mine',
  takeServer: "Take the server's",
  serverValues: 'Values on the server',
  deletedOnServer: 'The row is no longer on the server.',
  row: 'row',
  cell: 'cell',
  error: 'Error',
  warning: 'Warning',
  conflict: 'Conflict',
  saved: 'Settings saved.',
  missingSettings: 'Enter the API address, org id and API key, then Save.',
  checking: 'Checking…',
  connectionOk: 'Connected: the server works and the key is valid for org {org}.',
  storageDown: 'The server answers but cannot reach its storage. Try again in a few minutes.',
  templateDone: 'Template created: {created} new tables, {columns} added columns.',
  publishDone: 'Sent {sent} rows: {created} created, {updated} updated, {unchanged} unchanged, {deleted} deleted, {rejected} rejected, {conflict} conflicts.',
  nothingToSend: 'Nothing to publish.',
  refreshDone: 'Refreshed: {added} new rows, {updated} changed, {removed} deleted, {flagged} rows with unsent edits kept.',
  dashboardDone: 'Dashboard updated: {participated}/{subject} cadres went, {met} met; {snapshots} progress points.',
  resolved: 'Conflict resolved.',
  busy: 'Working…',
  signInTitle: 'Sign in',
  signInM365: 'Sign in with Microsoft 365',
  useKey: 'Use an API key',
  signOut: 'Sign out',
  national: 'Update national sheet',
  members: 'Members',
  memberAccount: 'Microsoft 365 account',
  memberName: 'Full name',
  memberRole: 'Role',
  memberAdd: 'Add member',
  closeYear: 'Close the year',
  reopenYear: 'Reopen the year',
  confirmClose: 'Confirm closing',
  confirmReopen: 'Confirm reopening',
  cancel: 'Cancel',
};

const DICTS: Record<Lang, Record<TextKey, string>> = { vi: VI, en: EN };

/** The text of `key` in `lang`, with `{name}` placeholders filled. */
export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return DICTS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The text of `key` in both languages (for statuses kept across a language switch). */
export function both(key: TextKey, params: Record<string, string | number> = {}): Text {
  return { vi: t('vi', key, params), en: t('en', key, params) };
}

export const TEXT_KEYS = Object.keys(VI) as TextKey[];
