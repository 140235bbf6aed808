/**
 * Print settings on the emulated host (ExcelApi 1.9 `Worksheet.pageLayout`): paper, orientation,
 * margins, centring, zoom, print area, print title rows, headers and footers. Everything set is
 * recorded on the sheet (`SheetModel.pageLayout`), each value checked as Excel checks it (an
 * unknown paper size, a margin below 0, a print area on another sheet, title "rows" that are
 * not whole rows are refused with `InvalidArgument`); a protected sheet refuses them.
 */
import { localAddress, MAX_COLS, parseLocal, splitSheet, type Block } from './address';
import { HostObject, HRange, HSheet, type HostState } from './objects';
import { HostError, type SheetModel } from './workbook';

const PAPER = new Set(['Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5', 'Folio', 'Quatro', 'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14', 'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65', 'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS', 'FanfoldStdGerman', 'FanfoldLegalGerman']);
const MARGINS = ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'] as const;
const FLAGS = ['centerHorizontally', 'centerVertically', 'printGridlines', 'printHeadings', 'blackAndWhite', 'draftMode'] as const;
/** Excel's defaults (points): 0.7" left and right, 0.75" top and bottom, 0.3" header and footer. */
const DEFAULTS: Record<string, unknown> = {
  paperSize: 'Letter',
  orientation: 'Portrait',
  leftMargin: 50.4,
  rightMargin: 50.4,
  topMargin: 54,
  bottomMargin: 54,
  headerMargin: 21.6,
  footerMargin: 21.6,
  centerHorizontally: false,
  centerVertically: false,
  printGridlines: false,
  printHeadings: false,
  blackAndWhite: false,
  draftMode: false,
  firstPageNumber: '',
  zoom: { scale: 100 },
};

