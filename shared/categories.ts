/**
 * Resolving coded values given by code or Vietnamese label, matched with `matchKey`
 * (rules.md: NFD, marks removed, đ → d, lower case, whitespace and `_` removed):
 * content categories, the `contents` list of a trip, absence reasons, unit kinds, and a trip's
 * `unit` against the org's units.
 */
import { ABSENCE_REASON_LABELS, EVALUATION_RESULT_LABELS, UNIT_KIND_LABELS } from './messages';
import type { AbsenceReason, Category, EvaluationResult, Unit, UnitKind } from './models';
import { matchKey } from './normalize';

/** Codes by the matching key of their code, then of their label (the first category wins). */
interface CategoryKeys {
  readonly byCode: ReadonlyMap<string, string>;
  readonly byLabel: ReadonlyMap<string, string>;
}

const keysCache = new WeakMap<readonly Category[], CategoryKeys>();

/** The look-up tables of a category list, made once per list (so a check is linear in its items). */
function categoryKeys(categories: readonly Category[]): CategoryKeys {
  let keys = keysCache.get(categories);
  if (!keys) {
    const byCode = new Map<string, string>();
    const byLabel = new Map<string, string>();
    for (const c of categories) {
      const codeKey = matchKey(c.code);
      if (!byCode.has(codeKey)) byCode.set(codeKey, c.code);
      const labelKey = matchKey(c.label);
      if (!byLabel.has(labelKey)) byLabel.set(labelKey, c.code);
    }
    keys = { byCode, byLabel };
    keysCache.set(categories, keys);
  }
  return keys;
}

/** The code of the category given by its code or its label, or null when none matches. */
export function resolveCategory(text: string, categories: readonly Category[]): string | null {
  const key = matchKey(text);
  if (key === '') return null;
  const { byCode, byLabel } = categoryKeys(categories);
  return byCode.get(key) ?? byLabel.get(key) ?? null;
}

/**
 * The items of a `contents` value: a list (of strings, each possibly holding several items) or
 * one string separated by `;` or line breaks (never `,`, which labels contain). Items are
 * trimmed; empty ones dropped. Null when the value is neither a string nor a list of strings.
 * Stops once `max` items are found (a caller refusing more than a limit asks for limit + 1).
 */
export function parseContents(value: unknown, max = Infinity): string[] | null {
  const parts: unknown[] = Array.isArray(value) ? value : [value];
  const items: string[] = [];
  for (const part of parts) {
    if (part === null || part === undefined) continue;
    if (typeof part !== 'string') return null;
    if (items.length >= max) continue;
    const pieces = /[^;\r\n\u2028\u2029]+/g;
    for (let m = pieces.exec(part); m !== null && items.length < max; m = pieces.exec(part)) {
      const text = m[0].normalize('NFC').trim();
      if (text !== '') items.push(text);
    }
  }
  return items;
}

/** Items resolved against accepted categories: codes in order without repeats, and misses (linear). */
export function resolveContents(
  items: readonly string[],
  categories: readonly Category[],
): { codes: string[]; unknown: string[] } {
  const codes = new Set<string>();
  const unknown = new Set<string>();
  for (const item of items) {
    const code = resolveCategory(item, categories);
    if (code === null) unknown.add(item);
    else codes.add(code);
  }
  return { codes: [...codes], unknown: [...unknown] };
}

/** A code of `labels` given by its code or its label (matched with `matchKey`), or null. */
export function resolveCode<C extends string>(value: unknown, labels: Readonly<Record<C, string>>): C | null {
  if (typeof value !== 'string') return null;
  const key = matchKey(value);
  if (key === '') return null;
  const codes = Object.keys(labels) as C[];
  return (
    codes.find((c) => matchKey(c) === key) ?? codes.find((c) => matchKey(labels[c]) === key) ?? null
  );
}

/** An absence reason by code (`study`…) or Vietnamese label (`Thai sản`, `thai san`…). */
export function parseAbsenceReason(value: unknown): AbsenceReason | null {
  return resolveCode(value, ABSENCE_REASON_LABELS);
}

/** An evaluation result by code (`khong_dat`…) or Vietnamese label (`Không đạt`, `khong dat`…). */
export function parseEvaluationResult(value: unknown): EvaluationResult | null {
  return resolveCode(value, EVALUATION_RESULT_LABELS);
}

/** A unit kind by code (`chi_doan`…) or Vietnamese label (`Chi đoàn`, `Xã`…). */
export function parseUnitKind(value: unknown): UnitKind | null {
  return resolveCode(value, UNIT_KIND_LABELS);
}

/**
 * The code of the org's unit a trip's `unit` text names, or null when none: a unit whose code
 * is the (trimmed) text exactly, else one whose name matches by `matchKey` — the lowest code in
 * code-point order when several do (as the engine's UnitResolver decides).
 */
export function resolveUnitCode(text: string, units: readonly Unit[]): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const exact = units.find((u) => u.unitCode === trimmed);
  if (exact) return exact.unitCode;
  const key = matchKey(trimmed);
  let best: string | null = null;
  for (const u of units) if (matchKey(u.name) === key && (best === null || u.unitCode < best)) best = u.unitCode;
  return best;
}
