import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ViolationCheckDto } from '../api/types';
import { ViolationNotice } from './violation-notice';

/** Issue 18, item 6: before an inspection order, a car's untreated violations are said, with a way to pay. */
const check = (overrides: Partial<ViolationCheckDto>): ViolationCheckDto => ({
  state: 'clear',
  blocking: false,
  untreated: 0,
  totalFineFen: 0,
  totalPoints: 0,
  queriedAt: '2026-12-05T08:00:00Z',
  message: '',
  ...overrides,
});

describe('ViolationNotice', () => {
  it('refuses a car with untreated violations, says why, and sends the user to pay them', () => {
    const message = '这辆车有 2 条未处理的违章（罚款 ¥400.00，记 6 分），违章处理完毕前不能办理年检，请先处理违章';
    const { container } = render(
      <ViolationNotice
        check={check({ state: 'untreated', blocking: true, untreated: 2, totalPoints: 6, message })}
        garageCarId={4}
      />,
    );
    expect(container.querySelector('.violation-notice--blocking')).not.toBeNull();
    expect(container.textContent).toContain('这辆车暂不能办理年检');
    expect(container.textContent).toContain(message);
    fireEvent.click(container.querySelector('.violation-notice__action') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/vehicles/pages/violations/index?carId=4' });
    expect(container.textContent).toContain('去处理违章');
  });

  it('warns about a car never queried, with a link to query, without refusing', () => {
    const { container } = render(
      <ViolationNotice
        check={check({ state: 'unknown', queriedAt: null, message: '建议先查询违章' })}
        garageCarId={4}
      />,
    );
    expect(container.querySelector('.violation-notice--warning')).not.toBeNull();
    expect(container.textContent).toContain('查询违章');
  });

  it('says nothing of a clear car', () => {
    const { container } = render(<ViolationNotice check={check({})} garageCarId={4} />);
    expect(container.textContent).toBe('');
  });
});
