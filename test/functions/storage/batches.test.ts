import { planBatches } from '../../../functions/storage/batches';
import type { PlannedWrite } from '../../../functions/storage/types';

const write = (id: string, size = 10): PlannedWrite => ({
  id,
  expectedVersion: null,
  record: { id },
  deleted: false,
  change: { kind: 'trips', id, outcome: 'created', old: null, new: { text: 'x'.repeat(size) } },
});

describe('planBatches', () => {
  it('puts at most 99 writes in a transaction (plus the audit entity: 100)', () => {
    const batches = planBatches(Array.from({ length: 250 }, (_, i) => write(`t${i}`)));
    expect(batches.map((b) => b.length)).toEqual([99, 99, 52]);
    expect(batches.flat().map((w) => w.id)).toEqual(Array.from({ length: 250 }, (_, i) => `t${i}`));
  });
  it('starts a new transaction before the audit entity would be too large', () => {
    const batches = planBatches([write('a', 600), write('b', 600), write('c', 600)], { maxWrites: 99, maxAuditChars: 1500 });
    expect(batches.map((b) => b.map((w) => w.id))).toEqual([['a', 'b'], ['c']]);
  });
  it('keeps a single oversized write alone and returns nothing for nothing', () => {
    expect(planBatches([write('a', 5000)], { maxWrites: 99, maxAuditChars: 100 }).length).toBe(1);
    expect(planBatches([])).toEqual([]);
  });
});
