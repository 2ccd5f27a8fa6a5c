import { fireEvent, render } from '@testing-library/react';
import type { SpecDto, SpecListDto } from '../api/types';
import { filterSpecs, SpecPicker } from './spec-picker';

const spec = (overrides: Partial<SpecDto>): SpecDto => ({
  itemId: 1,
  name: '一寸',
  category: '常用尺寸',
  categoryId: 1,
  widthMm: 25,
  heightMm: 35,
  widthPx: 295,
  heightPx: 413,
  dpi: 300,
  colors: ['white', 'blue', 'red'],
  fileSizeMsg: '不限',
  params: [],
  oneOf: [],
  printLayout: false,
  priceFen: 700,
  printPriceFen: 700,
  ...overrides,
});

const data: SpecListDto = {
  categories: [
    { id: 1, name: '常用尺寸', count: 1 },
    { id: 3, name: '出入境', count: 2 },
  ],
  items: [
    spec({}),
    spec({
      itemId: 31,
      name: '护照',
      category: '出入境',
      categoryId: 3,
      widthMm: 33,
      heightMm: 48,
      widthPx: 390,
      heightPx: 567,
      colors: ['white'],
      fileSizeMsg: '40-120KB',
    }),
    spec({ itemId: 32, name: '港澳通行证', category: '出入境', categoryId: 3, colors: ['white'] }),
  ],
};

describe('SpecPicker', () => {
  it('shows each spec with its size in mm and px, dpi, backgrounds and file size', () => {
    const { container } = render(<SpecPicker data={data} onPick={jest.fn()} />);
    const cards = container.querySelectorAll('.spec-card');
    expect(cards).toHaveLength(3);
    expect(cards[1].textContent).toContain('护照');
    expect(cards[1].querySelector('.spec-card__mm')?.textContent).toBe('33×48mm');
    expect(cards[1].querySelector('.spec-card__px')?.textContent).toBe('390×567px');
    expect(cards[1].textContent).toContain('300dpi');
    expect(cards[1].textContent).toContain('白底');
    expect(cards[1].textContent).toContain('文件 40-120KB');
    expect(cards[0].textContent).toContain('蓝底');
    expect(cards[0].textContent).not.toContain('文件');
  });

  it('filters by words and by category', () => {
    expect(filterSpecs(data.items, '通行', null).map((item) => item.name)).toEqual(['港澳通行证']);
    expect(filterSpecs(data.items, '出入境', null)).toHaveLength(2);
    expect(filterSpecs(data.items, '', 1).map((item) => item.name)).toEqual(['一寸']);
    expect(filterSpecs(data.items, '护照', 1)).toEqual([]);
  });

  it('opens the tapped spec', () => {
    const onPick = jest.fn();
    const { container } = render(<SpecPicker data={data} onPick={onPick} />);
    fireEvent.click(container.querySelectorAll('.spec-card')[2]);
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ itemId: 32 }));
  });
});
