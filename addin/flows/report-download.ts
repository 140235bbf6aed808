/**
 * "Tải báo cáo năm (Word / Excel)" (cycle.md §5): the year must have figures, then the API
 * signs a download link for the org, year and format, and the link is opened in Office's
 * browser window where the host has one (Excel desktop), else given to the user to click
 * (Excel on the web downloads through a link). The link works without a key for 10 minutes.
 */
import { ApiError } from '../api/errors';
import type { OpenBrowserWindow } from '../excel/browser-window';
import { join, text, type Text } from '../text';
import type { ReportFormat } from '../../shared/wire/reports';
import { DONE, FlowError, type FlowDeps } from './context';

export const FORMAT_NAMES: Readonly<Record<ReportFormat, string>> = { docx: 'Word', xlsx: 'Excel' };

export interface ReportDownload {
  format: ReportFormat;
  year: number;
  url: string;
  /** ISO instant after which the server refuses the link. */
  expiresAt: string;
  /** Opened in Office's browser window; false: the user clicks the link. */
  opened: boolean;
}

/** How the link is handed to the user: Office's browser window where there is one, else a link to click. */
export function chooseOpening(browserWindow: OpenBrowserWindow | null): 'browser-window' | 'link' {
  return browserWindow ? 'browser-window' : 'link';
}

/** The link's URL when it is an absolute http(s) address (anything else is never put in the pane). */
export function safeLinkUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** True once the link's expiry has passed (an unreadable expiry counts as passed). */
export function linkExpired(expiresAt: string, now: Date): boolean {
  const t = Date.parse(expiresAt);
  return Number.isNaN(t) || t <= now.getTime();
}

const failed = (year: number, format: ReportFormat): Text =>
  text(`Không tải được báo cáo năm ${year} (${FORMAT_NAMES[format]}).`, `Could not download the ${year} report (${FORMAT_NAMES[format]}).`);

/** Gets a signed link and opens it (or leaves it to the pane to show). */
export async function prepareReportDownload(deps: FlowDeps, format: ReportFormat, browserWindow: OpenBrowserWindow | null): Promise<ReportDownload> {
  const { year } = deps;
  const progress = deps.onProgress ?? (() => undefined);
  const because = (e: unknown): never => {
    if (e instanceof ApiError) throw new FlowError(join(failed(year, format), e.text), e.code);
    throw e;
  };
  progress({ step: text(`Đang kiểm tra số liệu năm ${year}…`, `Checking the ${year} figures…`), done: 0, total: 2 });
  const compliance = await deps.api.compliance(year, deps.asOf).catch(because);
  if (compliance.cadres.length === 0) {
    throw new FlowError(
      text(
        `Năm ${year} chưa có số liệu để lập báo cáo: chưa có cán bộ nào trên máy chủ. Hãy nhập danh sách cán bộ và các chuyến đi, bấm "Gửi thay đổi", rồi tải lại.`,
        `There are no ${year} figures to report: the server has no cadres yet. Enter the cadres and trips, click "Publish changes", then download again.`,
      ),
      'NO_FIGURES',
    );
  }
  progress({ step: text('Đang tạo liên kết tải báo cáo…', 'Making the download link…'), done: 1, total: 2 });
  const link = await deps.api.reportLink(year, format, deps.asOf).catch(because);
  const url = safeLinkUrl(link?.url);
  if (!url || typeof link.expiresAt !== 'string') {
    throw new FlowError(join(failed(year, format), text('Máy chủ trả về liên kết không hợp lệ.', 'The server answered an invalid link.')), 'BAD_LINK');
  }
  let opened = false;
  if (chooseOpening(browserWindow) === 'browser-window') {
    try {
      browserWindow!(url);
      opened = true;
    } catch {
      opened = false; // the pane shows the link instead
    }
  }
  progress({ step: DONE, done: 2, total: 2 });
  return { format, year, url, expiresAt: link.expiresAt, opened };
}
