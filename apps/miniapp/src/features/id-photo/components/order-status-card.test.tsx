import { render } from '@testing-library/react';
import type { IdPhotoOrderDto } from '../api/types';
import { describeStatus, OrderStatusCard } from './order-status-card';

function order(status: IdPhotoOrderDto['order']['status'], overrides: Partial<IdPhotoOrderDto['details']> = {}) {
  return {
    order: {
      id: 7,
      orderNo: 'BS2503010000000001',
      kind: 'id_photo',
      status,
      title: '身份证回执',
      amountFen: 700,
      createdAt: '2025-03-01T06:00:00.000Z',
      updatedAt: '2025-03-01T06:00:00.000Z',
    },
    events: [],
    details: {
      spec: {
        itemId: 21,
        name: '身份证',
        category: '证件照',
        widthMm: 26,
        heightMm: 32,
        widthPx: 358,
        heightPx: 441,
        dpi: 350,
        fileSizeMsg: '20-60KB',
        colors: ['white'],
      },
      color: 'white',
      round: 1,
      params: [],
      isPrint: false,
      printAddress: null,
      receiptPriceFen: 700,
      printPriceFen: 0,
      photoId: 3,
      photoExpired: false,
      previews: [],
      receiptUrl: null,
      photoUrl: null,
      printUrl: null,
      filesDeleted: false,
      deleteAfter: null,
      rejectMsg: null,
      logistics: null,
      awaitingConfirmation: false,
      receiptReady: false,
      submitting: false,
      canCancel: false,
      canResubmit: false,
      ...overrides,
    },
    payment: null,
  } satisfies IdPhotoOrderDto;
}

const states = (container: HTMLElement) =>
  [...container.querySelectorAll('.id-photo-steps__item')].map((item) =>
    item.className.replace(/.*id-photo-steps__item--/, ''),
  );

describe('OrderStatusCard', () => {
  it('shows a rejected order as needing the person, at the review step', () => {
    const { container } = render(<OrderStatusCard detail={order('action_required', { rejectMsg: '背景不均匀' })} />);
    expect(container.textContent).toContain('审核未通过');
    expect(states(container)).toEqual(['done', 'warn', 'todo']);
    expect(container.querySelector('.id-photo-steps__item--warn')?.textContent).toContain('未通过');
  });

  it('says a submission whose answer was lost is being confirmed, not to submit again', () => {
    const { container } = render(<OrderStatusCard detail={order('pending', { awaitingConfirmation: true })} />);
    expect(container.textContent).toContain('提交结果确认中');
    expect(container.textContent).toContain('无需重新提交');
    expect(states(container)).toEqual(['current', 'todo', 'todo']);
  });

  it('walks a print order through review, receipt and shipping', () => {
    expect(states(render(<OrderStatusCard detail={order('pending', { isPrint: true })} />).container)).toEqual([
      'done',
      'current',
      'todo',
      'todo',
    ]);
    const printing = order('processing', { isPrint: true, receiptReady: true });
    expect(describeStatus(printing).title).toBe('回执已办理完成，等待打印寄出');
    expect(states(render(<OrderStatusCard detail={printing} />).container)).toEqual([
      'done',
      'done',
      'done',
      'current',
    ]);
    expect(states(render(<OrderStatusCard detail={order('completed', { isPrint: true })} />).container)).toEqual([
      'done',
      'done',
      'done',
      'done',
    ]);
  });

  it('says a resubmitted order waits for its second review, and a cancelled one shows no steps', () => {
    expect(describeStatus(order('pending', { round: 2 })).title).toBe('已重新提交，等待审核');
    const { container } = render(<OrderStatusCard detail={order('cancelled')} />);
    expect(container.textContent).toContain('订单已取消');
    expect(container.querySelector('.id-photo-steps')).toBeNull();
  });
});
