/** Create the template: the missing sheets, tables and columns (existing data is kept). */
import { createTemplate, type TemplateResult } from '../excel/adapter';
import { templatePlan } from '../sheet/template';
import { loadCategories, type FlowDeps } from './context';

export async function createWorkbookTemplate(deps: Pick<FlowDeps, 'excel' | 'api' | 'year'>): Promise<TemplateResult> {
  const categories = await loadCategories(deps.api, deps.year);
  return createTemplate(deps.excel, templatePlan(categories));
}
