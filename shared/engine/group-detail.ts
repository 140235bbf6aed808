/**
 * What a cadre's trip warnings need of the whole group, made on demand per group: OVERLAP's
 * related trips (the group credited again, noting who got each date) and DUPLICATE_ORDER_NO.
 * The trips are taken from the trip objects in the credit order the table found.
 */
import * as dates from '../dates';
import type { Trip } from '../models';
import * as credits from './credit';
import { GroupCredit } from './credit';
import * as record from './trip-record';
import { duplicateOrderNos, type RelatedIds } from './warnings';
import type { YearContexts } from './year-context';

// Bindings used in loops are read once here: under tsx (esbuild's CommonJS interop) every
// read of an imported binding is a getter call, several times slower than a local constant.
const { isoToDay, yearOfDay } = dates;
const { creditGroup } = credits;
const { STRIDE, encodeDates } = record;

export class GroupDetail {
  private related: Map<number, number[]> | undefined;
  private duplicates: Map<number, RelatedIds> | undefined;

  /** `inputs`: the input indices of the group's trips in credit order (place j). */
  constructor(
    private readonly trips: readonly Trip[],
    private readonly inputs: Int32Array,
    private readonly years: YearContexts,
  ) {}

  /** The ids of the trips credited on the dates place j lost (OVERLAP), in credit order. */
  relatedIds(j: number): string[] | undefined {
    if (this.related === undefined) {
      const m = this.inputs.length;
      const records = new Int32Array(m * STRIDE);
      for (let q = 0; q < m; q++) encodeDates(this.trips[this.inputs[q]], records, q * STRIDE);
      this.related = new Map();
      creditGroup(records, 0, m, this.years, new GroupCredit(m), this.related);
    }
    return this.related.get(j)?.map((q) => this.trips[this.inputs[q]].id);
  }

  /** DUPLICATE_ORDER_NO's other trips of place j. */
  sameOrderNo(j: number): RelatedIds | undefined {
    if (this.duplicates === undefined) {
      const list = [];
      for (let q = 0; q < this.inputs.length; q++) {
        const trip = this.trips[this.inputs[q]];
        list.push({ id: trip.id, orderNo: trip.orderNo, startYear: yearOfDay(isoToDay(trip.startDate)) });
      }
      this.duplicates = duplicateOrderNos(list);
    }
    return this.duplicates.get(j);
  }
}
