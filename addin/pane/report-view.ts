/**
 * The pane's year-end report part (cycle.md §5): "Tải báo cáo năm (Word / Excel)" and the
 * link the user clicks where Office has no browser window (Excel on the web), hidden once it
 * expires; "Cập nhật trang Báo cáo năm". DOM only; the flows are flows/report-download.ts and
 * flows/year-report.ts, the words report-links.ts.
 */
import type { OpenBrowserWindow } from '../excel/browser-window';
import type { FlowDeps } from '../flows/context';
import { linkExpired, prepareReportDownload, type ReportDownload } from '../flows/report-download';
import { updateYearReportSheet } from '../flows/year-report';
import { text, type Lang, type Text } from '../text';
import type { ReportFormat } from '../../shared/wire/reports';
import { downloadStatus, LINK_EXPIRED, linkLabel, reportFileName } from './report-links';

export interface ReportViewHost {
  el<T extends HTMLElement>(id: string): T;
  deps(): FlowDeps;
  org(): string;
  lang(): Lang;
  say(message: Text, kind?: 'info' | 'ok' | 'error'): void;
  busy(work: () => Promise<Text>): Promise<void>;
  /** Office's browser window (Excel desktop), or null (Excel on the web, a plain browser); asked at each download. */
  browserWindow(): OpenBrowserWindow | null;
  now?: () => Date;
}

export interface ReportView {
  /** Re-renders the link in the pane's language. */
  applyTexts(): void;
}

export function startReportView(host: ReportViewHost): ReportView {
  const now = host.now ?? (() => new Date());
  const box = host.el('report-link-box');
  const anchor = host.el<HTMLAnchorElement>('report-link');
  let current: ReportDownload | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const render = (): void => {
    box.hidden = current === null;
    if (!current) {
      anchor.removeAttribute('href');
      anchor.textContent = '';
      return;
    }
    anchor.href = current.url;
    anchor.download = reportFileName(host.org(), current);
    anchor.textContent = linkLabel(current)[host.lang()];
  };

  const expire = (): void => {
    if (!current) return;
    current = null;
    render();
    host.say(LINK_EXPIRED, 'info');
  };

  const download = (format: ReportFormat): void => {
    void host.busy(async () => {
      clearTimeout(timer);
      current = null;
      render();
      const d = await prepareReportDownload(host.deps(), format, host.browserWindow());
      current = d;
      render();
      const left = Date.parse(d.expiresAt) - now().getTime();
      if (left > 0) timer = setTimeout(expire, Math.min(left, 2 ** 31 - 1));
      return downloadStatus(d);
    });
  };

  anchor.addEventListener('click', (ev) => {
    if (current && !linkExpired(current.expiresAt, now())) return;
    ev.preventDefault();
    current = null;
    render();
    host.say(LINK_EXPIRED, 'error');
  });
  host.el('report-docx').addEventListener('click', () => download('docx'));
  host.el('report-xlsx').addEventListener('click', () => download('xlsx'));
  host.el('year-report-sheet').addEventListener('click', () => {
    void host.busy(async () => {
      const r = await updateYearReportSheet(host.deps());
      return text(
        `Đã cập nhật trang "${r.sheets[0]}" của năm ${r.year} (khổ A4, sẵn sàng để in) và trang "${r.sheets[1]}" (${r.cadres} cán bộ).`,
        `Updated the "${r.sheets[0]}" sheet for ${r.year} (A4, ready to print) and the "${r.sheets[1]}" sheet (${r.cadres} cadres).`,
      );
    });
  });
  render();
  return { applyTexts: render };
}
