import { render } from '@testing-library/react';
import { detailNodes } from './kind-details-format';
import { KindDetails } from './kind-details';

describe('KindDetails', () => {
  const sample = {
    order: { id: 1 },
    events: [],
    details: {
      specName: '二寸照',
      status: 'completed',
      priceFen: 1990,
      createdAt: '2025-03-01T06:05:00.000Z',
      photoUrl: '/api/files/abc?exp=1&sig=x',
      isPrint: false,
      logistics: { expressName: '顺丰', expressNo: 'SF123' },
      previews: ['/api/files/p1?sig=1', '/api/files/p2?sig=2'],
      warnings: [],
      lines: [{ name: '住宿费', amountFen: 30000 }],
      customField: 'x',
    },
  };

  it('turns any shape into labelled rows: money, times, booleans, sub-lists, numbered items and thumbnails', () => {
    const nodes = detailNodes(sample);
    expect(nodes.map((node) => node.label)).toEqual(['详情']);
    const group = nodes[0];
    if (group.type !== 'group') throw new Error('expected a group');
    const byLabel = Object.fromEntries(group.children.map((node) => [node.label, node]));
    expect(byLabel['证件照规格']).toEqual({ type: 'text', label: '证件照规格', value: '二寸照' });
    expect(byLabel['状态']).toMatchObject({ value: '已完成' });
    expect(byLabel['价格']).toMatchObject({ value: '¥19.90' });
    expect(byLabel['创建时间']).toMatchObject({ value: '2025-03-01 14:05' });
    expect(byLabel['照片']).toEqual({ type: 'image', label: '照片', url: '/api/files/abc?exp=1&sig=x' });
    expect(byLabel.isPrint).toMatchObject({ value: '否' });
    expect(byLabel['物流']).toMatchObject({
      type: 'group',
      children: [
        { type: 'text', label: '快递公司', value: '顺丰' },
        { type: 'text', label: '快递单号', value: 'SF123' },
      ],
    });
    expect(byLabel['预览']).toMatchObject({ type: 'group', children: [{ type: 'image' }, { type: 'image' }] });
    expect(byLabel.warnings).toMatchObject({ value: '无' });
    expect(byLabel['明细']).toMatchObject({
      type: 'group',
      children: [{ type: 'group', label: '第 1 项', children: [{ value: '住宿费' }, { value: '¥300.00' }] }],
    });
    expect(byLabel.customField).toMatchObject({ value: 'x' });
  });

  it('renders the rows, nested groups and thumbnails', () => {
    const { container } = render(<KindDetails nodes={detailNodes(sample)} />);
    expect(container.querySelectorAll('.kind-detail-group').length).toBeGreaterThanOrEqual(4);
    const images = [...container.querySelectorAll('.kind-detail__thumb')];
    expect(images).toHaveLength(3);
    expect(container.textContent).toContain('顺丰');
    expect(container.textContent).not.toContain('events');
  });

  it('says so when there is nothing to show', () => {
    const { container } = render(<KindDetails nodes={[]} />);
    expect(container.textContent).toContain('没有更多详情');
  });
});
