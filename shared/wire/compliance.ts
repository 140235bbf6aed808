/** `GET …/compliance`, `POST …/recalculate` and `GET …/history` (api.md "Compliance"). */
import type { Summary, YearCompliance } from '../models';

/** What the engine computes for one org-year, with the org and when it was computed. */
export interface ComplianceBody extends YearCompliance {
  org: string;
  /** ISO instant (UTC). */
  computedAt: string;
}

/** One daily snapshot of a year's summary, as `GET …/history` lists them (oldest first). */
export interface HistoryRow {
  date: string;
  summary: Summary;
  computedAt: string;
}

/** `GET …/history`. */
export interface HistoryBody {
  rows: HistoryRow[];
}
