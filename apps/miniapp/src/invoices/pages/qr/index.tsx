import { Button, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { submitQrText } from '../../../features/invoices/api/invoices-api';
import type { InvoiceScan } from '../../../features/invoices/api/types';
import { UploadProgress } from '../../../features/invoices/components/upload-progress';
import { errorMessage, useScanUpload } from '../../../features/invoices/hooks/use-scan-upload';
import { INVOICE_ROUTES } from '../../../features/invoices/routes';
import './index.scss';

const EXAMPLE = '01,32,,24442000000123456789,283.02,20240412,,A1B2';

/**
 * Where there is no camera scanner (a browser), or the scanner cannot be used: paste the text another
 * scanner read, or choose a picture of the code. Both are read at once; an unclear picture goes to the vendor.
 */
export default function InvoiceQrPage() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const show = (scan: InvoiceScan) => void Taro.redirectTo({ url: INVOICE_ROUTES.detail(scan.id) });
  const upload = useScanUpload(show);

  const submit = async () => {
    if (!text.trim()) {
      setError('请粘贴或输入发票二维码的内容');
      return;
    }
    setSending(true);
    setError(null);
    try {
      show(await submitQrText(text.trim()));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="invoice-qr-page">
      <View className="invoice-qr-card">
        <View className="invoice-qr-card__title">粘贴二维码内容</View>
        <View className="invoice-qr-card__hint">电子发票和数电票的二维码内容以“01,”开头，例如：{EXAMPLE}</View>
        <TextArea
          className="invoice-qr-text"
          value={text}
          placeholder="在此粘贴或输入二维码内容"
          maxLength={512}
          rows={4}
          onChange={(value) => {
            setText(value);
            setError(null);
          }}
        />
        {error ? <View className="invoice-qr-error">{error}</View> : null}
        <Button className="invoice-qr-submit" type="primary" block loading={sending} onClick={() => void submit()}>
          读取发票信息
        </Button>
      </View>
      <View className="invoice-qr-card">
        <View className="invoice-qr-card__title">或选择二维码图片</View>
        <View className="invoice-qr-card__hint">截图或照片均可，请让二维码完整、清晰</View>
        <Button
          className="invoice-qr-image"
          type="primary"
          fill="outline"
          block
          disabled={upload.busy}
          onClick={() => void upload.choose({ kind: 'qr-image' }, 'album')}
        >
          选择二维码图片
        </Button>
      </View>
      <UploadProgress phase={upload.phase} percent={upload.percent} />
    </View>
  );
}