const invalid = (what: string): never => {
  throw new HostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${what}.`);
};

/** A block of this sheet from a Range or an address (with or without this sheet's name). */
function blockOn(m: SheetModel, ref: unknown, what: string): Block {
  if (ref instanceof HRange) return ref.sheet === m ? ref.b : invalid(`${what} on another sheet`);
  if (typeof ref !== 'string') return invalid(what);
  const { sheet, local } = splitSheet(ref.trim());
  if (sheet !== null && sheet.toLowerCase() !== m.name.toLowerCase()) return invalid(`${what} on another sheet (${ref})`);
  return (local.trim() !== '' && parseLocal(local)) || invalid(`${what} "${ref}"`);
}

export class HPageLayout extends HostObject {
  readonly type = 'PageLayout';
  constructor(
    private readonly s: HostState,
    private readonly m: SheetModel,
  ) {
    super();
  }
  override _scalars(): string[] {
    return Object.keys(DEFAULTS);
  }
  private get(name: string): unknown {
    return name in this.m.pageLayout.settings ? this.m.pageLayout.settings[name] : DEFAULTS[name];
  }
  private put(name: string, value: unknown, ok: boolean): void {
    this.s.wb.assertWritable(this.m);
    if (!ok) invalid(`${name} = ${JSON.stringify(value)}`);
    this.m.pageLayout.settings[name] = value;
  }
  get paperSize(): unknown {
    return this.get('paperSize');
  }
  set paperSize(v: unknown) {
    this.put('paperSize', v, typeof v === 'string' && PAPER.has(v));
  }
  get orientation(): unknown {
    return this.get('orientation');
  }
  set orientation(v: unknown) {
    this.put('orientation', v, v === 'Portrait' || v === 'Landscape');
  }
  get firstPageNumber(): unknown {
    return this.get('firstPageNumber');
  }
  set firstPageNumber(v: unknown) {
    this.put('firstPageNumber', v, v === '' || (Number.isInteger(v) && (v as number) >= 0));
  }
  get zoom(): unknown {
    return this.get('zoom');
  }
  /** `{scale}` (10–400 %) or `{horizontalFitToPages, verticalFitToPages}` (whole pages, 0: automatic). */
  set zoom(v: unknown) {
    const z = (v ?? {}) as Record<string, unknown>;
    const pages = (n: unknown): boolean => n === undefined || n === null || (Number.isInteger(n) && (n as number) >= 0);
    const ok =
      typeof v === 'object' &&
      v !== null &&
      Object.keys(z).every((k) => ['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k)) &&
      (z.scale === undefined || (typeof z.scale === 'number' && z.scale >= 10 && z.scale <= 400)) &&
      pages(z.horizontalFitToPages) &&
      pages(z.verticalFitToPages);
    this.put('zoom', v, ok);
  }
  setPrintArea(area: unknown): void {
    this.s.wb.assertWritable(this.m);
    const parts = area instanceof HRange ? [area] : typeof area === 'string' ? area.split(',') : [];
    if (!parts.length) invalid('print area');
    this.m.pageLayout.printArea = parts.map((p) => localAddress(blockOn(this.m, p, 'print area'))).join(',');
  }
  setPrintTitleRows(rows: unknown): void {
    this.s.wb.assertWritable(this.m);
    const b = blockOn(this.m, rows, 'print title rows');
    if (b.c !== 0 || b.cols !== MAX_COLS) invalid(`print title rows must be whole rows (${String(rows instanceof HRange ? rows.address : rows)})`);
    this.m.pageLayout.printTitleRows = `$${b.r + 1}:$${b.r + b.rows}`;
  }
  getPrintTitleRowsOrNullObject(): HRange | null {
    const t = this.m.pageLayout.printTitleRows;
    return t ? new HRange(this.s, this.m, parseLocal(t)!) : null;
  }
  get headersFooters(): HHeaderFooterGroup {
    return new HHeaderFooterGroup(this.s, this.m);
  }
}
for (const name of [...MARGINS, ...FLAGS]) {
  const margin = (MARGINS as readonly string[]).includes(name);
  Object.defineProperty(HPageLayout.prototype, name, {
    get(this: HPageLayout) {
      return (this as unknown as { get(n: string): unknown }).get(name);
    },
    set(this: HPageLayout, v: unknown) {
      const ok = margin ? typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1000 : typeof v === 'boolean';
      (this as unknown as { put(n: string, v: unknown, ok: boolean): void }).put(name, v, ok);
    },
  });
}

const HF_STATES = new Set(['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven']);

class HHeaderFooterGroup extends HostObject {
  readonly type = 'HeaderFooterGroup';
  constructor(
    private readonly s: HostState,
    private readonly m: SheetModel,
  ) {
    super();
  }
  override _scalars(): string[] {
    return ['state', 'useSheetMargins', 'useSheetScale'];
  }
  private record(path: string, value: unknown, ok: boolean): void {
    this.s.wb.assertWritable(this.m);
    if (!ok) invalid(`${path} = ${JSON.stringify(value)}`);
    this.m.pageLayout.headersFooters[path] = value;
  }
  get state(): unknown {
    return this.m.pageLayout.headersFooters.state ?? 'Default';
  }
  set state(v: unknown) {
    this.record('state', v, typeof v === 'string' && HF_STATES.has(v));
  }
  get useSheetMargins(): unknown {
    return this.m.pageLayout.headersFooters.useSheetMargins ?? true;
  }
  set useSheetMargins(v: unknown) {
    this.record('useSheetMargins', v, typeof v === 'boolean');
  }
  get useSheetScale(): unknown {
    return this.m.pageLayout.headersFooters.useSheetScale ?? true;
  }
  set useSheetScale(v: unknown) {
    this.record('useSheetScale', v, typeof v === 'boolean');
  }
  private page(which: string): HHeaderFooter {
    return new HHeaderFooter(which, (path, v, ok) => this.record(path, v, ok), (path) => this.m.pageLayout.headersFooters[path]);
  }
  get defaultForAllPages(): HHeaderFooter {
    return this.page('defaultForAllPages');
  }
  get firstPage(): HHeaderFooter {
    return this.page('firstPage');
  }
  get oddPages(): HHeaderFooter {
    return this.page('oddPages');
  }
  get evenPages(): HHeaderFooter {
    return this.page('evenPages');
  }
}

class HHeaderFooter extends HostObject {
  readonly type = 'HeaderFooter';
  constructor(
    readonly which: string,
    readonly record: (path: string, v: unknown, ok: boolean) => void,
    readonly read: (path: string) => unknown,
  ) {
    super();
  }
  override _scalars(): string[] {
    return HF_PARTS;
  }
}
const HF_PARTS = ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter'];
for (const part of HF_PARTS) {
  Object.defineProperty(HHeaderFooter.prototype, part, {
    get(this: HHeaderFooter) {
      return this.read(`${this.which}.${part}`) ?? '';
    },
    set(this: HHeaderFooter, v: unknown) {
      // Excel caps each of the three parts at 255 characters
      this.record(`${this.which}.${part}`, v, typeof v === 'string' && v.length <= 255);
    },
  });
}

/** `Worksheet.pageLayout`, installed on the host's worksheet here (host.ts imports this file). */
Object.defineProperty(HSheet.prototype, 'pageLayout', {
  get(this: HSheet) {
    return new HPageLayout(this.s, this.m);
  },
});
