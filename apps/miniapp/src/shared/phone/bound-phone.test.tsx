import { act, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { usePrefillPhone, withPhone } from './bound-phone';

const mockRequest = Taro.request as unknown as jest.Mock;

function answerPhone(phone: string | null) {
  let release: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  mockRequest.mockImplementation(async ({ url }: { url: string }) => {
    await arrived;
    return url === '/api/me/phone' ? { statusCode: 200, data: { phone }, header: {} } : { statusCode: 404, data: {} };
  });
  return release;
}

function Form({ enabled = true, typed = '' }: { enabled?: boolean; typed?: string }) {
  const [fields, setFields] = useState({ contactPhone: typed, ownerPhone: '' });
  usePrefillPhone((phone) => setFields((current) => withPhone(current, ['contactPhone'], phone)), enabled);
  return (
    <>
      <span className="contact">{fields.contactPhone}</span>
      <span className="owner">{fields.ownerPhone}</span>
    </>
  );
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('prefilling a phone field with the bound phone', () => {
  beforeEach(() => Taro.setStorageSync('banshi.token', 'user-token'));

  it('fills only the empty fields it is given', () => {
    const record = { a: '', b: '13900000000', c: ' ' };
    expect(withPhone(record, ['a', 'b', 'c'], '13800138000')).toEqual({
      a: '13800138000',
      b: '13900000000',
      c: '13800138000',
    });
    expect(withPhone(record, ['b'], '13800138000')).toBe(record);
  });

  it('puts the bound phone in the empty contact field, not in the owner field', async () => {
    const release = answerPhone('13800138000');
    const { container } = render(<Form />);
    release();
    await settle();
    expect(container.querySelector('.contact')?.textContent).toBe('13800138000');
    expect(container.querySelector('.owner')?.textContent).toBe('');
  });

  it('leaves a number the user typed before the answer came', async () => {
    const release = answerPhone('13800138000');
    const { container } = render(<Form typed="13912345678" />);
    release();
    await settle();
    expect(container.querySelector('.contact')?.textContent).toBe('13912345678');
  });

  it('leaves the form alone when no phone is bound, when it cannot be read, or when told not to ask', async () => {
    const release = answerPhone(null);
    const { container } = render(<Form />);
    release();
    await settle();
    expect(container.querySelector('.contact')?.textContent).toBe('');

    mockRequest.mockReset();
    mockRequest.mockRejectedValue(new Error('offline'));
    const offline = render(<Form />);
    await settle();
    expect(offline.container.querySelector('.contact')?.textContent).toBe('');
    expect(Taro.showToast).not.toHaveBeenCalled();

    mockRequest.mockReset();
    render(<Form enabled={false} />);
    await settle();
    expect(mockRequest).not.toHaveBeenCalled();
  });
});
