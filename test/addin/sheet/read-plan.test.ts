import { nextCellBudget, planReadRound, READ_LIMITS } from '../../../addin/sheet/read-plan';

const t = (table: string, total: number, width: number, next = 0) => ({ table, total, width, next });

describe('planReadRound', () => {
  it('reads small tables whole in one round, in order', () => {
    expect(planReadRound([t('A', 3, 10), t('B', 0, 5), t('C', 2000, 18)], 50_000)).toEqual([
      { table: 'A', start: 0, count: 3 },
      { table: 'C', start: 0, count: 2000 },
    ]);
  });

  it('stops at the budget and continues where it stopped', () => {
    expect(planReadRound([t('A', 100, 10), t('B', 100, 10)], 1500)).toEqual([
      { table: 'A', start: 0, count: 100 },
      { table: 'B', start: 0, count: 50 },
    ]);
    expect(planReadRound([t('A', 100, 10, 100), t('B', 100, 10, 50)], 1500)).toEqual([{ table: 'B', start: 50, count: 50 }]);
  });

  it('always makes progress, even when one row is over the budget', () => {
    expect(planReadRound([t('A', 5, 100)], 10)).toEqual([{ table: 'A', start: 0, count: 1 }]);
  });

  it('is empty when everything is read', () => {
    expect(planReadRound([t('A', 4, 3, 4)], 100)).toEqual([]);
  });
});

describe('nextCellBudget', () => {
  it('starts with the fixed first-round budget', () => {
    expect(nextCellBudget(0, 0)).toBe(READ_LIMITS.firstRoundCells);
  });

  it('fits the byte limit from the measured bytes per cell, with a margin, within the cap', () => {
    const limits = { firstRoundCells: 10, maxBytes: 1_000_000, maxRoundCells: 1_000_000 };
    expect(nextCellBudget(40_000, 1000, limits)).toBe(20_000); // 40 B a cell × 1.25
    expect(nextCellBudget(1000, 1000, { ...limits, maxRoundCells: 5000 })).toBe(5000);
  });
});
