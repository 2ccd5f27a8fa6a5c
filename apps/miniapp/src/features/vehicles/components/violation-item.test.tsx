import { fireEvent, render } from '@testing-library/react';
import type { ViolationDto } from '../api/types';
import { FeeBreakdown } from './fee-breakdown';
import { ViolationItem } from './violation-item';

const violation = (over: Partial<ViolationDto>): ViolationDto => ({
  code: 'a',
  time: '2025-05-20 08:31:00',
  address: '文二西路口',
  reason: '违反规定停放',
  city: '杭州市',
  fineFen: 20000,
  points: 0,
  serviceFeeFen: 2500,
  markFeeFen: null,
  canSelect: true,
  selectNote: null,
  processStatus: 1,
  processStatusLabel: '未处理',
  paymentStatus: 1,
  needTravelLicense: false,
  ...over,
});

describe('ViolationItem', () => {
  it('shows the agency fee beside the fine and the total of having it handled', () => {
    const onToggle = jest.fn();
    const { container } = render(<ViolationItem violation={violation({})} selected={false} onToggle={onToggle} />);
    expect(container.textContent).toContain('罚款 ¥200.00');
    expect(container.textContent).toContain('服务费 ¥25.00');
    expect(container.textContent).toContain('代缴合计 ¥225.00');
    fireEvent.click(container.querySelector('.violation-item') as Element);
    expect(onToggle).toHaveBeenCalled();
  });

  it('cannot be chosen when it cannot be ordered, and says why', () => {
    const onToggle = jest.fn();
    const { container } = render(
      <ViolationItem
        violation={violation({ canSelect: false, points: 6, selectNote: '扣分违章需驾驶证本人办理' })}
        selected={false}
        onToggle={onToggle}
      />,
    );
    expect(container.querySelector('.violation-checkbox')).toBeNull();
    expect(container.textContent).toContain('扣分违章需驾驶证本人办理');
    fireEvent.click(container.querySelector('.violation-item') as Element);
    expect(onToggle).not.toHaveBeenCalled();
  });
});

describe('FeeBreakdown', () => {
  it('lists fine, service fee, point-deduction fee and the total', () => {
    const { container } = render(<FeeBreakdown fineFen={10000} serviceFeeFen={3500} markFeeFen={0} totalFen={13500} />);
    const rows = [...container.querySelectorAll('.fee-row')].map((row) => row.textContent);
    expect(rows).toEqual(['罚款金额¥100.00', '服务费¥35.00', '代扣分费¥0.00', '合计¥135.00']);
  });
});
