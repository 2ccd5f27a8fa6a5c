import { render } from '@testing-library/react';
import type { InspectionStepDto } from '../api/types';
import { InspectionSteps } from './inspection-steps';

const step = (
  worderStatus: number,
  label: string,
  state: 'done' | 'current' | 'todo',
  at: string | null = null,
): InspectionStepDto => ({
  worderStatus,
  label,
  hint: `${label}说明`,
  reached: state !== 'todo',
  current: state === 'current',
  at,
});

describe('InspectionSteps', () => {
  it('shows reached steps with their time, the current one with its hint, and the rest to come', () => {
    const { container } = render(
      <InspectionSteps
        steps={[
          step(10, '已创建，待支付', 'done', '2025-03-01T06:00:00Z'),
          step(15, '待取件', 'done', '2025-03-01T06:00:05Z'),
          step(20, '送件中', 'current', '2025-03-01T07:00:00Z'),
          step(25, '办理中', 'todo'),
        ]}
      />,
    );
    const rows = [...container.querySelectorAll('.inspection-step')];
    expect(rows.map((row) => row.className.includes('inspection-step--current'))).toEqual([false, false, true, false]);
    expect(rows[2].textContent).toContain('送件中说明');
    expect(rows[2].textContent).toContain('2025-03-01 15:00');
    expect(rows[0].textContent).not.toContain('已创建，待支付说明');
    expect(rows[3].className).toContain('inspection-step--todo');
  });
});
