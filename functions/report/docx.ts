/**
 * The year-end report as a Word document (the `docx` package), laid out as a Vietnamese
 * administrative document: A4 portrait, Times New Roman 14 pt (tables 13 pt), margins top and
 * bottom 20 mm, left 30 mm, right 15 mm; the page number centred at the top from page 2; the
 * header block as a borderless two-column table; tables with a repeated header row. Text goes
 * in as text runs (the package escapes it), never as markup.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Align, Block, ReportModel, ReportTable } from '../../shared/report/model';

export const DOCX_FONT = 'Times New Roman';
const BODY_SIZE = 28; // half-points: 14 pt
const TABLE_SIZE = 26; // 13 pt
export const DOCX_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
const PAGE = { width: 11906, height: 16838 }; // A4 in twips
/** Millimetres to twips, rounded (the package's own helper floors: 20 mm would be 19.99). */
const mm = (value: number): number => Math.round((value * 1440) / 25.4);
const TEXT_WIDTH = PAGE.width - mm(DOCX_MARGINS_MM.left) - mm(DOCX_MARGINS_MM.right);

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
}

const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({
    text,
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? {} : undefined,
    size: style.size,
    font: DOCX_FONT,
  });

const line = (text: string, align: Align, style: RunStyle = {}, after = 0): Paragraph =>
  new Paragraph({ alignment: ALIGN[align], spacing: { before: 0, after }, children: [run(text, style)] });

function headerBlock(model: ReportModel): Table {
  const half = Math.round(TEXT_WIDTH * 0.47);
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE });
  const left = [
    ...model.header.issuer.map((t) => line(t, 'center', { bold: true, size: 26 })),
    line('***', 'center', { size: 26 }),
    line(model.header.symbol, 'center', { size: 26 }),
  ];
  const right = [line(model.header.union, 'center', { bold: true, underline: true, size: 30 }), line('', 'center'), line(model.header.dateLine, 'center', { italics: true })];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, half), cell(right, TEXT_WIDTH - half)] })],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const CELL_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function table(t: ReportTable): Table {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / total));
  const cell = (text: string, i: number, opts: { bold?: boolean; align?: Align }): TableCell =>
    new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      borders: CELL_BORDERS,
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 45, right: 45, top: 30, bottom: 30 },
      children: text.split('\n').map((l) => line(l, opts.align ?? 'left', { bold: opts.bold, size: TABLE_SIZE })),
    });
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.header, i, { bold: true, align: 'center' })) }),
    ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c.text, i, { align: t.columns[i].align })) })),
    ...(t.total ? [new TableRow({ cantSplit: true, children: t.total.map((c, i) => cell(c.text, i, { bold: true, align: i === 1 ? 'center' : t.columns[i].align })) })] : []),
  ];
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows });
}

const body = (text: string, opts: { bullet?: boolean; italic?: boolean; bold?: boolean; keepNext?: boolean } = {}): Paragraph =>
  new Paragraph({
    keepNext: opts.keepNext,
    keepLines: true,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(10) },
    spacing: { before: 60, after: 60, line: 300 },
    children: [run(opts.bullet ? `- ${text}` : text, { italics: opts.italic, bold: opts.bold })],
  });

function blocks(list: readonly Block[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const b of list) {
    if (b.type === 'heading') out.push(body(b.text, { bold: true, keepNext: true }));
    else if (b.type === 'paragraph') out.push(body(b.text, { bullet: b.bullet, italic: b.italic }));
    else {
      out.push(table(b.table));
      out.push(line('', 'left', {}, 60));
    }
  }
  return out;
}

/** The last paragraph of the last section again, kept with what follows. */
function keptWithNext(model: ReportModel): Paragraph {
  const last = model.sections[model.sections.length - 1].blocks.at(-1);
  if (!last || last.type !== 'paragraph') return new Paragraph({ keepNext: true, children: [] });
  return body(last.text, { bullet: last.bullet, italic: last.italic, keepNext: true });
}

function signature(model: ReportModel): Table {
  const leftWidth = Math.round(TEXT_WIDTH * 0.42);
  const recipients = [line(model.recipients.heading, 'left', { bold: true, italics: true, size: 24 }), ...model.recipients.lines.map((l) => line(l, 'left', { size: 22 }))];
  const signer = [
    ...model.signature.title.map((t) => line(t, 'center', { bold: true })),
    ...[0, 1, 2, 3].map(() => line('', 'center')),
    line(model.signature.name, 'center', { bold: true }),
  ];
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: TableBorders.NONE });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(recipients, leftWidth), cell(signer, TEXT_WIDTH - leftWidth)] })],
  });
}

export function docxDocument(model: ReportModel): Document {
  const children: Array<Paragraph | Table> = [
    headerBlock(model),
    line('', 'center', {}, 120),
    line(model.title, 'center', { bold: true, size: 30 }),
    line(model.subtitle, 'center', { bold: true }),
    line('-----', 'center', {}, 180),
  ];
  for (const s of model.sections) {
    children.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: 60 }, indent: { firstLine: mm(10) }, children: [run(s.heading, { bold: true })] }));
    children.push(...blocks(s.blocks));
  }
  // the signature is never alone on its page: the last paragraph goes with it
  const lastText = children[children.length - 1];
  if (lastText instanceof Paragraph) children[children.length - 1] = keptWithNext(model);
  children.push(new Paragraph({ keepNext: true, spacing: { before: 0, after: 120 }, children: [] }));
  children.push(signature(model));
  const section: ISectionOptions = {
    properties: {
      titlePage: true,
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: {
          top: mm(DOCX_MARGINS_MM.top),
          bottom: mm(DOCX_MARGINS_MM.bottom),
          left: mm(DOCX_MARGINS_MM.left),
          right: mm(DOCX_MARGINS_MM.right),
          header: mm(10),
          footer: mm(10),
        },
      },
    },
    headers: {
      default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: BODY_SIZE })] })] }),
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
    children,
  };
  return new Document({
    creator: model.orgName,
    title: `${model.title} ${model.subtitle}`,
    styles: { default: { document: { run: { font: DOCX_FONT, size: BODY_SIZE } } } },
    sections: [section],
  });
}

/** The .docx file's bytes. */
export async function renderDocx(model: ReportModel): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(model));
}
