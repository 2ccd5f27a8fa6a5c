import { ImageF, PhotographF, Scan } from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';
import { formatFen } from '../../../shared/format';
import './scan-actions.scss';

interface ScanActionsProps {
  disabled: boolean;
  /** The price of a photo recognition (0 or unknown: nothing is said about money). */
  photoPriceFen?: number;
  onCamera: () => void;
  onAlbum: () => void;
  onQr: () => void;
}

const ACTIONS = [
  { key: 'camera', Icon: PhotographF, color: '#07c160', title: '拍照识别', hint: '纸质票据' },
  { key: 'album', Icon: ImageF, color: '#07c160', title: '相册选择', hint: '已拍的照片' },
  { key: 'qr', Icon: Scan, color: '#1677ff', title: '扫发票二维码', hint: '电子发票 · 数电票' },
] as const;

/**
 * The three ways a bill gets in. When photo recognition is priced, its price is said before the user
 * chooses a photo: paid per photo, after uploading and before the vendor reads it; QR codes are free.
 */
export function ScanActions({ disabled, photoPriceFen = 0, onCamera, onAlbum, onQr }: ScanActionsProps) {
  const handlers = { camera: onCamera, album: onAlbum, qr: onQr };
  return (
    <View className="scan-actions-wrap">
      <View className="scan-actions">
        {ACTIONS.map((action) => (
          <View
            key={action.key}
            className={`scan-action scan-action--${action.key}${disabled ? ' scan-action--disabled' : ''}`}
            hoverClass="scan-action--pressed"
            onClick={() => {
              if (!disabled) handlers[action.key]();
            }}
          >
            <View className="scan-action__icon">
              <action.Icon size={26} color={action.color} />
            </View>
            <Text className="scan-action__title">{action.title}</Text>
            <Text className="scan-action__hint">
              {photoPriceFen > 0 && action.key !== 'qr' ? `${formatFen(photoPriceFen)}/张` : action.hint}
            </Text>
          </View>
        ))}
      </View>
      {photoPriceFen > 0 ? (
        <View className="scan-price-note">
          拍照识别 {formatFen(photoPriceFen)}
          /张（一张照片含多张票据也只收一次），上传后支付，支付后开始识别，未能识别全额退款；扫发票二维码免费
        </View>
      ) : null}
    </View>
  );
}
