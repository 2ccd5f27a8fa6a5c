import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { checkDigitFor } from '../identity-input';
import { IdentityForm, type IdentityFields } from './identity-form';

const first17 = '11010119900307123';
const VALID = first17 + checkDigitFor(first17);
const WRONG_CHECK = first17 + (checkDigitFor(first17) === '0' ? '1' : '0');

function Harness({
  onNext,
  serverErrors,
}: {
  onNext: (v: IdentityFields) => void;
  serverErrors?: Record<string, string>;
}) {
  const [value, setValue] = useState<IdentityFields>({ name: '', idNumber: '' });
  return <IdentityForm value={value} onChange={setValue} onNext={onNext} serverErrors={serverErrors} />;
}

async function type(container: HTMLElement, selector: string, value: string) {
  // Taro's <Input> is a web component: its native <input> appears a tick after the first render.
  const input = await waitFor(() => {
    const element = container.querySelector<HTMLInputElement>(`${selector} input`);
    if (!element) throw new Error(`${selector} not rendered yet`);
    return element;
  });
  await act(async () => {
    input.value = value;
    fireEvent.input(input, { target: { value } });
  });
}

describe('IdentityForm', () => {
  it('says at once when a complete ID number cannot be right, and not while it is being typed', async () => {
    const { container } = render(<Harness onNext={jest.fn()} />);
    await type(container, '.identity-id-input', first17.slice(0, 10));
    expect(container.querySelector('.identity-id-message')).toBeNull();

    await type(container, '.identity-id-input', WRONG_CHECK);
    expect(container.querySelector('.identity-id-message')?.textContent).toBe('身份证号校验位不正确，请检查是否输错');

    await type(container, '.identity-id-input', VALID.toLowerCase());
    expect(container.querySelector('.identity-id-message')).toBeNull();
    expect(screen.getByText('身份证号格式正确')).toBeTruthy();
  });

  it('goes on only with a valid name and number, normalised', async () => {
    const onNext = jest.fn();
    const { container } = render(<Harness onNext={onNext} />);
    fireEvent.click(screen.getByText('下一步：拍摄人脸照片'));
    expect(onNext).not.toHaveBeenCalled();
    expect(container.querySelector('.identity-name-message')?.textContent).toBe('请填写身份证上的姓名');

    await type(container, '.identity-name-input', ' 张 三 ');
    await type(container, '.identity-id-input', VALID.slice(0, 6) + ' ' + VALID.slice(6));
    fireEvent.click(screen.getByText('下一步：拍摄人脸照片'));
    expect(onNext).toHaveBeenCalledWith({ name: '张三', idNumber: VALID });
  });

  it("shows the server's message on a field until the field is edited", async () => {
    const { container } = render(<Harness onNext={jest.fn()} serverErrors={{ name: '姓名只能包含汉字' }} />);
    expect(container.querySelector('.identity-name-message')?.textContent).toBe('姓名只能包含汉字');
    await type(container, '.identity-name-input', '李四');
    expect(container.querySelector('.identity-name-message')).toBeNull();
  });
});
