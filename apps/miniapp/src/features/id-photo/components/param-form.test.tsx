import { render } from '@testing-library/react';
import { ParamForm } from './param-form';

const spec = {
  params: [
    { name: 'text_name', label: '姓名', kind: 'text' as const, required: true },
    { name: 'text_idcard', label: '身份证号', kind: 'idcard' as const, required: true },
    { name: 'image_idcard', label: '身份证人像面照片', kind: 'image' as const, required: false },
  ],
  oneOf: [],
};

describe('ParamForm', () => {
  it("builds the form from the spec's params and shows each problem under its field", () => {
    const { container } = render(
      <ParamForm
        spec={spec}
        values={{ text_name: '张三' }}
        errors={{ 'param.text_idcard': '身份证号校验位不正确，请检查是否输错' }}
        onChange={jest.fn()}
      />,
    );
    const fields = container.querySelectorAll('.id-photo-field');
    expect([...fields].map((field) => field.querySelector('.id-photo-field__label')?.textContent)).toEqual([
      '姓名*',
      '身份证号*',
    ]);
    expect(fields[1].querySelector('.id-photo-field__error')?.textContent).toBe('身份证号校验位不正确，请检查是否输错');
    expect(fields[0].querySelector('.id-photo-field__error')).toBeNull();
  });

  it('on a resubmission, says which value an empty field keeps', () => {
    const { container } = render(
      <ParamForm
        spec={spec}
        values={{}}
        errors={{}}
        previous={{ text_idcard: '110***********002X' }}
        onChange={jest.fn()}
      />,
    );
    // Taro's input in jsdom is its web component, <taro-input-core>.
    const input = container.querySelector('.id-photo-field--text_idcard .nut-input-native');
    expect(input?.getAttribute('placeholder')).toBe('不修改请留空（110***********002X）');
  });
});
