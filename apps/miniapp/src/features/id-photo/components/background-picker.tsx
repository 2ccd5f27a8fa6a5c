import { Image, Text, View } from '@tarojs/components';
import { API_BASE_URL } from '../../../shared/api/base-url';
import type { PreviewDto } from '../api/types';
import { colorHex, colorLabel } from '../labels';
import './background-picker.scss';

interface BackgroundPickerProps {
  previews: PreviewDto[];
  value: string;
  onChange: (color: string) => void;
}

/** The made photo on each background of the spec; the chosen one is shown large. */
export function BackgroundPicker({ previews, value, onChange }: BackgroundPickerProps) {
  const chosen = previews.find((preview) => preview.color === value) ?? previews[0];
  if (!chosen) return null;
  return (
    <View className="background-picker">
      <View className="background-picker__stage">
        <Image className="background-picker__photo" src={`${API_BASE_URL}${chosen.url}`} mode="aspectFit" />
      </View>
      <View className="background-picker__title">选择背景颜色</View>
      <View className="background-picker__options">
        {previews.map((preview) => (
          <View
            key={preview.color}
            className={`background-option ${preview.color === chosen.color ? 'background-option--active' : ''}`}
            onClick={() => onChange(preview.color)}
          >
            <View className="background-option__swatch" style={{ background: colorHex(preview.color) }} />
            <Text className="background-option__label">{colorLabel(preview.color)}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
