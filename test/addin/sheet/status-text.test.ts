import { conflictText, errorText, pendingServerChangeText, savedText, STATUS_PREFIX, warningsText } from '../../../addin/sheet/status-text';

const etag = `W/"datetime'2025-11-29T07%3A27%3A06.3024790Z'"`;

describe('status texts', () => {
  it('say saved, with what happened and the warnings', () => {
    expect(savedText('created')).toBe('Đã lưu (mới)');
    expect(savedText('updated')).toBe('Đã lưu (đã cập nhật)');
    expect(savedText('unchanged', [{ code: 'OVERLAP', message: 'Trùng ngày.' }])).toBe('Đã lưu — Cảnh báo: Trùng ngày.');
    expect(warningsText([])).toBe('');
  });

  it('list every error message, or say the row was refused', () => {
    expect(errorText([{ field: 'a', code: 'REQUIRED', message: 'Một.' }, { field: 'b', code: 'REQUIRED', message: ' Hai. ' }])).toBe('Lỗi: Một. Hai.');
    expect(errorText(undefined)).toBe('Lỗi: dòng bị từ chối.');
  });

  it('explain a conflict and what to do, without the server’s opaque version tag', () => {
    const changed = conflictText(etag, false);
    expect(changed.startsWith(STATUS_PREFIX.conflict)).toBe(true);
    expect(changed).toMatch(/sửa trên máy chủ.*Giữ bản của tôi.*Lấy bản máy chủ/);
    expect(changed).not.toContain('datetime');
    expect(conflictText(null, true)).toMatch(/đã bị xoá trên máy chủ/);
    expect(pendingServerChangeText).toMatch(/không bị ghi đè/);
  });
});
