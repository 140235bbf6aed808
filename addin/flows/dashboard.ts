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
  progress({ step: 'Đang tải số liệu tổng hợp…', done: 0, total: 4 });
  const compliance = await deps.api.compliance(deps.year, deps.asOf);
  progress({ step: 'Đang tải tiến độ theo ngày…', done: 1, total: 4 });
  const history = await deps.api.history(deps.year);
  progress({ step: 'Đang tải danh sách đơn vị…', done: 2, total: 4 });
  const unitNames = new Map((await deps.api.list('units')).map((u) => [u.id, String(u.name ?? '')]));
  progress({ step: 'Đang ghi trang Tổng hợp…', done: 3, total: 4 });
  await writeDashboard(deps.excel, dashboardLayout(compliance, history, { unitNames }));
  progress({ step: 'Xong.', done: 4, total: 4 });
  const s = compliance.summary;
  return { subject: s.subject, participated: s.participated, met: s.met, snapshots: history.length };
}
