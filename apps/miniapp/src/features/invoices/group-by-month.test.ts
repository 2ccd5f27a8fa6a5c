import { groupByMonth } from './group-by-month';
import { summaryFixture } from './test-fixtures';

describe('groupByMonth', () => {
  it('groups consecutive rows by month and attaches each month its totals', () => {
    const groups = groupByMonth(
      [
        summaryFixture({ id: 3, month: '2024-04' }),
        summaryFixture({ id: 2, month: '2024-03' }),
        summaryFixture({ id: 1, month: '2024-03' }),
      ],
      [{ month: '2024-03', count: 2, amountFen: 6_520, duplicates: 0, unfinished: 0 }],
    );
    expect(groups.map((group) => [group.month, group.items.map((item) => item.id)])).toEqual([
      ['2024-04', [3]],
      ['2024-03', [2, 1]],
    ]);
    expect(groups[0].totals).toBeNull();
    expect(groups[1].totals?.amountFen).toBe(6_520);
  });
});
