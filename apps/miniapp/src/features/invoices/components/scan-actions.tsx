import { ImageF, PhotographF, Scan } from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';
import './scan-actions.scss';

interface ScanActionsProps {
  disabled: boolean;
  onCamera: () => void;
  onAlbum: () => void;
  onQr: () => void;
}

const ACTIONS = [
  { key: 'camera', Icon: PhotographF, color: '#07c160', title: '拍照识别', hint: '纸质票据' },
  { key: 'album', Icon: ImageF, color: '#07c160', title: '相册选择', hint: '已拍的照片' },
  { key: 'qr', Icon: Scan, color: '#1677ff', title: '扫发票二维码', hint: '电子发票 · 数电票' },
] as const;

/** The three ways a bill gets in. */
export function ScanActions({ disabled, onCamera, onAlbum, onQr }: ScanActionsProps) {
  const handlers = { camera: onCamera, album: onAlbum, qr: onQr };
  return (
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
          <Text className="scan-action__hint">{action.hint}</Text>
        </View>
      ))}
    </View>
  );
}
