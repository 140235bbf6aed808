/** Update the national sheet (Toàn quốc): the year's roll-up of every org into the workbook. */
import { writeDashboard } from '../excel/adapter';
import { nationalLayout } from '../sheet/national';
import { text } from '../text';
import { DONE, type FlowDeps } from './context';

export interface NationalReport {
  orgs: number;
  withFigures: number;
  subject: number;
  participated: number;
  met: number;
}

export async function updateNational(deps: FlowDeps): Promise<NationalReport> {
  const progress = deps.onProgress ?? (() => undefined);
  progress({ step: text('Đang tải số liệu toàn quốc…', 'Loading the national figures…'), done: 0, total: 2 });
  const rollup = await deps.api.rollup(deps.year);
  progress({ step: text('Đang ghi trang Toàn quốc…', 'Writing the national sheet…'), done: 1, total: 2 });
  await writeDashboard(deps.excel, nationalLayout(rollup));
  progress({ step: DONE, done: 2, total: 2 });
  const t = rollup.total;
  return { orgs: t.orgs, withFigures: rollup.orgs.filter((o) => o.summary !== null).length, subject: t.subject, participated: t.participated, met: t.met };
}
