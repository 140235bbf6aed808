/**
 * One cadre's trips replayed on demand for their per-trip results (only trip evaluations need
 * them): the credit again with OVERLAP's related trips, and DUPLICATE_ORDER_NO.
 * The trips are taken in the credit order the table found, from the trip objects.
 */
import type { Trip } from '../models';
import * as credits from './credit';
import { GroupCredit } from './credit';
import * as record from './trip-record';
import { duplicateOrderNos } from './warnings';
import type { YearContexts } from './year-context';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { creditGroup } = credits;
const { STRIDE, encodeDates } = record;

export class GroupDetail {
  /** Input indices of the group's trips in credit order (place j). */
  readonly inputs: Int32Array;
  /** The group's trips as records (dates, declared days, report day), by place. */
  readonly records: Int32Array;
  readonly credit: GroupCredit;
  /** OVERLAP's related places of each place that lost something. */
  readonly related = new Map<number, number[]>();
  private duplicates: Map<number, string[]> | undefined;

  constructor(
    private readonly trips: readonly Trip[],
    inputs: Int32Array,
    years: YearContexts,
  ) {
    const m = inputs.length;
    this.inputs = inputs;
    this.records = new Int32Array(m * STRIDE);
    for (let j = 0; j < m; j++) encodeDates(trips[inputs[j]], this.records, j * STRIDE);
    this.credit = new GroupCredit(m);
    creditGroup(this.records, m, years, this.credit, this.related);
  }

  /** The ids of the trips credited on the dates place j lost (OVERLAP), in credit order. */
  relatedIds(j: number): string[] | undefined {
    return this.related.get(j)?.map((q) => this.trips[this.inputs[q]].id);
  }

  /** DUPLICATE_ORDER_NO's other trips of place j. */
  sameOrderNo(j: number): string[] | undefined {
    if (this.duplicates === undefined) {
      const list = [];
      for (let q = 0; q < this.inputs.length; q++) {
        const trip = this.trips[this.inputs[q]];
        list.push({ id: trip.id, orderNo: trip.orderNo, startYear: this.credit.firstYear[q] });
      }
      this.duplicates = duplicateOrderNos(list);
    }
    return this.duplicates.get(j);
  }
}
