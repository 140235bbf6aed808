import { ExcelError, inExcel, isOfficeError, OFFICE_ERROR_TEXTS, officeErrorText } from '../../../addin/excel/office-errors';
import { text, UserError } from '../../../addin/text';
import { officeError } from '../office-error';

describe('Office errors by code', () => {
  it.each([
    ['InvalidOperationInCellEditMode', /chế độ sửa ô.*Enter/, /editing a cell.*Enter/],
    ['AccessDenied', /được bảo vệ.*Bỏ bảo vệ/, /protected.*Unprotect/],
    ['ItemNotFound', /Không tìm thấy.*Tạo mẫu/, /not in the workbook.*Create template/],
    ['RequestPayloadSizeLimitExceeded', /vượt giới hạn/, /more data than Excel allows/],
    ['FilteredRangeConflict', /đang được lọc.*Bỏ lọc/, /filtered.*Clear the filter/],
    ['InsertDeleteConflict', /không thêm hay xoá được dòng/, /cannot add or delete rows/],
    ['GeneralException', /GeneralException.*Thử lại/, /GeneralException.*Try again/],
  ])('%s has a Vietnamese and an English text saying what to do', (code, vi, en) => {
    expect(officeErrorText(code).vi).toMatch(vi);
    expect(officeErrorText(code).en).toMatch(en);
  });

  it('every known code has both texts, and an unknown code is named in them', () => {
    for (const t of Object.values(OFFICE_ERROR_TEXTS)) {
      expect(t.vi).not.toBe('');
      expect(t.en).not.toBe('');
      expect(t.vi).not.toBe(t.en);
    }
    expect(officeErrorText('SomethingNew')).toEqual({
      vi: expect.stringContaining('mã lỗi SomethingNew'),
      en: expect.stringContaining('error code SomethingNew'),
    });
  });

  it('recognises Office.js errors by their code, not other errors', () => {
    expect(isOfficeError(officeError('AccessDenied', 'x'))).toBe(true);
    expect(isOfficeError({ name: 'RichApi.Error', code: 'ItemNotFound', message: 'm' })).toBe(true);
    expect(isOfficeError(new Error('ItemNotFound: x'))).toBe(false);
    expect(isOfficeError(new UserError(text('a', 'b'), 'X'))).toBe(false);
    expect(isOfficeError(null)).toBe(false);
    expect(isOfficeError('AccessDenied')).toBe(false);
  });

  it('inExcel names the step before the code’s text, and lets other errors through', async () => {
    const step = text('Không ghi được kết quả.', 'Could not write the results.');
    const e = await inExcel(step, () => Promise.reject(officeError('AccessDenied', 'Protected'))).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExcelError);
    expect((e as ExcelError).code).toBe('AccessDenied');
    expect((e as ExcelError).text.vi).toBe(`Không ghi được kết quả. ${officeErrorText('AccessDenied').vi}`);
    expect((e as ExcelError).text.en).toBe(`Could not write the results. ${officeErrorText('AccessDenied').en}`);
    const plain = new TypeError('boom');
    await expect(inExcel(step, () => Promise.reject(plain))).rejects.toBe(plain);
    await expect(inExcel(step, async () => 7)).resolves.toBe(7);
  });
});
