/** cycle.md §4's routes: `GET …/years`, `POST`/`DELETE …/years/{year}/close`, as both sides see them. */
import type { ClosedInfo, ComplianceBody } from './compliance';

/** One year with data or a policy, and its close (null when open). */
export interface YearRow {
  year: number;
  closed: ClosedInfo | null;
}

/** `GET /api/orgs/{org}/years` (newest first). */
export interface YearsBody {
  rows: YearRow[];
}

/** `POST …/years/{year}/close`: the frozen compliance and the close. */
export type ClosedYearBody = ComplianceBody & { closed: ClosedInfo };

/** `DELETE …/years/{year}/close`. */
export interface ReopenedYearBody {
  year: number;
  closed: null;
  reopened: { reopenedBy: string; was: ClosedInfo };
}
