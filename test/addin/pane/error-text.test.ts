import { ApiError } from '../../../addin/api/errors';
import { ExcelError, officeErrorText } from '../../../addin/excel/office-errors';
import { FlowError } from '../../../addin/flows/context';
import { errorText } from '../../../addin/pane/error-text';
import { text } from '../../../addin/text';
import { officeError } from '../office-error';

describe('errorText', () => {
  it('shows the add-in’s own errors and the API’s with their texts', () => {
    expect(errorText(new FlowError(text('Thiếu bảng.', 'No table.')))).toEqual({ vi: 'Thiếu bảng.', en: 'No table.' });
    expect(errorText(new ApiError(503, 'STORAGE_UNAVAILABLE', text('Kho lỗi.', 'Store down.')))).toEqual({ vi: 'Kho lỗi.', en: 'Store down.' });
    expect(errorText(new ExcelError('AccessDenied', text('Bước.', 'Step.'))).en).toMatch(/^Step\. Excel refused to write/);
  });

  it('translates a bare Office error by its code, never showing Office’s own message', () => {
    const t = errorText(officeError('InvalidOperationInCellEditMode', 'raw office text'));
    expect(t).toEqual(officeErrorText('InvalidOperationInCellEditMode'));
    expect(t.vi).not.toContain('raw office text');
  });

  it('names anything else as unexpected, with its detail, in both languages', () => {
    const t = errorText(new TypeError('x is undefined'));
    expect(t.vi).toMatch(/^Phần bổ trợ gặp lỗi không lường trước \(x is undefined\)/);
    expect(t.en).toMatch(/^The add-in hit an unexpected error \(x is undefined\)/);
    expect(t.vi).not.toMatch(/^Lỗi:/);
    expect(errorText('oops').en).toContain('(oops)');
  });
});
