/** Update the dashboard: the year's compliance and stored daily snapshots into sheet Tổng hợp. */
import { writeDashboard } from '../excel/adapter';
import { dashboardLayout } from '../sheet/dashboard';
import type { FlowDeps } from './context';

export interface DashboardReport {
  subject: number;
  participated: number;
  met: number;
  snapshots: number;
}

export async function updateDashboard(deps: FlowDeps): Promise<DashboardReport> {
  const progress = deps.onProgress ?? (() => undefined);
  progress({ step: 'Đang tải số liệu tổng hợp…', done: 0, total: 3 });
  const compliance = await deps.api.compliance(deps.year, deps.asOf);
  progress({ step: 'Đang tải tiến độ theo ngày…', done: 1, total: 3 });
  const history = await deps.api.history(deps.year);
  progress({ step: 'Đang ghi trang Tổng hợp…', done: 2, total: 3 });
  await writeDashboard(deps.excel, dashboardLayout(compliance, history));
  progress({ step: 'Xong.', done: 3, total: 3 });
  const s = compliance.summary;
  return { subject: s.subject, participated: s.participated, met: s.met, snapshots: history.length };
}
