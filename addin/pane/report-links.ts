/** What the pane says about a report download link, in both languages (pure). */
import { FORMAT_NAMES, type ReportDownload } from '../flows/report-download';
import { text, type Text } from '../text';

const two = (n: number): string => String(n).padStart(2, '0');

/** `14:05`, in the computer's own time zone (the user's clock). */
export function clockTime(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? '' : `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** The file the link downloads (the API's Content-Disposition name). */
export function reportFileName(org: string, d: Pick<ReportDownload, 'year' | 'format'>): string {
  return `bao-cao-1-2-${org}-${d.year}.${d.format}`;
}

/** The status after a link was made: opened in the browser window, or waiting for a click. */
export function downloadStatus(d: ReportDownload): Text {
  const f = FORMAT_NAMES[d.format];
  const until = clockTime(d.expiresAt);
  return d.opened
    ? text(
        `Đã mở báo cáo năm ${d.year} (${f}) trong trình duyệt để tải về. Nếu tệp không tải về, bấm liên kết bên dưới (dùng được đến ${until}).`,
        `Opened the ${d.year} report (${f}) in the browser to download it. If the file does not download, click the link below (valid until ${until}).`,
      )
    : text(
        `Báo cáo năm ${d.year} (${f}) đã sẵn sàng: bấm liên kết bên dưới để tải về (dùng được đến ${until}).`,
        `The ${d.year} report (${f}) is ready: click the link below to download it (valid until ${until}).`,
      );
}

/** The link's own words. */
export function linkLabel(d: Pick<ReportDownload, 'year' | 'format'>): Text {
  const f = FORMAT_NAMES[d.format];
  return text(`Tải báo cáo năm ${d.year} (${f})`, `Download the ${d.year} report (${f})`);
}

export const LINK_EXPIRED: Text = text(
  'Liên kết tải báo cáo đã hết hạn (chỉ dùng được 10 phút). Bấm lại "Tải báo cáo năm" để tạo liên kết mới.',
  'The report download link has expired (links last 10 minutes). Click "Download the year report" again for a new one.',
);
