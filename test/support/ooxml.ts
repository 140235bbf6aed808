/** Reading generated Office files back in tests: a .docx's document.xml as paragraphs and tables; an .xlsx through exceljs. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const unescapeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of a piece of WordprocessingML: its `w:t` runs joined, `w:br`/paragraph ends as line breaks. */
function textOf(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? [];
  return paragraphs
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join(''))
    .join('\n');
}

export interface DocxContent {
  xml: string;
  /** Paragraphs outside tables, in order. */
  paragraphs: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
  files: string[];
  file(name: string): Promise<string>;
}

export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const bodyXml = xml.slice(xml.indexOf('<w:body>'), xml.indexOf('</w:body>'));
  const tables = (bodyXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((tbl) =>
    (tbl.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((tr) => (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf)),
  );
  const outside = bodyXml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = (outside.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map(textOf).filter((t) => t !== '');
  return { xml, paragraphs, tables, files: Object.keys(zip.files), file: (name) => zip.file(name)!.async('string') };
}

export async function readXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** The text of every non-empty cell of a sheet, row by row (merged cells once). */
export function sheetRows(ws: ExcelJS.Worksheet): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  ws.eachRow((row) => {
    const values: Array<string | number> = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const v = cell.value;
      if (v === null || v === undefined || v === '') return;
      values.push(typeof v === 'number' ? v : String(v));
    });
    rows.push(values);
  });
  return rows;
}
