/**
 * The org's cadres and a dense number per cadre id: the listed cadres (first row of an id
 * wins) sorted by `cadreId` in code-point order get 0 … listed − 1, then ids that only trips
 * name get the next numbers as they are met. The trip table groups trips by these numbers.
 */
import type { Cadre } from '../models';
import * as codePoints from '../code-points';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { compareCodePoints } = codePoints;

export class CadreIndex {
  /** The org's cadres, one per id, sorted by cadreId. */
  readonly cadres: readonly Cadre[];
  /**
   * Number by cadre id: a dictionary object (no prototype), which V8 looks up faster than a Map
   * for the short ids JSON.parse hands out as internalized strings.
   */
  private readonly ids: Record<string, number> = Object.create(null) as Record<string, number>;
  private count: number;

  constructor(cadres: readonly Cadre[]) {
    // a stable sort keeps rows of one id in input order: the first of each run wins
    const sorted = [...cadres].sort((a, b) => compareCodePoints(a.cadreId, b.cadreId));
    const list: Cadre[] = [];
    for (let k = 0; k < sorted.length; k++) {
      const c = sorted[k];
      if (list.length > 0 && list[list.length - 1].cadreId === c.cadreId) continue;
      this.ids[c.cadreId] = list.length;
      list.push(c);
    }
    this.cadres = list;
    this.count = this.cadres.length;
  }

  /** Numbers below this are the org's cadres (`cadres[k]`). */
  get listed(): number {
    return this.cadres.length;
  }

  /** Every number given so far. */
  get size(): number {
    return this.count;
  }

  /** The number of a cadre id, given one if new (an id no cadre of the org has). */
  numberOf(cadreId: string): number {
    let k = this.ids[cadreId];
    if (k === undefined) {
      k = this.count++;
      this.ids[cadreId] = k;
    }
    return k;
  }

  /** The number of a cadre id, or undefined when none was given. */
  find(cadreId: string): number | undefined {
    return this.ids[cadreId];
  }

  /** The org's cadre of an id, or undefined. */
  cadre(cadreId: string): Cadre | undefined {
    const k = this.ids[cadreId];
    return k !== undefined && k < this.cadres.length ? this.cadres[k] : undefined;
  }
}
