/**
 * Unit resolution: a trip's `unit` is the code of the org's unit it matches, by code, or by
 * name normalised like categories (matchKey); otherwise the text as written.
 */
import type { Unit } from '../models';
import { matchKey } from '../normalize';
import { compareCodePoints } from './trip-table';

export interface ResolvedUnit {
  /** Dense number of the key (0, 1, 2 … in order of first resolution). */
  readonly id: number;
  /** The unit's code, or the text as written when it matches none. */
  readonly key: string;
  readonly unit: Unit | undefined;
}

/** matchKey memoised across evaluations (bounded): free-text units recur in every evaluation. */
const keyMemo = new Map<string, string>();
const KEY_MEMO_LIMIT = 200_000;

function memoMatchKey(text: string): string {
  let key = keyMemo.get(text);
  if (key === undefined) {
    if (keyMemo.size >= KEY_MEMO_LIMIT) keyMemo.clear();
    key = matchKey(text);
    keyMemo.set(text, key);
  }
  return key;
}

export class UnitResolver {
  private readonly byCode = new Map<string, Unit>();
  private readonly byName = new Map<string, Unit>();
  /** A dictionary object: faster than a Map for many distinct JSON-parsed strings. */
  private readonly cache: Record<string, ResolvedUnit> = Object.create(null) as Record<string, ResolvedUnit>;
  private readonly keyIds = new Map<string, number>();

  /** Units in code order, so that a name shared by two units resolves to the lower code. */
  constructor(readonly units: readonly Unit[]) {
    const sorted = [...units].sort((a, b) => compareCodePoints(a.unitCode, b.unitCode));
    for (const u of sorted) {
      this.byCode.set(u.unitCode, u);
      const key = matchKey(u.name);
      if (!this.byName.has(key)) this.byName.set(key, u);
    }
  }

  /** How many distinct keys have been resolved so far. */
  get keyCount(): number {
    return this.keyIds.size;
  }

  /** The key of each id, in id order. */
  keys(): string[] {
    return [...this.keyIds.keys()];
  }

  resolve(text: string): ResolvedUnit {
    let r: ResolvedUnit | undefined = this.cache[text];
    if (!r) {
      const unit = this.byCode.get(text) ?? this.byName.get(memoMatchKey(text));
      const key = unit ? unit.unitCode : text;
      let id = this.keyIds.get(key);
      if (id === undefined) this.keyIds.set(key, (id = this.keyIds.size));
      r = { id, key, unit };
      this.cache[text] = r;
    }
    return r;
  }
}
