/**
 * The year-end report as a document model (cycle.md §5): header block, title, sections I–IV of
 * paragraphs and tables, signature block, recipients. Every text is final Vietnamese (NFC);
 * both renderers (docx, xlsx) only lay it out. Table cells that hold a figure keep the number
 * too, so the sheet can store numbers and tests can compare them with the compliance.
 */
export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  header: string;
  /** Relative width (the renderers scale it to the page). */
  width: number;
  align: Align;
  /** The column holds figures (`value` of its cells). */
  numeric?: boolean;
}

export interface TableCell {
  text: string;
  /** The figure the text shows, for numeric columns. */
  value?: number;
}

export interface ReportTable {
  /** What the table is (a key for tests and sheet names): `departments` or `cadres`. */
  key: 'departments' | 'cadres';
  columns: TableColumn[];
  rows: TableCell[][];
  /** A closing "Tổng cộng" row, or null. */
  total: TableCell[] | null;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; bullet?: boolean; italic?: boolean }
  | { type: 'table'; table: ReportTable };

export interface ReportSection {
  /** `I. ĐẶC ĐIỂM TÌNH HÌNH`… */
  heading: string;
  blocks: Block[];
}

export interface ReportHeader {
  /** Left: the issuer in capitals, one entry per line. */
  issuer: string[];
  /** Left, under the issuer: `Số:      -BC/TĐTN-BTC`. */
  symbol: string;
  /** Right: `ĐOÀN TNCS HỒ CHÍ MINH`, underlined. */
  union: string;
  /** Right: `Quảng Trị, ngày 05 tháng 01 năm 2026`, italic. */
  dateLine: string;
}

export interface ReportModel {
  org: string;
  year: number;
  /** The org's display name (profile name, else the org id). */
  orgName: string;
  header: ReportHeader;
  title: string;
  subtitle: string;
  sections: ReportSection[];
  signature: { title: string[]; name: string };
  recipients: { heading: string; lines: string[] };
  /** The sentence of cycle.md §5 alone (also inside section II). */
  sentence: string;
}
