/**
 * The trips' evaluations as a read-only map keyed by trip id, built on demand: the engine
 * computes every trip's figures eagerly in typed arrays, and a trip's `TripEvaluation`
 * object (derived values, Vietnamese warning messages) only when asked for, then cached.
 */
import type { Trip, TripEvaluation } from '../models';

export class TripEvaluations implements ReadonlyMap<string, TripEvaluation> {
  private index: Map<string, number> | undefined;
  private readonly built = new Map<number, TripEvaluation>();
  private full: Map<string, TripEvaluation> | undefined;

  constructor(
    private readonly trips: readonly Trip[],
    private readonly build: (tripIndex: number) => TripEvaluation,
  ) {}

  /** Trip index by id (the last trip of an id wins, as a store would keep it). */
  private ids(): Map<string, number> {
    if (!this.index) {
      this.index = new Map();
      for (let i = 0; i < this.trips.length; i++) this.index.set(this.trips[i].id, i);
    }
    return this.index;
  }

  /** The evaluation of the trip at `tripIndex` of the input. */
  at(tripIndex: number): TripEvaluation {
    let e = this.built.get(tripIndex);
    if (!e) {
      e = this.build(tripIndex);
      this.built.set(tripIndex, e);
    }
    return e;
  }

  get(id: string): TripEvaluation | undefined {
    const i = this.ids().get(id);
    return i === undefined ? undefined : this.at(i);
  }

  has(id: string): boolean {
    return this.ids().has(id);
  }

  get size(): number {
    return this.ids().size;
  }

  private all(): Map<string, TripEvaluation> {
    if (!this.full) {
      this.full = new Map();
      for (const [id, i] of this.ids()) this.full.set(id, this.at(i));
    }
    return this.full;
  }

  forEach(fn: (value: TripEvaluation, key: string, map: ReadonlyMap<string, TripEvaluation>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.all()) fn.call(thisArg, v, k, this);
  }

  entries(): MapIterator<[string, TripEvaluation]> {
    return this.all().entries();
  }

  keys(): MapIterator<string> {
    return this.all().keys();
  }

  values(): MapIterator<TripEvaluation> {
    return this.all().values();
  }

  [Symbol.iterator](): MapIterator<[string, TripEvaluation]> {
    return this.all()[Symbol.iterator]();
  }
}
