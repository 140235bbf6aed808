/** What the storage layer holds and returns (types only). */
import type { PartitionKind } from './keys';

/** A stored row: the normalised record, its version (the entity's ETag) and the deleted marker. */
export interface StoredRow<T = unknown> {
  readonly id: string;
  readonly record: T;
  readonly version: string;
  readonly deleted: boolean;
  /** Trips: the row's write count (each write stores the previous one's + 1; digests keep the highest). */
  readonly seq?: number;
  /** Trips moved from the layout before buckets: the ETag they had there, accepted as their version until written again. */
  readonly formerVersion?: string;
}

export type ChangeOutcome = 'created' | 'updated' | 'deleted';

/** One change as the audit keeps it: old → new (null when absent). */
export interface AuditChange {
  readonly kind: PartitionKind;
  readonly id: string;
  readonly outcome: ChangeOutcome;
  readonly old: unknown;
  readonly new: unknown;
}

/** An audit row as `GET …/audit` returns it. */
export interface AuditRow extends AuditChange {
  /** ISO instant (UTC). */
  readonly at: string;
  /** The key's NAME; never the key. */
  readonly who: string;
}

/** A write the publish plan asks for: conditional on `expectedVersion` (null: must not exist). */
export interface PlannedWrite {
  readonly id: string;
  readonly expectedVersion: string | null;
  readonly record: unknown;
  readonly deleted: boolean;
  readonly change: AuditChange;
  /** Trips: the row's write count after this write. */
  readonly seq?: number;
}
