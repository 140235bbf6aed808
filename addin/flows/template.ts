/** Create the template: the missing sheets, tables and columns (existing data is kept). */
import { createTemplate, type TemplateResult } from '../excel/adapter';
import { inExcel } from '../excel/office-errors';
import { text } from '../text';
import { templatePlan } from '../sheet/template';
import { loadCategories, type FlowDeps } from './context';

export async function createWorkbookTemplate(deps: Pick<FlowDeps, 'excel' | 'api' | 'year'>): Promise<TemplateResult> {
  const categories = await loadCategories(deps.api, deps.year);
  return inExcel(text('Không tạo được mẫu.', 'Could not create the template.'), () => createTemplate(deps.excel, templatePlan(categories)));
}
