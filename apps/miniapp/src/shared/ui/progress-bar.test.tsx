import { render } from '@testing-library/react';
import { PROGRESS_COLOR, ProgressBar } from './progress-bar';

describe('ProgressBar', () => {
  it('fills in the app green, not NutUI’s default red', () => {
    const { container } = render(<ProgressBar percent={40} />);
    const inner = container.querySelector('.nut-progress-inner') as HTMLElement;
    expect(PROGRESS_COLOR).toBe('#07c160');
    expect(inner.style.background).toMatch(/#07c160|rgb\(7, 193, 96\)/);
    expect(inner.style.width).toBe('40%');
  });
});
