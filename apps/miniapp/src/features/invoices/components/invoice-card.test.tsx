import { fireEvent, render } from '@testing-library/react';
import { scanFixture, summaryFixture } from '../test-fixtures';
import { DuplicateWarning } from './duplicate-warning';
import { InvoiceCard } from './invoice-card';
import { ScanStateCard } from './scan-state-card';

describe('invoice list and states', () => {
  it('a duplicate is marked and its amount struck through; a failed one says why', () => {
    const duplicate = render(
      <InvoiceCard
        scan={summaryFixture({
          duplicateOf: { id: 1, orderNo: 'BS1', scannedAt: '2024-03-08T02:00:00.000Z', reimbursedAt: null },
        })}
        onClick={jest.fn()}
      />,
    );
    expect(duplicate.container.querySelector('.invoice-card__tag')?.textContent).toBe('重复');
    expect(duplicate.container.querySelector('.invoice-card__amount.is-struck')?.textContent).toBe('¥32.60');

    const failed = render(
      <InvoiceCard
        scan={summaryFixture({
          status: 'failed',
          typeLabel: null,
          billType: null,
          issueDate: null,
          failureMessage: '图片模糊',
        })}
        onClick={jest.fn()}
      />,
    );
    expect(failed.container.textContent).toContain('未能识别的票据');
    expect(failed.container.textContent).toContain('图片模糊');
  });

  it('the duplicate warning names the earlier scan and opens it', () => {
    const onOpen = jest.fn();
    const { container, getByText } = render(
      <DuplicateWarning
        original={{
          id: 1,
          orderNo: 'BS2403080000000001',
          scannedAt: '2024-03-08T02:00:00.000Z',
          reimbursedAt: '2024-03-09T02:00:00.000Z',
        }}
        onOpen={onOpen}
      />,
    );
    expect(container.textContent).toContain('2024-03-08 10:00');
    expect(container.textContent).toContain('BS2403080000000001');
    expect(container.textContent).toContain('已标记为报销');
    fireEvent.click(getByText('查看原票据 ›'));
    expect(onOpen).toHaveBeenCalled();
  });

  it('a failed scan offers a new photo and, when the photo was kept, recognising it again', () => {
    const onRetryKept = jest.fn();
    const { container, getByText } = render(
      <ScanStateCard
        scan={scanFixture({
          status: 'failed',
          failureMessage: '图片模糊，请重新拍摄',
          retryable: true,
          photoUrl: '/api/files/x',
        })}
        busy={false}
        onRetryKept={onRetryKept}
        onRetakePhoto={jest.fn()}
      />,
    );
    expect(container.textContent).toContain('图片模糊，请重新拍摄');
    fireEvent.click(getByText('用原照片重新识别'));
    expect(onRetryKept).toHaveBeenCalled();
    const recognising = render(
      <ScanStateCard
        scan={scanFixture({ status: 'recognising' })}
        busy={false}
        onRetryKept={jest.fn()}
        onRetakePhoto={jest.fn()}
      />,
    );
    expect(recognising.container.textContent).toContain('正在识别票据');
  });
});
