import { fireEvent, render, screen } from '@testing-library/react';
import { ScanActions } from './scan-actions';

const handlers = () => ({ onCamera: jest.fn(), onAlbum: jest.fn(), onQr: jest.fn() });

describe('ScanActions', () => {
  it('says nothing about money while photo recognition is free', () => {
    const { container } = render(<ScanActions disabled={false} photoPriceFen={0} {...handlers()} />);
    expect(container.querySelector('.scan-price-note')).toBeNull();
    expect(container.textContent).not.toContain('¥');
    expect(screen.getByText('纸质票据')).toBeTruthy();
  });

  it('shows the photo price on both photo actions and in a note, before a photo is chosen; QR stays free', () => {
    const h = handlers();
    const { container } = render(<ScanActions disabled={false} photoPriceFen={50} {...h} />);
    const hints = [...container.querySelectorAll('.scan-action__hint')].map((hint) => hint.textContent);
    expect(hints).toEqual(['¥0.50/张', '¥0.50/张', '电子发票 · 数电票']);
    expect(container.querySelector('.scan-price-note')?.textContent).toContain('拍照识别 ¥0.50/张');
    expect(container.querySelector('.scan-price-note')?.textContent).toContain('扫发票二维码免费');
    fireEvent.click(screen.getByText('拍照识别'));
    expect(h.onCamera).toHaveBeenCalledTimes(1);
  });
});
