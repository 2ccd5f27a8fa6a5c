import { render } from '@testing-library/react';
import type { ViewSectionDto } from '../api/types';
import { ViewSections } from './view-sections';

const sections: ViewSectionDto[] = [
  {
    key: 'order',
    title: '订单信息',
    fields: [
      { label: '订单号', value: 'BS202503010001' },
      { label: '状态', value: '已失败', tone: 'danger' },
    ],
  },
  {
    key: 'id_photo.files',
    title: '照片与回执',
    fields: [
      { label: '证件照', value: '查看', type: 'image', url: 'https://files.example/p.jpg' },
      { label: '回执', value: '打开回执', type: 'link', url: 'https://files.example/r.pdf' },
    ],
  },
];

describe('ViewSections', () => {
  it("renders the server's sections as titled label/value rows, images as thumbnails, files as links", () => {
    const { container } = render(<ViewSections sections={sections} />);
    const titles = [...container.querySelectorAll('.view-section')].map((s) => s.className);
    expect(titles).toEqual([
      expect.stringContaining('view-section--order'),
      expect.stringContaining('view-section--id_photo-files'),
    ]);
    const text = container.textContent ?? '';
    for (const words of ['订单信息', '订单号', 'BS202503010001', '照片与回执', '打开回执'])
      expect(text).toContain(words);
    expect(container.querySelector('.view-field__value--danger')?.textContent).toBe('已失败');
    expect(container.querySelector('.view-field__image')).not.toBeNull();
    expect(container.querySelector('.view-field__link')?.textContent).toBe('打开回执');
  });
});
