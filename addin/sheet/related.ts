/**
 * Warnings name the other rows involved by id (OVERLAP and DUPLICATE_ORDER_NO: trips;
 * DURING_ABSENCE: absences), and those ids are hidden in the sheet. These name each such row
 * the way the user finds it: its sheet, its row number as Excel shows it and its dates —
 * `Đi cơ sở dòng 7 (03/03–07/03/2025)`. Ids not found in the workbook stay as they are.
 */
import { isoToDisplay, parseDate } from '../../shared/dates';
import type { Kind, Warning } from '../../shared/models';
import type { TableSpec } from './columns';
import type { ColumnMap } from './header-map';
import type { Issue, TablePlace } from './issues';
import type { Lang } from '../text';
import type { TableEdit } from './table-edit';

/** A table with its edit and where it sits (a flow's BoundTable). */
export interface RelatedTable {
  spec: TableSpec;
  map: ColumnMap;
  edit: TableEdit;
  table: TablePlace;
}

/** The fields whose dates name a row, per kind (kinds without dates are named by row only). */
const SPAN_FIELDS: Partial<Record<Kind, readonly [string, string]>> = {
  trips: ['startDate', 'endDate'],
  absences: ['from', 'to'],
};

/**
 * A row's dates as the sheet shows them, shortened: `03/03–07/03/2025` (same year),
 * `28/12/2024–02/01/2025`, `05/03/2025` (one day), `từ 01/03/2025` (no end; `from …` in
 * English). Empty when the start is not a date.
 */
export function spanText(start: unknown, end: unknown, lang: Lang = 'vi'): string {
  const from = parseDate(start);
  if (!from) return '';
  const to = parseDate(end);
  if (!to) return `${lang === 'en' ? 'from' : 'từ'} ${isoToDisplay(from)}`;
  if (to === from) return isoToDisplay(from);
  const shortFrom = from.slice(0, 4) === to.slice(0, 4) ? isoToDisplay(from).slice(0, 5) : isoToDisplay(from);
  return `${shortFrom}–${isoToDisplay(to)}`;
}

/** `Đi cơ sở dòng 7 (03/03–07/03/2025)` (`Đi cơ sở row 7 (…)` in English): `sheetRow` is 1-based, as in Excel's row headers. */
export function rowName(sheet: string, sheetRow: number, span: string, lang: Lang = 'vi'): string {
  return `${sheet} ${lang === 'en' ? 'row' : 'dòng'} ${sheetRow}${span ? ` (${span})` : ''}`;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** The ids every warning of `rows` relates to. */
export function relatedIdsOf(rows: readonly { warnings?: readonly Warning[] }[]): Set<string> {
  const ids = new Set<string>();
  for (const r of rows) for (const w of r.warnings ?? []) for (const id of w.related ?? []) ids.add(id);
  return ids;
}

/**
 * The names of the rows holding `ids`, by id, at their final positions in the edits (removed
 * rows are skipped; the first row holding an id wins). Ids found nowhere are left out.
 */
export function relatedNames(tables: readonly RelatedTable[], ids: Iterable<string>, lang: Lang = 'vi'): Map<string, string> {
  const wanted = new Set([...ids].filter(Boolean));
  const names = new Map<string, string>();
  for (const t of tables) {
    if (!wanted.size) break;
    const idCol = t.map.meta.id;
    if (idCol === undefined) continue;
    const span = SPAN_FIELDS[t.spec.kind];
    let final = 0;
    for (let row = 0; row < t.edit.rowCount; row++) {
      if (t.edit.isRemoved(row)) continue;
      const id = text(t.edit.cell(row, idCol));
      if (wanted.has(id)) {
        const dates = span ? spanText(t.edit.cell(row, t.map.fields[span[0]] ?? -1), t.edit.cell(row, t.map.fields[span[1]] ?? -1), lang) : '';
        names.set(id, rowName(t.table.sheet, t.table.top + 2 + final, dates, lang));
        wanted.delete(id);
      }
      final++;
    }
  }
  return names;
}

/** `message` with each id of `related` that has a name replaced by that name. */
export function nameRelated(message: string, related: readonly string[] | undefined, names: ReadonlyMap<string, string>): string {
  let out = message;
  for (const id of related ?? []) {
    const name = id ? names.get(id) : undefined;
    if (name) out = out.split(id).join(name);
  }
  return out;
}

/** Warnings with their related rows named (for a status text built from them). */
export function nameWarnings(warnings: readonly Warning[] | undefined, names: ReadonlyMap<string, string>): Warning[] | undefined {
  return warnings?.map((w) => (w.related?.length ? { ...w, message: nameRelated(w.message, w.related, names) } : w));
}

/**
 * Once every edit of a flow is done (positions final): the warning issues' messages and their
 * rows' status cells with the related rows named. Issue rows are those of the edits (before
 * `finalIssueRows`). Returns the issues, renamed.
 */
export function nameRelatedIssues(tables: readonly RelatedTable[], issues: readonly Issue[]): Issue[] {
  const ids = issues.flatMap((i) => i.related ?? []);
  const names = relatedNames(tables, ids);
  if (!names.size) return [...issues];
  const namesEn = relatedNames(tables, ids, 'en');
  const byTable = new Map(tables.map((t) => [t.spec.table, t]));
  return issues.map((issue) => {
    if (!issue.related?.some((id) => names.has(id))) return issue;
    const t = byTable.get(issue.table);
    const statusCol = t?.map.meta.status;
    if (t && statusCol !== undefined && !t.edit.isRemoved(issue.row)) {
      const status = text(t.edit.cell(issue.row, statusCol));
      const named = nameRelated(status, issue.related, names);
      if (named !== status) t.edit.set(issue.row, statusCol, named);
    }
    return { ...issue, message: nameRelated(issue.message, issue.related, names), ...(issue.en ? { en: nameRelated(issue.en, issue.related, namesEn) } : {}) };
  });
}
