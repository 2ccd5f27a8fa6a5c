import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { submitQrText } from '../../../features/invoices/api/invoices-api';
import { NO_FILTERS, type ExportFormat, type InvoiceFilters } from '../../../features/invoices/api/types';
import { InvoiceFilterBar } from '../../../features/invoices/components/invoice-filters';
import { InvoiceMonthList } from '../../../features/invoices/components/invoice-month-list';
import { ScanActions } from '../../../features/invoices/components/scan-actions';
import { TotalsCard } from '../../../features/invoices/components/totals-card';
import { UploadProgress } from '../../../features/invoices/components/upload-progress';
import { useInvoiceList } from '../../../features/invoices/hooks/use-invoice-list';
import { useScanPrice } from '../../../features/invoices/hooks/use-scan-price';
import { errorMessage, useScanUpload } from '../../../features/invoices/hooks/use-scan-upload';
import { saveExport } from '../../../features/invoices/platform/save-export';
import { scanInvoiceQr } from '../../../features/invoices/platform/scan-qr';
import { INVOICE_ROUTES } from '../../../features/invoices/routes';
import { useInfiniteScroll, useReloadOnReturn } from '../../../shared/hooks/use-page-events';
import './index.scss';

const EXPORT_FORMATS: ExportFormat[] = ['xlsx', 'csv'];

export default function InvoicesPage() {
  const [filters, setFilters] = useState<InvoiceFilters>(NO_FILTERS);
  const [exporting, setExporting] = useState(false);
  const { list, totals, months, refresh } = useInvoiceList(filters);
  useInfiniteScroll({ loadMore: list.loadMore, refresh });
  // Scans recognised, marked or retried while the user was on a detail page.
  useReloadOnReturn(refresh);
  const open = (id: number) => void Taro.navigateTo({ url: INVOICE_ROUTES.detail(id) });
  const price = useScanPrice();
  const upload = useScanUpload((scan) => open(scan.id), price.priceFen);

  const scanQr = async () => {
    const outcome = await scanInvoiceQr();
    if (outcome.kind === 'manual') {
      void Taro.navigateTo({ url: INVOICE_ROUTES.qr });
      return;
    }
    if (outcome.kind !== 'text') return;
    try {
      void Taro.showLoading({ title: '正在读取…' });
      const scan = await submitQrText(outcome.text);
      void Taro.hideLoading();
      open(scan.id);
    } catch (error) {
      void Taro.hideLoading();
      void Taro.showModal({ title: '无法读取二维码', content: errorMessage(error), showCancel: false });
    }
  };

  const exportList = async () => {
    let format: ExportFormat;
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: ['导出 Excel 表格（.xlsx）', '导出 CSV 文件'] });
      format = EXPORT_FORMATS[tapIndex];
    } catch {
      return;
    }
    setExporting(true);
    try {
      await saveExport(format, filters);
      void Taro.showToast({ title: '已导出', icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: (error as Error).message || '导出失败，请稍后重试', icon: 'none', duration: 2500 });
    } finally {
      setExporting(false);
    }
  };

  const filtered = filters.type !== null || filters.month !== null || filters.reimbursed !== null;
  return (
    <View className="invoices-page">
      <View className="invoices-hero">
        <View className="invoices-hero__title">票据识别</View>
        <View className="invoices-hero__sub">拍照或扫码，自动识别票面、查重、按月汇总</View>
      </View>
      <ScanActions
        disabled={upload.busy}
        photoPriceFen={price.priceFen}
        onCamera={() => void upload.choose({ kind: 'photo' }, 'camera')}
        onAlbum={() => void upload.choose({ kind: 'photo' }, 'album')}
        onQr={() => void scanQr()}
      />
      <TotalsCard totals={totals} exporting={exporting} onExport={() => void exportList()} />
      <InvoiceFilterBar value={filters} months={months} onChange={setFilters} />
      <InvoiceMonthList list={list} months={months} filtered={filtered} onOpen={(scan) => open(scan.id)} />
      <UploadProgress phase={upload.phase} percent={upload.percent} />
    </View>
  );
}
