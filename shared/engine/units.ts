/**
 * Unit resolution: a trip's `unit` is the code of the org's unit it matches, by code, or by
 * name normalised like categories (matchKey); otherwise the text as written.
 */
import type { Unit } from '../models';
import { matchKey } from '../normalize';
import { compareCodePoints } from './trip-table';

export interface ResolvedUnit {
  /** The unit's code, or the text as written when it matches none. */
  readonly key: string;
  readonly unit: Unit | undefined;
}

export class UnitResolver {
  private readonly byCode = new Map<string, Unit>();
  private readonly byName = new Map<string, Unit>();
  private readonly cache = new Map<string, ResolvedUnit>();

  /** Units in code order, so that a name shared by two units resolves to the lower code. */
  constructor(readonly units: readonly Unit[]) {
    const sorted = [...units].sort((a, b) => compareCodePoints(a.unitCode, b.unitCode));
    for (const u of sorted) {
      this.byCode.set(u.unitCode, u);
      const key = matchKey(u.name);
      if (!this.byName.has(key)) this.byName.set(key, u);
    }
  }

  resolve(text: string): ResolvedUnit {
    let r = this.cache.get(text);
    if (!r) {
      const unit = this.byCode.get(text) ?? this.byName.get(matchKey(text));
      r = { key: unit ? unit.unitCode : text, unit };
      this.cache.set(text, r);
    }
    return r;
  }
}
