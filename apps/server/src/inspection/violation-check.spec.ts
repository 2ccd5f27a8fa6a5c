import { checkViolations } from './violation-check.js';

describe('checkViolations', () => {
  const now = new Date('2026-12-04T08:00:00Z');
  const standing = { untreated: 0, totalFineFen: 0, totalPoints: 0, queriedAt: '2026-12-04T07:00:00Z' };

  it('blocks a car with untreated violations and names the fine and points', () => {
    const check = checkViolations({ ...standing, untreated: 2, totalFineFen: 40000, totalPoints: 6 }, now);
    expect(check).toMatchObject({ state: 'untreated', blocking: true });
    expect(check.message).toContain('2 条未处理的违章（罚款 ¥400.00，记 6 分）');
  });

  it('only warns when the violations were never queried or queried more than a day ago', () => {
    expect(checkViolations({ ...standing, queriedAt: null }, now)).toMatchObject({ state: 'unknown', blocking: false });
    expect(checkViolations({ ...standing, queriedAt: '2026-12-02T07:00:00Z' }, now)).toMatchObject({
      state: 'stale',
      blocking: false,
    });
  });

  it('says nothing of a clear car queried today', () => {
    expect(checkViolations(standing, now)).toMatchObject({ state: 'clear', blocking: false, message: '' });
  });
});
