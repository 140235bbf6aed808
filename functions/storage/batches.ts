/**
 * Splits planned writes into entity-group transactions: each holds at most 99 row writes plus
 * their one audit entity (≤ 100 operations, one partition), and stays under the entity and
 * request size limits (the audit entity ≤ 1 MiB, the transaction ≤ 4 MiB).
 */
import type { PlannedWrite } from './types';

export interface BatchLimits {
  readonly maxWrites: number;
  /** Characters of the audit entity's JSON (UTF-16 in storage: 2 bytes each). */
  readonly maxAuditChars: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxWrites: 99, maxAuditChars: 400_000 };

export function changeSize(write: PlannedWrite): number {
  return JSON.stringify(write.change).length + 1;
}

export function planBatches(writes: readonly PlannedWrite[], limits: BatchLimits = DEFAULT_BATCH_LIMITS): PlannedWrite[][] {
  const batches: PlannedWrite[][] = [];
  let current: PlannedWrite[] = [];
  let chars = 0;
  for (const w of writes) {
    const size = changeSize(w);
    if (current.length > 0 && (current.length >= limits.maxWrites || chars + size > limits.maxAuditChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(w);
    chars += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
