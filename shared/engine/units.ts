/**
 * Unit resolution: a trip's `unit` is the code of the org's unit it matches, by code, or by
 * name normalised like categories (matchKey); otherwise the text as written.
 * Each resolved key (a unit code, or an unmatched text) has a dense id: the org's distinct
 * codes first, in code order, then unmatched texts in order of first resolution. Each distinct
 * text is resolved once per resolver (one evaluation); names are keyed only when some text
 * is not a code.
 */
import type { Unit } from '../models';
import * as codePoints from '../code-points';
import * as keys from './unit-key';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { compareCodePoints } = codePoints;
const { unitKey } = keys;

export interface ResolvedUnit {
  /** Dense id of the key. */
  readonly id: number;
  /** The unit's code, or the text as written when it matches none. */
  readonly key: string;
  readonly unit: Unit | undefined;
}

export class UnitResolver {
  /** Units in code order (stable), so that a name shared by two units resolves to the lower code. */
  private readonly sorted: readonly Unit[];
  /** Key id of each distinct code (a dictionary object: see CadreIndex). */
  private readonly codeIds: Record<string, number> = Object.create(null) as Record<string, number>;
  /** The unit a code resolves to (the last of equal codes in code order), by key id. */
  private readonly codeUnits: Unit[] = [];
  /** Unit by matchKey of its name (the first in code order); built on the first text that is not a code. */
  private byName: Map<string, Unit> | undefined;
  /** Key id of each distinct text that is not a code. */
  private readonly textIds = new Map<string, number>();
  private readonly keyList: string[] = [];

  constructor(readonly units: readonly Unit[]) {
    this.sorted = [...units].sort((a, b) => compareCodePoints(a.unitCode, b.unitCode));
    for (let k = 0; k < this.sorted.length; k++) {
      const u = this.sorted[k];
      let id = this.codeIds[u.unitCode];
      if (id === undefined) {
        id = this.keyList.length;
        this.codeIds[u.unitCode] = id;
        this.keyList.push(u.unitCode);
      }
      this.codeUnits[id] = u;
    }
  }

  /** How many distinct keys have been resolved so far (every code of the org counts). */
  get keyCount(): number {
    return this.keyList.length;
  }

  /** The key of each id, in id order. */
  keys(): string[] {
    return [...this.keyList];
  }

  /** The key id of a unit code of the org, or undefined. */
  codeId(code: string): number | undefined {
    return this.codeIds[code];
  }

  /** The key id a trip's `unit` text resolves to. */
  idOf(text: string): number {
    const byCode = this.codeIds[text];
    if (byCode !== undefined) return byCode;
    let id = this.textIds.get(text);
    if (id === undefined) {
      const unit = this.names().get(unitKey(text));
      if (unit) id = this.codeIds[unit.unitCode];
      else {
        id = this.keyList.length;
        this.keyList.push(text);
      }
      this.textIds.set(text, id);
    }
    return id;
  }

  resolve(text: string): ResolvedUnit {
    const byCode = this.codeIds[text];
    if (byCode !== undefined) return { id: byCode, key: text, unit: this.codeUnits[byCode] };
    const unit = this.names().get(unitKey(text));
    return { id: this.idOf(text), key: unit ? unit.unitCode : text, unit };
  }

  private names(): Map<string, Unit> {
    if (this.byName === undefined) {
      this.byName = new Map();
      for (let k = 0; k < this.sorted.length; k++) {
        const u = this.sorted[k];
        const key = unitKey(u.name);
        if (!this.byName.has(key)) this.byName.set(key, u);
      }
    }
    return this.byName;
  }
}
