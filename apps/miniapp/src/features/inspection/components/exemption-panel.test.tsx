import { render } from '@testing-library/react';
import type { ExemptionDto } from '../api/types';
import { ExemptionPanel } from './exemption-panel';

const NOTICE = '暂不支持预约上线检测，请前往当地检测站';

describe('ExemptionPanel', () => {
  it('marks each failing rule with what is known of the car, and says where to go instead', () => {
    const exemption: ExemptionDto = {
      eligible: false,
      checks: [
        { rule: 'seats', label: '5座及以下', passed: false, detail: '您的车辆为 7 座' },
        { rule: 'operation', label: '非营运车辆', passed: true, detail: '非营运车辆' },
        { rule: 'accident', label: '未发生过伤亡事故', passed: true, detail: '未发生过伤亡事故' },
        { rule: 'age', label: '注册未满6年', passed: false, detail: '2015-05-01 注册，已满6年' },
      ],
      summary: '不符合免检条件',
      exemptUntil: null,
      stationNotice: NOTICE,
    };
    const { container } = render(<ExemptionPanel exemption={exemption} />);
    const failed = [...container.querySelectorAll('.exemption-check--failed')].map((row) => row.textContent);
    expect(failed).toEqual(['✗5座及以下您的车辆为 7 座', '✗注册未满6年2015-05-01 注册，已满6年']);
    expect(container.querySelectorAll('.exemption-check--passed')).toHaveLength(2);
    expect(container.textContent).toContain('不符合免检条件');
    expect(container.textContent).toContain(NOTICE);
  });

  it('tells an eligible car until when it qualifies', () => {
    const { container } = render(
      <ExemptionPanel
        exemption={{
          eligible: true,
          checks: [{ rule: 'seats', label: '5座及以下', passed: true, detail: '您的车辆为 5 座' }],
          summary: '符合免检条件',
          exemptUntil: '2027-04-14',
          stationNotice: NOTICE,
        }}
      />,
    );
    expect(container.textContent).toContain('符合免检条件');
    expect(container.textContent).toContain('2027-04-14 前有效');
    expect(container.textContent).not.toContain(NOTICE);
  });
});
