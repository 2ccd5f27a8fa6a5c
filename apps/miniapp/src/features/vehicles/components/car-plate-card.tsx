import { Text, View } from '@tarojs/components';
import type { CityRule } from '../api/types';
import { PlateCells } from './plate-cells';

interface CarPlateCardProps {
  /** Editing: the stored plate, which cannot change. */
  fixedPlate?: string;
  plate: string;
  newEnergy: boolean;
  keyboard: boolean;
  rule: CityRule | undefined;
  error?: string;
  onFocus: () => void;
  onToggleNewEnergy: (next: boolean) => void;
}

/** What the city asks for besides the plate, as soon as its region is typed. */
function CityHint({ rule }: { rule: CityRule | undefined }) {
  if (!rule) {
    return (
      <View className="car-form__city car-form__city--muted">输入车牌前两位后，这里会显示该城市需要填写的信息</View>
    );
  }
  const needed = [rule.vinLength !== 0 ? rule.vinHint : null, rule.engineNoLength !== 0 ? rule.engineNoHint : null];
  return (
    <View className="car-form__city car-city-hint">
      <Text className="car-form__city-name">{rule.city}</Text>
      <Text>查询需要：{needed.filter(Boolean).join('、') || '仅车牌号'}</Text>
    </View>
  );
}

/** The plate (typed on the plate keyboard, or fixed when editing) and the city rule it implies. */
export function CarPlateCard({ fixedPlate, plate, newEnergy, keyboard, rule, error, ...handlers }: CarPlateCardProps) {
  return (
    <View className="car-form__card">
      <View className="car-form__label">车牌号码</View>
      {fixedPlate !== undefined ? (
        <View className="car-form__plate-fixed">{fixedPlate}</View>
      ) : (
        <PlateCells
          value={plate}
          newEnergy={newEnergy}
          active={keyboard}
          onFocus={handlers.onFocus}
          onToggleNewEnergy={handlers.onToggleNewEnergy}
        />
      )}
      {error ? <View className="car-form__error car-plate-error">{error}</View> : null}
      <CityHint rule={rule} />
    </View>
  );
}
