/** Update the dashboard: the year's compliance and stored daily snapshots into sheet Tổng hợp. */
import { writeDashboard } from '../excel/adapter';
import { inExcel } from '../excel/office-errors';
import { dashboardLayout } from '../sheet/dashboard';
import { DONE, type FlowDeps } from './context';
import { text } from '../text';

export interface DashboardReport {
  subject: number;
  participated: number;
  met: number;
  snapshots: number;
}

export async function updateDashboard(deps: FlowDeps): Promise<DashboardReport> {
  const progress = deps.onProgress ?? (() => undefined);
  progress({ step: text('Đang tải số liệu tổng hợp…', 'Loading the summary…'), done: 0, total: 4 });
  const compliance = await deps.api.compliance(deps.year, deps.asOf);
  progress({ step: text('Đang tải tiến độ theo ngày…', 'Loading the daily progress…'), done: 1, total: 4 });
  const history = await deps.api.history(deps.year);
  progress({ step: text('Đang tải danh sách đơn vị…', 'Loading the units…'), done: 2, total: 4 });
  const unitNames = new Map((await deps.api.list('units')).map((u) => [u.id, String(u.name ?? '')]));
  progress({ step: text('Đang ghi trang Tổng hợp…', 'Writing the Tổng hợp sheet…'), done: 3, total: 4 });
  await inExcel(text('Không ghi được trang Tổng hợp.', 'Could not write the Tổng hợp sheet.'), () => writeDashboard(deps.excel, dashboardLayout(compliance, history, { unitNames })));
  progress({ step: DONE, done: 4, total: 4 });
  const s = compliance.summary;
  return { subject: s.subject, participated: s.participated, met: s.met, snapshots: history.length };
}
