/** cycle.md §5's report routes as both sides see them: the formats and the signed download link. */

export type ReportFormat = 'docx' | 'xlsx';

/** `POST /api/orgs/{org}/reports/{year}/link`: a signed URL of the report, valid 10 minutes. */
export interface ReportLinkBody {
  url: string;
  /** ISO instant. */
  expiresAt: string;
}
