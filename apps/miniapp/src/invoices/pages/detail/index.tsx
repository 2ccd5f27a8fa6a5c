import { Button } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { buildUrl } from '../../../shared/api/http';
import { useRequest } from '../../../shared/api/use-request';
import { formatDateTime } from '../../../shared/format';
import { usePullDownReload } from '../../../shared/hooks/use-page-events';
import { PaymentPanel } from '../../../shared/payment/payment-panel';
import { parseIdParam, ROUTES } from '../../../shared/routes';
import { EmptyState } from '../../../shared/ui/empty-state';
import { PageState } from '../../../shared/ui/page-state';
import { getInvoiceForOrder, retryWithKeptPhoto, setReimbursed } from '../../../features/invoices/api/invoices-api';
import type { InvoiceScan } from '../../../features/invoices/api/types';
import { BillDetail } from '../../../features/invoices/components/bill-detail';
import { DuplicateWarning } from '../../../features/invoices/components/duplicate-warning';
import { ScanStateCard } from '../../../features/invoices/components/scan-state-card';
import { UploadProgress } from '../../../features/invoices/components/upload-progress';
import { useInvoice } from '../../../features/invoices/hooks/use-invoice';
import { useScanPrice } from '../../../features/invoices/hooks/use-scan-price';
import { errorMessage, useScanUpload } from '../../../features/invoices/hooks/use-scan-upload';
import { SOURCE_LABELS } from '../../../features/invoices/labels';
import { INVOICE_ROUTES } from '../../../features/invoices/routes';
import './index.scss';

function Detail({ id }: { id: number }) {
  const invoice = useInvoice(id);
  usePullDownReload(invoice.reload);
  const [busy, setBusy] = useState(false);
  const goTo = (scan: InvoiceScan) => void Taro.redirectTo({ url: INVOICE_ROUTES.detail(scan.id) });
  const { priceFen } = useScanPrice();
  const upload = useScanUpload(goTo, priceFen);

  const toggleReimbursed = async (scan: InvoiceScan) => {
    setBusy(true);
    try {
      invoice.replace(await setReimbursed(scan.id, !scan.reimbursedAt));
      void Taro.showToast({ title: scan.reimbursedAt ? '已撤销报销标记' : '已标记为报销', icon: 'success' });
    } catch {
      // request() has shown why.
    } finally {
      setBusy(false);
    }
  };

  const retryKept = async (scan: InvoiceScan) => {
    setBusy(true);
    try {
      goTo(await retryWithKeptPhoto(scan.id, priceFen));
    } catch (error) {
      void Taro.showModal({ title: '无法重新识别', content: errorMessage(error), showCancel: false });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageState {...invoice}>
      {(scan) => (
        <View className="invoice-detail">
          {scan.duplicateOf ? (
            <DuplicateWarning
              original={scan.duplicateOf}
              onOpen={() => void Taro.navigateTo({ url: INVOICE_ROUTES.detail(scan.duplicateOf!.id) })}
            />
          ) : null}
          {scan.payment ? <PaymentPanel payment={scan.payment} onChanged={invoice.reload} /> : null}
          <ScanStateCard
            scan={scan}
            busy={busy || upload.busy}
            onRetryKept={() => void retryKept(scan)}
            onRetakePhoto={() => void upload.choose({ kind: 'retry', scanId: scan.id }, 'camera')}
          />
          {scan.status === 'recognised' ? <BillDetail scan={scan} /> : null}
          {scan.photoUrl ? (
            <View className="invoice-photo">
              <Image
                className="invoice-photo__image"
                src={buildUrl(scan.photoUrl)}
                mode="widthFix"
                onClick={() => void Taro.previewImage({ urls: [buildUrl(scan.photoUrl!)] })}
              />
            </View>
          ) : null}
          <View className="invoice-meta">
            <Text>
              {SOURCE_LABELS[scan.source]} · {formatDateTime(scan.createdAt)}
            </Text>
            <Text
              className="invoice-meta__link"
              onClick={() => void Taro.navigateTo({ url: ROUTES.orderDetail(scan.orderId) })}
            >
              办理进度 ›
            </Text>
          </View>
          {scan.status === 'recognised' && !scan.duplicateOf ? (
            <View className="invoice-actions">
              <Button
                className="invoice-reimburse"
                type="primary"
                fill={scan.reimbursedAt ? 'outline' : 'solid'}
                block
                disabled={busy}
                onClick={() => void toggleReimbursed(scan)}
              >
                {scan.reimbursedAt ? '撤销报销标记' : '标记为已报销'}
              </Button>
              {scan.reimbursedAt ? (
                <View className="invoice-actions__note">已于 {formatDateTime(scan.reimbursedAt)} 标记为报销</View>
              ) : null}
            </View>
          ) : null}
          <UploadProgress phase={upload.phase} percent={upload.percent} />
        </View>
      )}
    </PageState>
  );
}

/** Opened from 我的订单 with the order's id: finds the scan behind it, then shows it as from the list. */
function DetailOfOrder({ orderId }: { orderId: number }) {
  const scan = useRequest(`order:${orderId}`, () => getInvoiceForOrder(orderId));
  return <PageState {...scan}>{(found) => <Detail id={found.id} />}</PageState>;
}

export default function InvoiceDetailPage() {
  const { params } = useRouter();
  const id = parseIdParam(params.id);
  const orderId = parseIdParam(params.orderId);
  if (id === null && orderId === null) {
    return <EmptyState title="票据不存在" description="链接有误，请从票据列表进入" />;
  }
  return (
    <View className="invoice-detail-page">
      {id !== null ? <Detail id={id} /> : <DetailOfOrder orderId={orderId as number} />}
    </View>
  );
}
