import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { CitiesDto, CityRule } from '../api/types';
import { CarForm } from './car-form';

const rule = (over: Partial<CityRule>): CityRule => ({
  province: '浙江省',
  provincePrefix: '浙',
  city: '杭州市',
  cityPrefix: '浙A',
  vinLength: 6,
  engineNoLength: 6,
  vinHint: '车架号后6位',
  engineNoHint: '发动机号后6位',
  carTypes: ['01', '02', '51', '52'],
  needsPhone: true,
  ...over,
});

const CITIES: CitiesDto = {
  cities: [
    rule({}),
    rule({
      province: '北京市',
      provincePrefix: '京',
      city: '北京市',
      cityPrefix: '京',
      vinLength: 0,
      engineNoLength: -1,
      vinHint: '无需车架号',
      engineNoHint: '完整发动机号',
      needsPhone: false,
    }),
  ],
  carTypes: [
    { value: '01', label: '大型汽车' },
    { value: '02', label: '小型汽车' },
    { value: '51', label: '大型新能源汽车' },
    { value: '52', label: '小型新能源汽车' },
    { value: '15', label: '挂车' },
  ],
};

function press(container: HTMLElement, keys: string) {
  for (const key of keys) {
    const button = [...container.querySelectorAll('.plate-key')].find((el) => el.textContent === key);
    if (!button) throw new Error(`no key ${key}`);
    fireEvent.click(button);
  }
}

async function type(container: HTMLElement, selector: string, value: string) {
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

describe('CarForm', () => {
  it('shows the number fields only as the plate’s city needs them, with how many characters', () => {
    const { container } = render(<CarForm cities={CITIES} savedPhone={null} onSubmit={jest.fn()} />);
    expect(container.querySelector('.car-vin-field')).toBeNull();
    press(container, '京A');
    expect(container.querySelector('.car-city-hint')?.textContent).toContain('北京市');
    expect(container.querySelector('.car-city-hint')?.textContent).toContain('完整发动机号');
    expect(container.querySelector('.car-vin-field')).toBeNull();
    expect(container.querySelector('.car-engine-field')).not.toBeNull();

    fireEvent.click(container.querySelector('.plate-key--delete') as Element);
    fireEvent.click(container.querySelector('.plate-key--delete') as Element);
    press(container, '浙A');
    expect(container.querySelector('.car-city-hint')?.textContent).toContain('车架号后6位、发动机号后6位');
    expect(container.querySelector('.car-vin-field')).not.toBeNull();
    expect(container.querySelector('.car-phone-field')).not.toBeNull();
  });

  it('offers the province grid first, then letters without I and O', () => {
    const { container } = render(<CarForm cities={CITIES} savedPhone={null} onSubmit={jest.fn()} />);
    const keys = () =>
      [...container.querySelectorAll('.plate-key:not(.plate-key--delete)')].map((el) => el.textContent);
    expect(keys()).toContain('浙');
    expect(keys()).toHaveLength(31);
    press(container, '浙');
    expect(keys()).not.toContain('I');
    expect(keys()).not.toContain('O');
    expect(keys()).not.toContain('1'); // the authority is a letter
  });

  it('defaults to a small car and sends the numbers once everything needed is there', async () => {
    const onSubmit = jest.fn();
    const { container } = render(<CarForm cities={CITIES} savedPhone={null} onSubmit={onSubmit} />);
    press(container, '浙A66688');
    expect(container.querySelector('.car-type-chip--on')?.textContent).toBe('小型汽车');
    fireEvent.click(container.querySelector('.car-form-submit') as Element);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(container.querySelector('.car-vin-error')?.textContent).toBe('请输入车架号后6位');
    expect(container.querySelector('.car-phone-error')?.textContent).toContain('需要车主手机号');

    await type(container, '.car-vin-input', '184847');
    await type(container, '.car-engine-input', '5448dt');
    await type(container, '.car-phone-input', '13912345678');
    fireEvent.click(container.querySelector('.car-form-submit') as Element);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(container.querySelector('.car-form-error')?.textContent).toContain('《车辆信息使用说明》');
    fireEvent.click(container.querySelector('.car-form__consent-text') as Element);
    fireEvent.click(container.querySelector('.car-form-submit') as Element);
    expect(onSubmit).toHaveBeenCalledWith({
      plateNumber: '浙A66688',
      carType: '02',
      vin: '184847',
      engineNo: '5448DT',
      phone: '13912345678',
    });
  });

  it('says when a plate’s region is not open', () => {
    const onSubmit = jest.fn();
    const { container } = render(<CarForm cities={CITIES} savedPhone={null} onSubmit={onSubmit} />);
    press(container, '皖N55677');
    fireEvent.click(container.querySelector('.car-form-submit') as Element);
    expect(container.querySelector('.car-plate-error')?.textContent).toBe('暂不支持皖N车辆的违章查询');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
