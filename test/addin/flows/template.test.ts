import { ApiClient } from '../../../addin/api/client';
import { createWorkbookTemplate } from '../../../addin/flows/template';
import { FakeApi } from '../fake-api';
import { ExcelHost } from '../../office-host/host';

describe('createWorkbookTemplate', () => {
  it('builds the six tables with the policy’s categories in the list sheet, and is safe to run again', async () => {
    const excel = new ExcelHost();
    const api = new FakeApi();
    api.categories = [{ code: 'kiem_tra', label: 'Kiểm tra, giám sát' }, { code: 'hop', label: 'Dự họp' }];
    const client = new ApiClient({ apiUrl: 'http://api.test', org: 'demo', apiKey: api.key }, api.fetch);
    const first = await createWorkbookTemplate({ excel, api: client, year: 2025 });
    expect(first.createdTables).toEqual(['CanBo', 'DonVi', 'MienGiam', 'DangKy', 'DiCoSo', 'DanhGia']);
    expect([excel.at('Danh mục', 'A3').value, excel.at('Danh mục', 'B3').value]).toEqual(['Dự họp', 'hop']);
    const source = (v: { rule: unknown }): string => String((v.rule as { list?: { source?: string } } | null)?.list?.source ?? '');
    expect(excel.sheet('Đi cơ sở').validations.map(source).find((s) => s.includes('Danh mục'))).toBe("='Danh mục'!$A$2:$A$3");
    excel.typeRows('CanBo', [{ 'Mã cán bộ': 'CB01' }]);
    const again = await createWorkbookTemplate({ excel, api: client, year: 2025 });
    expect(again).toEqual({ createdTables: [], addedColumns: [] });
    expect(excel.records('CanBo')[0]['Mã cán bộ']).toBe('CB01');
  });
});
