import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { INVOICE_ROUTES } from '../routes';
import type { InvoiceScan } from '../api/types';
import './scan-state-card.scss';

interface ScanStateCardProps {
  scan: InvoiceScan;
  busy: boolean;
  onRetryKept: () => void;
  onRetakePhoto: () => void;
}

/** Before paying, while the vendor reads the bill, and when it could not: what happened and what to do now. */
export function ScanStateCard({ scan, busy, onRetryKept, onRetakePhoto }: ScanStateCardProps) {
  if (scan.status === 'unpaid') {
    return (
      <View className="scan-state scan-state--unpaid">
        <View className="scan-state__title">照片已上传，待支付</View>
        <View className="scan-state__text">支付后即开始识别；未能识别的将全额退款</View>
      </View>
    );
  }
  if (scan.status === 'recognising') {
    return (
      <View className="scan-state scan-state--recognising">
        <View className="scan-state__spinner" />
        <View className="scan-state__title">正在识别票据…</View>
        <View className="scan-state__text">通常几秒钟即可完成，结果会自动显示，您也可以先离开本页面</View>
      </View>
    );
  }
  if (scan.status !== 'failed' && scan.status !== 'closed') return null;
  const closed = scan.status === 'closed';
  return (
    <View className={`scan-state scan-state--${scan.status}`}>
      <View className="scan-state__icon">!</View>
      <View className="scan-state__title">{closed ? '订单已关闭' : '识别失败'}</View>
      <View className="scan-state__text">
        {closed ? '未在规定时间内支付，照片未提交识别' : (scan.failureMessage ?? '票据无法识别，请重新拍摄后上传')}
      </View>
      {scan.retryable ? (
        <View className="scan-state__actions">
          <Button className="scan-retake" type="primary" block disabled={busy} onClick={onRetakePhoto}>
            {scan.source === 'photo' ? '重新拍摄' : '重新选择二维码图片'}
          </Button>
          {scan.photoUrl ? (
            <Button
              className="scan-retry-kept"
              fill="outline"
              type="primary"
              block
              disabled={busy}
              onClick={onRetryKept}
            >
              用原照片重新识别
            </Button>
          ) : null}
        </View>
      ) : scan.replacedById ? (
        <View className="scan-state__actions">
          <View className="scan-state__text">这张票据已重新识别</View>
          <Button
            className="scan-open-latest"
            fill="outline"
            type="primary"
            block
            onClick={() => void Taro.redirectTo({ url: INVOICE_ROUTES.detail(scan.replacedById as number) })}
          >
            查看最新的识别记录
          </Button>
        </View>
      ) : null}
    </View>
  );
}
