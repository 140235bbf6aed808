/** The result a cadre-year's compliance status suggests (cycle.md §3); the API and the add-in share it. */
import type { EvaluationResult, Status } from './models';

const SUGGESTION: Partial<Record<Status, EvaluationResult>> = { met: 'dat', not_met: 'khong_dat', exempt: 'mien' };

/** `met` → Đạt, `not_met` → Không đạt, `exempt` → Miễn; any other status (window not over) → none. */
export function suggestedResult(status: Status | undefined): EvaluationResult | null {
  return (status && SUGGESTION[status]) ?? null;
}
