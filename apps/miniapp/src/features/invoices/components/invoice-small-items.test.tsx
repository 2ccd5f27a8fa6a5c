import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../shared/api/http';
import type { CursorListState } from '../../../shared/hooks/use-cursor-list';
import type { InvoiceScan, InvoiceScanSummary } from '../api/types';
import { InvoiceMonthList } from './invoice-month-list';
import { ScanStateCard } from './scan-state-card';

/** Issue 18, item 7: what the invoice pages show offline and after a failed scan. */
function list(overrides: Partial<CursorListState<InvoiceScanSummary>>): CursorListState<InvoiceScanSummary> {
  return {
    items: [],
    loading: false,
    loadingMore: false,
    hasMore: false,
    error: undefined,
    loadMore: jest.fn(),
    refresh: jest.fn(),
    ...overrides,
  };
}

const failedScan = (overrides: Partial<InvoiceScan>): InvoiceScan =>
  ({
    id: 5,
    orderId: 9,
    orderNo: 'B1',
    orderStatus: 'failed',
    source: 'photo',
    status: 'failed',
    billType: null,
    typeLabel: null,
    amountFen: null,
    issueDate: null,
    month: '2026-12',
    invoiceCode: null,
    invoiceNumber: null,
    fullyDigital: false,
    duplicateOf: null,
    reimbursedAt: null,
    failureMessage: '票据无法识别',
    retryable: false,
    createdAt: '2026-12-05T08:00:00Z',
    recognisedAt: null,
    photoUrl: null,
    bill: null,
    qr: null,
    warnings: [],
    retryOfId: null,
    replacedById: null,
    ...overrides,
  }) as InvoiceScan;

describe('the invoice list offline', () => {
  it('says the load failed and offers a retry, never "还没有票据"', () => {
    const offline = list({ error: new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE) });
    const { container } = render(<InvoiceMonthList list={offline} months={[]} filtered={false} onOpen={jest.fn()} />);
    expect(container.textContent).toContain('加载失败');
    expect(container.textContent).toContain(NETWORK_ERROR_MESSAGE);
    expect(container.textContent).not.toContain('还没有票据');
    fireEvent.click(container.querySelector('.empty-state__action') as Element);
    expect(offline.refresh).toHaveBeenCalled();
  });

  it('says "还没有票据" only when the list loaded and is empty', () => {
    const { container } = render(<InvoiceMonthList list={list({})} months={[]} filtered={false} onOpen={jest.fn()} />);
    expect(container.textContent).toContain('还没有票据');
  });
});

describe('a failed scan that was scanned again', () => {
  it('links to the newer record', () => {
    const { container } = render(
      <ScanStateCard
        scan={failedScan({ replacedById: 12 })}
        busy={false}
        onRetryKept={jest.fn()}
        onRetakePhoto={jest.fn()}
      />,
    );
    expect(container.textContent).toContain('这张票据已重新识别');
    fireEvent.click(container.querySelector('.scan-open-latest') as Element);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: expect.stringMatching(/id=12$/) });
  });

  it('has no such link when there is no newer record', () => {
    const { container } = render(
      <ScanStateCard scan={failedScan({})} busy={false} onRetryKept={jest.fn()} onRetakePhoto={jest.fn()} />,
    );
    expect(container.querySelector('.scan-open-latest')).toBeNull();
  });
});
