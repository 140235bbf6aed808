/** `GET …/compliance`, `POST …/recalculate` and `GET …/history` (api.md "Compliance"). */
import type { Summary, YearCompliance } from '../models';

/** What a closed year's answers say of its close (cycle.md §4). */
export interface ClosedInfo {
  closedBy: string;
  /** ISO instant (UTC). */
  closedAt: string;
  asOf: string;
}

/** What the engine computes for one org-year, with the org and when it was computed. */
export interface ComplianceBody extends YearCompliance {
  org: string;
  /** ISO instant (UTC). */
  computedAt: string;
  /** The close of a closed year (its figures are then the frozen ones), null when open (cycle.md §4). */
  closed?: ClosedInfo | null;
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
