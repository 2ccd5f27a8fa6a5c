import { fireEvent, render, screen } from '@testing-library/react';
import { ConsentStep } from './consent-step';

describe('ConsentStep (H5)', () => {
  it('says what the check proves and what it does not, and that the photo is not kept', () => {
    render(<ConsentStep dailyLimit={5} onAgree={jest.fn()} />);
    expect(screen.getByText('认证不能证明什么')).toBeTruthy();
    expect(screen.getByText(/没有活体检测/)).toBeTruthy();
    expect(screen.getByText(/比对结束即丢弃，不保存到服务器磁盘或数据库/)).toBeTruthy();
    expect(screen.getByText(/每人每天最多认证5次/)).toBeTruthy();
  });

  it('goes on only after the agreement is ticked', () => {
    const onAgree = jest.fn();
    const { container } = render(<ConsentStep onAgree={onAgree} />);
    fireEvent.click(screen.getByText('同意并继续'));
    expect(onAgree).not.toHaveBeenCalled();

    fireEvent.click(container.querySelector('.consent-checkbox') as HTMLElement);
    fireEvent.click(screen.getByText('同意并继续'));
    expect(onAgree).toHaveBeenCalledTimes(1);
  });
});
