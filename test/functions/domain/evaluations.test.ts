/** The figures an evaluation is judged by: taken once per date, and not again for a date the caller has evaluated. */
import { evaluationFigures, type EvaluatedAt } from '../../../functions/domain/evaluations';
import type { OrgState, StoredCollections } from '../../../functions/domain/org-state';
import { KIND_LIST } from '../../../shared/kinds';

const emptyState = (): OrgState => ({
  rows: Object.fromEntries(KIND_LIST.map((k) => [k, new Map()])) as unknown as StoredCollections,
  policyRows: new Map(),
});

/** An evaluation the caller made: CB01 counted 61 of 60 days in 2025, whatever the state holds. */
const known = (date: string): EvaluatedAt => ({
  date,
  evaluation: { year: () => ({ cadres: [{ cadreId: 'CB01', status: 'met', countedDays: 61, requiredDays: 60 }] }) } as unknown as EvaluatedAt['evaluation'],
});

describe('evaluationFigures', () => {
  it('uses the evaluation the caller already made for the same date instead of running the engine again', () => {
    // 2025's window has ended by 2026-03-01: the figures are taken as of 2025-12-31.
    expect(evaluationFigures(emptyState(), '2026-03-01', known('2025-12-31'))('CB01', 2025)).toEqual({ suggested: 'dat', counted: 61, required: 60 });
    // The state holds nothing: the engine itself finds no such cadre.
    expect(evaluationFigures(emptyState(), '2026-03-01')('CB01', 2025)).toEqual({ suggested: null, counted: 0, required: 0 });
  });

  it('runs the engine for another date than the one given (the year still open: as of today)', () => {
    expect(evaluationFigures(emptyState(), '2025-06-30', known('2025-12-31'))('CB01', 2025)).toEqual({ suggested: null, counted: 0, required: 0 });
    expect(evaluationFigures(emptyState(), '2025-06-30', known('2025-06-30'))('CB01', 2025).counted).toBe(61);
  });
});
